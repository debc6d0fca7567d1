"""Budget tables: which column holds which source, capital type and basis, and their figures.

A plan's budget appendix is a table with one row per component (numbered 1..5 / 2.1, not
by Dự án: components.table_rows maps each row by its title) and, in the usual layout, a
two-row header: period totals split Tổng / ĐTPT / Sự nghiệp / Huy động khác, then
per-year columns by source. Where the header is there, columns are read from its words
(rules/money.yaml). Where it is lost (the same table flattened to text), the layout is
inferred from what the columns obey and from the figures the running text states:

- sum groups: a column equal, row by row, to the sum of the next k columns is a total with
  its parts (Tổng = ĐTPT + Sự nghiệp + Huy động khác);
- breakdowns: a group total equal to the sum of the totals of the groups after it is split
  by source over them;
- multiples: a column equal to k × another (k ≥ 2) is the period version of a per-year one;
- agreement with the text: a cell whose value (× 1, or × the years of a per-year column)
  is a figure the text states for the same component names that figure's source and
  capital type; one part of a group left unnamed when the others are takes the remaining
  type (a total splits into investment, recurrent and other money).

A column that none of these pins down is not extracted. Figures in per-year columns get
basis 'annual'; a row whose title names its basis ("Tổng giai đoạn…", "Kinh phí … 01
năm") overrides its columns'. The unit comes from the caption ("ĐVT: triệu đồng") or,
when there is none, from the unit that makes the table agree with the text.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from itertools import product

import regex

from extract.document.model import Block, Document, Row
from extract.document.provenance import provenance
from extract.extractors.checkrows import CheckKind, check_row
from extract.extractors.checks import within
from extract.extractors.components import canon, component_at, row_title, section_at, table_rows
from extract.extractors.money.vocabulary import basis_of, choose, labels_in, may_hold_label, money_entries, unit_factors
from extract.text.normalize import collapse, match_form
from extract.text.numbers import parse_number, to_dong

DASH = "-"
_DASHES = {"-", "–", "—", "x", "0-"}


@dataclass
class Col:
    source: str | None = None
    capital: str | None = None
    basis: str | None = None
    how: str = ""  # "header" or "inferred"


def _cell_value(text: str) -> Decimal | str | None:
    t = collapse(text)
    if not t:
        return None
    if t in _DASHES:
        return DASH
    if not t[0].isdigit():
        return None  # no number: parse_number would refuse it
    try:
        return parse_number(t)
    except ValueError:
        return None


def _num(v) -> Decimal | None:
    if v is None:
        return None
    return Decimal(0) if v == DASH else v


@cache
def _captions() -> tuple[str, ...]:
    return tuple(match_form(e["phrase"]) for e in money_entries("unit_caption"))


@cache
def _caption_re(caption: str) -> regex.Pattern:
    return regex.compile(rf"(?<!\w){regex.escape(caption)}\s*[:.]?\s*")


@cache
def _unit_word_re(unit: str) -> regex.Pattern:
    return regex.compile(rf"{regex.escape(unit)}(?!\w)")


@cache
def _bracketed_unit_re(units: tuple[str, ...]) -> regex.Pattern:
    return regex.compile(r"\(\s*(" + "|".join(regex.escape(u) for u in units) + r")\s*\)")


def _stated_unit(text: str, bracketed: bool = False) -> tuple[str, int] | None:
    """The unit a caption in the text states ("ĐVT: triệu đồng"), or, in a header, a unit
    in brackets ("(triệu đồng)")."""
    units = sorted(unit_factors(), key=len, reverse=True)
    form = match_form(text)
    for cap in _captions():
        if cap not in form:
            continue  # the pattern holds the caption as written
        for m in _caption_re(cap).finditer(form):
            for u in units:
                if _unit_word_re(u).match(form, m.end()):
                    return text[m.end() : m.end() + len(u)], unit_factors()[u]
    m = _bracketed_unit_re(tuple(units)).search(form) if bracketed else None
    if m:
        return text[m.start(1) : m.end(1)], unit_factors()[m.group(1)]
    return None


def caption_unit(doc: Document, block: Block, settings) -> tuple[str, int] | None:
    """The unit a table's caption or header states ("ĐVT: triệu đồng"), if any."""
    before = doc.text[max(0, block.start - settings.table_caption_window_chars) : block.start]
    head = " ".join(" ".join(c.text for c in r.cells) for r in block.header_rows())
    return _stated_unit(head, bracketed=True) or _stated_unit(before)


def caption_unit_below(doc: Document, block: Block, settings) -> tuple[str, int, int, int] | None:
    """The unit a caption right under a table states (its first lines after the table, up
    to the next table), and where the caption is: some plans put "Đơn vị tính: triệu
    đồng" below the table it applies to."""
    end = min(
        [b.start for b in doc.tables() if b.start >= block.end] + [block.end + settings.table_caption_window_chars]
    )
    after = doc.text[block.end : end]
    lines = [ln for ln in after.split("\n") if ln.strip()][:2]
    for ln in lines:
        unit = _stated_unit(ln)
        if unit:
            at = block.end + after.index(ln)
            return *unit, at, at + len(ln.rstrip())
    return None


def _header_layout(block: Block, multi_year: bool) -> dict[int, Col]:
    """Column labels read from the header rows' words."""
    hrows = block.header_rows()
    out: dict[int, Col] = {}
    if not hrows:
        return out
    for c in range(block.ncols):
        levels = []
        for r in hrows:
            t = r.texts(block.ncols)[c]
            if not levels or t != levels[-1]:
                levels.append(t)
        specific = total = capital = None
        for t in levels:
            labs = labels_in(t, header=True)
            src, cap = choose(labs)
            if src and src != "total":
                specific = src
            elif src == "total":
                total = total or "total"
            if cap:
                capital = cap
        source = specific or total or ("total" if capital else None)
        basis = basis_of(" ".join(levels), multi_year)
        if source is None and basis is None:
            continue
        out[c] = Col(source, capital, basis, "header")
    return out


@dataclass
class _Grid:
    rows: list[Row]
    values: list[list]  # per row, per column: Decimal, DASH or None (none read without numeric columns)
    cols: list[int]  # numeric columns


def _grid(block: Block) -> _Grid:
    """The body's cell values; numeric columns are those right of the row titles holding
    only figures and dashes. Most tables of a plan hold words: a column is given up at its
    first cell that is no figure, and the values are read only when some column holds
    figures."""
    rows = block.body_rows()
    texts = [r.texts(block.ncols) for r in rows]
    title_cols = Counter()
    for r in rows:
        _, title, start, _ = row_title(block, r)
        cell = next((c for c in r.cells if c.start == start), None)
        if title and cell is not None:
            title_cols[cell.col + cell.colspan - 1] += 1
    first = (max(title_cols) + 1) if title_cols else 0
    cols = [c for c in range(first, block.ncols) if _numeric_column(texts, c)]
    values = [[_cell_value(t) for t in row] for row in texts] if cols else []
    return _Grid(rows, values, cols)


def _numeric_column(texts: list[list[str]], c: int) -> bool:
    """Whether column c has a filled cell, and every filled cell holds a figure or a dash."""
    filled = False
    for row in texts:
        if collapse(row[c]):
            if _cell_value(row[c]) is None:
                return False
            filled = True
    return filled


def _holds(g: _Grid, head: int, parts: list[int], min_rows: int, factor: Decimal = Decimal(1)) -> bool:
    """head == factor × sum(parts) in every row that fills them all, with enough evidence."""
    checked = informative = 0
    for v in g.values:
        h = _num(v[head])
        ps = [_num(v[p]) for p in parts]
        if h is None or any(p is None for p in ps):
            continue
        if v[head] == DASH and all(v[p] == DASH for p in parts):
            continue
        checked += 1
        if h != factor * sum(ps):
            return False
        if h != 0:
            informative += 1
    return checked >= min_rows and informative >= 1


def _units(g: _Grid, settings) -> list[list[int]]:
    """The numeric columns cut into sum groups [head, parts...] and single columns."""
    cols, out, i = g.cols, [], 0
    while i < len(cols):
        best = None
        for k in range(len(cols) - i - 1, 1, -1):
            span = cols[i : i + k + 1]
            if span[-1] - span[0] != k:
                continue  # parts must be the adjacent columns
            if _holds(g, span[0], span[1:], settings.table_relation_min_rows):
                best = span
                break
        if best:
            out.append(best)
            i += len(best)
        else:
            out.append([cols[i]])
            i += 1
    return out


def _breakdowns(g: _Grid, units: list[list[int]], settings) -> dict[int, list[int]]:
    """unit index -> indexes of the following units whose totals add up to its total."""
    out = {}
    for a, u in enumerate(units):
        for end in range(len(units), a + 2, -1):
            run = list(range(a + 1, end))
            if len(run) >= 2 and _holds(g, u[0], [units[b][0] for b in run], settings.table_relation_min_rows):
                out[a] = run
                break
    return out


def _multiples(g: _Grid, units: list[list[int]], max_years: int, settings) -> dict[int, tuple[int, int]]:
    """unit index -> (per-year unit index, years) where some column is years × the other's."""
    out = {}
    for a, ua in enumerate(units):
        for b, ub in enumerate(units):
            if a == b or b in out or len(ua) != len(ub):
                continue  # the period and per-year versions of a breakdown have the same shape
            for ca, cb in zip(ua, ub):
                for k in range(2, max_years + 1):
                    if _holds(g, ca, [cb], settings.table_relation_min_rows, Decimal(k)):
                        out.setdefault(a, (b, k))
    return out


_UNIVERSE = [("capital", "investment"), ("capital", "recurrent"), ("source", "other")]


def _infer_layout(
    doc, block: Block, g: _Grid, row_codes: dict[int, str | None], text_figs, factor: int, max_years: int, settings
) -> dict[int, Col]:
    """Column labels of a table whose header is lost, in three phases: the column
    relations (sum groups, breakdowns, multiples), the votes of the figures the text states
    for the same rows, and from both the basis and then the source and capital of each
    group of columns."""
    units = _units(g, settings)
    breakdowns = _breakdowns(g, units, settings)
    multiples = _multiples(g, units, max_years, settings)
    row_basis = [basis_of(_title(block, r), True) for r in g.rows]
    votes, years = _text_votes(g, row_codes, row_basis, text_figs, factor, max_years)
    basis = _unit_bases(units, breakdowns, multiples, years)
    layout: dict[int, Col] = {}
    for a, u in enumerate(units):
        layout.update(_label_unit(u, a in breakdowns, basis.get(a) or "period", votes))
    _capitals_from_breakdowns(g, units, breakdowns, layout, settings)
    return layout


def _capitals_from_breakdowns(g: _Grid, units: list[list[int]], breakdowns: dict, layout: dict, settings) -> None:
    """A part of a breakdown's total that is, row by row, the sum of one part of each group
    it splits into has the capital type those of them that are named share: the column relations decide
    over the few text figures that happen to equal one of its cells (a one-year "Sự nghiệp"
    cell times the years can equal an investment figure the text states)."""
    for a, run in breakdowns.items():
        head = units[a]
        if head[0] not in layout or len(head) < 2:
            continue
        groups = [units[b][1:] for b in run if len(units[b]) > 1]
        if len(groups) < 2:
            continue
        for p in head[1:]:
            for combo in product(*groups):
                caps = {layout[c].capital for c in combo if c in layout and layout[c].capital}
                if len(caps) != 1:
                    continue
                if _holds(g, p, list(combo), settings.table_relation_min_rows):
                    old = layout.get(p) or layout[head[0]]
                    layout[p] = Col(layout[head[0]].source, caps.pop(), old.basis, "inferred")
                    break


def _text_votes(
    g: _Grid, row_codes: dict[int, str | None], row_basis: list, text_figs, factor: int, max_years: int
) -> tuple[dict[int, Counter], dict[int, Counter]]:
    """Per column, the (source, capital) of the text figures its cells equal (× 1, or × the
    years of a per-year column), and how many years each match took. Component rows vote
    first; total rows (few, round figures) only where they are silent."""
    stated = defaultdict(list)
    for f in text_figs:
        if f.vnd:
            stated[(f.component, f.vnd)].append(f)
    by_comp: dict[int, Counter] = defaultdict(Counter)
    by_total: dict[int, Counter] = defaultdict(Counter)
    years: dict[int, Counter] = defaultdict(Counter)
    for ri, v in enumerate(g.values):
        if ri not in row_codes:
            continue
        code = row_codes[ri]
        votes = by_comp if code is not None else by_total
        for c in g.cols:
            x = _num(v[c])
            if not x:
                continue
            ks = [1] if row_basis[ri] == "period" else range(1, max_years + 1)
            for k in ks:
                val = x * factor * k
                if val != val.to_integral_value():
                    continue
                for f in stated.get((code, int(val)), []):
                    votes[c][(f.source, f.capital)] += 1
                    if row_basis[ri] is None and code is not None:
                        years[c][k] += 1
    return {c: by_comp[c] if by_comp[c] else by_total[c] for c in g.cols}, years


def _unit_bases(units: list[list[int]], breakdowns: dict, multiples: dict, years: dict[int, Counter]) -> dict:
    """Each column group's basis: the period side of a multiple is the period, the other
    per-year; else the number of years the text matches took; the groups a breakdown
    splits take its basis."""
    basis: dict[int, str | None] = {}
    for a, u in enumerate(units):
        ks = Counter()
        for c in u:
            ks.update(years[c])
        if a in multiples:
            basis[a] = "period"
            basis[multiples[a][0]] = "annual"
        if a not in basis and ks:
            basis[a] = "period" if ks.most_common(1)[0][0] == 1 else "annual"
    for a, run in breakdowns.items():
        for b in run:
            basis.setdefault(b, basis.get(a))
    return basis


def _label_unit(u: list[int], is_breakdown: bool, b: str, votes: dict[int, Counter]) -> dict[int, Col]:
    """Source and capital of one group of columns: its head's source by the votes (total
    for a breakdown), a lone column's capital by its votes, and a sum group's parts by
    theirs, one part left unnamed taking the one type that remains."""
    head = u[0]
    srcs = Counter()
    for (s, _), n in votes[head].items():
        srcs[s] += n
    if is_breakdown:
        source = "total"
    elif srcs:
        source = srcs.most_common(1)[0][0]
    else:
        return {}  # nothing names this group: not extracted
    if len(u) == 1:
        caps = Counter({cap: n for (s, cap), n in votes[head].items() if cap and s == source})
        return {head: Col(source, caps.most_common(1)[0][0] if caps and source != "other" else None, b, "inferred")}
    layout = {head: Col(source, None, b, "inferred")}
    named: dict[int, tuple[str, str]] = {}
    for p in u[1:]:
        caps = Counter({cap: n for (s, cap), n in votes[p].items() if cap})
        others = sum(n for (s, _), n in votes[p].items() if s == "other")
        if others and others >= sum(caps.values()):
            named[p] = ("source", "other")
        elif caps:
            named[p] = ("capital", caps.most_common(1)[0][0])
    universe = _UNIVERSE if source == "total" else _UNIVERSE[:2]
    left = [p for p in u[1:] if p not in named]
    rest = [x for x in universe if x not in named.values()]
    if len(left) == 1 and len(rest) == 1 and len(u) - 1 == len(universe):
        named[left[0]] = rest[0]
    for p, (fld, val) in named.items():
        layout[p] = Col("other", None, b, "inferred") if fld == "source" else Col(source, val, b, "inferred")
    return layout


def _title(block: Block, row: Row) -> str:
    return row_title(block, row)[1] or ""


@cache
def _total_words() -> tuple[str, ...]:
    return tuple(match_form(e["phrase"]) for e in money_entries("source") if e["source"] == "total")


def _is_total_row(title: str) -> bool:
    src, _ = choose(labels_in(title, header=True))
    return src == "total"


def _infer_unit(g: _Grid, text_figs) -> tuple[str, int] | None:
    values = {f.vnd for f in text_figs if f.vnd}
    best = None
    for unit, factor in sorted(unit_factors().items(), key=lambda kv: (kv[1], -len(kv[0]))):
        if "đồng" not in unit and factor != 1:
            continue
        hits = 0
        for v in g.values:
            for c in g.cols:
                x = _num(v[c])
                if x and (x * factor) in values:
                    hits += 1
        if hits and (best is None or hits > best[0]):
            best = (hits, unit, factor)
    return (best[1], best[2]) if best and best[0] >= 2 else None


def extract_tables(doc: Document, ctx, text_figs) -> list[dict]:
    """Figures of budget tables: rows naming components (with total rows), or rows naming
    sources in a table that sits in one component's section (or in the plan-wide part)."""
    settings = ctx.settings
    meta = ctx.meta
    if meta.get("period_start") and meta.get("period_end"):
        max_years = max(1, meta["period_end"] - meta["period_start"] + 1)
    else:
        max_years = settings.table_max_years
    multi_year = max_years > 1
    mapped = defaultdict(dict)
    for b, r, code, *_ in table_rows(doc, settings):
        mapped[id(b)][id(r)] = code
    out = []
    for block in doc.tables():
        g = _grid(block)
        if not g.cols:
            continue
        by_component = mapped.get(id(block), {})
        here = component_at(doc, ctx, block.start)
        row_codes: dict[int, str | None] = {}
        row_labels: dict[int, tuple[str | None, str | None]] = {}
        for ri, r in enumerate(g.rows):
            if id(r) in by_component:
                row_codes[ri] = by_component[id(r)]
                continue
            title = _title(block, r)
            if not may_hold_label(match_form(title), header=True):
                continue  # no label: neither a total row nor a source's
            src, cap = choose(labels_in(title, header=True))
            if src == "total" and cap is None:
                row_codes[ri], row_labels[ri] = (None if by_component else here), ("total", None)
            elif (src or cap) and not by_component:
                row_codes[ri], row_labels[ri] = here, (src, cap)
        if not by_component and len(row_labels) < 2:
            continue
        unit = caption_unit(doc, block, settings)
        if unit is None and (below := caption_unit_below(doc, block, settings)):
            unit = below[:2]
            ctx.rows["checks"].append(
                check_row(
                    doc,
                    CheckKind.TABLE_UNIT_BELOW,
                    f"the table states its unit below it, not above: read in {unit[0]}",
                    expected=unit[0],
                    start=below[2],
                    end=below[3],
                )
            )
        inferred_unit = unit is None
        if unit is None:
            unit = _infer_unit(g, text_figs)
        if unit is None:
            continue
        layout = _header_layout(block, multi_year)
        if not any(c in layout for c in g.cols):
            if by_component:
                layout = _infer_layout(doc, block, g, row_codes, text_figs, unit[1], max_years, settings)
            elif len(g.cols) == 1:
                layout = {g.cols[0]: Col(None, None, None, "inferred")}
        if inferred_unit and layout:
            ctx.rows["checks"].append(
                check_row(
                    doc,
                    CheckKind.TABLE_UNIT_INFERRED,
                    f"the table states no unit; its figures agree with the text read in {unit[0]}",
                    expected=unit[0],
                    start=block.start,
                )
            )
        if by_component:
            _check_rows(doc, ctx, block, g, row_codes, layout, multi_year, unit[1])
        for ri, r in enumerate(g.rows):
            if ri not in row_codes:
                continue
            rb = basis_of(_title(block, r), multi_year)
            rs, rc = row_labels.get(ri, (None, None))
            grid = r.grid(block.ncols)
            for c in g.cols:
                col = layout.get(c)
                v = g.values[ri][c]
                if col is None or v is None or v == DASH:
                    continue
                source = col.source
                if rs and rs != "total" and source in (None, "total"):
                    source = rs
                source = source or rs or ("total" if (col.capital or rc) else None)
                if source is None:
                    continue
                cell = grid[c]
                try:
                    vnd = to_dong(cell.text.strip(), unit[1])
                except ValueError:
                    continue
                sec = section_at(doc, cell.start)
                out.append(
                    {
                        "component": row_codes[ri],
                        "source": source,
                        "capital": col.capital or rc,
                        "vnd": vnd,
                        "basis": rb or col.basis or "period",
                        "origin": "table",
                        "raw": collapse(cell.text),
                        "unit": unit[0],
                        "corrected": False,
                        "section_id": sec.section_id if sec else None,
                        **provenance(doc, cell.start, cell.end),
                    }
                )
    return out


def _check_rows(
    doc: Document, ctx, block: Block, g: _Grid, row_codes: dict, layout: dict, multi_year: bool, factor: int
) -> None:
    """Sub-project rows against their project's row, and project rows against a total row
    of the same basis, column by column."""
    rows_of = {code: ri for ri, code in row_codes.items() if code is not None}
    groups = defaultdict(list)
    for code, ri in rows_of.items():
        c = canon(code)
        if c and c.parent and c.parent in rows_of:
            groups[rows_of[c.parent]].append(ri)
    for ri, code in row_codes.items():
        if code is None and basis_of(_title(block, g.rows[ri]), multi_year) is None:
            groups[ri] = [r for c, r in rows_of.items() if canon(c) and canon(c).parent is None]
    for head, parts in groups.items():
        if not parts:
            continue
        for c in g.cols:
            if c not in layout or g.values[head][c] is None:
                continue
            want = _num(g.values[head][c])
            vals = [_num(g.values[p][c]) for p in parts]
            if any(v is None for v in vals):
                continue
            got = sum(vals)
            if not within(int(want * factor), int(got * factor), ctx.settings):
                cell = g.rows[head].grid(block.ncols)[c]
                ctx.rows["checks"].append(
                    check_row(
                        doc,
                        CheckKind.TABLE_SUM_MISMATCH,
                        f"rows {', '.join(str(row_codes[p]) for p in parts)} add up to {got} in column {c + 1}, "
                        f"the row of {row_codes[head] or 'the total'} states {want} (table units)",
                        component=row_codes[head],
                        expected=int(want * factor),
                        found=int(got * factor),
                        start=cell.start,
                        end=cell.end,
                    )
                )
