"""Which programme components a plan has a section or budget-table row for.

The code follows the title, never the printed number: plans misnumber their sections
("Dự án 3: Phát triển giáo dục nghề nghiệp…" is Dự án 4), drop diacritics ("Da dạng
hóa"), shorten titles and number appendix rows 1..5. A heading is therefore compared
with every canonical title and variant in rules/components.yaml on the diacritic-free
skeleton of its words, and takes the best match. A heading that carries no "Dự án N" /
"Tiểu dự án N" label must match more closely, and only counts next to other component
headings (as a sub-heading of one, or among siblings that are), so that a lone heading
"Giám sát, đánh giá" in an unrelated part of a plan does not become DA7.2.

Not every plan numbers its component headings into the heading tree: some set them as
plain lines ("Dự án 1. Hỗ trợ …", "Tiểu dự án 2 - …", "Nội dung 3: …") or as all-capital
lines ("DỰ ÁN 4: …") that the tree reads as top-level titles. Such a line counts when it
opens with a label (rules/components.yaml, kind label) and its title matches, and the part
of the plan it governs is worked out here (`_spans`), not taken from the tree.

`component_at` is the one place other steps ask which component a character offset
belongs to.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from extract import rules
from extract.document.model import Block, Document, Row, Section
from extract.document.provenance import provenance
from extract.document.sections import RANK
from extract.extractors.checkrows import CheckKind, check_row
from extract.extractors.money.vocabulary import may_hold_figure, unit_re
from extract.extractors.programme import decide
from extract.extractors.step import Context, step
from extract.text.normalize import (
    PhraseScan,
    collapse,
    local_skeleton,
    match_form,
    match_form_within,
    strip_diacritics,
)

_KIND_OF = {"project": 0, "subproject": 1}

_WORD = regex.compile(r"\w+")
_BULLET_START = regex.compile(r"^\s*[-+•*–—]")
_FIGURE = regex.compile(r"\d")
_ALL_WS = regex.compile(r"\s+")
_SENTENCE_BREAK = regex.compile(r"(?<=[.;!?])\s|\n")
_PARENTHESIS = regex.compile(r"\(([^)]*)\)?")
_ROW_NUMBER = regex.compile(r"[\dIVXivx]+(?:\.\d+)*\.?")
_LETTERS = regex.compile(r"\p{L}{2,}")
_FIGURE_CELL = regex.compile(r"[\d.,\s-]+")
_AMOUNT_CELL = regex.compile(r"\d[\d.,]*")
_DIGIT = re.compile(r"\d")  # a cell without one holds no amount


@cache
def _label_re() -> tuple[regex.Pattern, dict[str, str | None]]:
    """ "Dự án 2:", "Tiểu dự án 1 -", "Nội dung 3.", "Dự án số 3" on the diacritic-free
    skeleton; the label words (rules/components.yaml, kind label) -> the level they name."""
    levels: dict[str, str | None] = {}
    for e in rules.load("components"):
        if e["kind"] == "label":
            levels[" ".join(_WORD.findall(strip_diacritics(e["phrase"])))] = e.get("level")
    alt = "|".join(r"\s+".join(map(regex.escape, k.split())) for k in sorted(levels, key=len, reverse=True))
    pattern = regex.compile(rf"^\W*(?P<kind>{alt})\s*(?:so\s*)?(?P<num>\d+(?:\.\d+)*)\s*[:.\-)]?\s*")
    return pattern, levels


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


@cache
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


@cache
def _phrases(kind: str) -> tuple[str, ...]:
    return tuple(match_form(e["phrase"]) for e in rules.load("components") if e["kind"] == kind)


@cache
def _form_index() -> tuple[dict[str, list[tuple[int, int, int]]], list[list[int]]]:
    """Each word of the catalogue's forms -> (component, form, times it occurs there), and
    the length of every form: a title shares words with few forms, and the rest score 0."""
    index: dict[str, list[tuple[int, int, int]]] = {}
    lengths = []
    for ci, c in enumerate(catalogue()):
        lengths.append([len(f) for f in c.forms])
        for fi, f in enumerate(c.forms):
            for w, n in Counter(f).items():
                index.setdefault(w, []).append((ci, fi, n))
    return index, lengths


def _scores(words: tuple[str, ...]) -> list[float]:
    """Each component's best Dice coefficient between `words` and one of its forms, as
    multisets of words."""
    index, lengths = _form_index()
    common: dict[tuple[int, int], int] = {}
    for w, n in Counter(words).items():
        for ci, fi, m in index.get(w, ()):
            common[ci, fi] = common.get((ci, fi), 0) + min(n, m)
    scores = [0.0] * len(lengths)
    for (ci, fi), k in common.items():
        score = 2 * k / (len(words) + lengths[ci][fi])
        if score > scores[ci]:
            scores[ci] = score
    return scores


@dataclass(frozen=True)
class Heading:
    """A heading or row title read as a possible component name."""

    label_level: str | None  # "project" / "subproject" when a Dự án / Tiểu dự án label is printed
    printed: str | None  # the label as printed ("Dự án 3", "Tiểu dự án 1", "Nội dung 2")
    printed_number: str | None  # its number ("3")
    title: str  # the title part, as written
    rest: str  # what follows the title (parenthesis, ": Không thực hiện")


_HEAD_CHARS = 48  # how much of a line is skeletonised to rule a label out
_LEADING_NONWORD = regex.compile(r"\W*")


@cache
def _label_openings() -> tuple[str, ...]:
    """The first word of every label (its skeleton): a label opens with one."""
    return tuple({k.split()[0] for k in _label_re()[1] if k})


def _label_at_start(text: str) -> regex.Match | None:
    """The label a collapsed text opens with ("Dự án 2:"), matched on its skeleton.

    Most lines open with no label, and the skeleton of a long paragraph costs more than
    the match: where the opening characters each have a skeleton of their own, the
    skeleton's opening is theirs, and a label must open with a label's first word right
    after the leading non-word characters (the label pattern's `^\\W*`)."""
    if len(text) > _HEAD_CHARS:
        head = local_skeleton(text[:_HEAD_CHARS])
        if head is not None:
            at = _LEADING_NONWORD.match(head).end()
            openings = _label_openings()
            if len(head) - at >= max(map(len, openings), default=0) and not head.startswith(openings, at):
                return None
    skel = strip_diacritics(text)
    return _label_re()[0].match(skel) if len(skel) == len(text) else None


def _opens_with_label(text: str) -> bool:
    """Whether read_heading(text) finds a printed label, without reading the rest."""
    return _label_at_start(collapse(text)) is not None


def read_heading(text: str, may_have_label: bool = True) -> Heading:
    """The label and title of a heading; `may_have_label` False: the caller knows that it
    opens with no label (see _section_heading)."""
    text = collapse(text)
    level = printed = number = None
    start = 0
    levels = _label_re()[1]
    m = _label_at_start(text) if may_have_label else None
    if m:
        level = levels.get(_ALL_WS.sub(" ", m.group("kind")))
        number = m.group("num")
        printed = collapse(text[m.start("kind") : m.end("num")])
        start = m.end()
    body = text[start:]
    end = _TITLE_END.search(body)
    title = body[: end.start()] if end else body
    rest = body[end.start() :] if end else ""
    return Heading(level, printed, number, title.strip(" -–,."), rest)


@lru_cache(maxsize=8192)
def best_match(title: str, level: str | None = None, parent: str | None = None) -> tuple[str | None, float]:
    """The component whose title is nearest to `title`, and how near (0-1).

    A printed label restricts the candidates to its level when one of that level fits at
    all; the enclosing component breaks ties in favour of its own sub-projects. Cached:
    every line of a plan is tried as a title, and plans repeat their titles.
    """
    words = _words(title)
    if not words:
        return None, 0.0
    scored = list(zip(_scores(words), catalogue()))
    if level is not None:
        same = [(s, c) for s, c in scored if c.level == level and s > 0]
        if same:
            scored = same
    # the first of the best scores, one under `parent` first (as max by (score, under parent))
    top = max(sc[0] for sc in scored)
    ties = [sc for sc in scored if sc[0] == top]
    score, best = next((sc for sc in ties if sc[1].parent is not None and sc[1].parent == parent), ties[0])
    return (best.code, score) if score > 0 else (None, 0.0)


def _own_text(doc: Document, section: Section) -> tuple[int, int]:
    """The span of a section's text before its first sub-section."""
    end = section.end
    for s in doc.sections:
        if s.parent_id == section.section_id:
            end = min(end, s.start)
    return section.heading_end, end


@cache
def _reason_re(word: str) -> regex.Pattern:
    return regex.compile(rf"(?<!\w){regex.escape(word)}(?!\w)\s*:?\s*")


def _not_implemented(text: str) -> tuple[bool, str | None, int | None]:
    """Whether the text opens by saying the component is not carried out, the reason, and where."""
    form = match_form(text)
    first = _SENTENCE_BREAK.split(form, maxsplit=1)[0]
    hits = [(first.find(p), p) for p in _phrases("not_implemented") if p in first]
    if not hits:
        return False, None, None
    pos, phrase = min(hits)
    after = text[pos + len(phrase) : len(first)]
    after_form = form[pos + len(phrase) : len(first)]
    reason = None
    m = _PARENTHESIS.search(after)
    body, body_form = (m.group(1), match_form(m.group(1))) if m else (after, after_form)
    for word in _phrases("reason"):
        w = _reason_re(word).search(body_form)
        if w:
            reason = body[w.end() :].strip(" .;,)")
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


@dataclass
class Candidate:
    """A heading that names a component: a section of the heading tree, or a paragraph
    that opens with a component label ("Dự án 1. …" set as plain text), and the span of
    the plan it governs."""

    key: int  # section_id, or -(block start + 1) for a paragraph
    code: str
    heading: Heading
    labelled: bool
    start: int
    heading_end: int
    section_id: int | None
    end: int = 0


# Programmes with Dự án of their own: the ethnic-minority programme's Dự án 1–10, drug
# prevention's Dự án 1–9, the 2016–2020 poverty programme's Dự án 1–5 and the new rural
# programme's Nội dung carry titles close to ours ("Phát triển giáo dục nghề nghiệp…",
# "Truyền thông và giảm nghèo về thông tin"), so their documents get no components of
# Decision 90/QĐ-TTg. A document of several programmes, or of none named, is still read.
OTHER_PROGRAMMES = frozenset(
    {"poverty_2016_2020", "poverty_2011_2015", "new_rural", "ethnic_minority", "drug_prevention", "merged_2026_2035"}
)


def applies(doc: Document) -> bool:
    """Whether the document may have components of the poverty programme 2021–2025."""
    return doc.programme not in OTHER_PROGRAMMES


def candidates(doc: Document, settings) -> list[Candidate]:
    """Every heading that names a component, in document order, each with its span.

    Several steps ask for them; they are found once per document and settings and kept
    in the document's indexes."""
    if not applies(doc):
        return []
    key = ("component_candidates", settings)
    found = doc.indexes.get(key)
    if found is None:
        found = _find_candidates(doc, settings)
        _spans(doc, found)
        doc.indexes[key] = found
    return found


def _may_reach(title: str, threshold: float, skel: str | None = None) -> bool:
    """Whether best_match(title) can name a component at `threshold`. A form shares at most the
    k title words the catalogue holds, and 2k/(n+m) for a form of m words is largest at
    m = k: most section titles and table rows share too few words to be scored.
    `skel`: strip_diacritics(title), when the caller has it."""
    words = _words(title) if skel is None else tuple(_WORD.findall(skel))
    index, _ = _form_index()
    known = sum(1 for w in words if w in index)
    return bool(words) and 2 * known / (len(words) + known) >= threshold


def _title_code(h: Heading, settings) -> str | None:
    """The code a heading's title names, at the closeness its label (or lack of one) demands."""
    threshold = settings.component_title_min_score if h.label_level else settings.component_title_bare_min_score
    if not _may_reach(h.title, threshold):
        return None
    code, score = best_match(h.title, h.label_level) if h.label_level else best_match(h.title)
    return code if code is not None and score >= threshold else None


def _labelled_match(h: Heading, parent_code: str | None, settings) -> str | None:
    """The code a heading that carries a label names, if any."""
    if h.label_level:
        code, score = best_match(h.title, h.label_level, parent_code)
        if code and score >= settings.component_title_min_score:
            return code
        if not _words(h.title) and h.label_level == "subproject" and parent_code and h.printed_number:
            by_number = f"{parent_code.split('.')[0]}.{h.printed_number}"
            return by_number if canon(by_number) else None
        if not _words(h.title) and h.label_level == "project" and h.printed_number and canon(f"DA{h.printed_number}"):
            return f"DA{h.printed_number}"
        return None
    code, score = best_match(h.title, None, parent_code)  # a label that fixes no level ("Nội dung 2")
    return code if code and score >= settings.component_title_bare_min_score else None


def _section_heading(doc: Document, s: Section, places) -> Heading:
    """read_heading(s.title), not looking for a label in a title that stands in the text
    (in its heading) where the skeleton holds none (_label_places)."""
    at = doc.text.find(s.title, s.start, s.heading_end)
    return read_heading(s.title, at < 0 or _may_hold_label(places, at, at + len(s.title)))


def _find_candidates(doc: Document, settings) -> list[Candidate]:
    cands: dict[int, Candidate] = {}
    by_id = {s.section_id: s for s in doc.sections}
    doc_skel, places = _skeleton_and_labels(doc)
    for s in doc.sections:  # document order: parents before their sub-sections
        h = _section_heading(doc, s, places)
        parent_code = None
        p = by_id.get(s.parent_id) if s.parent_id is not None else None
        while p is not None and parent_code is None:
            parent_code = cands[p.section_id].code if p.section_id in cands else None
            p = by_id.get(p.parent_id) if p.parent_id is not None else None
        if h.printed:
            code = _labelled_match(h, parent_code, settings)
            if code:
                cands[s.section_id] = Candidate(s.section_id, code, h, True, s.start, s.heading_end, s.section_id)
            continue
        # a title that stands in the text has that piece of the text's skeleton
        at = doc.text.find(h.title, s.start, s.heading_end) if doc_skel is not None else -1
        skel = doc_skel[at : at + len(h.title)] if at >= 0 else None
        if not _may_reach(h.title, settings.component_title_bare_min_score, skel):
            continue
        code, score = best_match(h.title, None, parent_code)
        if code and score >= settings.component_title_bare_min_score:
            cands[s.section_id] = Candidate(s.section_id, code, h, False, s.start, s.heading_end, s.section_id)
    # a heading named by its title alone counts only beside other component headings
    kept: list[Candidate] = []
    for sid, c in cands.items():
        s = by_id[sid]
        if not c.labelled:
            siblings = [
                o for o in doc.sections if o.parent_id == s.parent_id and o.section_id != sid and o.section_id in cands
            ]
            if s.parent_id not in cands and not siblings:
                continue
        kept.append(c)
    kept += _paragraph_candidates(doc, settings)
    kept.sort(key=lambda c: c.start)
    return kept


def _paragraph_candidates(doc: Document, settings) -> list[Candidate]:
    """Paragraphs that open with a component label and a component's title: headings the
    source set as plain text ("Dự án 1. Hỗ trợ …", "Tiểu dự án 2 - …", "Nội dung 3: …").
    A line that opens with a bullet is a list item, and a label with no title to match
    ("Dự án 6: 2 tỷ đồng") names no heading."""
    out = []
    _, places = _skeleton_and_labels(doc)
    for b in doc.blocks:
        if b.kind != "paragraph" or _BULLET_START.match(b.text):
            continue
        if not _may_hold_label(places, b.start, b.start + len(b.text)) and doc.text.startswith(b.text, b.start):
            continue  # the paragraph is that piece of the text, whose skeleton holds no label
        if not _opens_with_label(b.text):
            continue
        h = read_heading(b.text)
        if not h.printed or not _words(h.title):
            continue
        code = _title_code(h, settings)
        if code:
            out.append(Candidate(-(b.start + 1), code, h, True, b.start, b.end, None))
    return out


def _depth(code: str) -> int:
    c = canon(code)
    return _KIND_OF.get(c.level, 0) if c else 0


def _spans(doc: Document, cands: list[Candidate]) -> None:
    """Where each component heading's part of the plan ends.

    A numbered section ends where the heading tree says. A heading outside the numbering
    (a paragraph, an all-capital line, an emphasised line) has no rank of its own, so it
    runs to the next component heading of its level or above, and at the latest to the end
    of the numbered part that holds it (the part that held the previous component heading
    of its level, when there was one): an all-capital "DỰ ÁN 7" line does not swallow the
    "IV. KINH PHÍ" part after it. Every heading also ends where the next component heading
    of its level or above begins, and a sub-project where its project ends. Consecutive
    labelled lines that each state their own figures ("Tiểu dự án 2 - …: 12 tỷ đồng") are a
    list, and each governs its own line only.
    """

    unranked = {c.section_id for c in cands if c.section_id is not None}
    by_id = {s.section_id: s for s in doc.sections}
    unranked = {sid for sid in unranked if by_id[sid].label_kind in ("title", "emphasis")}
    real = [s for s in doc.sections if s.section_id not in unranked]
    ends: dict[int, int] = {}
    for i, s in enumerate(real):
        ends[s.section_id] = next(
            (o.start for o in real[i + 1 :] if RANK[o.label_kind] <= RANK[s.label_kind]), len(doc.text)
        )
    blocks = [b for b in doc.blocks if b.kind in ("paragraph", "heading", "table")]
    next_block = {b.start: (blocks[i + 1] if i + 1 < len(blocks) else None) for i, b in enumerate(blocks)}
    by_start = {c.start: c for c in cands}

    def listed(c: Candidate) -> bool:
        return c.section_id is None and bool(_FIGURE.search(c.heading.rest))

    for i, c in enumerate(cands):
        depth = _depth(c.code)
        nxt = next((o.start for o in cands[i + 1 :] if _depth(o.code) <= depth), len(doc.text))
        if c.section_id is not None and c.section_id not in unranked:
            end = ends[c.section_id]
        else:
            prev = next((o for o in reversed(cands[:i]) if _depth(o.code) <= depth), None)
            holders = [s for s in real if s.start < c.start < ends[s.section_id]]
            if prev is not None and any(s.start <= prev.start for s in holders):
                holders = [s for s in holders if s.start <= prev.start]
            end = ends[max(holders, key=lambda s: s.start).section_id] if holders else len(doc.text)
            if listed(c):
                after = next_block.get(c.start)
                before = next((o for o in reversed(cands[:i]) if o.section_id is None), None)
                follows = (
                    after is not None
                    and after.start in by_start
                    and listed(by_start[after.start])
                    and _depth(by_start[after.start].code) == depth
                )
                closes = (
                    before is not None
                    and listed(before)
                    and before.end == before.heading_end
                    and getattr(next_block.get(before.start), "start", None) == c.start
                    and _depth(before.code) == depth
                )
                if follows or closes:
                    end = c.heading_end
        c.end = min(end, nxt)
        parent = next((o for o in reversed(cands[:i]) if _depth(o.code) < depth and o.start < c.start < o.end), None)
        if parent is not None:
            c.end = min(c.end, parent.end)


def _from_sections(doc: Document, settings) -> list[Found]:
    out = []
    cands = candidates(doc, settings)
    for c in cands:
        h = c.heading
        implemented, reason = True, None
        no, why, _ = _not_implemented(h.rest)
        if no:
            implemented, reason = False, why
        else:
            if c.section_id is not None:
                a, b = _own_text(doc, next(s for s in doc.sections if s.section_id == c.section_id))
            else:
                a = c.heading_end
                b = min(
                    [c.end]
                    + [o.start for o in cands if o.start > c.start]
                    + [s.start for s in doc.sections if s.start >= a]
                )
            b = min(b, a + settings.component_status_window_chars)
            no, why, _ = _not_implemented(doc.text[a:b].lstrip())
            if no:
                implemented, reason = False, why
        out.append(
            Found(
                c.code, collapse(h.title), h.printed or None, implemented, reason, c.section_id, c.start, c.heading_end
            )
        )
    return out


def row_title(block: Block, row: Row) -> tuple[str | None, str | None, int, int]:
    """(printed number, title, start, end) of a table row: its number cell and first text cell."""
    number, title = None, None
    span = (row.start, row.end)
    for c in row.cells:
        t = collapse(c.text)
        if not t:
            continue
        if number is None and title is None and _ROW_NUMBER.fullmatch(t):
            number = t.rstrip(".")
            continue
        if _LETTERS.search(t):
            title, span = t, (c.start, c.end)
            break
        if title is None and _FIGURE_CELL.fullmatch(t):
            break
    return number, title, span[0], span[1]


def _row_has_figures(row: Row) -> bool:
    return any(_DIGIT.search(c.text) and _AMOUNT_CELL.fullmatch(collapse(c.text)) for c in row.cells[1:])


def table_rows(doc: Document, settings) -> list[tuple[Block, Row, str, str | None, str, int, int]]:
    """Rows of money tables that name a component: (table, row, code, printed, title, start, end).

    A table counts when at least two of its rows holding figures name components, so a
    task table whose rows merely mention a component's subject is left alone. The
    components and money steps both ask: the rows are found once per document and
    settings and kept in the document's indexes (as candidates).
    """
    if not applies(doc):
        return []
    key = ("component_table_rows", settings)
    found = doc.indexes.get(key)
    if found is None:
        found = doc.indexes[key] = _find_table_rows(doc, settings)
    return found


def _find_table_rows(doc: Document, settings) -> list[tuple[Block, Row, str, str | None, str, int, int]]:
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
            code = _title_code(h, settings)
            if code:
                hits.append((b, r, code, h.printed or number, collapse(h.title), a, e))
        if len(hits) >= 2:
            out.extend(hits)
    return out


@step(
    "components",
    requires=("meta.programme",),
    assigns=("rows.components", "rows.checks"),
)
def extract(doc: Document, ctx: Context) -> None:
    settings = ctx.settings
    found = _from_sections(doc, settings)
    seen = {f.code for f in found}
    for b, r, code, printed, title, a, e in table_rows(doc, settings):
        if code in seen:
            continue
        seen.add(code)
        found.append(Found(code, title, printed, True, None, None, a, e))
    for start, end, code in named_in_text(doc, ctx):
        if code not in seen:
            seen.add(code)
            found.append(Found(code, collapse(doc.text[start:end]), None, True, None, None, start, end))
    listed = set()
    for f in sorted(found, key=lambda f: f.start):
        if f.code in listed:
            continue
        listed.add(f.code)
        ctx.rows["components"].append(
            {
                "code": f.code,
                "title": f.title,
                "printed_number": f.printed_number,
                "implemented": f.implemented,
                "reason": f.reason,
                "section_id": f.section_id,
                **provenance(doc, f.start, f.end),
            }
        )
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
            ctx.rows["checks"].append(
                check_row(
                    doc,
                    CheckKind.NUMBERING_MISMATCH,
                    f"heading printed '{f.printed_number}' but its title '{f.title}' is {f.code}",
                    component=f.code,
                    expected=expected,
                    found=f.printed_number,
                    start=f.start,
                    end=f.end,
                )
            )


def component_at(doc: Document, ctx, offset: int) -> str | None:
    """The code of the innermost component heading whose part of the plan holds an offset."""
    best = None
    for c in candidates(doc, ctx.settings):
        if c.start <= offset < c.end and (best is None or c.start >= best.start):
            best = c
    return best.code if best else None


def _section_index(
    doc: Document,
) -> tuple[list[int], list[Section | None], dict[int, Section], dict[int, tuple[Section, ...]]]:
    """Where Document.section_at changes its answer, the answer from there on, and the
    ancestors of each section asked about. Steps ask for the section of every line, and the
    answer only changes where a section starts or ends."""
    cached = doc.indexes.get("section_index")
    # Sections are frozen and held in a tuple, so a changed tree is a new tuple.
    if cached is not None and cached[0] is doc.sections:
        return cached[1]
    sections = doc.sections
    points = sorted({p for sec in sections for p in (sec.start, sec.end)})
    order = sorted(range(len(sections)), key=lambda i: sections[i].start)
    at: list[Section | None] = []
    active: list[int] = []
    j = 0
    for p in points:
        while j < len(order) and sections[order[j]].start <= p:
            active.append(order[j])
            j += 1
        active = [i for i in active if sections[i].end > p]
        # the innermost: the highest level, and of equals the last listed (Document.section_at)
        at.append(sections[max(active, key=lambda i: (sections[i].level, i))] if active else None)
    index = (points, at, {s.section_id: s for s in sections}, {})
    doc.indexes["section_index"] = (doc.sections, index)
    return index


def section_at(doc: Document, offset: int) -> Section | None:
    """Document.section_at, answered from an index of the document's sections."""
    points, at, _, _ = _section_index(doc)
    i = bisect_right(points, offset) - 1
    return at[i] if i >= 0 else None


def ancestors_at(doc: Document, offset: int) -> tuple[Section, ...]:
    """Document.ancestors of the section at an offset: it and its parents, innermost first."""
    section = section_at(doc, offset)
    if section is None:
        return ()
    _, _, by_id, cache = _section_index(doc)
    found = cache.get(id(section))
    if found is None:
        chain, s = [], section
        while s is not None:
            chain.append(s)
            s = by_id.get(s.parent_id) if s.parent_id is not None else None
        found = cache[id(section)] = tuple(chain)
    return found


# --- components named in running text ---------------------------------------------------

# "Dự án 2", "Tiểu dự án 1", "dự án số 3", "Nội dung", "Tiểu dự án “Giảm nghèo về thông tin”"
_SUFFIX_STOP = regex.compile(r"[;.!?:(),]|\s[-–]\s")
_MENTION_STOP = regex.compile(r"[;.!?:(]|\s[-–]\s|,\s(?=(?:trong|thuộc|của|với|gồm|bao)\s)|$")
_QUOTE = regex.compile(r"\s*[\"“”'‘’«»]")
_TITLE_LEAD = regex.compile(r"\s*(?:[-–:,]\s*|về\s+|là\s+dự\s+án\s+về\s+)?[\"“'‘«]?")
_OF_PROJECT = regex.compile(r"[\s,:(\-–]*(?:(?:thuoc|cua)\s+)?du\s+an\s*(?:so\s*)?(\d+)(?![\d.,]*\d)")
_COUNT_BEFORE = regex.compile(r"(?:\d|\bcac|\bnhung|\bmot\s+so|\bcua)\s*$")


@cache
def _mention_re() -> tuple[regex.Pattern, dict[str, str | None]]:
    """The label words anywhere in a skeleton, with an optional number."""
    levels: dict[str, str | None] = {}
    for e in rules.load("components"):
        if e["kind"] == "label":
            levels[" ".join(_WORD.findall(strip_diacritics(e["phrase"])))] = e.get("level")
    alt = "|".join(r"\s+".join(map(regex.escape, k.split())) for k in sorted(levels, key=len, reverse=True))
    return regex.compile(rf"(?<!\w)(?P<kind>{alt})(?!\w)(?:\s*(?:so\s*)?(?P<num>\d+)(?![\d.,]*\d))?"), levels


@cache
def _label_words() -> re.Pattern | None:
    """Text that every match of _mention_re holds in a skeleton: a label's words with
    anything but letters, digits and "_" between them (where the pattern reads white
    space). None when a label has no word to look for. A label holding another's words in
    a row ("tiểu dự án", "dự án") holds a match of the other's, and is left out."""
    labels = [k.split() for k in _mention_re()[1]]
    if not all(labels):
        return None
    kept = [k for k in labels if not any(j != k and _holds_words(k, j) for j in labels)]
    return re.compile("|".join(r"\W+".join(map(re.escape, k)) for k in kept))


def _holds_words(words: list[str], part: list[str]) -> bool:
    return any(words[i : i + len(part)] == part for i in range(len(words) - len(part) + 1))


def _label_places(skel: str | None) -> tuple[list[int], list[int]] | None:
    """Where _label_words is found in a document's skeleton, left to right (starts, ends);
    None where that says nothing (no skeleton, no words).

    A piece of the skeleton in which _mention_re finds a label overlaps one of these: the
    label's words match where they stand in the piece, so the scan either finds a match
    there or has already passed over that place inside an earlier match."""
    words = _label_words()
    if skel is None or words is None:
        return None
    spans = [m.span() for m in words.finditer(skel)]
    return [s for s, _ in spans], [e for _, e in spans]


def _skeleton_and_labels(doc: Document) -> tuple[str | None, tuple[list[int], list[int]] | None]:
    """The document's local skeleton and _label_places over it, worked out once per text:
    the heading and the running-text readings both ask."""
    cached = doc.indexes.get("component_skeleton")
    if cached is None or cached[0] is not doc.text:
        skel = local_skeleton(doc.text)
        cached = doc.indexes["component_skeleton"] = (doc.text, skel, _label_places(skel))
    return cached[1], cached[2]


def _may_hold_label(places: tuple[list[int], list[int]] | None, start: int, end: int) -> bool:
    """False when skel[start:end] certainly holds no label (see _label_places)."""
    if places is None:
        return True
    starts, ends = places
    i = bisect_right(ends, start)
    return i < len(starts) and starts[i] < end


@cache
def _mention_scan() -> PhraseScan:
    """_mention_re tried only where a label's first word stands in the skeleton."""
    pattern, levels = _mention_re()
    return PhraseScan(pattern, [k.split()[0] if k else "" for k in levels])


def _title_words(text: str, limit: int = 24) -> list[tuple[int, int]]:
    """(start, end) of the first words of a title written after a label, up to where a
    sentence part ends."""
    stop = _MENTION_STOP.search(text)
    return [(m.start(), m.end()) for m in _WORD.finditer(text[: stop.start() if stop else len(text)])][:limit]


def title_prefix_match(text: str, level: str | None = None) -> tuple[str | None, float, int]:
    """The component the opening words of `text` name best, its score, and where the
    words that matched end: running text goes on after a title ("Đa dạng hóa sinh kế
    trong Chương trình …"), so every prefix of the words is tried. Scores as best_match
    does, growing the word counts one word at a time rather than starting over per prefix."""
    spans = _title_words(text)
    words = [_words(text[a:b]) for a, b in spans]
    index, lengths = _form_index()
    cat = catalogue()
    common: dict[tuple[int, int], int] = {}
    seen: Counter = Counter()
    best: tuple[str | None, float, int] = (None, 0.0, 0)
    n = 0
    for (_, end), ws in zip(spans, words):
        for w in ws:
            n += 1
            seen[w] += 1
            for ci, fi, m in index.get(w, ()):
                if seen[w] <= m:
                    common[ci, fi] = common.get((ci, fi), 0) + 1
        scores = [0.0] * len(lengths)
        for (ci, fi), k in common.items():
            scores[ci] = max(scores[ci], 2 * k / (n + lengths[ci][fi]))
        pool = [i for i in range(len(cat)) if level is None or (cat[i].level == level and scores[i] > 0)]
        if level is not None and not pool:
            pool = list(range(len(cat)))
        top = max(pool, key=lambda i: scores[i])
        if scores[top] > best[1]:
            best = (cat[top].code, scores[top], end)
    return best


def title_suffix_match(text: str, limit: int = 16) -> tuple[str | None, float, int]:
    """The component the closing words of `text` name best, its score, and where those
    words start: a list item that puts the title before its figure ("…, đa dạng hóa sinh kế
    650 triệu đồng")."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)][-limit:]
    stop = max((m.end() for m in _SUFFIX_STOP.finditer(text)), default=0)
    words = [w for w in words if w[0] >= stop]
    best: tuple[str | None, float, int] = (None, 0.0, len(text))
    for k in range(len(words)):
        code, score = best_match(text[words[k][0] :])
        if code and score > best[1]:
            best = (code, score, words[k][0])
    return best


def mentions(text: str, settings, skel: str | None = None) -> list[tuple[int, int, str]]:
    """(start, end, code) of every component a piece of running text names by its label
    ("thực hiện Dự án 2 …", "Tiểu dự án 1 - Giảm nghèo về thông tin", "Tiểu dự án 2, thuộc
    Dự án 1", "nội dung Cải thiện dinh dưỡng", "Tiểu dự án “Giảm nghèo về thông tin”").

    A label counted or made plural ("7 dự án", "các dự án, tiểu dự án") names none; a label
    with a title takes the title's code (plans misnumber), one with a number only takes the
    number's (a Tiểu dự án's within the Dự án named with it or just before it), and a word
    that numbers any part ("Nội dung") needs a title as close as an unlabelled heading's.
    `skel`: strip_diacritics(text), when the caller has it.
    """
    if skel is None:
        skel = strip_diacritics(text)
    if len(skel) != len(text):
        return []
    _, levels = _mention_re()
    out = []
    project = None  # the Dự án named last: "Dự án 3 …, trong đó Tiểu dự án 1: …" is DA3.1
    taken = 0  # "Tiểu dự án 1 - Dự án 4" is one mention, not two
    for m in _mention_scan().finditer(skel):
        if out:
            project = out[-1][2].split(".")[0]
            taken = out[-1][1]
        if m.start() < taken:
            continue
        if _COUNT_BEFORE.search(skel[max(0, m.start() - 12) : m.start()]):
            continue
        level = levels.get(_ALL_WS.sub(" ", m.group("kind")))
        num = m.group("num")
        after = m.end()
        if level == "subproject" and num:
            of = _OF_PROJECT.match(skel, after)
            if of:
                parent = f"DA{of.group(1)}"
                sub = f"{parent}.{num}"
                found = sub if canon(sub) else (parent if canon(parent) else None)
                if found:
                    out.append((m.start(), of.end(), found))
                continue
        if level and not num and not (text[m.start()].isupper() or _QUOTE.match(text, after)):
            continue  # "mô hình, dự án giảm nghèo": a common noun, not a component's name
        lead = _TITLE_LEAD.match(text, after)
        title_at = lead.end() if lead else after
        code, score, t_end = title_prefix_match(text[title_at:], level)
        threshold = settings.component_title_min_score if level else settings.component_title_bare_min_score
        end = title_at + t_end
        if code and score >= threshold:
            out.append((m.start(), end, code))
        elif level == "project" and num and canon(f"DA{num}"):
            out.append((m.start(), m.end(), f"DA{num}"))
        elif level == "subproject" and num and project and canon(f"{project}.{num}"):
            out.append((m.start(), m.end(), f"{project}.{num}"))
    return out


_PURPOSE_LEAD = regex.compile(
    r"^\s*(?:,?\s*(?:để|nhằm|cho|dành cho|dùng để|sử dụng để)\s+)?(?:(?:triển khai\s+)?thực hiện\s+)?"
)


def purpose_component(text: str, settings) -> tuple[str | None, int]:
    """The component an amount is for when the words right after it name one by title
    ("88 triệu đồng để cải thiện tình trạng dinh dưỡng …", "920 triệu đồng thực hiện truyền
    thông và giảm nghèo về thông tin"), and where its title ends."""
    lead = _PURPOSE_LEAD.match(match_form(text))
    start = lead.end() if lead else 0
    named = mentions(text[start : start + 200], settings)
    if named:
        m = named[0]
        return (m[2], start + m[1]) if m[0] == 0 else (None, 0)
    code, score, end = title_prefix_match(text[start : start + 200])
    if code and score >= settings.component_purpose_min_score:
        return code, start + end
    return None, 0


def plan_component(doc: Document, ctx) -> str | None:
    """The one component a plan is for, when it says so ("Kế hoạch thực hiện Dự án 2 …",
    "Kế hoạch … về thực hiện Tiểu dự án “Giảm nghèo về thông tin”"): from its title, or
    from the first sentence that names a plan and, after it, a component. Kept in the
    document's indexes: every figure and target asks."""
    title = (ctx.meta or {}).get("title")
    key = ("plan_component", title, ctx.settings)
    if key not in doc.indexes:
        other = programme_of(doc, ctx.meta) in OTHER_PROGRAMMES
        doc.indexes[key] = None if other else _plan_component(doc, title, ctx.settings)
    return doc.indexes[key]


def _plan_component(doc: Document, title: str | None, settings) -> str | None:
    texts = [title] if title else []
    texts += _SENTENCE_BREAK.split(doc.text[: settings.plan_component_window_chars])
    for t in texts:
        if not t:
            continue
        form = match_form(t)
        at = form.find("kế hoạch")
        if at < 0:
            continue
        if form.lstrip().startswith(("căn cứ", "thực hiện kế hoạch")):
            continue
        found = [m for m in mentions(t, settings) if m[0] > at]
        if found:
            return found[0][2]
    return None


def programme_of(doc: Document, meta: dict | None) -> str:
    """The programme the document is for: the programme step's answer, or, where that step
    did not run (a step called on its own), the same decision made here once."""
    if doc.programme is not None:
        return doc.programme
    if "programme" not in doc.indexes:
        doc.indexes["programme"] = decide(doc, dict(meta or {}))[0]
    return doc.indexes["programme"]


def _in_citation(text: str, start: int) -> bool:
    """Does the sentence holding `start` cite another document ("Căn cứ Thông tư … hướng dẫn
    một số nội dung thực hiện đa dạng hóa sinh kế …")?"""
    opening = max(text.rfind(p, max(0, start - 400), start) for p in (".", ";", ":", "!", "?"))
    return match_form(text[opening + 1 : start]).lstrip().startswith("căn cứ")


def named_in_text(doc: Document, ctx) -> list[tuple[int, int, str]]:
    """(start, end, code) of the components running text names: by label anywhere in a
    paragraph, and by title right after an amount ("… 88 triệu đồng để cải thiện tình trạng
    dinh dưỡng"). Headings and table rows are read by the steps above; a document of another
    programme names none of this one's, and a cited document's title is not a component of
    the plan."""
    settings = ctx.settings
    if programme_of(doc, ctx.meta) in OTHER_PROGRAMMES:
        return []
    out = []
    doc_form = match_form(doc.text)
    # the skeleton of a text whose every character has one of its own is that of each piece
    doc_skel, places = _skeleton_and_labels(doc)
    for b in doc.blocks:
        if b.kind not in ("paragraph", "heading"):
            continue
        text = doc.text[b.start : b.end]
        if _may_hold_label(places, b.start, b.end):
            skel = doc_skel[b.start : b.end] if doc_skel is not None else None
            for s, e, c in mentions(text, settings, skel):
                out.append((b.start + s, b.start + e, c))
                if "." in c and len(_mention_re()[0].findall(strip_diacritics(text[s:e]))) > 1:
                    out.append((b.start + s, b.start + e, c.split(".")[0]))  # "Tiểu dự án 1 thuộc Dự án 4" names both
        if _DIGIT.search(text) is None:
            continue  # no figure: a matching form has its digits where the text has them
        prev = 0
        form = match_form_within(text, doc_form, b.start)
        digit = _DIGIT.search(form)  # every figure opens with one: the scan starts there
        for m in unit_re().finditer(form, digit.start()) if digit and may_hold_figure(form, digit.start()) else ():
            fig_end = m.end()
            code, end = purpose_component(text[fig_end:], settings)
            if code:
                out.append((b.start + fig_end, b.start + fig_end + end, code))
            code, score, at = title_suffix_match(text[prev : m.start()])
            if (
                code
                and score >= settings.component_purpose_min_score
                and not mentions(text[prev : m.start()], settings)
            ):
                out.append((b.start + prev + at, b.start + m.start(), code))  # "…, đa dạng hóa sinh kế 650 triệu đồng"
            prev = fig_end
    if not out:
        return out  # no need to find the title
    title = _title_span(doc, (ctx.meta or {}).get("title"))
    return sorted(x for x in out if not _in_citation(doc.text, x[0]) and not (title[0] <= x[0] < title[1]))


def _title_span(doc: Document, title: str | None) -> tuple[int, int]:
    """Where the document's own title (as the metadata step read it) stands in its text.
    A component its title names ("Kế hoạch thực hiện nội dung “Cải thiện dinh dưỡng”") is
    the plan's subject (plan_component), not a section of it: the gold of whole documents
    counts sections and table rows."""
    words = _WORD.findall(match_form(title or ""))
    if not words:
        return (0, 0)
    pattern = re.compile(r"\W+".join(re.escape(w) for w in words))  # per document: re compiles it fast
    m = pattern.search(match_form(doc.text[: 4 * len(title) + 2000]))
    return (m.start(), m.end()) if m else (0, 0)


def component_of(doc: Document, ctx, start: int, end: int) -> str | None:
    """The component a fact stated at doc.text[start:end] belongs to: the last one its
    sentence names before it ("Tiểu dự án 1 - Giảm nghèo về thông tin … là 8,456 tỷ đồng"),
    else the component section holding it, else the one component the plan is for."""
    if not applies(doc):
        return None
    sentence = max(doc.text.rfind("\n", 0, start), *(doc.text.rfind(p, 0, start) for p in (". ", "; ", "! ", "? ")))
    named = mentions(doc.text[sentence + 1 : start], ctx.settings)
    if named:
        return named[-1][2]
    return component_at(doc, ctx, start) or plan_component(doc, ctx)
