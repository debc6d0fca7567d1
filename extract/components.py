"""Which programme components a plan has a section or budget-table row for.

The code follows the title, never the printed number: plans misnumber their sections
("Dự án 3: Phát triển giáo dục nghề nghiệp…" is Dự án 4), drop diacritics ("Da dạng
hóa"), shorten titles and number appendix rows 1..5. A heading is therefore compared
with every canonical title and variant in rules/components.yaml on the diacritic-free
skeleton of its words, and takes the best match. A heading that carries no "Dự án N" /
"Tiểu dự án N" label must match more closely, and only counts next to other component
headings (as a sub-heading of one, or among siblings that are), so that a lone heading
"Giám sát, đánh giá" in an unrelated part of a plan does not become DA7.2.

`component_at` is the one place other steps ask which component a character offset
belongs to.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import regex

from . import rules
from .model import Block, Document, Row, Section
from .provenance import provenance
from .textnorm import collapse, match_form, strip_diacritics

rules.register("components", {
    "kind": rules.Field(str, choices=frozenset({"component", "not_implemented", "reason"})),
    "code": rules.Field(str, required=False),
    "level": rules.Field(str, required=False, choices=frozenset({"project", "subproject"})),
    "number": rules.Field(int, required=False),
    "parent": rules.Field(str, required=False),
    "title": rules.Field(str, required=False),
    "variants": rules.Field(list, required=False, item_type=str),
    "phrase": rules.Field(str, required=False),
})

# "Dự án 2:", "Tiểu dự án 1.", "Dự án số 3 -", on the diacritic-free skeleton
_LABEL = regex.compile(r"^\W*(?P<kind>tieu\s+du\s+an|du\s+an)\s*(?:so\s*)?(?P<num>\d+(?:\.\d+)*)\s*[:.\-)]?\s*")
_WORD = regex.compile(r"\w+")
# where a title ends and comment on it begins: "(dự án do Sở Y tế…)", ": Không thực hiện"
_TITLE_END = regex.compile(r"[(:;]|\.(?:\s|$)")


@dataclass(frozen=True)
class Canon:
    code: str
    level: str
    number: int
    parent: str | None
    title: str
    forms: tuple[tuple[str, ...], ...]  # word skeletons of the title and its variants


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(strip_diacritics(text)))


@lru_cache(maxsize=None)
def catalogue() -> tuple[Canon, ...]:
    out = []
    for e in rules.load("components"):
        if e["kind"] != "component":
            continue
        forms = tuple(_words(t) for t in [e["title"], *(e.get("variants") or [])])
        out.append(Canon(e["code"], e["level"], e["number"], e.get("parent"), e["title"], forms))
    return tuple(out)


def canon(code: str) -> Canon | None:
    return next((c for c in catalogue() if c.code == code), None)


@lru_cache(maxsize=None)
def _phrases(kind: str) -> tuple[str, ...]:
    return tuple(match_form(e["phrase"]) for e in rules.load("components") if e["kind"] == kind)


def _dice(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    if not a or not b:
        return 0.0
    common = sum((Counter(a) & Counter(b)).values())
    return 2 * common / (len(a) + len(b))


@dataclass(frozen=True)
class Heading:
    """A heading or row title read as a possible component name."""

    label_level: str | None  # "project" / "subproject" when a Dự án / Tiểu dự án label is printed
    printed: str | None  # the label as printed ("Dự án 3", "Tiểu dự án 1")
    printed_number: str | None  # its number ("3")
    title: str  # the title part, as written
    rest: str  # what follows the title (parenthesis, ": Không thực hiện")


def read_heading(text: str) -> Heading:
    text = collapse(text)
    skel = strip_diacritics(text)
    level = printed = number = None
    start = 0
    m = _LABEL.match(skel) if len(skel) == len(text) else None
    if m:
        level = "subproject" if m.group("kind").startswith("tieu") else "project"
        number = m.group("num")
        printed = collapse(text[m.start("kind"):m.end("num")])
        start = m.end()
    body = text[start:]
    end = _TITLE_END.search(body)
    title = body[:end.start()] if end else body
    rest = body[end.start():] if end else ""
    return Heading(level, printed, number, title.strip(" -–,."), rest)


def best_match(title: str, level: str | None = None, parent: str | None = None) -> tuple[str | None, float]:
    """The component whose title is nearest to `title`, and how near (0-1).

    A printed label restricts the candidates to its level when one of that level fits at
    all; the enclosing component breaks ties in favour of its own sub-projects.
    """
    words = _words(title)
    if not words:
        return None, 0.0
    scored = []
    for c in catalogue():
        score = max(_dice(words, f) for f in c.forms)
        scored.append((score, c))
    if level is not None:
        same = [(s, c) for s, c in scored if c.level == level and s > 0]
        if same:
            scored = same
    score, best = max(scored, key=lambda sc: (sc[0], sc[1].parent is not None and sc[1].parent == parent))
    return (best.code, score) if score > 0 else (None, 0.0)


def _own_text(doc: Document, section: Section) -> tuple[int, int]:
    """The span of a section's text before its first sub-section."""
    end = section.end
    for s in doc.sections:
        if s.parent_id == section.section_id:
            end = min(end, s.start)
    return section.heading_end, end


def _not_implemented(text: str) -> tuple[bool, str | None, int | None]:
    """Whether the text opens by saying the component is not carried out, the reason, and where."""
    form = match_form(text)
    first = regex.split(r"(?<=[.;!?])\s|\n", form, maxsplit=1)[0]
    hits = [(first.find(p), p) for p in _phrases("not_implemented") if p in first]
    if not hits:
        return False, None, None
    pos, phrase = min(hits)
    after = text[pos + len(phrase):len(first)]
    after_form = form[pos + len(phrase):len(first)]
    reason = None
    m = regex.search(r"\(([^)]*)\)?", after)
    body, body_form = (m.group(1), match_form(m.group(1))) if m else (after, after_form)
    for word in _phrases("reason"):
        w = regex.search(rf"(?<!\w){regex.escape(word)}(?!\w)\s*:?\s*", body_form)
        if w:
            reason = body[w.end():].strip(" .;,)")
            break
    if reason is None and m:
        reason = body.strip(" .;,")
    return True, reason or None, pos


@dataclass
class Found:
    code: str
    title: str
    printed_number: str | None
    implemented: bool
    reason: str | None
    section_id: int | None
    start: int
    end: int


_LAST: list = [None, None, None]  # the last document asked about, its settings and its answer


def _section_candidates(doc: Document, settings) -> dict[int, tuple[str, Heading, bool]]:
    """section_id -> (code, heading, labelled) for headings that name a component."""
    if _LAST[0] is doc and _LAST[1] is settings:
        return _LAST[2]
    _LAST[:] = [doc, settings, _find_candidates(doc, settings)]
    return _LAST[2]


def _find_candidates(doc: Document, settings) -> dict[int, tuple[str, Heading, bool]]:
    cands: dict[int, tuple[str, Heading, bool]] = {}
    by_id = {s.section_id: s for s in doc.sections}
    for s in doc.sections:  # document order: parents before their sub-sections
        h = read_heading(s.title)
        parent_code = None
        p = by_id.get(s.parent_id) if s.parent_id is not None else None
        while p is not None and parent_code is None:
            parent_code = cands[p.section_id][0] if p.section_id in cands else None
            p = by_id.get(p.parent_id) if p.parent_id is not None else None
        if h.label_level:
            code, score = best_match(h.title, h.label_level, parent_code)
            if code and score >= settings.component_title_min_score:
                cands[s.section_id] = (code, h, True)
            elif not _words(h.title) and h.label_level == "subproject" and parent_code and h.printed_number:
                by_number = f"{parent_code.split('.')[0]}.{h.printed_number}"
                if canon(by_number):
                    cands[s.section_id] = (by_number, h, True)
            elif not _words(h.title) and h.label_level == "project" and h.printed_number and canon(f"DA{h.printed_number}"):
                cands[s.section_id] = (f"DA{h.printed_number}", h, True)
            continue
        code, score = best_match(h.title, None, parent_code)
        if code and score >= settings.component_title_bare_min_score:
            cands[s.section_id] = (code, h, False)
    # a heading named by its title alone counts only beside other component headings
    kept = {}
    for sid, (code, h, labelled) in cands.items():
        s = by_id[sid]
        if labelled:
            kept[sid] = (code, h, labelled)
            continue
        siblings = [o for o in doc.sections if o.parent_id == s.parent_id and o.section_id != sid and o.section_id in cands]
        if (s.parent_id in cands) or siblings:
            kept[sid] = (code, h, labelled)
    return kept


def _from_sections(doc: Document, settings) -> list[Found]:
    out = []
    by_id = {s.section_id: s for s in doc.sections}
    for sid, (code, h, _) in _section_candidates(doc, settings).items():
        s = by_id[sid]
        implemented, reason = True, None
        no, why, _ = _not_implemented(h.rest)
        if no:
            implemented, reason = False, why
        else:
            a, b = _own_text(doc, s)
            b = min(b, a + settings.component_status_window_chars)
            no, why, _ = _not_implemented(doc.text[a:b].lstrip())
            if no:
                implemented, reason = False, why
        out.append(Found(code, collapse(h.title), h.printed or None, implemented, reason, sid, s.start, s.heading_end))
    return out


def row_title(block: Block, row: Row) -> tuple[str | None, str | None, int, int]:
    """(printed number, title, start, end) of a table row: its number cell and first text cell."""
    number, title = None, None
    span = (row.start, row.end)
    for c in row.cells:
        t = collapse(c.text)
        if not t:
            continue
        if number is None and title is None and regex.fullmatch(r"[\dIVXivx]+(?:\.\d+)*\.?", t):
            number = t.rstrip(".")
            continue
        if regex.search(r"\p{L}{2,}", t):
            title, span = t, (c.start, c.end)
            break
        if title is None and regex.fullmatch(r"[\d.,\s-]+", t):
            break
    return number, title, span[0], span[1]


def _row_has_figures(row: Row) -> bool:
    return any(regex.fullmatch(r"\d[\d.,]*", collapse(c.text)) for c in row.cells[1:])


def table_rows(doc: Document, settings) -> list[tuple[Block, Row, str, str | None, str, int, int]]:
    """Rows of money tables that name a component: (table, row, code, printed, title, start, end).

    A table counts when at least two of its rows holding figures name components, so a
    task table whose rows merely mention a component's subject is left alone.
    """
    out = []
    for b in doc.tables():
        hits = []
        for r in b.body_rows():
            if not _row_has_figures(r):
                continue
            number, title, a, e = row_title(b, r)
            if not title:
                continue
            h = read_heading(title)
            if h.label_level:
                code, score = best_match(h.title, h.label_level)
                ok = code is not None and score >= settings.component_title_min_score
            else:
                code, score = best_match(h.title)
                ok = code is not None and score >= settings.component_title_bare_min_score
            if ok:
                hits.append((b, r, code, h.printed or number, collapse(h.title), a, e))
        if len(hits) >= 2:
            out.extend(hits)
    return out


def extract(doc: Document, ctx) -> None:
    settings = ctx.settings
    found = _from_sections(doc, settings)
    seen = {f.code for f in found}
    for b, r, code, printed, title, a, e in table_rows(doc, settings):
        if code in seen:
            continue
        seen.add(code)
        found.append(Found(code, title, printed, True, None, None, a, e))
    listed = set()
    for f in sorted(found, key=lambda f: f.start):
        if f.code in listed:
            continue
        listed.add(f.code)
        ctx.rows["components"].append({
            "code": f.code, "title": f.title, "printed_number": f.printed_number,
            "implemented": f.implemented, "reason": f.reason, "section_id": f.section_id,
            **provenance(doc, f.start, f.end),
        })
    _numbering_checks(doc, ctx, found)


def _numbering_checks(doc: Document, ctx, found: list[Found]) -> None:
    """A heading whose printed Dự án / Tiểu dự án number disagrees with its title's code."""
    for f in found:
        if f.section_id is None or not f.printed_number:
            continue
        c = canon(f.code)
        h = read_heading(f.printed_number)
        if c is None or h.label_level != c.level or not (h.printed_number or "").isdigit():
            continue
        if int(h.printed_number) != c.number:
            expected = f"Dự án {c.number}" if c.level == "project" else f"Tiểu dự án {c.number}"
            ctx.rows["checks"].append({
                "kind": "numbering_mismatch", "component": f.code,
                "detail": f"heading printed '{f.printed_number}' but its title '{f.title}' is {f.code}",
                "expected": expected, "found": f.printed_number,
                **provenance(doc, f.start, f.end),
            })


def component_at(doc: Document, ctx, offset: int) -> str | None:
    """The code of the innermost component section enclosing a character offset."""
    by_section = {r["section_id"]: r["code"] for r in ctx.rows.get("components", []) if r.get("section_id") is not None}
    extra = None
    for s in doc.ancestors(doc.section_at(offset)):
        if s.section_id in by_section:
            return by_section[s.section_id]
        if extra is None:
            extra = {sid: code for sid, (code, _, _) in _section_candidates(doc, ctx.settings).items()}
        if s.section_id in extra:
            return extra[s.section_id]
    return None
