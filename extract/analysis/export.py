"""Results and the whole database out to the formats people use: terminal, CSV, JSON, Excel, Parquet.

Machine formats carry exact values: money stays whole đồng (Python int in JSON and CSV,
int64 in Parquet, an integer cell in Excel), and a missing value is empty/null, never 0.
Only the terminal table is formatted for a Vietnamese reader (12.345.000.000, 62,5 tỷ).

Parquet has no 128-bit integer and DuckDB would write HUGEINT as a double, so money is
exported as BIGINT (int64, exact up to 9.2 × 10^18 đồng); a figure past that is an error,
not a silent rounding. The Parquet files carry pandas metadata naming nullable dtypes, so
pandas reads money as Int64 (a missing figure is <NA>), never float64.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import yaml

from extract.errors import KehoachError
from extract.rules import RULES_DIR
from extract.store.schema import TABLES
from extract.store.views import VIEW_DOCS, VIEWS
from extract.vocabulary import BASES, CAPITALS, LEVELS, PROGRAMMES, SOURCES, listed

FORMATS = ("table", "csv", "json", "xlsx")
EXPORT_FORMATS = ("parquet", "csv", "xlsx")
EXCEL_CELL_LIMIT = 32767
EXCEL_EXACT_INT = 2**53


@dataclass
class Result:
    """Rows with exact values, plus how the terminal shows them.

    `columns` are the machine columns (every key of every row); `headers` and `cells`
    are the terminal's view, which may show fewer columns, scaled money and symbols.
    `money` names the columns holding whole đồng.
    """

    columns: list[str]
    rows: list[dict]
    headers: list[str] = field(default_factory=list)
    cells: list[list[str]] = field(default_factory=list)
    right: set[int] = field(default_factory=set)
    money: set[str] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)


def _plain(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else str(value)
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return value


def render_table(result: Result) -> str:
    headers = result.headers or result.columns
    cells = (
        result.cells
        if result.headers
        else [["" if r.get(c) is None else str(_plain(r.get(c))) for c in result.columns] for r in result.rows]
    )
    widths = [len(h) for h in headers]
    for row in cells:
        for i, c in enumerate(row):
            widths[i] = max(widths[i], len(c))

    def line(row: list[str]) -> str:
        return "  ".join(
            c.rjust(w) if i in result.right else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths))
        ).rstrip()

    out = [line(headers), "  ".join("-" * w for w in widths)] + [line(r) for r in cells]
    out += result.notes
    return "\n".join(out) + "\n"


def render_csv(result: Result) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(result.columns)
    for r in result.rows:
        row = []
        for c in result.columns:
            v = _plain(r.get(c))
            row.append("" if v is None else ("true" if v is True else "false" if v is False else v))
        w.writerow(row)
    return buf.getvalue()


def render_json(result: Result) -> str:
    rows = [{c: _plain(r.get(c)) for c in result.columns} for r in result.rows]
    return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"


_ILLEGAL_XLSX = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _excel_value(v):
    v = _plain(v)
    if isinstance(v, int) and not isinstance(v, bool) and abs(v) > EXCEL_EXACT_INT:
        return str(v)  # Excel holds numbers as doubles; past 2**53 only text keeps every digit
    if isinstance(v, str):
        v = _ILLEGAL_XLSX.sub(" ", v)
        if len(v) > EXCEL_CELL_LIMIT:
            v = v[: EXCEL_CELL_LIMIT - 20] + " …[truncated]"
    return v


def _fill_sheet(ws, columns: list[str], rows, money: set[str] = frozenset()) -> None:
    # deferred: openpyxl loads only when a workbook is written
    from openpyxl.cell import WriteOnlyCell

    ws.append(columns)
    money_idx = {i for i, c in enumerate(columns) if c in money}
    for r in rows:
        values = [_excel_value(v) for v in (r if isinstance(r, (list, tuple)) else [r.get(c) for c in columns])]
        if money_idx:
            out = []
            for i, v in enumerate(values):
                if i in money_idx and v is not None:
                    cell = WriteOnlyCell(ws, value=v)
                    cell.number_format = "#,##0"
                    out.append(cell)
                else:
                    out.append(v)
            values = out
        ws.append(values)


def write_result(result: Result, fmt: str, out: Path | None) -> str | None:
    """Write `result` to `out` (or return the text when out is None; xlsx needs a file)."""
    if fmt == "xlsx":
        if out is None:
            raise KehoachError("--format xlsx writes a file: pass --out FILE.xlsx")
        # deferred: openpyxl loads only when a workbook is written
        from openpyxl import Workbook

        wb = Workbook(write_only=True)
        ws = wb.create_sheet("result")
        _fill_sheet(ws, result.columns, result.rows, result.money)
        out.parent.mkdir(parents=True, exist_ok=True)
        wb.save(out)
        return None
    text = {"table": render_table, "csv": render_csv, "json": render_json}[fmt](result)
    if out is None:
        return text
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    return None


def format_for(fmt: str | None, out: Path | None, allowed=FORMATS) -> str:
    """The explicit --format, else the one --out's extension names, else the terminal table."""
    if fmt:
        return fmt
    if out is not None and out.suffix.lstrip(".").lower() in allowed:
        return out.suffix.lstrip(".").lower()
    return "table"


# --- the whole database ---------------------------------------------------------------------

# Columns whose values come from a closed list; the lists are the SPEC's. Component codes
# and indicator keys are read from the rules files so the dictionary follows them.
ALLOWED: dict[str, str] = {
    "status": "ok, failed",
    "format": "pdf, docx, doc, rtf, odt, html, txt",
    "programme": ", ".join(PROGRAMMES),
    "admin_level": "province, district, commune",
    "source": listed(SOURCES),
    "capital": listed(CAPITALS) + ", NULL",
    "basis": listed(BASES),
    "origin": "text, table",
    "role": "lead, support",
    "agency_level": listed(LEVELS),
    "comparator": "eq, ge, gt, le, lt, range",
    "unit@targets": "%, %/year, households, people, people/year, per_10000_people, models, communes",
    "dimension": "employment, health, education, housing, water_sanitation, information, income",
    "total_basis": "stated, sum_of_sources, sum_of_subcomponents, sum_of_components",
    "budget_basis": "stated, sum_of_sources, sum_of_components",
}

_YEAR_COLUMNS = {"year", "period_start", "period_end", "year_start", "year_end"}
_COMPONENT_COLUMNS = {"code", "component", "component_group"}


def _rule_values(kind_file: str, entry_kind: str | None, fields: tuple[str, ...]) -> str | None:
    path = RULES_DIR / kind_file
    if not path.exists():
        return None
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError:
        return None
    values = []
    for e in data.get("entries") or []:
        if not isinstance(e, dict) or (entry_kind and e.get("kind") not in (entry_kind, None)):
            continue
        for f in fields:
            if isinstance(e.get(f), str):
                values.append(e[f])
                break
    return ", ".join(dict.fromkeys(values)) or None


def _unit(table: str, column: str, typ: str) -> str:
    if typ.upper().startswith("HUGEINT"):
        return "đồng"
    if column in _YEAR_COLUMNS:
        return "year"
    if column == "years":
        return "years"
    if column == "share":
        return "fraction (0-1)"
    if column in ("char_start", "char_end"):
        return "characters"
    if column == "bytes":
        return "bytes"
    if column == "ocr_confidence":
        return "percent (0-100)"
    if table in ("targets", "targets_by_indicator") and column in ("value", "value_high"):
        return "as in the unit column"
    return ""


def _allowed(table: str, column: str) -> str:
    if column in _COMPONENT_COLUMNS:
        codes = _rule_values("components.yaml", "component", ("code",))
        if codes and column == "component_group":
            codes = ", ".join(c for c in codes.split(", ") if "." not in c)
        if codes:
            return codes + (", NULL (whole plan)" if column != "code" else "")
    if column == "indicator":
        keys = _rule_values("indicators.yaml", None, ("key", "indicator", "code"))
        if keys:
            return keys
    return ALLOWED.get(f"{column}@{table}") or ALLOWED.get(column, "")


def data_dictionary(con) -> list[dict]:
    """One row per exported column: where it is, its type, unit, meaning and allowed values."""
    rows = []
    for table, cols in TABLES.items():
        for name, typ, meaning in cols:
            out_type = typ.split()[0]
            rows.append(
                {
                    "table": table,
                    "kind": "table",
                    "column": name,
                    "type": "BIGINT" if out_type == "HUGEINT" else out_type,
                    "unit": _unit(table, name, out_type),
                    "meaning": meaning,
                    "allowed_values": _allowed(table, name),
                }
            )
    for view in VIEWS:
        docs = VIEW_DOCS.get(view, {})
        for name, typ, *_ in con.execute(f'DESCRIBE "{view}"').fetchall():
            rows.append(
                {
                    "table": view,
                    "kind": "view",
                    "column": name,
                    "type": "BIGINT" if typ == "HUGEINT" else typ,
                    "unit": _unit(view, name, typ),
                    "meaning": docs.get(name, ""),
                    "allowed_values": _allowed(view, name),
                }
            )
    return rows


def _select_exact(con, name: str, drop: tuple[str, ...] = ()) -> str:
    """SELECT of a table or view with HUGEINT money cast to exact BIGINT."""
    cols = []
    for col, typ, *_ in con.execute(f'DESCRIBE "{name}"').fetchall():
        if col in drop:
            continue
        cols.append(f'CAST("{col}" AS BIGINT) AS "{col}"' if typ == "HUGEINT" else f'"{col}"')
    return f'SELECT {", ".join(cols)} FROM "{name}"'


def export_database(con, fmt: str, out_dir: Path) -> list[Path]:
    """Every table and view plus data_dictionary.<fmt> (and .csv) into out_dir; returns the files."""
    # deferred: DuckDB loads only when the database is exported
    import duckdb

    if fmt not in EXPORT_FORMATS:
        raise KehoachError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
    out_dir.mkdir(parents=True, exist_ok=True)
    names = list(TABLES) + list(VIEWS)
    dictionary = data_dictionary(con)
    written = []
    try:
        if fmt in ("parquet", "csv"):
            for name in names:
                path = out_dir / f"{name}.{fmt}"
                options = "FORMAT parquet" if fmt == "parquet" else "FORMAT csv, HEADER true"
                con.execute(f"COPY ({_select_exact(con, name)}) TO '{_sql_path(path)}' ({options})")
                if fmt == "parquet":
                    add_pandas_metadata(path)
                written.append(path)
        else:
            # deferred: openpyxl loads only when a workbook is written
            from openpyxl import Workbook

            for d in dictionary:
                if d["table"] == "documents" and d["column"] == "text":
                    d["meaning"] += " (not in the Excel workbook: too long for a cell; see the csv or parquet export)"
            wb = Workbook(write_only=True)
            for name in names:
                # documents.text exceeds Excel's cell limit; it is in the parquet and csv exports
                drop = ("text",) if name == "documents" else ()
                money = {d[0] for d in con.execute(f'DESCRIBE "{name}"').fetchall() if d[1] == "HUGEINT"}
                cur = con.execute(_select_exact(con, name, drop))
                cols = [d[0] for d in cur.description]
                _fill_sheet(wb.create_sheet(name[:31]), cols, cur.fetchall(), money)
            ws = wb.create_sheet("data_dictionary")
            _fill_sheet(ws, list(dictionary[0]), dictionary)
            path = out_dir / "kehoach.xlsx"
            wb.save(path)
            written.append(path)
    except duckdb.ConversionException as e:
        raise KehoachError(f"a money figure does not fit a 64-bit integer and cannot be exported exactly: {e}") from e
    result = Result(columns=list(dictionary[0]), rows=dictionary)
    dict_path = out_dir / "data_dictionary.csv"
    dict_path.write_text(render_csv(result), encoding="utf-8")
    written.append(dict_path)
    return written


# Arrow integer and boolean types -> the pandas nullable dtype that holds them exactly
_NULLABLE = {
    "int8": "Int8",
    "int16": "Int16",
    "int32": "Int32",
    "int64": "Int64",
    "uint8": "UInt8",
    "uint16": "UInt16",
    "uint32": "UInt32",
    "uint64": "UInt64",
    "bool": "boolean",
}


def add_pandas_metadata(path: Path) -> None:
    """Rewrite a Parquet file with pandas metadata naming nullable dtypes for its integer
    and boolean columns, so `pd.read_parquet` gives Int64 money (missing as <NA>) instead
    of float64, which cannot hold every đồng past 2**53 and turns a null into NaN.

    The Arrow types stay int64/bool: DuckDB, R (arrow) and polars read the file as before;
    only pandas reads the metadata.
    """
    import pyarrow as pa  # deferred: pyarrow loads only when Parquet is written
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    frame = table.schema.empty_table().to_pandas()
    for f in table.schema:
        dtype = _NULLABLE.get(str(f.type))
        if dtype:
            frame[f.name] = frame[f.name].astype(dtype)
    pandas_meta = pa.Schema.from_pandas(frame, preserve_index=False).metadata[b"pandas"]
    table = table.replace_schema_metadata({**(table.schema.metadata or {}), b"pandas": pandas_meta})
    pq.write_table(table, path)


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")
