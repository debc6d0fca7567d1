"""Who must do what: the duty list of the part of a plan that organises the work.

Most plans end with a section ("Tổ chức thực hiện", "Trách nhiệm thực hiện", "Phân công
nhiệm vụ", an "Điều N. Tổ chức thực hiện" of a Quyết định) whose items each give one body
(or a few) its duties: "1. Phòng Lao động - Thương binh và Xã hội" over paragraphs, "4. Sở
Y tế: Chủ trì ...", "2. Giao Trưởng phòng ... chủ trì ...", "7. Đề nghị Ủy ban Mặt trận Tổ
quốc Việt Nam huyện và các tổ chức chính trị - xã hội: ...". An item is read by its opening
only: openers ("Đề nghị", "Giao"), titles that stand for their body ("Giám đốc", "Chủ tịch",
"Trưởng phòng"), then the bodies, up to the colon or the verb of the duty. A body named
later in the paragraph ("phối hợp với Sở Tài chính", "báo cáo UBND huyện") is not given a
duty there. The item's text runs to the next item; the components it names ("Tiểu dự án 1
- Dự án 4", "Dự án hỗ trợ phát triển sản xuất", "các dự án, chính sách: giảm nghèo về thông
tin; ...") are read from it. A component named by its title counts only where the plan has
that component (a housing duty of a plan without Dự án 5 is a policy, not the component).

A document with no duty list may still give duties in a sentence of its issuer ("UBND tỉnh
giao Sở Thông tin và Truyền thông chủ động hướng dẫn ..."), as portal reports restate a
plan's organising part; such a sentence counts unless it only restates an assignment.

This step also gives every body of `assignments` and `duties` its identity
(`agencies.identity`: agency_key, the kind of body, and agency_level), and makes the
mentions of one body in one plan one name ("Trung tâm Y tế" and "Trung tâm Y tế huyện").
Phrases are in rules/duty_phrases.yaml; bodies come from extract/agencies.py.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from extract import rules
from extract.document.model import Document, Section
from extract.document.provenance import provenance
from extract.extractors import agencies
from extract.extractors.components import canon, catalogue, component_at
from extract.extractors.step import Context, step
from extract.rule_schemas import DUTY_PHRASE_KINDS
from extract.text.normalize import collapse, key, match_form, match_form_within, strip_diacritics

_LIST_LABEL = regex.compile(
    r"[\s*#_]*(?:(?:[-+•*–]|\(?(?:[a-zđ]|\d{1,2}(?:\.\d{1,2}){0,3}|[ivxlc]{1,5})[.)]|điều\s+\d+\s*[.:]?)[\s*_]*)?"
)
_GAP = regex.compile(r"(?:[\s,;\-–+•*]|(?<!\w)(?:và|cùng)(?!\w))*")
_WORDS = regex.compile(r"[a-z0-9]+")
_COMPONENT_REF = regex.compile(
    r"(?<![a-z])(?:(?P<sub>tieu\s+du\s+an|tda(?=\d))\s*(?:so\s*)?(?P<n>\d)\s*(?:[-–,:]|\s)\s*(?:(?:cua|thuoc)\s+)?)?"
    r"(?<!tieu\s+|t)(?:du\s+an|da(?=\d))\s*(?:so\s*)?(?P<p>\d)(?!\d|\.\d)"
)
_SUB_ALONE = regex.compile(
    r"(?<![a-z])(?:tieu\s+du\s+an|tda(?=\d))\s*(?:so\s*)?(?P<n>\d)(?!\d)\s*[:(\-–\"“”']*\s*(?P<title>[a-z ,]{3,90})"
)
# "Tiểu dự án 2: <title> (thuộc Dự án 7 ...)": the parent named after the title
_SUB_THEN_PARENT = regex.compile(
    r"(?<![a-z])(?:tieu\s+du\s+an|tda(?=\d))\s*(?:so\s*)?(?P<n>\d)(?!\d)[^;()]{0,200}?"
    r"\(?(?:thuoc|cua)\s+(?:du\s+an|da(?=\d))\s*(?:so\s*)?(?P<p>\d)(?!\d|\.\d)"
)
_PARENT_THEN_SUBS = regex.compile(
    r"(?<![a-z])(?<!tieu\s+)(?:du\s+an|da(?=\d))\s*(?:so\s*)?(?P<p>\d)(?!\d|\.\d)[^;()]{0,80}?\(\s*"
    r"(?P<subs>(?:(?:tieu\s+du\s+an|tda)\s*(?:so\s*)?\d(?!\d)\s*(?:,|va)?\s*)+)"
)
_OF = regex.compile(r"(?<!\w)(?:của|thuộc|trực thuộc)\s*$")
_TITLE_WORDS = 12
_PLURAL_WORDS = 6  # a plural phrase before the names: "các ban, phòng, ngành đoàn thể huyện"
_PART_ENDS = ("title", "roman", "article")  # headings that end an organising part opened by a plain line
_MIN_RUN = 3
_MIN_COVER = 0.5


@dataclass(frozen=True)
class Body:
    """A body an item gives duties to, with its span in the document."""

    name: str
    raw: str
    kind: str | None
    level: str | None
    start: int
    end: int


@cache
def phrases() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {k: [] for k in DUTY_PHRASE_KINDS}
    for e in rules.load("duty_phrases"):
        out[e["kind"]].append(key(e["phrase"]))
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


@cache
def _heads() -> dict[str, str]:
    """Plural heads -> the head each name listed after them takes."""
    return {key(e["phrase"]): e["head"] for e in rules.load("duty_phrases") if e["kind"] == "plural_head"}


@cache
def _stops() -> agencies.PhraseScan:
    """Words that end the names an item opens with: the duty verbs here and the role words
    of assignment clauses."""
    return agencies.phrase_scan(sorted(set(phrases()["stop"]) | _marker_words()))


@cache
def _marker_words() -> frozenset:
    from extract.extractors.assignments import _CLAUSE_MARKERS
    from extract.extractors.assignments import phrases as assignment_phrases

    ap = assignment_phrases()
    return frozenset(p for k in _CLAUSE_MARKERS if k not in ("label", "opener", "by", "link") for p in ap[k])


_SENTENCE_END = regex.compile(r"\.(?:\s|$)")


@cache
def _plural_head_re(phrase: str) -> regex.Pattern:
    return regex.compile(r"(?:" + regex.escape(phrase).replace(r"\ ", r"\s+") + r")\s*:\s*")


@cache
def _whole_word_re(phrase: str) -> regex.Pattern:
    return regex.compile(regex.escape(phrase) + r"(?!\w)")


@cache
def _word_re(kind: str) -> regex.Pattern:
    alts = "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in phrases()[kind])
    return regex.compile(rf"(?:{alts})(?![\w])")


def _skip_words(form: str, pos: int, end: int, kinds: tuple[str, ...]) -> tuple[int, str | None]:
    """Move past separators and phrases of the given kinds; the last title passed."""
    title = None
    while pos < end:
        g = _GAP.match(form, pos, end)
        if g and g.end() > pos:
            pos = g.end()
            continue
        hit = None
        for kind in kinds:
            m = _word_re(kind).match(form, pos, end)
            if m and (hit is None or m.end() > hit[1].end()):
                hit = (kind, m)
        if hit is None:
            break
        if hit[0] == "title":
            title = key(hit[1].group())
        pos = hit[1].end()
    return pos, title


def _region_end(form: str, pos: int, end: int, mentions: list[agencies.Mention], hits) -> int:
    """Where the names an item opens with end: a colon, a parenthesis, a sentence end, or
    the first verb outside a name."""
    stop = end
    for ch in (":", "(", "\n"):
        i = form.find(ch, pos, stop)
        if i >= 0:
            stop = i
    m = _SENTENCE_END.search(form, pos, stop)
    if m:
        stop = m.start()
    for h in hits:
        if pos <= h.start() < stop and not any(x.start <= h.start() < x.end for x in mentions):
            stop = h.start()
            break
    return stop


def _capitalised_head(text: str, pos: int, title: str | None) -> str:
    """After a title the head of the name may be written in lower case ("Trưởng phòng Tư
    pháp"): it is capitalised in place (same length), so that a body the lexicon does not
    know is still read by its shape."""
    if title is None:
        return text
    word = regex.compile(r"\s*(\S)").match(text, pos)
    if word is None:
        return text
    return text[: word.start(1)] + word.group(1).upper() + text[word.end(1) :]


def _plural_head_bodies(
    text: str, form: str, pos: int, end: int, level: str | None, offset: int, max_words: int
) -> list[Body] | None:
    """ "Các công chức chuyên môn: Địa chính - Nông nghiệp, Văn hóa - Xã hội; Trạm y tế xã":
    names listed after a plural head and a colon take the head unless they have their own."""
    for p in phrases()["plural_head"]:
        m = _plural_head_re(p).match(form, pos, end)
        if m is None:
            continue
        head = _heads()[p]
        stop = end
        for ch in ("(", ":", "\n\n"):
            i = form.find(ch, m.end(), stop)
            if i >= 0:
                stop = i
        dot = _SENTENCE_END.search(form, m.end(), stop)
        if dot:
            stop = dot.start()
        out = []
        for item in regex.finditer(r"[^,;]+", text[m.end() : stop]):
            s = m.end() + item.start() + len(item.group()) - len(item.group().lstrip())
            e = m.end() + item.end()
            piece = text[s:e].rstrip(" \t\n.*")
            skip, title = _skip_words(agencies.space_form(piece), 0, len(piece), ("title",))
            s, piece = s + skip, piece[skip:]
            if not piece or not regex.match(r"\p{Lu}", piece):
                continue
            stops = _stops()
            own = [x for x in agencies.find_mentions(piece, level, stops, max_words) if x.is_agency and x.start == 0]
            if own or title is not None:
                # a name with a head of its own, or a person standing for a body ("Chủ
                # tịch UBND các xã"): not one of the listed names
                if own:
                    out.append(
                        Body(own[0].name, own[0].raw, own[0].kind, own[0].level, offset + s, offset + s + own[0].end)
                    )
                continue
            named = f"{head} {piece}"
            found = [x for x in agencies.find_mentions(named, level, stops, max_words) if x.is_agency and x.start == 0]
            if not found:
                continue
            x = found[0]
            n = min(len(piece), x.end - len(head) - 1)
            out.append(Body(x.name, piece[:n], x.kind, x.level, offset + s, offset + s + n))
        return out
    return None


def read_subject(text: str, level: str | None, max_words: int, offset: int = 0) -> list[Body] | None:
    """The bodies an item opens with; [] when it opens with catch-alls only, None when it
    opens with something else (a duty verb, a sentence). Spans are shifted by `offset`."""
    return _subject(text, level, max_words, offset)[0]


def _stands_alone(text: str, level: str | None, max_words: int) -> bool:
    """Whether the names a line opens with are all it holds, or end at a colon or a
    parenthesis: the shape of an item, not of a sentence carried on from the line before."""
    bodies, end = _subject(text, level, max_words, 0)
    return bodies is not None and regex.match(r"[\s*_]*(?:[:(]|$)", text[end:]) is not None


def _subject(text: str, level: str | None, max_words: int, offset: int) -> tuple[list[Body] | None, int]:
    """read_subject, and where the names end in `text`."""
    form = agencies.space_form(text)
    ph = phrases()
    if any(p in form for p in ph["not_duty"]):
        return None, 0
    lab = _LIST_LABEL.match(form)
    if lab and lab.end():
        # the label cut off, so that one written close up ("21.Phòng") does not hide the name
        bodies, end = _subject(text[lab.end() :], level, max_words, offset + lab.end())
        return bodies, end + lab.end()
    pos = 0
    pos, title = _skip_words(form, pos, len(form), ("opener", "title"))
    listed = _plural_head_bodies(text, form, pos, len(form), level, offset, max_words)
    if listed is not None:
        return listed, len(text)
    parsed = _capitalised_head(text, pos, title)
    mentions, hits = agencies.mentions_in(parsed, form, level, _stops(), max_words)
    end = _region_end(form, pos, len(form), mentions, hits)
    if end <= pos:
        return None, 0
    inside = [m for m in mentions if pos <= m.start < end]
    if not inside:
        return None, 0
    # what stands before the first name may only be titles and plural phrases ("Thủ trưởng
    # các ban, phòng, ngành huyện, Chủ tịch UBND các xã"): catch-alls the lexicon lacks
    lead = form[pos : inside[0].start]
    if lead.strip(" ,;") and not _plural_lead(lead):
        return None, 0
    # "Các tổ chức thành viên của MTTQ ...": a body after "của" / "thuộc" qualifies the
    # catch-all before it and is not given the duty
    bodies = [m for m in inside if m.is_agency and not _OF.search(form, 0, m.start)]
    tail = form[inside[-1].end : end].strip(" ,;.*_-")
    unit = agencies.lexicon().units.get(key(tail)) if tail else None
    out = []
    for m in bodies:
        name = m.name
        lvl = m.level
        if unit is not None and not _ends_with_level(name):
            # "Đề nghị UBMTTQ và các tổ chức chính trị - xã hội huyện": the level word that
            # closes the list applies to every body of it
            name, lvl = f"{name} {tail.strip()}", unit[0]
        out.append(Body(name, m.raw, m.kind, lvl, offset + m.start, offset + m.end))
    return out, end


def _plural_lead(lead: str) -> bool:
    """Whether what stands before the first name is only titles and plural phrases, whose
    comma-separated parts go on until the next title ("Thủ trưởng các ban, phòng, ngành
    đoàn thể huyện, Chủ tịch ...")."""
    plural = False
    for piece in regex.split(r"\s*,\s*", lead.strip(" ,;")):
        if not piece:
            continue
        pos, title = _skip_words(piece, 0, len(piece), ("opener", "title"))
        rest = piece[pos:].strip()
        if title is not None:
            plural = False
        if not rest:
            continue
        if len(rest.split()) > _PLURAL_WORDS:
            return False
        if agencies.lexicon().item_start_re.match(rest):
            plural = True
        elif not plural:
            return False
    return True


def _ends_with_level(name: str) -> bool:
    words = key(name).split()
    units = agencies.lexicon().units
    return any(len(words) > n and " ".join(words[-n:]) in units for n in (1, 2)) or key(name).startswith(
        ("ubnd cấp", "hđnd cấp")
    )


# --- components named in a duty ----------------------------------------------------


def _skeleton(text: str) -> tuple[str, ...]:
    return tuple(_WORDS.findall(strip_diacritics(text)))


def _longest_run(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    best = 0
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0] * (len(b) + 1)
        for j, y in enumerate(b):
            if x == y:
                cur[j + 1] = prev[j] + 1
                if cur[j + 1] > best:
                    best = cur[j + 1]
        prev = cur
    return best


@lru_cache(maxsize=4096)
def title_code(phrase: str) -> str | None:
    """The component a phrase names by title: the one whose title (or variant) shares the
    longest run of words with it, covering at least half of that title; of equals, the
    shortest title (the sub-project "Nâng cao năng lực thực hiện Chương trình" over the
    project whose title opens with the same words)."""
    words = _skeleton(phrase)
    if len(words) < _MIN_RUN:
        return None
    best = None
    for c in catalogue():
        for form in c.forms:
            run = _longest_run(words, form)
            cover = run / len(form)
            if run < _MIN_RUN or cover < _MIN_COVER:
                continue
            rank = (cover, run, -len(form), c.parent is not None)
            if best is None or rank > best[0]:
                best = (rank, c.code)
    return best[1] if best else None


def named_components(text: str, have: frozenset | None) -> list[str]:
    """Component codes a duty paragraph names, in order: by label ("Dự án 4", "Tiểu dự án 1
    - Dự án 4", "TDA 2 DA 3") anywhere, and by title after a "Dự án" word ("Dự án cải thiện
    dinh dưỡng") or in a list it introduces ("các dự án, chính sách: ...; ..."). A title
    counts only for a component in `have` (the plan's own; None: any)."""
    skel = strip_diacritics(text)
    found: list[tuple[int, str]] = []
    codes = {c.code for c in catalogue()}
    parents = set()
    for m in _SUB_THEN_PARENT.finditer(skel, overlapped=True):
        code = f"DA{m.group('p')}.{m.group('n')}"
        if code in codes:
            found.append((m.start(), code))
            parents.add(m.start("p"))
    for m in _COMPONENT_REF.finditer(skel):
        if m.start("p") in parents:
            continue
        code = f"DA{m.group('p')}" + (f".{m.group('n')}" if m.group("n") else "")
        if code in codes:
            found.append((m.start(), code))
    for m in _PARENT_THEN_SUBS.finditer(skel):
        # "Dự án 4 (Tiểu dự án 1 và Tiểu dự án 3)"
        for n in regex.findall(r"\d", m.group("subs")):
            code = f"DA{m.group('p')}.{n}"
            if code in codes:
                found.append((m.start("subs"), code))
    taken = {p for p, _ in found}
    for m in _SUB_ALONE.finditer(skel):
        # "Tiểu dự án 2 (Cải thiện dinh dưỡng)": no parent, the title says which
        if any(m.start() <= p < m.end() for p in taken):
            continue
        code = title_code(m.group("title"))
        if code and code.endswith(f".{m.group('n')}"):
            found.append((m.start(), code))
    for pos, code in _titles(text, skel):
        if have is None or code in have:
            found.append((pos, code))
    out: list[str] = []
    for _, code in sorted(found):
        if code not in out:
            out.append(code)
    return out


_INTRO = regex.compile(r"(?<![a-z])(?:tieu\s+)?du\s+an(?!\s*(?:so\s*)?\d)")
_INTRO_LIST = regex.compile(r"^[\w\s,]{0,40}?:\s*")
_PHRASE_END = regex.compile(r"[;.(:]|,\s|\s(?:thuoc|theo|tren|cho|nham|de|va\s+bao\s+cao)\s")


def _titles(text: str, skel: str) -> list[tuple[int, str]]:
    out = []
    for m in _INTRO.finditer(skel):
        rest = skel[m.end() :]
        lst = _INTRO_LIST.match(rest)
        if lst:
            # "các dự án, chính sách: A; B; C." -> each item, and the runs of its comma parts
            stop = regex.search(r"\.(?:\s|$)", rest[lst.end() :])
            body = rest[lst.end() : lst.end() + stop.start()] if stop else rest[lst.end() :]
            base = m.end() + lst.end()
            for item in regex.finditer(r"[^;]+", body):
                code = _item_code(item.group())
                if code:
                    out.append((base + item.start(), code))
            continue
        stripped = rest.lstrip(" \"'“”‘’")
        end = _PHRASE_END.search(stripped)
        phrase = stripped[: end.start()] if end else stripped[:120]
        code = title_code(phrase.strip(" \"'“”‘’"))
        if code:
            out.append((m.start(), code))
    return out


def _item_code(item: str) -> str | None:
    parts = [p for p in regex.split(r",", item) if p.strip()]
    best = None
    for i in range(len(parts)):
        for j in range(i + 1, min(len(parts), i + 3) + 1):
            phrase = ",".join(parts[i:j])
            code = title_code(phrase)
            if code:
                score = _longest_run(
                    _skeleton(phrase),
                    max((f for f in canon(code).forms), key=lambda f: _longest_run(_skeleton(phrase), f)),
                )
                if best is None or score > best[0]:
                    best = (score, code)
    return best[1] if best else None


# --- where duty lists are ----------------------------------------------------------


def _title_key(s: Section) -> str:
    return key(s.title).lstrip("*#_ ").rstrip(" :.*")


def duty_sections(doc: Document, ctx) -> list[Section]:
    """The outermost sections whose title opens the organising part, outside components."""
    ph = phrases()["section"]
    articles = phrases()["article_section"]
    found = []
    for s in doc.sections:
        t = _title_key(s)
        # a title, not a sentence that happens to open with the words ("Tổ chức thực hiện
        # một số hoạt động của Chương trình bảo đảm ..."); an article's title may be its
        # first item ("Điều 2. Giao Sở ... chủ trì ...")
        opens = (t.startswith(ph) and len(t.split()) <= _TITLE_WORDS) or (
            s.label_kind == "article" and any(_whole_word_re(p).match(t) for p in articles)
        )
        if opens and component_at(doc, ctx, s.start) is None:
            found.append(s)
    ids = {s.section_id for s in found}
    by_id = {s.section_id: s for s in doc.sections}

    def nested(s: Section) -> bool:
        p = s.parent_id
        while p is not None:
            if p in ids:
                return True
            p = by_id[p].parent_id if p in by_id else None
        return False

    return [s for s in found if not nested(s)]


def _children(doc: Document, sec: Section) -> list[Section]:
    """The sub-sections of a section, in document order, from one per-document index."""
    cached = doc.indexes.get("duties_children")
    if cached is None or cached[0] is not doc.sections:
        by_parent: dict[int | None, list[Section]] = {}
        for s in doc.sections:
            by_parent.setdefault(s.parent_id, []).append(s)
        cached = doc.indexes["duties_children"] = (doc.sections, by_parent)
    return list(cached[1].get(sec.section_id, ()))


def _paragraphs(doc: Document, a: int, b: int) -> list[tuple[int, int]]:
    """(start, end) of the paragraphs and headings that start in [a, b), in document order.
    Items ask for the lines of their part over and over: the spans are listed once per
    document, and a range is cut from them by bisection where blocks are in text order."""
    cached = doc.indexes.get("duties_paragraphs")
    if cached is None or cached[0] is not doc.blocks:
        found = [(bl.start, bl.end) for bl in doc.blocks if bl.kind in ("paragraph", "heading")]
        in_order = all(found[i][0] <= found[i + 1][0] for i in range(len(found) - 1))
        cached = doc.indexes["duties_paragraphs"] = (doc.blocks, found, in_order)
    _, found, in_order = cached
    if not in_order:
        return [x for x in found if a <= x[0] < b]
    return found[bisect_left(found, (a,)) : bisect_left(found, (b,))]


def _space_form_at(piece: str, doc_form: str, start: int) -> str:
    """agencies.space_form of a piece of the document standing at `start`, from the
    document's matching form."""
    return match_form_within(piece, doc_form, start).replace("\n", " ").replace("\t", " ").replace("\r", " ")


def _is_end(text: str) -> bool:
    t = agencies.space_form(text)
    lab = _LIST_LABEL.match(t)
    t = t[lab.end() :] if lab else t
    return t.startswith(phrases()["end"])


_OPEN_END = regex.compile(r"[.;:!?]\W*$")
_CONTINUES = regex.compile(r"[\s*_]*[\p{Ll}(]")
_LABELLED = regex.compile(
    r"[\s*#_]*(?:[-+•–]|\(?(?:[a-zđ]|\d{1,2}(?:\.\d{1,2}){0,3}|[IVXLC]{1,5})[.)])(?:\s|(?=\p{Lu}))"
)


def _continued(doc: Document, start: int, end: int, limit: int) -> int:
    """The end of a line and of the lines that carry it on: a heading or paragraph broken
    over lines or a page ("... Chủ tịch Ủy ban nhân dân" / "các xã, thị trấn căn cứ ...")
    goes on while it has not ended a sentence and the next line opens in lower case; a
    list of names ending open (";" or ",") takes the next line whatever it opens with."""
    for s, e in _paragraphs(doc, end, limit):
        text = doc.text[start:end].rstrip(" \n*_")
        if _OPEN_END.search(text) and not text.endswith((";", ",")):
            break
        nxt = doc.text[s:e]
        if not (text.endswith((";", ",")) or _CONTINUES.match(nxt)) or _LABELLED.match(nxt):
            break
        end = e
        if text.endswith((";", ",")):
            break
    return end


def _heading_span(doc: Document, sec: Section) -> tuple[int, int]:
    """A heading's text with the lines that carry it on."""
    return sec.start, _continued(doc, sec.start, sec.heading_end, sec.end)


def _loose_part(doc: Document, ctx) -> tuple[int, int] | None:
    """Where no heading opens the organising part, a line that is only its title ("Tổ chức
    thực hiện:", a heading the layout did not mark) opens it; it runs to the closing words
    or the end of the text."""
    ph = phrases()["section"]
    doc_form = match_form(doc.text)
    for s, e in _paragraphs(doc, 0, len(doc.text)):
        t = _space_form_at(doc.text[s:e], doc_form, s)
        lab = _LIST_LABEL.match(t)
        t = t[lab.end() :] if lab else t
        t = t.strip(" *_#:.")
        if t in ph or (t.startswith(ph) and len(t.split()) <= 8 and doc.text[s:e].rstrip().endswith(":")):
            if component_at(doc, ctx, s) is None:
                ends = [x.start for x in doc.sections if x.start >= e and x.label_kind in _PART_ENDS]
                return e, min(ends, default=len(doc.text))
    return None


@dataclass(frozen=True)
class Item:
    bodies: tuple[Body, ...]
    start: int
    end: int
    section: Section | None


def _items(doc: Document, sec: Section, level: str | None, max_words: int, top: bool) -> list[Item]:
    """Items of a duty list: sections whose heading opens with a body, and paragraphs that
    do in a part with no such sub-heading; a part that opens with catch-alls only is read
    further down."""
    out: list[Item] = []
    if not top:
        if _is_end(doc.text[sec.start : sec.heading_end]):
            return out
        a, b = _heading_span(doc, sec)
        got = read_subject(doc.text[a:b], level, max_words, a)
        if got:
            return [Item(tuple(got), sec.start, _cut_end(doc, sec.start, sec.end), sec)]
        own_start = b
    else:
        own_start = sec.heading_end
        if sec.label_kind == "article":
            # "Điều 2. Giao Sở Lao động - Thương binh và Xã hội chủ trì ...": the article's
            # heading may itself be the first item
            a, b = _heading_span(doc, sec)
            got = read_subject(doc.text[a:b], level, max_words, a)
            if got:
                kids = _children(doc, sec)
                end = min([k.start for k in kids] + [sec.end])
                out.append(Item(tuple(got), sec.start, _cut_end(doc, sec.start, end), sec))
                own_start = end
    kids = _children(doc, sec)
    own_end = min([k.start for k in kids] + [sec.end])
    out += _paragraph_items(doc, own_start, own_end, level, max_words, sec)
    for k in kids:
        out += _items(doc, k, level, max_words, False)
    return out


def _cut_end(doc: Document, a: int, b: int) -> int:
    for s, e in _paragraphs(doc, a + 1, b):
        if s > a and _is_end(doc.text[s:e]):
            return s
    return b


_INNER_LABEL = regex.compile(r"(?<=[.;:])\s+(?=(?:\d{1,2}(?:\.\d{1,2}){0,2}\.|[a-zđ]\))\s*\p{Lu})")


def _units(doc: Document, a: int, b: int) -> list[tuple[int, int]]:
    """Paragraphs, cut where a numbered item opens after a sentence inside one ("... gia
    đình văn hóa. 26.Sở Tư pháp: ..."): a PDF line that ran two list items together."""
    out = []
    for s, e in _paragraphs(doc, a, b):
        cuts = [s] + [m.end() for m in _INNER_LABEL.finditer(doc.text, s, e)] + [e]
        out += [(x, y) for x, y in zip(cuts, cuts[1:]) if y > x]
    return out


def _paragraph_items(
    doc: Document, a: int, b: int, level: str | None, max_words: int, sec: Section | None
) -> list[Item]:
    """Paragraphs that open with a body, each running to the next such paragraph. A line
    that may carry on the one before it (no list label, the one before not ended: "... kết
    quả thực hiện chương trình với" / "Sở LĐTB&XH theo quy định") opens an item only when
    it reads as one: its names alone on the line or followed by a colon (a list whose
    numbering the file kept out of the text)."""
    out: list[Item] = []
    opens: list[tuple[int, tuple[Body, ...] | None]] = []  # item starts; None: a start giving nobody
    prev_end = None
    for s, e in _units(doc, a, b):
        text = doc.text[s:e]
        if _is_end(text):
            opens.append((s, None))
            break
        carried = prev_end is not None and not _OPEN_END.search(doc.text[prev_end[0] : prev_end[1]].rstrip(" \n*_"))
        prev_end = (s, e)
        if carried and not _LABELLED.match(text) and _CONTINUES.match(text):
            continue
        end = _continued(doc, s, e, b)
        got = read_subject(doc.text[s:end], level, max_words, s)
        if got is None:
            continue
        if carried and not _LABELLED.match(text) and not _stands_alone(doc.text[s:end], level, max_words):
            continue
        opens.append((s, tuple(got) or None))
    for i, (s, bodies) in enumerate(opens):
        if bodies:
            nxt = opens[i + 1][0] if i + 1 < len(opens) else b
            out.append(Item(bodies, s, nxt, sec))
    return out


def _assigned_items(doc: Document, level: str | None, max_words: int, leads: set[str]) -> list[Item]:
    """A document without a duty list: "<issuing government> giao <bodies> <duty>"."""
    out = []
    assigners = phrases()["assigner"]
    pat = regex.compile(
        r"(?<!\w)(?:" + "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in assigners) + r")(?!\w)"
    )
    doc_form = match_form(doc.text)
    for s, e in _paragraphs(doc, 0, len(doc.text)):
        text = doc.text[s:e]
        form = _space_form_at(text, doc_form, s)
        for m in pat.finditer(form):
            before = [x for x in agencies.find_mentions(text[: m.start()], level) if x.is_agency]
            if not before or before[-1].kind != "people_committee" or form[before[-1].end : m.start()].strip():
                continue
            got = read_subject(text[m.start() :], level, max_words, s + m.start())
            if not got:
                continue
            bodies = tuple(b for b in got if key(b.name) not in leads and not _said_to_lead(doc, b))
            if bodies:
                end = form.find(". ", m.end())
                out.append(Item(bodies, s + m.start(), e if end < 0 else s + end + 1, None))
    return out


def _said_to_lead(doc: Document, body: Body) -> bool:
    """Whether the document says elsewhere that the body chủ trì: then "UBND tỉnh giao <it>
    ..." restates that assignment rather than giving a duty of its own."""
    pat = regex.compile(regex.escape(key(body.raw)).replace(r"\ ", r"\s+") + r"\s*,?\s*chủ\s+trì(?!\w)")
    form = agencies.space_form(doc.text)
    return any(not (body.start <= m.start() < body.end) for m in pat.finditer(form))


# --- rows ---------------------------------------------------------------------------


def _label(sec: Section | None) -> str | None:
    return sec.label if sec is not None else None


@step(
    "duties",
    requires=("meta.admin_level", "rows.components", "rows.assignments"),
    assigns=("rows.duties",),
)
def extract(doc: Document, ctx: Context) -> None:
    level = ctx.meta.get("admin_level")
    max_words = ctx.settings.agency_max_words
    have = frozenset(r["code"] for r in ctx.rows.get("components", []) if r.get("code")) or None
    items: list[Item] = []
    sections = duty_sections(doc, ctx)
    for sec in sections:
        items += _items(doc, sec, level, max_words, True)
    if not items:
        part = _loose_part(doc, ctx)
        if part is not None:
            items = _paragraph_items(doc, part[0], part[1], level, max_words, None)
    if not items:
        leads = {key(r["agency"]) for r in ctx.rows.get("assignments", []) if r.get("role") == "lead"}
        items = _assigned_items(doc, level, max_words, leads)
    rows = []
    seen = set()
    for it in items:
        text = doc.text[it.start : it.end]
        codes = named_components(text, have)
        for b in it.bodies:
            for code in codes or [None]:
                k = (key(b.name), code)
                if k in seen:
                    continue
                seen.add(k)
                rows.append(
                    {
                        "agency": b.name,
                        "agency_raw": b.raw,
                        "agency_kind": b.kind,
                        "agency_level": b.level,
                        "component": code,
                        "item": _label(it.section),
                        "duty": collapse(text)[:2000],
                        "section_id": it.section.section_id if it.section is not None else None,
                        **provenance(doc, it.start, it.end),
                    }
                )
    ctx.rows["duties"].extend(rows)
    identify(doc, ctx)


def identify(doc: Document, ctx) -> None:
    """agency_key and agency_level for every body of assignments and duties, and one name
    for the mentions of one body in the plan."""
    assigned = list(ctx.rows.get("assignments", []))
    rows = assigned + list(ctx.rows.get("duties", []))
    level = ctx.meta.get("admin_level")
    counts: dict[str, Counter] = {}
    for weight, group in ((len(rows) + 1, assigned), (1, ctx.rows.get("duties", []))):
        for r in group:
            counts.setdefault(agencies.plan_form(r["agency"], level), Counter())[r["agency"]] += weight
    # the form the plan's assignments use most (the name the clauses give a body), else the
    # duty lists'; of equals the longer (with the level word)
    names = {base: max(c.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0] for base, c in counts.items()}
    for r in rows:
        r["agency"] = names[agencies.plan_form(r["agency"], level)]
        ident = agencies.identity(r["agency"])
        r["agency_key"] = ident.key
        if ident.level and ident.level != "any":
            r["agency_level"] = (
                ident.level if r.get("agency_level") in (None, "any") or ident.fixed else r["agency_level"]
            )


__all__ = ["duty_sections", "extract", "identify", "named_components", "read_subject", "title_code"]
