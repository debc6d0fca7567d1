"""Who leads and who supports each programme component and each task of a plan.

Three places say it. A component section's "Phân công thực hiện" clause ("Phòng Lao
động - Thương binh và Xã hội chủ trì, phối hợp với Trung tâm Y tế huyện, các cơ quan,
đơn vị có liên quan tổ chức thực hiện"); a sentence of the section that names who carries
the component out ("dự án do Sở Y tế triển khai", "UBND xã, thị trấn triển khai các dự
án"); and a task table (Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực
hiện) whose group rows (I, II ...) number its tasks. Duty lists by agency in the plan's
"Tổ chức thực hiện" part and its distribution list are not assignments of a component.

A clause is read as: openers and labels, then a list of bodies (the subject), then the
word that gives them their role (chủ trì: lead; triển khai / thực hiện: lead where no
one chủ trì; phối hợp thực hiện: support), then "phối hợp với" and the supporting list up
to the verb that ends it. In running text the subject must open the clause and its role
word follow it at once, so that a body merely mentioned in a sentence is not taken for
the one that carries the work out; in a table cell the column gives the role of any body
the cell names without a role word. The phrases are in rules/assignment_phrases.yaml and
the bodies come from extract/agencies.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from . import agencies, rules
from .model import Block, Document, Row
from .provenance import provenance
from .textnorm import key, match_form

ROLE_KINDS = ("lead", "support_after", "support_self", "doer")
_KINDS = frozenset({
    "label", "opener", "by", "link", "lead", "lead_label", "support_after", "support_label",
    "support_self", "doer", "list_end", "excluded_section",
    "column_number", "column_task", "column_lead", "column_support", "column_time",
})
rules.register("assignment_phrases", {
    "kind": rules.Field(str, choices=_KINDS),
    "phrase": rules.Field(str),
})

_CLAUSE_MARKERS = ("label", "opener", "by", "link", "lead", "lead_label", "support_after", "support_label",
                   "support_self", "doer", "list_end")
_SEPARATOR = regex.compile(r"(?:[\s,;:\-–+•*()]|(?<!\w)(?:và|cùng|với)(?!\w))*")
_LIST_LABEL = regex.compile(r"\s*(?:[-+•*–]|\(?(?:[a-zđ]|\d{1,2}(?:\.\d{1,2})*|[ivxlc]{1,5})[.)])?\s*")
_PIECE_END = regex.compile(r";|\.(?=\s|$)")
_ROMAN = regex.compile(r"^[IVXLC]{1,6}$")
_ARABIC = regex.compile(r"^\d{1,3}(?:\.\d{1,3})*$")
_YEAR = regex.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_SPACE_LIKE = str.maketrans("\n\t\r", "   ")


@dataclass(frozen=True)
class Marker:
    start: int
    end: int
    kinds: frozenset


@dataclass(frozen=True)
class Assigned:
    """One body given one role by a clause; spans index the parsed text."""

    role: str
    mention: agencies.Mention
    clause_start: int
    clause_end: int


@lru_cache(maxsize=None)
def phrases() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {k: [] for k in _KINDS}
    for e in rules.load("assignment_phrases"):
        out[e["kind"]].append(key(e["phrase"]))
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=None)
def _marker_table() -> tuple[regex.Pattern, dict[str, frozenset]]:
    table: dict[str, set[str]] = {}
    for kind in _CLAUSE_MARKERS:
        for p in phrases()[kind]:
            table.setdefault(p, set()).add(kind)
    return regex.compile(agencies._phrase_re(table)), {p: frozenset(k) for p, k in table.items()}


@lru_cache(maxsize=None)
def _stop_re() -> regex.Pattern:
    return _marker_table()[0]


def _markers(form: str, mentions: list[agencies.Mention]) -> list[Marker]:
    pattern, table = _marker_table()
    out = []
    for m in pattern.finditer(form):
        if any(x.start <= m.start() < x.end for x in mentions):
            continue
        kinds = table.get(regex.sub(r"\s+", " ", regex.sub(r"\s*,\s*", ", ", m.group())))
        if kinds:
            out.append(Marker(m.start(), m.end(), kinds))
    return out


def _pieces(form: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in _PIECE_END.finditer(form):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(form)))
    return [(a, b) for a, b in out if form[a:b].strip()]


def _skip(form: str, pos: int, end: int, markers: list[Marker], kinds: tuple[str, ...]) -> tuple[int, set[str]]:
    """Move past separators and markers of the given kinds; say which kinds were passed."""
    seen: set[str] = set()
    while pos < end:
        m = _SEPARATOR.match(form, pos, end)
        if m and m.end() > pos:
            pos = m.end()
            continue
        mk = next((x for x in markers if x.start == pos and x.kinds & set(kinds)), None)
        if mk is None:
            break
        seen |= mk.kinds & set(kinds)
        pos = mk.end
    return pos, seen


def _subject(form: str, pos: int, end: int, mentions: list[agencies.Mention]) -> tuple[list[agencies.Mention], int]:
    """The bodies (and catch-alls) that follow one another from `pos`, and where they stop."""
    subj = []
    while True:
        m = next((x for x in mentions if x.start >= pos and x.start < end), None)
        if m is None:
            break
        gap = form[pos:m.start]
        if gap and not _SEPARATOR.fullmatch(gap):
            break
        subj.append(m)
        pos = m.end
    return subj, pos


def _parse_piece(form: str, a: int, b: int, mentions: list[agencies.Mention], markers: list[Marker],
                 default_role: str | None) -> list[tuple[str, agencies.Mention]]:
    ms = [m for m in mentions if a <= m.start < b]
    mk = [m for m in markers if a <= m.start < b]
    lab = _LIST_LABEL.match(form, a, b)
    start = lab.end() if lab else a
    start, seen = _skip(form, start, b, mk, ("label", "opener", "lead_label", "support_label"))
    if "lead_label" in seen or "support_label" in seen:
        role = "lead" if "lead_label" in seen else "support"
        return [(role, m) for m in ms if m.is_agency]
    starts = [start] + [x.end for x in mk if x.kinds & {"by", "opener"} and x.end > start]
    out: list[tuple[str, agencies.Mention]] = []
    taken: set[int] = set()
    for s in starts:
        s, _ = _skip(form, s, b, mk, ("opener",))
        subj, pos = _subject(form, s, b, ms)
        if not subj:
            continue
        pos, _ = _skip(form, pos, b, mk, ("link",))
        verb = next((x for x in mk if x.start == pos and x.kinds & set(ROLE_KINDS)), None)
        if verb is None:
            continue
        role = "support" if ("support_self" in verb.kinds and not verb.kinds & {"lead", "doer", "support_after"}) else "lead"
        for m in subj:
            if m.is_agency:
                out.append((role, m))
            taken.add(m.start)
        rest = verb.start if "support_after" in verb.kinds else verb.end
        out.extend(_supports(form, rest, b, ms, mk, taken))
        break
    if out or default_role is None:
        return out
    after = next((x for x in mk if "support_after" in x.kinds), None)
    for m in ms:
        if m.is_agency:
            out.append(("support" if after is not None and m.start >= after.end else default_role, m))
    return out


def _supports(form: str, pos: int, b: int, ms: list[agencies.Mention], mk: list[Marker],
              taken: set[int]) -> list[tuple[str, agencies.Mention]]:
    """The supporting bodies after a role word: after "phối hợp với" up to the verb that ends
    the list, or those named before a later "phối hợp" ("X chủ trì, Y phối hợp")."""
    after = next((x for x in mk if x.start >= pos and "support_after" in x.kinds), None)
    if after is not None:
        stop = next((x.start for x in mk if x.start >= after.end and not x.kinds & {"support_after"}), b)
        return [("support", m) for m in ms if after.end <= m.start < stop and m.is_agency and m.start not in taken]
    later = next((x for x in mk if x.start >= pos and "support_self" in x.kinds), None)
    if later is not None:
        return [("support", m) for m in ms if pos <= m.start < later.start and m.is_agency and m.start not in taken]
    return []


def parse(text: str, doc_level: str | None = None, default_role: str | None = None,
          max_words: int = 14) -> list[Assigned]:
    """Every (role, body) a clause or a table cell states, with the clause's span.

    With no `default_role` only bodies a role word speaks of count (running text); with
    one, every body the text names takes it unless a role word says otherwise (a cell of
    a table's Cơ quan chủ trì or Cơ quan phối hợp column).
    """
    form = match_form(text).translate(_SPACE_LIKE)
    mentions = agencies.find_mentions(text, doc_level, _stop_re(), max_words)
    markers = _markers(form, mentions)
    out, seen = [], set()
    for a, b in _pieces(form):
        for role, m in _parse_piece(form, a, b, mentions, markers, default_role):
            k = (role, key(m.name))
            if k in seen:
                continue
            seen.add(k)
            out.append(Assigned(role, m, a, b))
    return out


# --- where clauses are ---------------------------------------------------------------

def _excluded(doc: Document, offset: int) -> bool:
    """Inside the plan's "Tổ chức thực hiện" part or its distribution list."""
    heads = phrases()["excluded_section"]
    for s in doc.ancestors(doc.section_at(offset)):
        title = key(s.title)
        if not any(title.startswith(h) for h in heads):
            continue
        if s.label_kind in ("roman", "article", "title") or s.level <= 2 or title.startswith("nơi nhận"):
            return True
    return False


def _text_units(doc: Document) -> list[tuple[int, int]]:
    """Paragraphs and headings, with a paragraph that a page or line break cut in two joined."""
    units: list[list[int]] = []
    prev: Block | None = None
    for b in doc.blocks:
        if b.kind not in ("paragraph", "heading"):
            prev = None
            continue
        cont = (prev is not None and prev.kind == "paragraph" and b.kind == "paragraph"
                and not regex.search(r"[.;:!?]\s*$", prev.text) and regex.match(r"\s*\p{Ll}", b.text))
        if cont:
            units[-1][1] = b.end
        else:
            units.append([b.start, b.end])
        prev = b
    return [(a, e) for a, e in units]


def _component_at(doc: Document, ctx, offset: int) -> str | None:
    from .components import component_at

    return component_at(doc, ctx, offset)


def _row(doc: Document, a: Assigned, base: int, component, task, task_text, timeframe, span) -> dict:
    m = a.mention
    years = [int(y) for y in _YEAR.findall(timeframe or "")]
    sec = doc.section_at(span[0])
    return {
        "component": component, "task": task, "task_text": task_text, "role": a.role,
        "agency": m.name, "agency_raw": m.raw, "agency_kind": m.kind, "agency_level": m.level,
        "timeframe": timeframe, "year_start": min(years) if years else None, "year_end": max(years) if years else None,
        "section_id": sec.section_id if sec else None,
        **provenance(doc, span[0], span[1]),
    }


def _from_text(doc: Document, ctx, level: str | None, max_words: int) -> list[dict]:
    out = []
    for start, end in _text_units(doc):
        component = _component_at(doc, ctx, start)
        if component is None or _excluded(doc, start):
            continue
        text = doc.text[start:end]
        for a in parse(text, level, None, max_words):
            out.append(_row(doc, a, start, component, None, None, None, (start + a.clause_start, start + a.clause_end)))
    return out


# --- task tables ---------------------------------------------------------------------

def columns(block: Block) -> dict[str, int]:
    """Which grid column holds the number, task, lead, support and time of a task table."""
    ph = phrases()
    head = [r for r in block.rows if r.is_header] or block.rows[:1]
    texts = [""] * block.ncols
    for r in head:
        for i, t in enumerate(r.texts(block.ncols)):
            if t and key(t) not in key(texts[i]):
                texts[i] = f"{texts[i]} {t}".strip()
    found: dict[str, int] = {}
    for i, t in enumerate(texts):
        k = key(t)
        if not k:
            continue
        if k.rstrip(".") in ph["column_number"]:
            role = "number"
        elif any(p in k for p in ph["column_lead"]):
            role = "lead"
        elif any(p in k for p in ph["column_support"]):
            role = "support"
        elif any(p in k for p in ph["column_time"]):
            role = "time"
        elif any(p in k for p in ph["column_task"]):
            role = "task"
        else:
            continue
        found.setdefault(role, i)
    if "lead" in found and "number" not in found and 0 not in found.values():
        found["number"] = 0
    return found


def _is_repeated_header(row: Row, block: Block) -> bool:
    head = [r for r in block.rows if r.is_header]
    return bool(head) and any(
        [key(t) for t in row.texts(block.ncols)] == [key(t) for t in h.texts(block.ncols)] for h in head
    )


def _from_tables(doc: Document, ctx, level: str | None, max_words: int) -> list[dict]:
    out = []
    for block in doc.tables():
        cols = columns(block)
        if "lead" not in cols:
            continue
        group = None
        task = task_text = timeframe = None
        for r in block.rows:
            if r.is_header or _is_repeated_header(r, block):
                continue
            grid = r.grid(block.ncols)

            def cell(role):
                i = cols.get(role)
                return grid[i] if i is not None and i < len(grid) else None

            num_cell, lead_cell, sup_cell = cell("number"), cell("lead"), cell("support")
            num = (num_cell.text if num_cell else "").strip().rstrip(".").strip()
            has_agency_text = any(c is not None and c.text.strip() for c in (lead_cell, sup_cell))
            if _ROMAN.match(num) and not has_agency_text:
                group, task = num, None
                continue
            if _ARABIC.match(num) or _ROMAN.match(num):
                task = f"{group}.{num}" if group and _ARABIC.match(num) else num
                task_text = cell("task").text if cell("task") else None
                timeframe = cell("time").text if cell("time") else None
            elif num or task is None:
                task = num or None
                task_text = cell("task").text if cell("task") else None
                timeframe = cell("time").text if cell("time") else None
            component = _component_at(doc, ctx, r.start)
            for role, c in (("lead", lead_cell), ("support", sup_cell)):
                if c is None or not c.text.strip():
                    continue
                for a in parse(c.text, level, role, max_words):
                    m = a.mention
                    shifted = agencies.Mention(m.start + c.start, m.end + c.start, m.raw, m.name, m.kind, m.level, m.source)
                    a = Assigned(a.role, shifted, a.clause_start, a.clause_end)
                    out.append(_row(doc, a, 0, component, task, task_text or None, timeframe or None, (r.start, r.end)))
    return out


def extract(doc: Document, ctx) -> None:
    level = ctx.meta.get("admin_level")
    max_words = ctx.settings.agency_max_words
    seen = set()
    for row in _from_text(doc, ctx, level, max_words) + _from_tables(doc, ctx, level, max_words):
        k = (row["component"], row["task"], row["role"], key(row["agency"]))
        if k in seen:
            continue
        seen.add(k)
        ctx.rows["assignments"].append(row)


__all__ = ["Assigned", "columns", "extract", "parse", "phrases"]
