"""Views over the fact tables, created (or replaced) whenever the store is opened for writing.

Each entry is name -> SELECT; views are rebuilt from this dict so a new release's views
replace the old ones without a migration. Order matters: a view may read the ones above it.
VIEW_DOCS says what every column of a view holds (the export's data dictionary reads it),
so a view added here should add its columns there too.

A plan often reaches us more than once (the same plan as PDF, DOCX and text). `plans`
groups documents whose metadata agree into one `plan_key` and marks one rendition,
the one with the most facts, as `primary_rendition`; comparisons read only those rows,
so a district is counted once however many copies of its plan were ingested.

Money stays HUGEINT đồng all the way through; only shares are fractions.

`plans`, and so every view built on it, holds the administrative documents of one national
target programme: `poverty_2021_2025` in the views stored in the database, another (or
`all`) in the temporary views an analysis command makes for `--programme`. A page that is
no administrative document (no doc_type: a news item, a Q&A article, a site's navigation
page) or that the relevance step flagged `is_plan = false` (too little text, OCR below
min_ocr_confidence) is in no view, whatever the programme; every document's facts stay in
the tables. A row stored before is_plan existed (NULL) counts by its doc_type alone.
"""

from __future__ import annotations

from extract.errors import KehoachError
from extract.vocabulary import PROGRAMMES, SOURCES, listed

DEFAULT_PROGRAMME = "poverty_2021_2025"
ALL_PROGRAMMES = "all"
_PROGRAMME_FILTER = "/*programme*/"

_PLANS = """
WITH counts AS (
    SELECT d.doc_id,
        (SELECT count(*) FROM components c WHERE c.doc_id = d.doc_id)
      + (SELECT count(*) FROM amounts a WHERE a.doc_id = d.doc_id)
      + (SELECT count(*) FROM assignments s WHERE s.doc_id = d.doc_id)
      + (SELECT count(*) FROM targets t WHERE t.doc_id = d.doc_id) AS facts
    FROM documents d WHERE d.status = 'ok' AND d.doc_type IS NOT NULL AND d.is_plan IS NOT FALSE /*programme*/
), keyed AS (
    SELECT d.doc_id, d.file_name, d.format, d.doc_type, d.doc_number, d.issued_date, d.issuer, d.title, d.programme,
        d.admin_level, d.province, d.district, d.commune, d.province_code, d.district_code, d.commune_code,
        d.province_2025, d.period_start, d.period_end,
        CASE WHEN d.period_start IS NOT NULL AND d.period_end IS NOT NULL
             THEN d.period_end - d.period_start + 1 END AS years,
        nullif(concat_ws(', ', d.commune, d.district, d.province), '') AS jurisdiction,
        CASE WHEN coalesce(d.province, d.district, d.commune) IS NULL THEN d.doc_id
             ELSE concat_ws('|', d.doc_type, d.doc_number, d.issued_date, d.admin_level, d.province,
                            d.district, d.commune, d.period_start, d.period_end) END AS plan_key,
        c.facts
    FROM documents d JOIN counts c USING (doc_id)
)
SELECT *,
    row_number() OVER (PARTITION BY plan_key ORDER BY facts DESC,
        CASE format WHEN 'docx' THEN 1 WHEN 'txt' THEN 2 WHEN 'html' THEN 2 WHEN 'pdf' THEN 3 ELSE 4 END, doc_id) = 1
        AS primary_rendition,
    count(*) OVER (PARTITION BY plan_key) AS renditions,
    CASE admin_level WHEN 'province' THEN 1 WHEN 'district' THEN 2 WHEN 'commune' THEN 3 ELSE 4 END AS level_order
FROM keyed
"""

_PLAN_COLS = """p.plan_key, p.primary_rendition, p.file_name, p.jurisdiction, p.admin_level, p.province, p.district,
    p.commune, p.period_start, p.period_end, p.years"""

_FUNDING = f"""
WITH facts AS (
    SELECT doc_id, component, source, capital, basis, vnd,
        count(*) AS mentions,
        string_agg(DISTINCT origin, ',' ORDER BY origin) AS origins,
        bool_or(coalesce(corrected, false)) AS corrected,
        first(raw ORDER BY char_start) AS raw,
        first(unit ORDER BY char_start) AS unit,
        first(page ORDER BY char_start) AS page,
        min(char_start) AS char_start,
        first(char_end ORDER BY char_start) AS char_end,
        first(quote ORDER BY char_start) AS quote
    FROM amounts
    GROUP BY doc_id, component, source, capital, basis, vnd
)
SELECT f.doc_id, {_PLAN_COLS},
    f.component, split_part(f.component, '.', 1) AS component_group, f.source, f.capital, f.basis, f.vnd,
    f.mentions, f.origins, f.corrected, f.raw, f.unit, f.page, f.char_start, f.char_end, f.quote
FROM facts f JOIN plans p USING (doc_id)
"""

# Per plan and component (NULL = whole plan), one figure per source: the whole figure
# where one is stated, else the sum of its capital parts; local falls back to province +
# district + commune; the total falls back to the sum of sources, and a Dự án with no
# figure of its own to the sum of its Tiểu dự án. `total_basis` says which was used.
_FUNDING_BY_COMPONENT = """
WITH a AS (
    SELECT doc_id, coalesce(component, '') AS comp, source, capital, vnd, char_start
    FROM amounts WHERE coalesce(basis, 'period') = 'period'
), per_source AS (
    SELECT doc_id, comp, source,
        first(vnd ORDER BY char_start) FILTER (WHERE capital IS NULL) AS whole,
        first(vnd ORDER BY char_start) FILTER (WHERE capital = 'recurrent') AS recurrent,
        first(vnd ORDER BY char_start) FILTER (WHERE capital = 'investment') AS investment
    FROM a GROUP BY doc_id, comp, source
), sourced AS (
    SELECT doc_id, comp, source,
        coalesce(whole, CASE WHEN recurrent IS NOT NULL OR investment IS NOT NULL
                             THEN coalesce(recurrent, 0) + coalesce(investment, 0) END) AS vnd
    FROM per_source
), wide AS (
    SELECT doc_id, comp,
        max(vnd) FILTER (WHERE source = 'central') AS central,
        max(vnd) FILTER (WHERE source = 'local') AS local_stated,
        max(vnd) FILTER (WHERE source = 'province') AS province,
        max(vnd) FILTER (WHERE source = 'district') AS district,
        max(vnd) FILTER (WHERE source = 'commune') AS commune,
        max(vnd) FILTER (WHERE source = 'other') AS other,
        max(vnd) FILTER (WHERE source = 'credit') AS credit,
        max(vnd) FILTER (WHERE source = 'total') AS total_stated
    FROM sourced GROUP BY doc_id, comp
), own AS (
    SELECT *,
        coalesce(local_stated, CASE WHEN coalesce(province, district, commune) IS NOT NULL
            THEN coalesce(province, 0) + coalesce(district, 0) + coalesce(commune, 0) END) AS local
    FROM wide
), own_total AS (
    SELECT *,
        coalesce(total_stated, CASE WHEN coalesce(central, local, other, credit) IS NOT NULL
            THEN coalesce(central, 0) + coalesce(local, 0) + coalesce(other, 0) + coalesce(credit, 0) END) AS total,
        CASE WHEN total_stated IS NOT NULL THEN 'stated'
             WHEN coalesce(central, local, other, credit) IS NOT NULL THEN 'sum_of_sources' END AS total_basis
    FROM own
), children AS (
    SELECT doc_id, split_part(comp, '.', 1) AS comp,
        sum(central) AS central, sum(local) AS local, sum(other) AS other, sum(credit) AS credit,
        sum(total) AS total
    FROM own_total WHERE comp LIKE '%.%' GROUP BY ALL
), rolled AS (
    SELECT coalesce(o.doc_id, ch.doc_id) AS doc_id, coalesce(o.comp, ch.comp) AS comp,
        coalesce(o.central, ch.central) AS central, coalesce(o.local, ch.local) AS local,
        coalesce(o.other, ch.other) AS other, coalesce(o.credit, ch.credit) AS credit,
        coalesce(o.total, ch.total) AS total,
        CASE WHEN o.total IS NOT NULL THEN o.total_basis
             WHEN ch.total IS NOT NULL THEN 'sum_of_subcomponents' END AS total_basis
    FROM own_total o FULL JOIN children ch ON o.doc_id = ch.doc_id AND o.comp = ch.comp
), top_level AS (
    SELECT doc_id, '' AS comp, sum(total) AS total
    FROM rolled WHERE comp <> '' AND comp NOT LIKE '%.%' GROUP BY doc_id
), with_plan AS (
    SELECT coalesce(r.doc_id, t.doc_id) AS doc_id, coalesce(r.comp, t.comp) AS comp,
        r.central, r.local, r.other, r.credit,
        coalesce(r.total, t.total) AS total,
        CASE WHEN r.total IS NOT NULL THEN r.total_basis
             WHEN t.total IS NOT NULL THEN 'sum_of_components' END AS total_basis
    FROM rolled r FULL JOIN top_level t ON r.doc_id = t.doc_id AND r.comp = t.comp
), listed AS (
    SELECT doc_id, code AS comp, bool_and(coalesce(implemented, true)) AS implemented
    FROM components WHERE code IS NOT NULL GROUP BY doc_id, code
), all_rows AS (
    SELECT coalesce(w.doc_id, l.doc_id) AS doc_id, coalesce(w.comp, l.comp) AS comp, l.implemented,
        w.central, w.local, w.other, w.credit, w.total, w.total_basis
    FROM with_plan w FULL JOIN listed l ON w.doc_id = l.doc_id AND w.comp = l.comp
)
SELECT r.doc_id, p.plan_key, p.primary_rendition, p.file_name, p.jurisdiction, p.admin_level, p.province,
    p.district, p.commune, p.period_start, p.period_end, p.years,
    nullif(r.comp, '') AS component, nullif(split_part(r.comp, '.', 1), '') AS component_group,
    r.comp LIKE '%.%' AS subcomponent,
    CASE WHEN r.comp = '' THEN true ELSE r.implemented END AS implemented,
    r.central, r.local, r.other, r.credit, r.total, r.total_basis,
    pt.total AS plan_total,
    CASE WHEN r.total IS NOT NULL AND pt.total > 0 THEN r.total::DOUBLE / pt.total::DOUBLE END AS share
FROM all_rows r
JOIN plans p USING (doc_id)
LEFT JOIN with_plan pt ON pt.doc_id = r.doc_id AND pt.comp = ''
"""

_TARGETS_BY_INDICATOR = f"""
WITH facts AS (
    SELECT doc_id, component, indicator, population, year, unit, comparator, value, value_high,
        first(dimension ORDER BY char_start) AS dimension,
        first(text ORDER BY char_start) AS text,
        count(*) AS mentions,
        first(page ORDER BY char_start) AS page,
        min(char_start) AS char_start,
        first(char_end ORDER BY char_start) AS char_end,
        first(quote ORDER BY char_start) AS quote
    FROM targets WHERE indicator IS NOT NULL
    GROUP BY doc_id, component, indicator, population, year, unit, comparator, value, value_high
)
SELECT f.doc_id, {_PLAN_COLS},
    f.indicator, f.dimension, f.component, f.population, f.value, f.value_high, f.unit, f.comparator, f.year,
    row_number() OVER (PARTITION BY f.doc_id, f.indicator, coalesce(f.population, '')
        ORDER BY f.component IS NULL DESC, f.year IS NOT DISTINCT FROM p.period_end DESC,
                 f.year DESC NULLS LAST, f.char_start) = 1 AS headline,
    f.text, f.mentions, f.page, f.char_start, f.char_end, f.quote
FROM facts f JOIN plans p USING (doc_id)
"""

_PLAN_SUMMARY = """
SELECT p.doc_id, p.plan_key, p.primary_rendition, p.renditions, p.file_name, p.format, p.doc_type, p.doc_number,
    p.issued_date, p.issuer, p.title, p.programme, p.jurisdiction, p.admin_level, p.province, p.district, p.commune,
    p.period_start, p.period_end, p.years,
    b.total AS total_budget, b.total_basis AS budget_basis,
    b.central AS central_budget, b.local AS local_budget, b.other AS other_budget,
    (SELECT count(DISTINCT code) FROM components c WHERE c.doc_id = p.doc_id AND coalesce(c.implemented, true))
        AS components_carried_out,
    (SELECT string_agg(DISTINCT code, ', ' ORDER BY code) FROM components c
        WHERE c.doc_id = p.doc_id AND coalesce(c.implemented, true)) AS component_codes,
    (SELECT count(DISTINCT code) FROM components c WHERE c.doc_id = p.doc_id AND NOT coalesce(c.implemented, true))
        AS components_not_carried_out,
    (SELECT count(*) FROM targets t WHERE t.doc_id = p.doc_id) AS targets,
    (SELECT count(*) FROM assignments s WHERE s.doc_id = p.doc_id) AS assignments,
    (SELECT count(*) FROM checks k WHERE k.doc_id = p.doc_id) AS checks_raised
FROM plans p
LEFT JOIN funding_by_component b ON b.doc_id = p.doc_id AND b.component IS NULL
"""

# Each citation of an ingested plan (by type, number and the issuer's locality code), so an
# analyst can walk from a province's plan to the district plans that implement it. The cited
# side is the cited plan's primary rendition, so a citation links once however many copies.
_PLAN_CITATIONS = """
SELECT r.doc_id AS citing_doc_id, c.plan_key AS citing_plan_key, c.primary_rendition AS citing_primary,
    c.file_name AS citing_file, c.issuer AS citing_issuer, c.admin_level AS citing_level,
    c.jurisdiction AS citing_jurisdiction,
    r.ref_type, r.ref_number, r.ref_date, r.ref_issuer, r.ref_level, r.ref_unit_code,
    t.doc_id AS cited_doc_id, t.plan_key AS cited_plan_key, t.file_name AS cited_file, t.issuer AS cited_issuer,
    t.admin_level AS cited_level, t.jurisdiction AS cited_jurisdiction, t.issued_date AS cited_issued_date,
    r.ref_date IS NOT DISTINCT FROM t.issued_date AS date_agrees,
    r.page, r.char_start, r.char_end, r.quote
FROM "references" r
JOIN plans c ON c.doc_id = r.doc_id
JOIN plans t ON t.primary_rendition AND t.plan_key <> c.plan_key
    AND t.doc_type = r.ref_type
    AND lower(replace(t.doc_number, ' ', '')) = lower(replace(r.ref_number, ' ', ''))
    AND r.ref_unit_code = CASE t.admin_level WHEN 'commune' THEN t.commune_code
                                             WHEN 'district' THEN t.district_code
                                             WHEN 'province' THEN t.province_code END
"""

# Who does what, from both places a plan says it: the assignments of components and tasks
# (role lead / support) and the duty lists of its organising part (role duty), one row per
# fact, with the kind of body (agency_key) that compares across plans and levels.
_RESPONSIBILITIES = f"""
SELECT a.doc_id, {_PLAN_COLS},
    'assignment' AS origin, a.component, split_part(a.component, '.', 1) AS component_group, a.task, a.role,
    a.agency, a.agency_key, a.agency_level, a.agency_kind, a.task_text AS what,
    a.page, a.char_start, a.char_end, a.quote
FROM assignments a JOIN plans p USING (doc_id)
UNION ALL
SELECT d.doc_id, {_PLAN_COLS},
    'duty' AS origin, d.component, split_part(d.component, '.', 1) AS component_group, NULL AS task, 'duty' AS role,
    d.agency, d.agency_key, d.agency_level, d.agency_kind, d.duty AS what,
    d.page, d.char_start, d.char_end, d.quote
FROM duties d JOIN plans p USING (doc_id)
"""

VIEWS: dict[str, str] = {
    "plans": _PLANS,
    "plan_citations": _PLAN_CITATIONS,
    "funding": _FUNDING,
    "funding_by_component": _FUNDING_BY_COMPONENT,
    "targets_by_indicator": _TARGETS_BY_INDICATOR,
    "plan_summary": _PLAN_SUMMARY,
    "responsibilities": _RESPONSIBILITIES,
}

_PLAN_DOCS = {
    "doc_id": "document (documents.doc_id)",
    "plan_key": "documents whose type, number, date, level, place names and period agree share this key: renditions of one plan",
    "primary_rendition": "true for the one rendition of each plan_key that comparisons use (the one with the most facts)",
    "file_name": "file the document was read from",
    "jurisdiction": "commune, district, province joined by commas (most specific first); NULL when the place is unknown",
    "admin_level": "province, district or commune: level of the issuing government",
    "province": "province name without prefix",
    "district": "district name without prefix",
    "commune": "commune name without prefix",
    "period_start": "first year of the plan's period",
    "period_end": "last year of the plan's period",
    "years": "number of years the plan covers (period_end - period_start + 1)",
}

_PROVENANCE_DOCS = {
    "page": "PDF page (1-based) of the first mention; NULL for DOCX/TXT",
    "char_start": "start of the first mention in documents.text",
    "char_end": "end (exclusive) of the first mention in documents.text",
    "quote": "the source text of the first mention",
}

VIEW_DOCS: dict[str, dict[str, str]] = {
    "plan_citations": {
        "citing_doc_id": "the citing document (documents.doc_id)",
        "citing_plan_key": "plan_key of the citing document",
        "citing_primary": "true when the citing document is its plan's primary rendition",
        "citing_file": "file of the citing document",
        "citing_issuer": "issuer of the citing document",
        "citing_level": "admin level of the citing document",
        "citing_jurisdiction": "commune, district, province of the citing document",
        "ref_type": "type of the cited document",
        "ref_number": "number of the cited document as printed",
        "ref_date": "date of the cited document as cited",
        "ref_issuer": "issuer of the cited document as written",
        "ref_level": "level of the cited issuer's locality",
        "ref_unit_code": "GSO code of the cited issuer's locality",
        "cited_doc_id": "the ingested document cited (its plan's primary rendition)",
        "cited_plan_key": "plan_key of the cited plan",
        "cited_file": "file of the cited document",
        "cited_issuer": "issuer of the cited document",
        "cited_level": "admin level of the cited document",
        "cited_jurisdiction": "commune, district, province of the cited document",
        "cited_issued_date": "issued_date of the cited document",
        "date_agrees": "true when the citation's date equals the cited document's issued_date",
        "page": "PDF page of the citation",
        "char_start": "start of the citation in the citing documents.text",
        "char_end": "end (exclusive) of the citation",
        "quote": "the citation as printed",
    },
    "plans": {
        **_PLAN_DOCS,
        "format": "pdf, docx, doc, rtf, odt, html or txt",
        "doc_type": "ke_hoach, quyet_dinh, bao_cao, nghi_quyet, cong_van ...",
        "doc_number": "number as printed without spaces",
        "issued_date": "ISO 8601 date at the precision printed",
        "issuer": "issuing body",
        "title": "the document's title",
        "programme": "national target programme the document is for (documents.programme): the one the views were made for",
        "province_code": "GSO province code",
        "district_code": "GSO district code",
        "commune_code": "GSO commune code",
        "province_2025": "successor province after the 2025 merger",
        "facts": "components + amounts + assignments + targets rows of the document",
        "renditions": "number of documents sharing the plan_key",
        "level_order": "1 province, 2 district, 3 commune, 4 unknown: for sorting",
    },
    "funding": {
        **_PLAN_DOCS,
        "component": "component code (DA1 ... DA7.2); NULL for a figure of the whole plan",
        "component_group": "the Dự án a component belongs to (DA3 for DA3.1); NULL for the whole plan",
        "source": listed(SOURCES),
        "capital": "recurrent, investment or NULL (not split by capital type)",
        "basis": "period (whole plan period) or annual (per-year figure)",
        "vnd": "amount in whole đồng (exact integer)",
        "mentions": "how many times the document states this same figure",
        "origins": "text, table or text,table: where it was stated",
        "corrected": "true when a mention's printed unit was corrected by the document's arithmetic",
        "raw": "the figure as first written",
        "unit": "the unit as first written",
        **_PROVENANCE_DOCS,
    },
    "funding_by_component": {
        **_PLAN_DOCS,
        "component": "component code; NULL for the row of the whole plan",
        "component_group": "the Dự án the component belongs to (DA3 for DA3.1)",
        "subcomponent": "true for a Tiểu dự án (DA3.1), false for a Dự án or the whole plan",
        "implemented": "false where the plan says it does not carry the component out; NULL when only money mentions it",
        "central": "central budget (ngân sách trung ương), đồng; NULL when not stated",
        "local": "local budget, đồng: stated, else province + district + commune budgets; NULL when not stated",
        "other": "other lawful sources and people's contributions, đồng; NULL when not stated",
        "credit": "policy credit stated on its own line, đồng; NULL when not stated",
        "total": "total, đồng: stated, else the sum of sources, else (for a Dự án) of its Tiểu dự án; NULL when not stated",
        "total_basis": "stated, sum_of_sources, sum_of_subcomponents or sum_of_components: how total was obtained",
        "plan_total": "total of the whole plan, đồng (same rules)",
        "share": "total / plan_total (fraction 0-1); NULL when either is missing",
    },
    "targets_by_indicator": {
        **_PLAN_DOCS,
        "indicator": "canonical indicator key (rules/indicators.yaml)",
        "dimension": "poverty dimension: employment, health, education, housing, water_sanitation, information, income",
        "component": "component the goal belongs to, or NULL for the whole plan",
        "population": "whose rate the goal is when not everyone's (poor_near_poor, workers_of_poor_households, khmer, poor_districts, ...) or NULL for everyone",
        "value": "the number (low end of a range)",
        "value_high": "high end of a range, else NULL",
        "unit": "%, %/year, households, people, people/year, per_10000_people, models, communes, districts, times, points; other counts the English plural of what they count",
        "comparator": "eq, ge, gt, le, lt, range",
        "year": "year the goal is for",
        "headline": "true for the one goal per plan, indicator and population that comparisons use: "
        "whole plan before component, the period's last year before others, first stated",
        "text": "the clause stating the goal (first mention)",
        "mentions": "how many times the document states this same goal",
        **_PROVENANCE_DOCS,
    },
    "responsibilities": {
        **_PLAN_DOCS,
        "origin": "assignment (a component's or task's lead or support) or duty (the duty list of the organising part)",
        "component": "component code the fact names; NULL for a task or a duty naming no component",
        "component_group": "the Dự án the component belongs to (DA4 for DA4.1); NULL when no component",
        "task": "task table position (III.9) for an assignment from a task table, else NULL",
        "role": "lead, support or duty",
        "agency": "the body, one name per body in a plan",
        "agency_key": "the kind of body, the same at every level and in every plan (rules/agencies.yaml)",
        "agency_level": "central, province, district or commune",
        "agency_kind": "the lexicon's field of the body, NULL when unknown",
        "what": "the task as written (assignments) or the duty text (duties)",
        **_PROVENANCE_DOCS,
    },
    "plan_summary": {
        **_PLAN_DOCS,
        "renditions": "number of documents sharing the plan_key",
        "format": "pdf, docx, doc, rtf, odt, html or txt",
        "doc_type": "ke_hoach, quyet_dinh, bao_cao, nghi_quyet, cong_van ...",
        "doc_number": "number as printed without spaces",
        "issued_date": "ISO 8601 date at the precision printed",
        "issuer": "issuing body",
        "title": "the document's title",
        "programme": "national target programme the document is for (documents.programme): the one the views were made for",
        "total_budget": "total budget of the plan, đồng (funding_by_component row with component NULL)",
        "budget_basis": "stated, sum_of_sources or sum_of_components",
        "central_budget": "central budget of the whole plan, đồng",
        "local_budget": "local budget of the whole plan, đồng",
        "other_budget": "other sources of the whole plan, đồng",
        "components_carried_out": "distinct components the plan carries out",
        "component_codes": "their codes, comma-separated",
        "components_not_carried_out": "distinct components the plan says it does not carry out",
        "targets": "target rows extracted",
        "assignments": "assignment rows extracted",
        "checks_raised": "check rows raised (sums that do not add up, corrected units, ...)",
    },
}


def check_programme(programme: str | None) -> str:
    """The programme key views are made for; an unknown one is an error naming the allowed ones."""
    if programme is None:
        return DEFAULT_PROGRAMME
    if programme == ALL_PROGRAMMES or programme in PROGRAMMES:
        return programme
    raise KehoachError(f"unknown programme {programme!r}; use one of {', '.join(PROGRAMMES)} or {ALL_PROGRAMMES}")


def view_ddl(temporary: bool = False, programme: str | None = DEFAULT_PROGRAMME) -> list[str]:
    """CREATE statements for every view; temporary ones for a read-only connection, so that
    analysis of a database written by an older release still sees this release's views.
    `programme` is the one national target programme the views hold, or `all`."""
    programme = check_programme(programme)
    kind = "TEMP VIEW" if temporary else "VIEW"
    where = "" if programme == ALL_PROGRAMMES else f"AND d.programme = '{programme}'"
    return [
        f'CREATE OR REPLACE {kind} "{name}" AS {sql.replace(_PROGRAMME_FILTER, where)}' for name, sql in VIEWS.items()
    ]
