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
from functools import cache, lru_cache

import regex

from extract import rules
from extract.document.model import Block, Document, Row
from extract.document.provenance import provenance
from extract.extractors import agencies
from extract.extractors.components import ancestors_at, best_match, component_at, read_heading, section_at
from extract.extractors.step import Context, step
from extract.rule_schemas import ASSIGNMENT_PHRASE_KINDS
from extract.settings import DEFAULT_SETTINGS
from extract.text.normalize import key

ROLE_KINDS = ("lead", "support_after", "support_self", "doer")

_CLAUSE_MARKERS = (
    "label",
    "opener",
    "by",
    "link",
    "lead",
    "lead_label",
    "support_after",
    "support_label",
    "support_self",
    "doer",
    "list_end",
)
_SEPARATOR = regex.compile(r"(?:[\s,;:\-–+•*()]|(?<!\w)(?:và|cùng|với)(?!\w))*")
_LIST_LABEL = regex.compile(r"\s*(?:[-+•*–]|\(?(?:[a-zđ]|\d{1,2}(?:\.\d{1,2})*|[ivxlc]{1,5})[.)])?\s*")
_PIECE_END = regex.compile(r"\.(?=\s|$)")
_ROMAN = regex.compile(r"^[IVXLC]{1,6}$")
_ARABIC = regex.compile(r"^\d{1,3}(?:\.\d{1,3})*$")
_YEAR = regex.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_COMMA = regex.compile(r"\s*,\s*")
_ALL_WS = regex.compile(r"\s+")
_OPEN_END = regex.compile(r"[.;:!?]\s*$")
_LOWER_START = regex.compile(r"\s*\p{Ll}")
_ITEM_MARK = regex.compile(r"\s*[-+•*–]")


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


@cache
def phrases() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {k: [] for k in ASSIGNMENT_PHRASE_KINDS}
    for e in rules.load("assignment_phrases"):
        out[e["kind"]].append(key(e["phrase"]))
    return {k: tuple(v) for k, v in out.items()}


@cache
def _marker_table() -> tuple[agencies.PhraseScan, dict[str, frozenset]]:
    table: dict[str, set[str]] = {}
    for kind in _CLAUSE_MARKERS:
        for p in phrases()[kind]:
            table.setdefault(p, set()).add(kind)
    return agencies.phrase_scan(table), {p: frozenset(k) for p, k in table.items()}


@cache
def _stop_re() -> agencies.PhraseScan:
    return _marker_table()[0]


def _markers(hits: list[regex.Match], mentions: list[agencies.Mention]) -> list[Marker]:
    """The clause markers among the matches of _stop_re, those inside a body's name left out."""
    table = _marker_table()[1]
    out = []
    for m in hits:
        if any(x.start <= m.start() < x.end for x in mentions):
            continue
        kinds = table.get(_ALL_WS.sub(" ", _COMMA.sub(", ", m.group())))
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


def _skip(form: str, pos: int, end: int, markers: list[Marker], kinds: tuple[str, ...]) -> int:
    """Move past separators and markers of the given kinds."""
    while pos < end:
        m = _SEPARATOR.match(form, pos, end)
        if m and m.end() > pos:
            pos = m.end()
            continue
        mk = next((x for x in markers if x.start == pos and x.kinds & set(kinds)), None)
        if mk is None:
            break
        pos = mk.end
    return pos


def _subject(form: str, pos: int, end: int, mentions: list[agencies.Mention]) -> tuple[list[agencies.Mention], int]:
    """The bodies (and catch-alls) that follow one another from `pos`, and where they stop."""
    subj = []
    while True:
        m = next((x for x in mentions if x.start >= pos and x.start < end), None)
        if m is None:
            break
        gap = form[pos : m.start]
        if gap and not _SEPARATOR.fullmatch(gap):
            break
        subj.append(m)
        pos = m.end
    return subj, pos


def _labelled(ms: list[agencies.Mention], mk: list[Marker]) -> list[tuple[str, agencies.Mention]]:
    """ "Cơ quan chủ trì: A; cơ quan phối hợp: B, C": each body takes the label before it."""
    labels = [x for x in mk if x.kinds & {"lead_label", "support_label"}]
    out = []
    for m in ms:
        before = [x for x in labels if x.end <= m.start]
        if before and m.is_agency:
            out.append(("lead" if "lead_label" in before[-1].kinds else "support", m))
    return out


def _parse_piece(
    form: str, a: int, b: int, mentions: list[agencies.Mention], markers: list[Marker], default_role: str | None
) -> list[tuple[str, agencies.Mention, int, int]]:
    """The roles one sentence gives, each with the span of the clause that gives it.

    A sentence may hold several clauses ("A chủ trì; B phối hợp thực hiện"), so a clause
    may open at the sentence start, after a semicolon, and after "do" or "Đề nghị"; an
    opening that falls inside the supporting list of an earlier clause is part of it.
    """
    ms = [m for m in mentions if a <= m.start < b]
    mk = [m for m in markers if a <= m.start < b]
    lab = _LIST_LABEL.match(form, a, b)
    first = lab.end() if lab else a
    first = _skip(form, first, b, mk, ())
    opening = next((x for x in mk if x.start == first), None)
    first = _skip(form, first, b, mk, ("label", "opener"))
    if any(x.kinds & {"lead_label", "support_label"} for x in mk if x.start == first):
        return [(role, m, a, b) for role, m in _labelled(ms, mk)]
    starts = sorted(
        {first} | _after_semicolons(form, a, b) | {x.end for x in mk if x.kinds & {"by", "opener"} and x.end > first}
    )
    out: list[tuple[str, agencies.Mention, int, int]] = []
    consumed = a
    for s in starts:
        if s < consumed:
            continue
        s = _skip(form, s, b, mk, ("label", "opener"))
        subj, pos = _subject(form, s, b, ms)
        if not any(m.is_agency for m in subj):
            continue
        pos = _skip(form, pos, b, mk, ("link",))
        verb = next((x for x in mk if x.start == pos and x.kinds & set(ROLE_KINDS)), None)
        if verb is None:
            continue
        role = (
            "support"
            if ("support_self" in verb.kinds and not verb.kinds & {"lead", "doer", "support_after"})
            else "lead"
        )
        clause = []
        for m in subj:
            if m.is_agency:
                clause.append((role, m))
        rest = verb.start if "support_after" in verb.kinds else verb.end
        supports, consumed = _supports(form, rest, b, ms, mk)
        clause += supports
        consumed = max(consumed, verb.end)
        cs = form.rfind(";", a, s) + 1 or a
        ce = form.find(";", max(consumed, subj[-1].end), b)
        out += [(r, m, cs, b if ce < 0 else ce) for r, m in clause]
    if not out and opening is not None and "lead_label" in opening.kinds:
        return [(role, m, a, b) for role, m in _labelled(ms, mk)]  # "Đơn vị thực hiện: Sở Y tế."
    if out or default_role is None:
        return out
    after = next((x for x in mk if "support_after" in x.kinds), None)
    for m in ms:
        if m.is_agency:
            out.append(("support" if after is not None and m.start >= after.end else default_role, m, a, b))
    return out


def _after_semicolons(form: str, a: int, b: int) -> set[int]:
    out = set()
    i = form.find(";", a, b)
    while i >= 0:
        out.add(i + 1)
        i = form.find(";", i + 1, b)
    return out


def _has_subject(form: str, verb: Marker, ms: list[agencies.Mention]) -> bool:
    """Whether a role word has bodies of its own just before it (a new clause)."""
    before = [m for m in ms if m.end <= verb.start]
    return bool(before) and before[-1].is_agency and not form[before[-1].end : verb.start].strip(" ,:")


def _supports(
    form: str, pos: int, b: int, ms: list[agencies.Mention], mk: list[Marker]
) -> tuple[list[tuple[str, agencies.Mention]], int]:
    """The supporting bodies after a role word, and where their list ends: after "phối hợp
    với" up to the verb that closes the list, or those named before a later "phối hợp"
    ("A chủ trì; B phối hợp thực hiện")."""
    stop = pos
    after = next((x for x in mk if x.start >= pos and "support_after" in x.kinds), None)
    nxt = next(
        (
            x
            for x in mk
            if x.start >= pos
            and x.kinds & {"lead", "doer"}
            and _has_subject(form, x, ms)
            and (after is None or x.start < after.start)
        ),
        None,
    )
    if after is not None and nxt is None:
        stop = next((x.start for x in mk if x.start >= after.end and not x.kinds & {"support_after"}), b)
        return [("support", m) for m in ms if after.end <= m.start < stop and m.is_agency], stop
    later = next(
        (x for x in mk if x.start >= pos and "support_self" in x.kinds and not x.kinds & {"lead", "doer"}), None
    )
    if later is not None and (nxt is None or later.start < nxt.start):
        return [("support", m) for m in ms if pos <= m.start < later.start and m.is_agency], later.end
    return [], stop


def parse(
    text: str,
    doc_level: str | None = None,
    default_role: str | None = None,
    max_words: int = DEFAULT_SETTINGS.agency_max_words,
) -> list[Assigned]:
    """Every (role, body) a clause or a table cell states, with the clause's span.

    With no `default_role` only bodies a role word speaks of count (running text); with
    one, every body the text names takes it unless a role word says otherwise (a cell of
    a table's Cơ quan chủ trì or Cơ quan phối hợp column).
    """
    return list(_parsed(text, doc_level, default_role, max_words))


@lru_cache(maxsize=4096)
def _parsed(text: str, doc_level: str | None, default_role: str | None, max_words: int) -> tuple[Assigned, ...]:
    """Cached: a plan gives the same clause or cell again and again (one lead body down a
    whole task table), and plans of one province share their wording."""
    form = agencies.space_form(text)
    mentions, hits = agencies.mentions_in(text, form, doc_level, _stop_re(), max_words)
    markers = _markers(hits, mentions)
    out, seen = [], set()
    for a, b in _pieces(form):
        for role, m, cs, ce in _parse_piece(form, a, b, mentions, markers, default_role):
            k = (role, key(m.name))
            if k in seen:
                continue
            seen.add(k)
            cs += len(text[cs:ce]) - len(text[cs:ce].lstrip())
            out.append(Assigned(role, m, cs, ce))
    return tuple(out)


# --- where clauses are ---------------------------------------------------------------


def _excluded(doc: Document, ctx, offset: int) -> bool:
    """Inside the plan's "Tổ chức thực hiện" part (duty lists by agency) or its distribution
    list. A component's own "Tổ chức thực hiện" sub-section is its assignment clause, so a
    section of that title counts only where no component section encloses it."""
    heads = phrases()["excluded_section"]
    for s in ancestors_at(doc, offset):
        title = key(s.title)
        if any(title.startswith(h) for h in heads):
            return component_at(doc, ctx, s.start) is None
    return False


def _text_units(doc: Document) -> list[tuple[int, int]]:
    """Paragraphs and headings, with a paragraph that a page or line break cut in two joined."""
    units: list[list[int]] = []
    prev: Block | None = None
    for b in doc.blocks:
        if b.kind not in ("paragraph", "heading"):
            prev = None
            continue
        cont = (
            prev is not None
            and prev.kind == "paragraph"
            and b.kind == "paragraph"
            and _LOWER_START.match(b.text)
            and not _OPEN_END.search(prev.text)
        )
        if cont:
            units[-1][1] = b.end
        else:
            units.append([b.start, b.end])
        prev = b
    return [(a, e) for a, e in units]


def _row(doc: Document, a: Assigned, component, task, task_text, timeframe, span) -> dict:
    m = a.mention
    years = [int(y) for y in _YEAR.findall(timeframe or "")]
    sec = section_at(doc, span[0])
    return {
        "component": component,
        "task": task,
        "task_text": task_text,
        "role": a.role,
        "agency": m.name,
        "agency_raw": m.raw,
        "agency_kind": m.kind,
        "agency_level": m.level,
        "agency_key": agencies.identity(m.name).key,
        "timeframe": timeframe,
        "year_start": min(years) if years else None,
        "year_end": max(years) if years else None,
        "section_id": sec.section_id if sec else None,
        **provenance(doc, span[0], span[1]),
    }


def _open_role(text: str) -> str | None:
    """The role of a list that a line opens and the next lines give ("phối hợp với:",
    "Cơ quan chủ trì:"), if the line ends by opening one."""
    tail = key(text).rstrip(" :-")
    ph = phrases()
    if any(tail.endswith(p) for p in ph["support_after"] + ph["support_label"]):
        return "support"
    if any(tail.endswith(p) for p in ph["lead_label"]):
        return "lead"
    return None


def _from_text(doc: Document, ctx, level: str | None, max_words: int) -> list[dict]:
    out = []
    listing = None  # the role of the list the previous line opened, while its items go on
    for start, end in _text_units(doc):
        component = component_at(doc, ctx, start)
        if component is None or _excluded(doc, ctx, start):
            listing = None
            continue
        text = doc.text[start:end]
        item = listing is not None and _ITEM_MARK.match(text)
        found = parse(text, level, listing if item else None, max_words)
        for a in found:
            out.append(_row(doc, a, component, None, None, None, (start + a.clause_start, start + a.clause_end)))
        listing = _open_role(text) or (listing if item and found else None)
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
            found.setdefault("number", i)
            continue
        # under a spanning header ("Cơ quan thực hiện" over "Chủ trì" | "Phối hợp") the
        # sub-header, written last, names the column
        ends = {
            role: max((k.rfind(p) + len(p) for p in ph[f"column_{role}"] if p in k), default=-1)
            for role in ("lead", "support", "time", "task")
        }
        role, end = max(ends.items(), key=lambda kv: kv[1])
        if end >= 0:
            found.setdefault(role, i)
    if "lead" in found and "number" not in found and 0 not in found.values():
        found["number"] = 0
    return found


def _is_repeated_header(row: Row, block: Block) -> bool:
    head = [r for r in block.rows if r.is_header]
    return bool(head) and any(
        [key(t) for t in row.texts(block.ncols)] == [key(t) for t in h.texts(block.ncols)] for h in head
    )


def _names_component(text: str, settings) -> str | None:
    """The component a task-table row is about, when its task cell is a component's title."""
    h = read_heading(text)
    if h.label_level:
        code, score = best_match(h.title, h.label_level)
        return code if code and score >= settings.component_title_min_score else None
    code, score = best_match(h.title)
    return code if code and score >= settings.component_title_bare_min_score else None


def _from_tables(doc: Document, ctx, level: str | None, max_words: int) -> list[dict]:
    """Rows of task tables. A group row (I, II ...) numbers the tasks under it ("III.9");
    a row with an empty number cell continues the task above it; a row whose task is a
    component's title gives that component, and the rows under it belong to it."""
    out = []
    for block in doc.tables():
        cols = columns(block)
        if "lead" not in cols:
            continue
        group = current = None
        task = task_text = timeframe = None
        for r in block.rows:
            if r.is_header or _is_repeated_header(r, block):
                continue
            grid = r.grid(block.ncols)

            def cell(role: str) -> str:
                i = cols.get(role)
                c = grid[i] if i is not None and i < len(grid) else None
                return c.text.strip() if c is not None else ""

            num = cell("number").rstrip(".").strip()
            if _ROMAN.match(num) and not (cell("lead") or cell("support")):
                group, task = num, None
                current = _names_component(cell("task"), ctx.settings) if cell("task") else None
                continue
            if num or task is None:
                task = (f"{group}.{num}" if group and _ARABIC.match(num) else num) or None
                task_text, timeframe = cell("task") or None, cell("time") or None
            own = _names_component(task_text, ctx.settings) if task_text else None
            if own:
                current = own
            component = current or component_at(doc, ctx, r.start)
            row_task = None if own else task
            for role in ("lead", "support"):
                if cell(role):
                    for a in parse(cell(role), level, role, max_words):
                        out.append(_row(doc, a, component, row_task, task_text, timeframe, (r.start, r.end)))
    return out


@step(
    "assignments",
    requires=("meta.admin_level",),
    assigns=("rows.assignments",),
)
def extract(doc: Document, ctx: Context) -> None:
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
