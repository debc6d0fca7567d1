"""One settings object for every threshold, tolerance and limit.

Like pdfplumber's TableSettings: each value is a named field, checked when the object is
built, and an error names the setting that is wrong, so a tolerance is never a magic
number buried in a parser.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from .errors import SettingsError


@dataclass(frozen=True)
class Settings:
    # --- input limits (a file past one gets a failed row naming the setting) ---
    max_file_bytes: int = 200 * 1024 * 1024
    max_pages: int = 2000
    max_docx_uncompressed_bytes: int = 500 * 1024 * 1024
    max_text_chars: int = 20_000_000

    # --- PDF layout ---
    # Fraction of the page height at top and bottom where a lone number is a running page number.
    pdf_page_number_margin: float = 0.12
    # Vertical distance (points) within which words belong to the same line.
    pdf_line_tolerance: float = 3.0
    # A line ending this far (fraction of text width) before the right margin ends its paragraph.
    pdf_short_line_ratio: float = 0.80
    # How far (fraction of page height) from the top of the first page the header block may reach.
    pdf_header_max_depth: float = 0.35

    # --- arithmetic checks on amounts ---
    # Parts may differ from their total by this many đồng before a check is raised.
    sum_tolerance_vnd: int = 0
    # Relative tolerance for the same test (whichever is larger applies).
    sum_tolerance_ratio: float = 0.0

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise SettingsError(f"setting {f.name!r} must be a number, got {value!r}")
            if value < 0:
                raise SettingsError(f"setting {f.name!r} must not be negative, got {value!r}")
        for name in ("pdf_page_number_margin", "pdf_short_line_ratio", "pdf_header_max_depth", "sum_tolerance_ratio"):
            if getattr(self, name) > 1:
                raise SettingsError(f"setting {name!r} is a fraction and must be at most 1, got {getattr(self, name)!r}")
        for name in ("max_file_bytes", "max_pages", "max_docx_uncompressed_bytes", "max_text_chars"):
            if getattr(self, name) == 0:
                raise SettingsError(f"setting {name!r} must be positive")

    def with_overrides(self, **changes: object) -> "Settings":
        unknown = set(changes) - {f.name for f in fields(self)}
        if unknown:
            raise SettingsError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        return replace(self, **changes)


DEFAULT_SETTINGS = Settings()
