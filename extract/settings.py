"""One settings object for every threshold, tolerance and limit.

Like pdfplumber's TableSettings: each value is a named field, checked when the object is
built, and an error names the setting that is wrong, so a tolerance is never a magic
number buried in a parser.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from extract.errors import SettingsError


@dataclass(frozen=True)
class Settings:
    # --- input limits (a file past one gets a failed row naming the setting) ---
    max_file_bytes: int = 200 * 1024 * 1024
    max_pages: int = 2000
    max_docx_uncompressed_bytes: int = 500 * 1024 * 1024
    max_text_chars: int = 20_000_000
    # Wall-clock seconds one document may take to read and extract (0: no limit).
    max_seconds_per_document: float = 600.0

    # --- scans and legacy formats ---
    # A PDF page with fewer text-layer characters than this (and an image) is OCR'd.
    ocr_min_chars_per_page: int = 20
    # Resolution pages are rasterised at for Tesseract.
    ocr_dpi: int = 300
    # At most this many pages of one document are OCR'd (OCR costs seconds per page).
    max_ocr_pages: int = 200
    # Seconds LibreOffice may take to convert one legacy .doc/.rtf/.odt to .docx.
    convert_timeout_seconds: float = 180.0

    # --- PDF layout ---
    # Fraction of the page height at top and bottom where a lone number is a running page number.
    pdf_page_number_margin: float = 0.12
    # Vertical distance (points) within which words belong to the same line.
    pdf_line_tolerance: float = 3.0
    # A line ending this far (fraction of text width) before the right margin ends its paragraph.
    pdf_short_line_ratio: float = 0.80
    # How far (fraction of page height) from the top of the first page the header block may reach.
    pdf_header_max_depth: float = 0.35
    # Baselines further apart than this (multiple of the font size) end the header block.
    pdf_header_gap: float = 2.5
    # Glyphs further apart than this (points) on one baseline belong to different words.
    pdf_word_gap: float = 3.0
    # How far (points) from the left margin a line may start and still be flush with it
    # (a first-line indent is further), and how far off the centre a centred line may be.
    pdf_indent_tolerance: float = 3.0
    pdf_centre_tolerance: float = 3.0
    # Paragraph spacing: a baseline distance over the document's usual line pitch by more
    # than this fraction of the font size starts a new paragraph.
    pdf_spacing_tolerance: float = 0.1
    # Line pitch (multiple of the font size) assumed when a document shows none to measure.
    pdf_default_pitch: float = 1.4

    # --- arithmetic checks on amounts ---
    # Parts may differ from their total by this many đồng before a check is raised.
    sum_tolerance_vnd: int = 0
    # Relative tolerance for the same test (whichever is larger applies).
    sum_tolerance_ratio: float = 0.0

    # --- programme components (extract/components.py) ---
    # Least similarity (Dice over title words, 0-1) for a "Dự án N:" / "Tiểu dự án N:" heading
    # to name a component.
    component_title_min_score: float = 0.6
    # Least similarity for a heading or table row that names a component by its title alone.
    component_title_bare_min_score: float = 0.85
    # How far (characters) into a component's own text "không thực hiện" may stand to mean
    # the locality does not carry it out.
    component_status_window_chars: int = 250
    # Least similarity for the words right after an amount to name the component it is for
    # ("88 triệu đồng để cải thiện tình trạng dinh dưỡng").
    component_purpose_min_score: float = 0.75
    # How far (characters) into a text its first sentences may name the one component the
    # plan is for ("Kế hoạch thực hiện Dự án 2 …").
    plan_component_window_chars: int = 1500

    # --- budget tables (extract/budgettables.py) ---
    # How far (characters) before a table its unit caption ("ĐVT: triệu đồng") may stand.
    table_caption_window_chars: int = 600
    # Least number of rows a column relation (sum, multiple) must hold in to be believed.
    table_relation_min_rows: int = 2
    # Most years a per-year column may be multiplied by when the plan's period is unknown.
    table_max_years: int = 5

    # --- responsible agencies (extract/agencies.py, extract/assignments.py) ---
    # Most words a body's name read by its shape alone ("Phòng ...", "Ban ...") may have;
    # a longer stretch is running text, not a name.
    agency_max_words: int = 14

    # --- document metadata (extract/metadata.py, extract/references.py) ---
    # How many blocks from the top of a document the header lines, type line and title may
    # take; past them begins the body, whose lines are never read as the header.
    metadata_front_blocks: int = 14
    # Most characters a cited document's issuer may have ("... của UBND tỉnh Điện Biên");
    # a longer stretch up to the next stop word is running text, not a body's name.
    citation_issuer_max_chars: int = 100

    # --- relevance (extract/extractors/relevance.py) ---
    # A document with fewer non-space characters than this is no plan (is_plan false).
    min_plan_chars: int = 100
    # A document read by OCR at a mean word confidence (0-100) below this is no plan: its
    # text is too unreliable to read facts from.
    min_ocr_confidence: float = 70.0

    # --- batch writing (extract/ingest.py) ---
    # Finished documents are committed together, up to this many per transaction: a
    # statement costs about the same for one document as for thirty. A killed run loses
    # at most these, besides the ones being extracted.
    write_batch_docs: int = 32
    # ... or once the oldest finished document has waited this long, so progress and
    # resumability never lag far behind extraction.
    write_batch_seconds: float = 2.0

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise SettingsError(f"setting {f.name!r} must be a number, got {value!r}")
            if value < 0:
                raise SettingsError(f"setting {f.name!r} must not be negative, got {value!r}")
        for name in (
            "pdf_page_number_margin",
            "pdf_short_line_ratio",
            "pdf_header_max_depth",
            "sum_tolerance_ratio",
            "component_title_min_score",
            "component_title_bare_min_score",
            "component_purpose_min_score",
        ):
            if getattr(self, name) > 1:
                raise SettingsError(
                    f"setting {name!r} is a fraction and must be at most 1, got {getattr(self, name)!r}"
                )
        if self.min_ocr_confidence > 100:
            raise SettingsError(
                f"setting 'min_ocr_confidence' is a confidence (0-100) and must be at most 100, got {self.min_ocr_confidence!r}"
            )
        for name in (
            "max_file_bytes",
            "max_pages",
            "max_docx_uncompressed_bytes",
            "max_text_chars",
            "ocr_dpi",
            "convert_timeout_seconds",
            "write_batch_docs",
        ):
            if getattr(self, name) == 0:
                raise SettingsError(f"setting {name!r} must be positive")

    def with_overrides(self, **changes: object) -> Settings:
        unknown = set(changes) - {f.name for f in fields(self)}
        if unknown:
            raise SettingsError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        return replace(self, **changes)


DEFAULT_SETTINGS = Settings()
