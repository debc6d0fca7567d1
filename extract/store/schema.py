"""The database tables: one place that says what every column holds.

Fact tables all end in the same provenance columns (page, char_start, char_end, quote)
so that any fact can be traced to its place in `documents.text`. Money is HUGEINT đồng,
never a float.
"""

from __future__ import annotations

from extract.vocabulary import SOURCES, listed

PROVENANCE = [
    ("page", "INTEGER", "PDF page (1-based) the fact is on; NULL for DOCX/TXT"),
    ("char_start", "INTEGER", "start offset of the quoted source in documents.text"),
    ("char_end", "INTEGER", "end offset (exclusive) of the quoted source in documents.text"),
    ("quote", "VARCHAR", "the source text the fact was read from, as stored"),
]

# table -> list of (column, type, meaning)
TABLES: dict[str, list[tuple[str, str, str]]] = {
    "documents": [
        ("doc_id", "VARCHAR PRIMARY KEY", "content hash of the file's bytes (sha256, first 16 hex digits)"),
        ("file_name", "VARCHAR", "file name as found"),
        ("path", "VARCHAR", "path the file was read from"),
        (
            "format",
            "VARCHAR",
            "pdf, docx, doc, rtf, odt, html or txt, detected from the bytes (.doc/.rtf/.odt are read through LibreOffice)",
        ),
        ("bytes", "BIGINT", "file size in bytes"),
        ("pages", "INTEGER", "page count (PDF only)"),
        ("status", "VARCHAR", "ok or failed"),
        ("error", "VARCHAR", "why the file failed, in words a person can act on"),
        (
            "encoding",
            "VARCHAR",
            "detected text encoding (TXT: utf-8, utf-16, windows-1258, tcvn3, vni, '... mojibake repaired'; HTML: the page's charset); for DOCX/PDF/HTML the legacy font encoding converted, if any",
        ),
        ("ocr", "BOOLEAN", "true when the text came from OCR"),
        ("ocr_confidence", "DOUBLE", "mean OCR confidence (0-100) when ocr is true"),
        ("text", "VARCHAR", "the stored normalized text every character span points into"),
        ("doc_type", "VARCHAR", "ke_hoach, quyet_dinh, bao_cao, nghi_quyet, cong_van ..."),
        ("doc_number", "VARCHAR", "number as printed without spaces, e.g. 21/KH-UBND"),
        ("issued_date", "VARCHAR", "ISO 8601 at the precision printed (2022-02-21 or 2022-05)"),
        ("issuer", "VARCHAR", "issuing body, e.g. UBND huyện Mường Tè"),
        ("admin_level", "VARCHAR", "province, district or commune"),
        ("province", "VARCHAR", "province name without prefix"),
        ("district", "VARCHAR", "district name without prefix"),
        ("commune", "VARCHAR", "commune name without prefix"),
        ("province_code", "VARCHAR", "GSO province code (pre-2025 units)"),
        ("district_code", "VARCHAR", "GSO district code (pre-2025 units)"),
        ("commune_code", "VARCHAR", "GSO commune code (pre-2025 units)"),
        ("province_2025", "VARCHAR", "successor province after the 2025 merger"),
        ("period_start", "INTEGER", "first year of the period the plan covers"),
        ("period_end", "INTEGER", "last year of the period the plan covers"),
        ("title", "VARCHAR", "the document's title"),
        (
            "programme",
            "VARCHAR",
            "national target programme the document is for: poverty_2021_2025, poverty_2016_2020, poverty_2011_2015, "
            "new_rural, ethnic_minority, drug_prevention, merged_2026_2035, several or none (rules/programmes.yaml)",
        ),
        ("programme_page", "INTEGER", "PDF page of the words that decided the programme"),
        ("programme_char_start", "INTEGER", "start of the words that decided the programme in documents.text"),
        ("programme_char_end", "INTEGER", "end (exclusive) of the words that decided the programme"),
        ("programme_quote", "VARCHAR", "the words that decided the programme (title, legal basis or body), as stored"),
        (
            "is_plan",
            "BOOLEAN",
            "true for an administrative plan or decision (any programme); false for a file that is none "
            "(too little text, OCR below min_ocr_confidence, no document type): stored, but in no view",
        ),
        (
            "not_plan_reason",
            "VARCHAR",
            "why is_plan is false, in words naming the setting that decided; NULL when is_plan",
        ),
        ("extractor_version", "VARCHAR", "kehoach extractor version that produced the rows"),
        ("ingested_at", "TIMESTAMP", "when the rows were written"),
    ],
    "files": [
        ("path", "VARCHAR PRIMARY KEY", "every input file seen, by path"),
        ("doc_id", "VARCHAR", "the documents row it produced"),
        ("file_name", "VARCHAR", "file name"),
        ("bytes", "BIGINT", "size in bytes when last read"),
        ("status", "VARCHAR", "ok or failed"),
        ("error", "VARCHAR", "why it failed"),
        ("seen_at", "TIMESTAMP", "when it was last ingested"),
    ],
    "sections": [
        ("doc_id", "VARCHAR", "document"),
        ("section_id", "INTEGER", "1-based position of the heading in the document"),
        ("level", "INTEGER", "depth in the heading tree (1 = top)"),
        ("label", "VARCHAR", "number as printed: I, 2, 2.1, a, Điều 1; NULL for unnumbered headings"),
        ("label_kind", "VARCHAR", "title, article, roman, arabic, arabic2, arabic3, letter, emphasis"),
        ("title", "VARCHAR", "heading text after the label"),
        ("parent_id", "INTEGER", "section_id of the enclosing section"),
        ("char_start", "INTEGER", "start of the heading in documents.text"),
        ("char_end", "INTEGER", "end of the section's content"),
        ("heading_end", "INTEGER", "end of the heading line"),
        ("page", "INTEGER", "PDF page of the heading"),
    ],
    "components": [
        ("doc_id", "VARCHAR", "document"),
        ("code", "VARCHAR", "component code (DA1 ... DA7.2) following the title, see rules/components.yaml"),
        ("title", "VARCHAR", "title as written"),
        ("printed_number", "VARCHAR", "number as printed (may disagree with the code)"),
        ("implemented", "BOOLEAN", "false only where the plan says the locality does not carry it out"),
        ("reason", "VARCHAR", "why it is not carried out, when stated"),
        ("section_id", "INTEGER", "section holding the component"),
    ]
    + PROVENANCE,
    "amounts": [
        ("doc_id", "VARCHAR", "document"),
        ("component", "VARCHAR", "component code, NULL for the whole plan"),
        ("source", "VARCHAR", listed(SOURCES)),
        ("capital", "VARCHAR", "recurrent (vốn sự nghiệp), investment (đầu tư phát triển) or NULL"),
        ("vnd", "HUGEINT", "amount in whole đồng"),
        ("basis", "VARCHAR", "period (whole plan period) or annual (per-year figure)"),
        ("origin", "VARCHAR", "text or table"),
        ("raw", "VARCHAR", "the figure as written"),
        ("unit", "VARCHAR", "the unit as written (đồng, triệu đồng, tỷ đồng, ...)"),
        ("corrected", "BOOLEAN", "true when the printed unit was corrected by the document's arithmetic"),
        ("section_id", "INTEGER", "section holding the figure"),
    ]
    + PROVENANCE,
    "checks": [
        ("doc_id", "VARCHAR", "document"),
        ("kind", "VARCHAR", "what was checked (sum_mismatch, unit_corrected, numbering_mismatch, date_conflict, ...)"),
        ("component", "VARCHAR", "component concerned, if any"),
        ("detail", "VARCHAR", "what was found, in words"),
        ("expected", "VARCHAR", "value the arithmetic or rules expect"),
        ("found", "VARCHAR", "value the document states"),
    ]
    + PROVENANCE,
    "assignments": [
        ("doc_id", "VARCHAR", "document"),
        ("component", "VARCHAR", "component code or NULL"),
        ("task", "VARCHAR", "task table position (III.9) or NULL"),
        ("task_text", "VARCHAR", "the task as written"),
        ("role", "VARCHAR", "lead or support"),
        ("agency", "VARCHAR", "canonical agency name"),
        ("agency_raw", "VARCHAR", "agency as written"),
        ("agency_kind", "VARCHAR", "labour_social, agriculture, health, ... or NULL when unknown"),
        ("agency_level", "VARCHAR", "central, province, district or commune"),
        (
            "agency_key",
            "VARCHAR",
            "the kind of body, the same at every level and in every plan (labour_social for a Sở, a Phòng "
            "or the commune officer); see rules/agencies.yaml; NULL when unknown",
        ),
        ("timeframe", "VARCHAR", "Thời gian thực hiện as written"),
        ("year_start", "INTEGER", "first year of the timeframe, when stated"),
        ("year_end", "INTEGER", "last year of the timeframe, when stated"),
        ("section_id", "INTEGER", "section holding the assignment"),
    ]
    + PROVENANCE,
    "duties": [
        ("doc_id", "VARCHAR", "document"),
        ("agency", "VARCHAR", "the body given the duty, named as in assignments (one name per body in a plan)"),
        ("agency_raw", "VARCHAR", "the body as written"),
        ("agency_kind", "VARCHAR", "labour_social, agriculture, health, ... or NULL when unknown"),
        ("agency_key", "VARCHAR", "the kind of body, the same at every level and in every plan; NULL when unknown"),
        ("agency_level", "VARCHAR", "central, province, district or commune"),
        (
            "component",
            "VARCHAR",
            "a component code the duty paragraph names; NULL when it names none (one row per component)",
        ),
        ("item", "VARCHAR", "the item's number as printed (1, 1.2, d); NULL for an unnumbered paragraph"),
        ("duty", "VARCHAR", "the duty text, on one line"),
        ("section_id", "INTEGER", "section holding the duty"),
    ]
    + PROVENANCE,
    "targets": [
        ("doc_id", "VARCHAR", "document"),
        ("component", "VARCHAR", "component code or NULL"),
        ("indicator", "VARCHAR", "canonical indicator key from rules/indicators.yaml, NULL when unknown"),
        (
            "dimension",
            "VARCHAR",
            "poverty dimension: employment, health, education, housing, water_sanitation, information, income",
        ),
        ("text", "VARCHAR", "the clause stating the goal"),
        ("value", "DOUBLE", "the number (low end of a range)"),
        ("value_high", "DOUBLE", "high end of a range, else NULL"),
        (
            "unit",
            "VARCHAR",
            "%, %/year, households, people, people/year, per_10000_people, models, communes, districts, times, points; other counts the English plural of what they count",
        ),
        ("comparator", "VARCHAR", "eq, ge, gt, le, lt, range"),
        ("year", "INTEGER", "year the goal is for"),
        (
            "population",
            "VARCHAR",
            "whose rate the goal is when not everyone's: poor_near_poor, workers_of_poor_households, khmer, poor_districts, ... or NULL",
        ),
        ("section_id", "INTEGER", "section holding the goal"),
    ]
    + PROVENANCE,
    "references": [
        ("doc_id", "VARCHAR", "citing document"),
        ("ref_type", "VARCHAR", "quyet_dinh, ke_hoach, nghi_quyet, nghi_dinh, cong_van, ..."),
        ("ref_number", "VARCHAR", "number as printed without spaces"),
        ("ref_date", "VARCHAR", "ISO date of the cited document"),
        ("ref_issuer", "VARCHAR", "issuer of the cited document as written"),
        (
            "ref_level",
            "VARCHAR",
            "province, district or commune: level of the issuer's locality, NULL for central bodies",
        ),
        ("ref_unit_code", "VARCHAR", "GSO code (pre-2025) of the issuer's locality at ref_level"),
    ]
    + PROVENANCE,
}

FACT_TABLES = [t for t in TABLES if t not in ("documents", "files")]


def ddl() -> list[str]:
    """CREATE for every table, then ADD COLUMN for every column, so that a database written
    by an older release gains the columns added since (NULL in its old rows, which a new
    extractor version re-extracts)."""
    out = []
    for table, cols in TABLES.items():
        body = ", ".join(f'"{name}" {typ}' for name, typ, _ in cols)
        out.append(f'CREATE TABLE IF NOT EXISTS "{table}" ({body})')
    for table, cols in TABLES.items():
        out.extend(
            f'ALTER TABLE "{table}" ADD COLUMN IF NOT EXISTS "{name}" {typ}'
            for name, typ, _ in cols
            if "PRIMARY KEY" not in typ
        )
    return out


def columns(table: str) -> list[str]:
    return [name for name, _, _ in TABLES[table]]
