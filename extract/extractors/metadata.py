"""Who issued a plan, at which level, where, when, under which number, for which years.

The header block says most of it: its left column names the issuing body (often two
lines, the parent body first) and the number ("Số: 15/KH-UBND"), its right column the
place and date. Text renditions often lose the header, or keep only the "Số:" and
"place, ngày ..." lines. Then the plan still names itself: the title ("... trên địa bàn
xã X"), the authority line of a Quyết định, a caption that cites the plan itself
("(Kèm theo Quyết định số 77/QĐ-UBND ngày 9/8/2022 ...)"), and the body ("Ủy ban
nhân dân huyện ban hành kế hoạch", "trên phạm vi toàn huyện", the places it names).

Published texts (a legal-document site's page, the gazette's text) carry the publisher's
furniture around the letterhead and wrap its lines anywhere; the letterhead is then read
from a view of the text past that furniture (extract/text/published.py), every line of it
still a span of the stored text. A central body's document (a ministry, the Government,
the National Assembly) is of level `central` and has no places.

Places resolve against the pre-2025 gazetteer (extract/extractors/places.py), or, for a
document issued from 1 July 2025, against the units created then (34 provinces and their
communes, no districts); the gazetteer also fills in the levels above the issuing one
when the text never names them. Where two
sources disagree (the header's date and the date the plan's own appendix cites; a name
several units bear) the header or gazetteer value is kept and a `checks` row records the
disagreement, so nothing is resolved silently. The places a text names must nest: a
commune the text puts in a district that has none of that name (a district in a province)
is never moved to a namesake elsewhere; the names stay as printed, codes are kept only for
the units that exist where the text puts them, and a `place_mismatch` check says so.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache

import regex

from extract import rules
from extract.document.model import Block, Document
from extract.document.provenance import provenance
from extract.extractors.places import (
    LEVELS,
    Gazetteer,
    Mention,
    Unit,
    find_mentions,
    gazetteer,
    gazetteer_2025,
    level_rank,
    level_word_of,
    level_words,
    printed_unit,
    same_unit,
)
from extract.extractors.references import (
    NUMBER,
    Citation,
    bare_level,
    clean_number,
    doc_types,
    find_citations,
    number_key,
    type_of_name,
    type_of_number,
)
from extract.extractors.step import Context, step
from extract.settings import DEFAULT_SETTINGS, Settings
from extract.text.dates import find_dates
from extract.text.normalize import PhraseScan, collapse, key, match_form
from extract.text.published import front_view, running_header_spans

_CLAUSE_END = regex.compile(r"[;:\n]|\.\s")
_SEPARATOR = regex.compile(r"^[\s\-_=*.…–—~]+$")
_PLACE_DATE = regex.compile(r"(?P<place>\p{Lu}[\p{L} .']{1,60}?)\s*,\s*$")
_NUMBER_START = regex.compile(r"[\d/.…_ ]")
_COMMA_END = regex.compile(r",\s*$")
_NUMBER = regex.compile(NUMBER)
_DAY_WORD_END = regex.compile(r"(?:ngày)?\s*$")
_CAPITAL_AFTER = regex.compile(r"[ ]+\p{Lu}")
_SIGNS = PhraseScan(regex.compile(r"(?<![\p{L}])tm\.?\s*(?:ủy ban nhân dân|ubnd)(?![\p{L}])"), ["tm"])
_NUMBER_LIKE = regex.compile(r"\d+[\p{L}\d]*(?:/[\p{L}\d\-]+)+")
_HORIZON_BEFORE = regex.compile(r"đến\s*(?:hết\s*)?$")


def _entries(kind: str) -> list[dict]:
    return [e for e in rules.load("metadata") if e["kind"] == kind]


@lru_cache(maxsize=1)
def _body_start_res() -> tuple[regex.Pattern, ...]:
    return tuple(regex.compile(e["pattern"]) for e in _entries("body_start"))


@lru_cache(maxsize=1)
def _period_res() -> tuple[regex.Pattern, ...]:
    return tuple(regex.compile(e["pattern"]) for e in _entries("period"))


@lru_cache(maxsize=1)
def _number_label_re() -> regex.Pattern:
    alts = "|".join(regex.escape(e["phrase"]) for e in _entries("number_label"))
    return regex.compile(rf"^\s*(?:{alts})\s*:?\s*(?P<rest>.*)$", regex.M)


@lru_cache(maxsize=1)
def _self_caption_re() -> regex.Pattern:
    phrases = sorted((e["phrase"] for e in _entries("self_caption")), key=len, reverse=True)
    return regex.compile(r"(?<![\p{L}])(?:" + "|".join(regex.escape(p) for p in phrases) + r")[ ]*$")


@lru_cache(maxsize=1)
def _motto_re() -> regex.Pattern:
    phrases = sorted((e["phrase"] for e in _entries("motto")), key=len, reverse=True)
    return regex.compile("|".join(regex.escape(p) for p in phrases))


@lru_cache(maxsize=1)
def _issuer_terms() -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for e in rules.load("issuers"):
        out.setdefault(e["kind"], []).append(e)
    return out


@lru_cache(maxsize=1)
def _body_re() -> regex.Pattern:
    phrases = sorted((e["phrase"] for e in _issuer_terms()["body"]), key=len, reverse=True)
    return regex.compile(r"(?<![\p{L}])(?:" + "|".join(regex.escape(p) for p in phrases) + r")(?![\p{L}])")


@lru_cache(maxsize=1)
def _level_alt() -> str:
    forms = sorted({f for w in level_words() for f in w.forms}, key=len, reverse=True)
    return "|".join(regex.escape(f) for f in forms)


@cache
def _short_form_re(phrase: str) -> regex.Pattern:
    return regex.compile(rf"(?i)(?<![\p{{L}}]){regex.escape(phrase)}(?![\p{{L}}])")


@lru_cache(maxsize=1)
def _type_prefix_re() -> regex.Pattern:
    names = sorted((n for d in doc_types() if d.own and d.type != "cong_van" for n in d.names), key=len, reverse=True)
    return regex.compile(r"\s*(?:" + "|".join(map(regex.escape, names)) + r")[ ]+(?=\p{L})")


@lru_cache(maxsize=1)
def _cue_res() -> tuple[PhraseScan, PhraseScan]:
    """Phrases that name the plan's own level without a place name after it."""
    terms = _issuer_terms()
    cues = sorted((e["phrase"] for e in terms["self_cue"]), key=len, reverse=True)
    verbs = sorted((e["phrase"] for e in terms["issuing_verb"]), key=len, reverse=True)
    bodies = sorted((e["phrase"] for e in terms["body"] if e.get("short")), key=len, reverse=True)
    lv = _level_alt()
    territory = regex.compile(
        r"(?<![\p{L}])(?:" + "|".join(map(regex.escape, cues)) + rf")[ ]+(?P<w>{lv})(?![\p{{L}}])"
    )
    issuing = regex.compile(
        r"(?<![\p{L}])(?:"
        + "|".join(map(regex.escape, bodies))
        + rf")[ ]+(?P<w>{lv})[ ]+(?:"
        + "|".join(map(regex.escape, verbs))
        + r")(?![\p{L}])"
    )
    return PhraseScan(territory, cues), PhraseScan(issuing, bodies)


# ---------------------------------------------------------------------------------------
# Reading the front of the document


@dataclass
class Line:
    text: str
    start: int
    end: int


@dataclass
class Front:
    """The header lines, type line and title, with their spans in doc.text."""

    left: list[Line] = field(default_factory=list)  # header left column (issuer, number)
    right: list[Line] = field(default_factory=list)  # header right column (motto, place, date)
    loose: list[Line] = field(default_factory=list)  # header-like lines outside a header block (TXT)
    type_line: Line | None = None
    title: list[Line] = field(default_factory=list)
    authority: list[Line] = field(default_factory=list)  # "ỦY BAN NHÂN DÂN TỈNH X" above a decision's body


def _lines(block: Block, doc: Document) -> list[Line]:
    out, pos = [], block.start
    for part in doc.text[block.start : block.end].split("\n"):
        s = pos + (len(part) - len(part.lstrip()))
        out.append(Line(part.strip(), s, s + len(part.strip())))
        pos += len(part) + 1
    return [ln for ln in out if ln.text]


def _is_body_start(text: str) -> bool:
    form = match_form(collapse(text))
    return any(p.search(form) for p in _body_start_res())


def _authority_at(text: str) -> int | None:
    """Where an authority line ("ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN") starts in an all-caps text."""
    form = match_form(text)
    for m in _body_re().finditer(form):
        tail = text[m.start() :]
        if not tail.isupper():
            continue
        pos = m.end()
        while (more := _body_re().match(form, pos + 1)) is not None and form[pos : pos + 1] == " ":
            pos = more.end()
        mentions = find_mentions(tail)
        if len(mentions) == 1 and mentions[0].start <= pos - m.start() + 1 and mentions[0].end == len(tail.rstrip()):
            return m.start()
    return None


# a legal site's heading repeats the number after the type: "QUYẾT ĐỊNH 24/2021/QĐ-TTg"
_NUMBER_AFTER_TYPE = regex.compile(r"\s+(?:số\s*:?\s*)?\d{1,5}(?:/\d{4})?/[\w.&-]+\s*$")


def _type_of_line(text: str) -> str | None:
    form = _NUMBER_AFTER_TYPE.sub("", match_form(collapse(text)).strip())
    t = type_of_name(form)
    if t is None:
        return None
    own = {d.type for d in doc_types() if d.own}
    return t if t in own else None


def _type_prefix(text: str) -> int | None:
    """Where the title starts in an all-capitals line that opens with the type's name."""
    if not text.isupper():
        return None
    m = _type_prefix_re().match(match_form(text))
    return m.end() if m else None


def read_front(doc: Document, settings: Settings = DEFAULT_SETTINGS) -> Front:
    front = Front()
    blocks = doc.blocks[: settings.metadata_front_blocks]
    for b in blocks:
        if b.kind == "header":
            (front.left if b.column == "left" else front.right).extend(_lines(b, doc))
    in_title = False
    for b in blocks:
        if b.kind == "header":
            continue
        if b.kind == "table":
            break
        text = collapse(b.text)
        if front.type_line is None:
            t = _type_of_line(text)
            if t is not None:
                front.type_line = Line(text, b.start, b.end)
                in_title = True
                continue
            split = _type_prefix(b.text)
            if split is not None:  # "KẾ HOẠCH THỰC HIỆN ..." : type and title on one line
                front.type_line = Line(b.text[:split].strip(), b.start, b.start + len(b.text[:split].rstrip()))
                front.title.append(Line(collapse(b.text[split:]), b.start + split, b.end))
                in_title = True
                continue
            if _is_body_start(text):
                break
            front.loose.extend(_lines(b, doc))
            continue
        if not in_title:
            break
        if _is_body_start(text):
            break
        auth = _authority_at(b.text) if b.text.isupper() else None
        if auth is not None:
            if auth > 0:
                front.title.append(Line(b.text[:auth].strip(), b.start, b.start + len(b.text[:auth].rstrip())))
            front.authority.append(Line(b.text[auth:].strip(), b.start + auth, b.end))
            in_title = False
            continue
        if front.title:
            prev = front.title[-1].text
            continues = text[:1].islower() or (prev.isupper() and text.isupper())
            if not continues:
                break
        front.title.append(Line(text, b.start, b.end))
    return front


# ---------------------------------------------------------------------------------------
# Number, date, type


def _find_number(lines: list[Line]) -> tuple[bool, str | None, Line | None]:
    """(label found, number or None when blank, line) from the "Số:" line."""
    for ln in lines:
        m = _number_label_re().match(match_form(ln.text))
        if m and (m.group("rest").strip() == "" or _NUMBER_START.match(m.group("rest"))):
            rest = ln.text[m.start("rest") :]
            return True, _with_unit_suffix(clean_number(rest), rest), ln
    return False, None, None


_UNIT_SUFFIX = regex.compile(r"\([\p{Lu}\d][\p{L}\d\-]{0,11}\)")


def _with_unit_suffix(number: str | None, rest: str) -> str | None:
    """The number with the drafting unit's code printed right after it ("409/TTr-CAT(PC04)")."""
    if number is None:
        return None
    m = _UNIT_SUFFIX.search(rest)
    if m and m.start() > 0 and not rest[m.start() - 1].isspace() and "".join(rest[: m.start()].split()) == number:
        return number + m.group()
    return number


def _find_place_date(lines: list[Line]) -> tuple[str | None, str | None, Line | None, tuple[int, int] | None]:
    """(place, ISO date, line, span of the place) from a "place, ngày ..." line.

    A text rendition may run the two header columns into one line ("Số: 15/KH-UBND Mường
    Nhé, ngày ..."), so the place is read after any number or motto on the line.
    """
    for ln in lines:
        dates = find_dates(ln.text)
        if not dates:
            continue
        d = dates[0]
        form = match_form(ln.text)
        if "ngày" not in form[: d.start + 5] and not _COMMA_END.search(ln.text[: d.start]):
            continue
        cut = 0
        lab = _number_label_re().match(form)
        if lab:
            num = _NUMBER.search(ln.text, lab.start("rest"))
            cut = num.end() if num and num.end() <= d.start else lab.start("rest")
        motto = None
        for motto in _motto_re().finditer(form, cut, d.start):
            pass
        if motto:
            cut = max(cut, motto.end())
        prefix = ln.text[: d.start]
        prefix = prefix[: len(prefix) - len(_DAY_WORD_END.search(match_form(prefix)).group())] + " "
        m = _PLACE_DATE.search(prefix, cut)
        if m:
            place = m.group("place").strip(" .-")
            span = (ln.start + m.start("place"), ln.start + m.start("place") + len(m.group("place").rstrip()))
            return place or None, d.iso, ln, span
        return None, d.iso, ln, None
    return None, None, None, None


def _self_captions(doc: Document, doc_type: str | None, settings: Settings) -> list[Citation]:
    """Citations of a document of the plan's own type introduced by "kèm theo"."""
    if doc_type is None:
        return []
    form = match_form(doc.text)
    out = []
    for c in find_citations(doc.text, settings=settings):
        line_start = doc.text.rfind("\n", 0, c.start) + 1
        before = form[max(line_start, c.start - 40) : c.start]
        if c.ref_type == doc_type and _self_caption_re().search(before):
            out.append(c)
    return out


# ---------------------------------------------------------------------------------------
# Issuer


def _split_bodies(lines: list[Line]) -> list[list[Line]]:
    """Header left-column lines grouped into bodies: a line opening with a body starts one."""
    bodies: list[list[Line]] = []
    for ln in lines:
        form = match_form(ln.text)
        m = _body_re().match(form)
        if m or not bodies:
            bodies.append([ln])
        else:
            bodies[-1].append(ln)
    return bodies


def _issuer_lines(left: list[Line]) -> list[Line]:
    out = []
    for ln in left:
        if _number_label_re().match(match_form(ln.text)) or find_dates(ln.text):
            break
        m = _motto_re().search(match_form(ln.text))
        text = ln.text[: m.start()].rstrip() if m else ln.text
        if text and not _SEPARATOR.match(text):
            out.append(Line(text, ln.start, ln.start + len(text)))
    return out


def _format_body(text: str, mentions: list[Mention], base: int) -> str:
    """An issuing body's name in running-text form: "UBND huyện Mường Nhé"."""
    parts, pos = [], 0
    upper = text.isupper()
    for m in mentions:
        s, e = m.start - base, m.end - base
        chunk = text[pos:s]
        parts.append(chunk.lower() if upper else chunk)
        parts.append(f"{_word_of(text[s:e])} {m.name}")
        pos = e
    tail = text[pos:]
    parts.append(tail.lower() if upper else tail)
    out = collapse("".join(parts))
    for e in _issuer_terms()["body"]:
        if e.get("short"):
            out = _short_form_re(e["phrase"]).sub(e["short"], out)
    return out[:1].upper() + out[1:] if out else out


def _word_of(printed: str) -> str:
    form = match_form(printed)
    for w in sorted((f for lw in level_words() for f in lw.forms), key=len, reverse=True):
        if form.startswith(w):
            return level_word_of(w).word
    return form.split(" ")[0]


# ---------------------------------------------------------------------------------------
# Jurisdiction


@dataclass
class Placement:
    level: str | None = None
    units: list[Unit] = field(default_factory=list)
    name: str | None = None  # as printed, when no unit fits
    source: str | None = None
    mention: Mention | None = None
    # units whose name the printed one only begins with ("HUYỆN LỤC NAM XUYÊN"): not taken,
    # named in the check; their common province is kept
    nearest: list[Unit] = field(default_factory=list)


def _citation_spans(doc: Document, citations: list[Citation]) -> list[tuple[int, int]]:
    """Spans of citations including the cited document's subject, up to the clause end."""
    spans = []
    for c in citations:
        stop = _CLAUSE_END.search(doc.text, c.end)
        spans.append((c.start, stop.start() if stop else len(doc.text)))
    return spans


def _outside(spans: list[tuple[int, int]], pos: int) -> bool:
    return not any(s <= pos < e for s, e in spans)


def _level_cues(doc: Document, form: str, captions: list[Citation]) -> Counter:
    territory, issuing = _cue_res()
    cues: Counter = Counter()
    for m in territory.finditer(form):
        w = level_word_of(m.group("w"))
        if _CAPITAL_AFTER.match(doc.text[m.end() : m.end() + 3]) or (w and w.blocked(doc.text[m.end() : m.end() + 20])):
            continue  # a named place ("trên địa bàn tỉnh Bến Tre") is not a self-reference, nor "toàn xã hội"
        if w and len(w.levels) == 1:
            cues[w.levels[0]] += 1
    for m in issuing.finditer(form):
        w = level_word_of(m.group("w"))
        if w and len(w.levels) == 1:
            cues[w.levels[0]] += 3
    for c in captions:
        if c.issuer and not find_mentions(c.issuer):
            lv = bare_level(match_form(c.issuer))
            if lv:
                cues[lv] += 3
    return cues


def _most_specific(mentions: list[Mention]) -> Mention | None:
    if not mentions:
        return None
    return max(mentions, key=lambda m: (max(level_rank(lv) for lv in m.levels), m.start))


def _disambiguate(units: list[Unit], context: list[Mention], gaz: Gazetteer) -> list[Unit]:
    """Keep the candidates whose parents or children the text also names."""
    if len(units) <= 1:
        return units
    scores = []
    for u in units:
        score = 0
        for m in context:
            for v in m.units:
                if same_unit(v, u):
                    continue
                if gaz.contains(v, u) or gaz.contains(u, v):
                    score += 1
                    break
        scores.append(score)
    best = max(scores)
    if best == 0:
        return units
    return [u for u, s in zip(units, scores) if s == best]


@dataclass
class Mismatch:
    """The issuer's name where the text puts it does not exist: the units above it the text
    names, the lowest of them that nests in the ones above (`anchor`, kept with its codes),
    and the mention to point a reader at."""

    level: str
    name: str
    named: dict[str, list[Unit]]
    anchor: Unit | None
    evidence: Mention
    elsewhere: list[Unit]


def _named_above(level: str, mentions: list[Mention]) -> dict[str, list[Unit]]:
    """The units above `level` the text names without doubt (a level word and a name that
    is one unit: "huyện <name>", "tỉnh <name>"), per level, in order of first mention."""
    out: dict[str, list[Unit]] = {}
    for m in mentions:
        if len(m.units) != 1 or level_rank(m.units[0].level) >= level_rank(level):
            continue
        u = m.units[0]
        seen = out.setdefault(u.level, [])
        if not any(same_unit(u, v) for v in seen):
            seen.append(u)
    return out


def _nests(u: Unit, named: dict[str, list[Unit]], gaz: Gazetteer) -> bool:
    return all(any(gaz.contains(n, u) for n in ns) for ns in named.values())


def _check_nesting(placement: Placement, mentions: list[Mention], gaz: Gazetteer) -> Mismatch | None:
    """Keep only the candidates that lie in the units above them the text names; when none
    does (a commune not in the district the text names, a district not in its province),
    the name is not moved to the unit elsewhere that bears it: a Mismatch says what to keep.
    """
    units = placement.units
    if not units:
        return None
    if placement.level is not None:
        units = [u for u in units if u.level == placement.level] or units
    levels = {u.level for u in units}
    if len(levels) != 1:
        return None
    level = levels.pop()
    named = _named_above(level, mentions)
    if not named:
        return None
    fits = [u for u in units if _nests(u, named, gaz)]
    if fits:
        placement.units = fits
        return None
    top = [lv for lv in LEVELS if lv in named]
    anchor = named[top[0]][0] if len(named[top[0]]) == 1 else None  # several named: none is trusted
    for lv in top[1:]:
        if anchor is None or len(named[lv]) != 1 or not gaz.contains(anchor, named[lv][0]):
            break
        anchor = named[lv][0]
    wrong = next((lv for lv in reversed(top) if not any(gaz.contains(n, u) for u in units for n in named[lv])), top[-1])
    at_wrong = [m for m in mentions if len(m.units) == 1 and m.units[0] in named[wrong]]
    own_name = match_form(placement.name or units[0].name)
    chained = [
        m
        for m in at_wrong
        if any(o.end <= m.start <= o.end + 40 and match_form(o.name) == own_name for o in mentions if o.start < m.start)
    ]
    evidence = (chained or at_wrong)[0]
    return Mismatch(level, placement.name or units[0].name, named, anchor, evidence, list(units))


def _fill_mismatch(meta: dict, mm: Mismatch, gaz: Gazetteer) -> None:
    """Codes for the anchor and the units above it; the names below it as printed, no code."""
    for lv in LEVELS:
        meta[lv] = None
        meta[f"{lv}_code"] = None
    meta["admin_level"] = mm.level
    for lv in LEVELS[: level_rank(mm.anchor.level) + 1] if mm.anchor is not None else ():
        p = gaz.parent(mm.anchor, lv)
        if p is not None:
            meta[lv], meta[f"{lv}_code"] = p.name, p.code
    for lv, ns in mm.named.items():
        if meta[lv] is None and len(ns) == 1:
            meta[lv] = ns[0].name
    meta[mm.level] = mm.name


def _chain_span(m: Mention, mentions: list[Mention]) -> tuple[int, int]:
    """The run of places printed one after another around `m` ("xã A, huyện B, tỉnh C")."""
    start, end = m.start, m.end
    for x in sorted(mentions, key=lambda x: -x.start):
        if x.end <= start and start - x.end <= 3:
            start = x.start
    for x in sorted(mentions, key=lambda x: x.start):
        if x.start >= end and x.start - end <= 3:
            end = x.end
    return start, end


def _mismatch_check(doc: Document, mm: Mismatch, mentions: list[Mention]) -> dict:
    """The check row of a Mismatch: the places as printed, where the gazetteer has the name."""
    cs, ce = _chain_span(mm.evidence, mentions)
    printed = collapse(doc.text[cs:ce])
    found = printed if match_form(mm.name) in match_form(printed) else f"{mm.name}; {printed}"
    home = mm.anchor.province_code if mm.anchor is not None else None
    kept = f"kept {mm.anchor.full_name} with its codes" if mm.anchor is not None else "kept no codes"
    elsewhere = "; ".join(
        f"{u.full_name} ({', '.join(x for x in (u.district if u.level == 'commune' else None, u.province) if x)}, "
        f"{u.code})"
        for u in sorted(mm.elsewhere, key=lambda u: u.province_code != home)[:12]
    )
    return _check(
        doc,
        "place_mismatch",
        f"the text puts {mm.name!r} in {printed!r}, but the gazetteer has no {mm.level} of that name there "
        f"(the names do not nest); {kept} and {mm.name!r} as printed without a code: check the names in the document",
        elsewhere,
        found,
        cs,
        ce,
    )


def _place_units(place: str, level: str | None, gaz: Gazetteer) -> list[Unit]:
    """Units a bare place name (the "place, ngày ..." line) can stand for, at `level`."""
    ms = find_mentions(place, gaz=gaz)
    cands = list(ms[0].units) if ms else gaz.lookup(place)
    if level is None:
        return cands
    out = []
    for u in cands:
        if level_rank(u.level) >= level_rank(level):
            p = gaz.parent(u, level)
            if p is not None and p not in out:
                out.append(p)
    return out


def _header_lines(front: Front) -> list[Line]:
    """The issuer's lines: the header's left column, or in a text without a header block the
    lines above the number (motto parts cut away) when they open with an issuing body."""
    if front.left:
        return _issuer_lines(front.left)
    out = _issuer_lines(front.loose)
    return out if out and _body_re().match(match_form(out[0].text)) else []


def _joined(body: list[Line]) -> tuple[str, list[tuple[int, int]]]:
    """A body's lines as one line, with (offset in the joined text, offset in doc.text) per line."""
    parts, marks, pos = [], [], 0
    for ln in body:
        marks.append((pos, ln.start))
        parts.append(ln.text)
        pos += len(ln.text) + 1
    return " ".join(parts), marks


def _to_doc(marks: list[tuple[int, int]], pos: int) -> int:
    j, d = max((m for m in marks if m[0] <= pos), key=lambda m: m[0])
    return d + pos - j


def _body_mentions(body: list[Line], gaz: Gazetteer) -> list[Mention]:
    """Places in a body's lines read as one line ("HUYỆN" / "CHÂU THÀNH" split by the layout)."""
    text, marks = _joined(body)
    return [
        Mention(_to_doc(marks, m.start), _to_doc(marks, m.end - 1) + 1, m.word, m.name, m.units)
        for m in find_mentions(text, gaz=gaz)
    ]


def _body_name(body: list[Line], gaz: Gazetteer) -> str:
    text, _ = _joined(body)
    mentions = find_mentions(text, gaz=gaz)
    printed = printed_unit(text)
    if printed is not None:  # a unit the gazetteer does not have, or has by its first words only
        as_printed = Mention(printed[0], printed[1], printed[2], printed[3], ())
        if not mentions:
            mentions = [as_printed]
        elif mentions[0].start == printed[0] and printed[1] > mentions[0].end and _begins(mentions[0].name, printed[3]):
            mentions = [as_printed, *(m for m in mentions[1:] if m.start >= printed[1])]
    return _format_body(text, mentions, 0)


@lru_cache(maxsize=1)
def _named_issuing_re() -> PhraseScan:
    phrases = [e["phrase"] for e in _issuer_terms()["body"] if e.get("short")]
    bodies = "|".join(regex.escape(p) for p in phrases)
    verbs = "|".join(regex.escape(e["phrase"]) for e in _issuer_terms()["issuing_verb"])
    return PhraseScan(
        regex.compile(
            rf"(?<![\p{{L}}])(?:{bodies})[ ]+(?P<m>(?:{_level_alt()})[ ]+[^\n,;:.]{{1,40}}?)[ ]+(?:{verbs})(?![\p{{L}}])"
        ),
        phrases,
    )


def _cued_level(cues: Counter) -> str | None:
    top = cues.most_common()
    if top and (len(top) == 1 or top[0][1] > top[1][1]):
        return top[0][0]
    return None


def place_jurisdiction(
    doc: Document,
    front: Front,
    place: str | None,
    captions: list[Citation],
    gaz: Gazetteer,
    settings: Settings = DEFAULT_SETTINGS,
) -> tuple[Placement, list[Mention], str | None]:
    """The issuing unit, every place the text names (context) and the issuer's name.

    Sources in order of trust: the header's issuing body (its last body, else the parent
    body above it); the authority line of a decision; the title; a sentence in which the
    body issues the plan; the place line read at the level the text refers to itself by
    ("trên địa bàn huyện"); the place the body names most often outside citations.
    """
    form = match_form(doc.text)
    citations = find_citations(doc.text, settings=settings)
    cite_spans = _citation_spans(doc, citations)
    issuer_spans = [c.issuer_span for c in citations if c.issuer_span]
    all_mentions = find_mentions(doc.text, gaz=gaz)
    cues = _level_cues(doc, form, captions)
    level = _cued_level(cues)
    issuer = None

    lines = _header_lines(front)
    if lines:
        bodies = _split_bodies(lines)
        issuer = _body_name(bodies[-1], gaz)
        for body in reversed(bodies):
            ms = _body_mentions(body, gaz)
            if ms:
                if body is not bodies[-1]:
                    issuer = f"{issuer} ({_body_name(body, gaz)})"
                own = _most_specific(ms)  # "HUYỆN CHÂU THÀNH TỈNH TRÀ VINH": the district, in its province
                return _longer_printed(body, own) or _placement(own, "header"), all_mentions, issuer
        text, marks = _joined(bodies[-1])
        printed = printed_unit(text)
        if printed is not None:  # a unit the gazetteer does not have: as printed, no code, a check
            start, end, word, name = printed
            mention = Mention(_to_doc(marks, start), _to_doc(marks, end - 1) + 1, word, name, ())
            level = word.levels[0] if len(word.levels) == 1 else None
            return Placement(level, [], name, "header", mention), all_mentions, issuer

    if front.authority:
        ms = [m for m in all_mentions if any(ln.start <= m.start < ln.end for ln in front.authority)]
        if ms:
            issuer = issuer or _body_name(front.authority[:1], gaz)
            return _placement(ms[-1], "authority line"), all_mentions, issuer

    own = _most_specific(
        [
            m
            for m in all_mentions
            if any(ln.start <= m.start < ln.end for ln in front.title) and _outside(issuer_spans, m.start)
        ]
    )
    if own is None and len(front.title) > 1:  # a name the layout wrapped ("... TỈNH" / "BẮC KẠN, ...")
        own = _most_specific([m for m in _body_mentions(front.title, gaz) if _outside(issuer_spans, m.start)])
    source = "title"
    if own is None:
        source = "issuing sentence"
        for m in _named_issuing_re().finditer(form):
            ms = [x for x in all_mentions if m.start("m") <= x.start < m.end("m")]
            if ms and _outside(cite_spans, m.start()):
                own = ms[-1]
                break
    if own is not None:
        placement = _placement(own, source)
        finer = (
            [u for u in _place_units(place, level, gaz) if any(gaz.contains(o, u) and o != u for o in own.units)]
            if place
            else []
        )
        if finer and level is not None and level_rank(level) > max(level_rank(lv) for lv in own.levels):
            placement = Placement(level, finer, place, "place line")
        return placement, all_mentions, issuer or _default_issuer(form, placement)

    if place:
        units = _place_units(place, level, gaz)
        if units:
            p = Placement(
                level or (units[0].level if len({u.level for u in units}) == 1 else None), units, place, "place line"
            )
            return p, all_mentions, issuer or _default_issuer(form, p)
    body = [m for m in all_mentions if _outside(cite_spans, m.start) and (level is None or level in m.levels)]
    if body:
        counts = Counter(m.units for m in body)
        best_units, n = counts.most_common(1)[0]
        if sum(1 for c in counts.values() if c == n) == 1:
            own = next(m for m in body if m.units == best_units)
            placement = _placement(own, "body")
            return placement, all_mentions, issuer or _default_issuer(form, placement)
    return Placement(level=level), all_mentions, issuer


def _begins(unit_name: str, printed: str) -> bool:
    """Whether a unit's name is the first words of a longer printed name."""
    return key(printed).startswith(key(unit_name) + " ")


def _longer_printed(body: list[Line], m: Mention) -> Placement | None:
    """The letterhead's unit as printed when the gazetteer's unit is named by only the first
    words of it ("HUYỆN LỤC NAM XUYÊN" where there is a Lục Nam but no Lục Nam Xuyên): the
    plan is not moved to the unit of the shorter name; its name is kept, without a code."""
    text, marks = _joined(body)
    printed = printed_unit(text)
    if printed is None:
        return None
    start, end, word, name = printed
    if _to_doc(marks, start) != m.start or _to_doc(marks, end - 1) + 1 <= m.end:
        return None
    if not _begins(m.name, name):
        return None
    mention = Mention(m.start, _to_doc(marks, end - 1) + 1, word, name, ())
    return Placement(m.levels[0] if len(m.levels) == 1 else None, [], name, "header", mention, list(m.units))


def _placement(m: Mention, source: str) -> Placement:
    levels = m.levels
    return Placement(levels[0] if len(levels) == 1 else None, list(m.units), m.name, source, m)


def _default_issuer(form: str, placement: Placement) -> str | None:
    """ "UBND <level> <name>" when the plan says a People's Committee signs or issues it."""
    if len(placement.units) != 1:
        return None
    signs = _SIGNS.search(form)
    _, issuing = _cue_res()
    if not signs and not issuing.search(form) and not _named_issuing_re().search(form):
        return None
    u = placement.units[0]
    return f"UBND {u.kind.lower()} {u.name}"


def _fill(meta: dict, placement: Placement, gaz: Gazetteer) -> Unit | None:
    units = placement.units
    if placement.level is not None:
        units = [u for u in units if u.level == placement.level] or units
    level = placement.level or (units[0].level if units and len({u.level for u in units}) == 1 else None)
    meta["admin_level"] = level
    for lv in LEVELS:
        meta[lv] = None
        meta[f"{lv}_code"] = None
    if not units:
        if level and placement.name:
            meta[level] = placement.name
        above = {gaz.parent(u, "province") for u in placement.nearest} - {None}
        if len(above) == 1 and level != "province":
            p = above.pop()
            meta["province"], meta["province_code"] = p.name, p.code
        return None
    unit = units[0] if len(units) == 1 else None
    if unit is None:
        meta[units[0].level] = units[0].name
        shared = {gaz.parent(u, "province") for u in units}
        if len(shared) == 1 and units[0].level != "province":
            p = shared.pop()
            meta["province"], meta["province_code"] = p.name, p.code
        return None
    for lv in LEVELS[: level_rank(unit.level) + 1]:
        p = gaz.parent(unit, lv)
        if p is not None:
            meta[lv], meta[f"{lv}_code"] = p.name, p.code
    if placement.name:
        meta[unit.level] = placement.name  # as printed: a unit merged before 2025 keeps its own name
    return unit


# ---------------------------------------------------------------------------------------
# Period


def _blank_dates_and_numbers(text: str) -> str:
    """The text with dates and document numbers blanked, so their years are not periods."""
    chars = list(text)
    for d in find_dates(text):
        chars[d.start : d.end] = " " * (d.end - d.start)
    for c in find_citations(text):
        s, e = c.number_span
        chars[s:e] = " " * (e - s)
    out = "".join(chars)
    return _NUMBER_LIKE.sub(lambda m: " " * len(m.group()), out)


def find_period(text: str, annual_within: bool = False) -> tuple[int, int, int, int] | None:
    """(start year, end year, span start, span end) of the first period stated in `text`.

    With `annual_within` (a title), a year named besides the programme's period and inside
    it ("... giai đoạn 2021 - 2025 năm 2023") makes the plan an annual one for that year;
    a horizon ("định hướng đến năm 2030") lies outside the period and does not.
    """
    form = match_form(_blank_dates_and_numbers(text))
    for p in _period_res():
        m = p.search(form)
        if not m:
            continue
        if "year" in m.groupdict() and m.group("year"):
            y = int(m.group("year"))
            return y, y, m.start(), m.end()
        a, b = int(m.group("start")), int(m.group("end"))
        if a > b:
            continue
        if annual_within:
            ranges = [r.span() for q in _period_res()[:-1] for r in q.finditer(form)]
            for y in _period_res()[-1].finditer(form):
                year = int(y.group("year"))
                inside = any(rs < y.end() and y.start() < re_ for rs, re_ in ranges)
                horizon = _HORIZON_BEFORE.search(form[: y.start()])
                if not inside and not horizon and a <= year <= b:
                    return year, year, y.start(), y.end()
        return a, b, m.start(), m.end()
    return None


# ---------------------------------------------------------------------------------------


def _check(doc: Document, kind: str, detail: str, expected, found, start: int, end: int) -> dict:
    return {
        "kind": kind,
        "component": None,
        "detail": detail,
        "expected": None if expected is None else str(expected),
        "found": None if found is None else str(found),
        **provenance(doc, start, end),
    }


# ---------------------------------------------------------------------------------------
# The letterhead as published (legal-site pages, gazette text): see text/published.py


_CAPTION_START = regex.compile(r"^\(?\s*(?:ban hành\s+)?kèm theo\b")
_VV = regex.compile(r"^v/v\b|^về việc\b")
_PASSED = regex.compile(r"thông qua\s+ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})")
_MID_LABEL = regex.compile(r"\s(?:số)\s*:\s*(?=[\d/.…_])")
_MOTTO_START = regex.compile(r"^(?:cộng hòa|độc lập)\b")
_DRAFT = regex.compile(r"^(?:dự thảo|bản dự thảo)\b")


@dataclass
class Letterhead:
    """What the letterhead of a published text says, read from its logical lines."""

    lines: list[Line] = field(default_factory=list)  # letterhead and title lines, before the body
    issuer: list[Line] = field(default_factory=list)  # lines above the number, motto cut away
    type_line: Line | None = None
    doc_type: str | None = None
    labelled: bool = False
    number: str | None = None
    number_line: Line | None = None
    date: str | None = None
    place: str | None = None
    date_line: Line | None = None
    place_span: tuple[int, int] | None = None
    title: list[Line] = field(default_factory=list)
    authority: list[Line] = field(default_factory=list)
    vv: bool = False
    caption: Citation | None = None  # "(Kèm theo Quyết định số ...)" under the title of an attached plan


@lru_cache(maxsize=1)
def _all_type_names() -> tuple[tuple[str, str], ...]:
    return tuple(sorted(((n, d.type) for d in doc_types() for n in d.names), key=lambda x: len(x[0]), reverse=True))


def _view_type(text: str) -> str | None:
    """The type a letterhead line names: the whole line ("NGHỊ ĐỊNH"), or the opening of an
    all-capitals line whose rest is the title ("KẾ HOẠCH THỰC HIỆN ..."). A công văn has no
    type heading, so "VĂN BẢN ..." never names one. A number after the type ("QUYẾT ĐỊNH
    24/2021/QĐ-TTg", as legal sites head the page) is not part of the name."""
    form = _NUMBER_AFTER_TYPE.sub("", match_form(collapse(text)).strip(" ."))
    t = type_of_name(form)
    if t is not None:
        return t
    if not text.isupper():
        return None
    for name, typ in _all_type_names():
        if typ != "cong_van" and form.startswith(name + " "):
            return typ
    return None


@lru_cache(maxsize=1)
def _typed_number_re() -> regex.Pattern:
    names = "|".join(regex.escape(n) for n, _ in _all_type_names())
    return regex.compile(rf"^(?P<type>{names})\s+số\s*:?\s*(?P<num>{NUMBER})")


def read_letterhead(doc: Document) -> Letterhead:
    lh = Letterhead()
    view = [Line(v.text, v.start, v.end) for v in front_view(doc.text)]
    for ln in view:
        form = match_form(ln.text)
        if (_is_body_start(ln.text) and not _number_label_re().match(form) and not _motto_re().search(form)) or len(
            lh.lines
        ) >= 60:
            break
        lh.lines.append(ln)
    lh.labelled, lh.number, lh.number_line = _find_number(lh.lines)
    typed = None
    if not lh.labelled:
        for ln in lh.lines:
            form = match_form(ln.text)
            m = _MID_LABEL.search(form)
            if m and (_body_re().match(form) or _motto_re().search(form, 0, m.start())):
                lh.labelled, lh.number, lh.number_line = True, clean_number(ln.text[m.end() :]), ln
                break
    if not lh.labelled:
        for ln in lh.lines:
            m = _typed_number_re().match(match_form(ln.text))
            if m and ln.text[:1].isupper():  # "Thông tư số 102/2018/TT-BTC ngày ..." opening a gazette continuation
                lh.labelled, lh.number, lh.number_line = True, clean_number(ln.text[m.start("num") :]), ln
                typed = type_of_name(m.group("type"))
                break
    number_line = lh.number_line
    start = lh.lines.index(number_line) if number_line is not None else 0
    if typed is not None:
        lh.doc_type = typed
    else:  # the type heading, after the number when there is one (a site's page title above may name a type too)
        for i, ln in enumerate(lh.lines):
            if i < start or ln is number_line or _DRAFT.match(match_form(ln.text)):
                continue
            t = _view_type(ln.text)
            if t is not None:
                lh.type_line, lh.doc_type = ln, t
                break
    stop = lh.lines.index(lh.type_line) if lh.type_line is not None else len(lh.lines)
    candidates = [
        ln
        for ln in lh.lines[:stop]
        if not _CAPTION_START.match(match_form(ln.text))
        and (ln is number_line or _outside_citation(ln.text))
        and "ngày"
        in match_form(ln.text)  # a letterhead dates itself "…, ngày …"; a news page's "Thứ ba, 26/9/2023" does not
    ]
    lh.place, lh.date, lh.date_line, lh.place_span = _find_place_date(candidates)
    if lh.type_line is not None and not typed and not lh.labelled and lh.date_line is None:
        if not any(_motto_re().search(match_form(ln.text)) for ln in lh.lines[:stop]):
            lh.type_line, lh.doc_type = (
                None,
                None,
            )  # a heading with no letterhead around it (a site's menu, a news item)
            stop = len(lh.lines)
    lh.vv = any(_VV.match(match_form(ln.text)) for ln in lh.lines[: stop + 1])
    marks = [lh.lines.index(x) for x in (number_line, lh.date_line) if x is not None]
    if marks:
        issuer = _issuer_lines(lh.lines[: min(marks) + (0 if typed else 1)])
        first = next(
            (
                i
                for i, ln in enumerate(issuer)
                if _body_re().match(match_form(ln.text)) or _central_res()[0].match(match_form(ln.text))
            ),
            len(issuer),
        )
        issuer = issuer[first:]
        motto = next((i for i, ln in enumerate(issuer) if _MOTTO_START.match(match_form(ln.text))), len(issuer))
        lh.issuer = issuer[:motto]  # the motto cut over two lines ("CỘNG HÒA XÃ HỘI" / "CHỦ NGHĨA VIỆT NAM")
        top = lh.lines[min(marks)]
        if not lh.issuer and _body_re().match(match_form(top.text)):
            cut = _MID_LABEL.search(match_form(top.text))  # "BỘ TÀI CHÍNH Số: ..." : both columns on one line
            if cut is not None:
                lh.issuer = [
                    Line(top.text[: cut.start()].strip(), top.start, top.start + len(top.text[: cut.start()].rstrip()))
                ]
    after = stop if lh.type_line is not None else (max(marks) if marks else len(lh.lines))
    for ln in lh.lines[after + 1 :]:
        if _authority_at(ln.text) == 0:
            lh.authority.append(ln)
            break
        if _CAPTION_START.match(match_form(ln.text)):
            break
        lh.title.append(ln)
    if not lh.labelled and lh.date is None:
        lh.caption = _caption_of(view[len(lh.lines) : len(lh.lines) + 3])
    return lh


def _outside_citation(text: str) -> bool:
    """False for a line that cites another document by number ("... số 24/2021/QH15 ngày ...")."""
    return not any(c.number for c in find_citations(text))


def _caption_of(lines: list[Line]) -> Citation | None:
    """The caption under an attached plan's title naming the document that issues it."""
    for ln in lines:
        if not _CAPTION_START.match(match_form(ln.text)):
            continue
        cites = [c for c in find_citations(ln.text) if c.number]
        if cites:
            c = cites[0]
            return c
    return None


def _passed_date(doc: Document) -> str | None:
    """The date a law or resolution of the National Assembly was passed ("thông qua ngày ...")."""
    tail = match_form(doc.text[-4000:])
    found = None
    for m in _PASSED.finditer(tail):
        found = m
    if found is None:
        return None
    d, mth, y = int(found.group("d")), int(found.group("m")), int(found.group("y"))
    if not (1 <= d <= 31 and 1 <= mth <= 12):
        return None
    return f"{y:04d}-{mth:02d}-{d:02d}"


@lru_cache(maxsize=1)
def _central_res() -> tuple[regex.Pattern, regex.Pattern | None]:
    terms = _issuer_terms()
    bodies = sorted((e["phrase"] for e in terms.get("central_body", [])), key=len, reverse=True)
    not_after = sorted(
        {w for e in terms.get("central_body", []) for w in e.get("not_followed_by") or ()}, key=len, reverse=True
    )
    guard = rf"(?!\s+(?:{'|'.join(map(regex.escape, not_after))})(?![\p{{L}}]))" if not_after else ""
    body_re = regex.compile(r"^(?:" + "|".join(map(regex.escape, bodies)) + rf")(?![\p{{L}}]){guard}")
    codes = sorted((e["phrase"] for e in terms.get("central_code", [])), key=len, reverse=True)
    code_re = regex.compile(r"(?:^|[/\-])(?:" + "|".join(map(regex.escape, codes)) + r")\d*$") if codes else None
    return body_re, code_re


def central_issuer(lines: list[Line], gaz: Gazetteer) -> str | None:
    """The issuer's name when the letterhead names a central body (a ministry, the
    Government, the Prime Minister, the National Assembly, their offices and departments)
    and no local unit."""
    if not lines:
        return None
    text = collapse(" ".join(ln.text for ln in lines))
    form = match_form(text)
    body_re, _ = _central_res()
    if not body_re.match(form) or find_mentions(text, gaz=gaz):
        return None
    first = collapse(" ".join(ln.text for ln in _split_bodies(lines)[0]))
    if not first.isupper():
        return first
    for e in sorted(_issuer_terms().get("central_body", []), key=lambda e: len(e["phrase"]), reverse=True):
        if e.get("short") and match_form(first).startswith(e["phrase"]):
            return e["short"]
    # "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI" -> "Bộ Lao động - Thương binh và Xã hội": a ministry's
    # name capitalises the first word of each field it names
    words = first.lower().split(" ")
    out = []
    for i, w in enumerate(words):
        before = words[i - 1] if i else ""
        if i == 0 or (i == 1 and before == "bộ") or before in ("-", "–", "và") or before.endswith(","):
            w = w[:1].upper() + w[1:]
        out.append(w)
    return " ".join(out)


def central_number(number: str | None) -> bool:
    """True when a number's issuer code is a central body's ("27/2022/NĐ-CP", "90/QĐ-TTg")."""
    _, code_re = _central_res()
    if not number or code_re is None:
        return False
    return bool(code_re.search(number.split("/")[-1].split("(")[0]))


REORGANISATION = "2025-07"


def after_reorganisation(date: str | None) -> bool:
    """True for a document issued once local government had two levels (from 1 July 2025):
    its places are the units created then, with no district."""
    return date is not None and len(date) >= 7 and date[:7] >= REORGANISATION


_PLAN_TYPES = frozenset({None, "ke_hoach", "chuong_trinh", "de_an", "phuong_an"})


def _horizon_only(title: str, year: int) -> bool:
    """True when the title's only year is a horizon ("... đến năm 2030") with no start."""
    form = match_form(_blank_dates_and_numbers(title))
    m = regex.search(rf"(?:đến|tới)\s*(?:hết\s*)?năm\s*{year}", form)
    return m is not None


@step(
    "metadata",
    requires=(),
    assigns=(
        "meta.doc_type",
        "meta.doc_number",
        "meta.issued_date",
        "meta.admin_level",
        "meta.province_code",
        "meta.district_code",
        "meta.commune_code",
        "meta.period_start",
        "meta.period_end",
        "rows.checks",
    ),
)
def extract(doc: Document, ctx: Context) -> None:
    gaz = gazetteer()
    meta = ctx.meta
    checks = ctx.rows["checks"]
    front = read_front(doc, ctx.settings)
    lh = read_letterhead(doc)
    running = running_header_spans(doc.text[:20000])
    if not front.left and lh.issuer:
        front.left = lh.issuer  # a published text's letterhead, read past the site's or gazette's furniture
    if not front.title and lh.title:
        front.title = lh.title
    if not front.authority and lh.authority:
        front.authority = lh.authority

    doc_type = _type_of_line(front.type_line.text) if front.type_line else None
    labelled, number, _ = _find_number(front.left + front.loose)
    place, date, date_line, place_span = _find_place_date(front.right + front.left + front.loose)
    if date_line is not None and date_line in front.loose and "ngày" not in match_form(date_line.text):
        place, date, date_line, place_span = None, None, None, None  # "Thứ ba, 26/9/2023": a page's dateline
    if date_line is not None and any(s <= date_line.start < e for s, e in running):
        place, date, date_line, place_span = None, None, None, None  # the gazette's date, not the document's
    if lh.labelled:
        labelled, number = True, lh.number
    if lh.date_line is not None:
        place, date, date_line, place_span = lh.place, lh.date, lh.date_line, lh.place_span
    if lh.doc_type is not None:
        doc_type = lh.doc_type
    if type_of_number(number) == "van_ban_hop_nhat":
        doc_type = "van_ban_hop_nhat"
    if doc_type is None:
        doc_type = type_of_number(number)
    if doc_type is None and lh.vv and number is not None:
        doc_type = "cong_van"
    if lh.caption is not None and not labelled and date is None:
        c = lh.caption  # an attached plan: the document that issues it is the outermost one
        doc_type, number, date = c.ref_type or doc_type, c.number, c.date
        labelled = True
    if date is None and doc_type in ("luat", "nghi_quyet", "phap_lenh") and central_number(number):
        date = _passed_date(doc)

    captions = _self_captions(doc, doc_type, ctx.settings)
    own_key = number_key(number)
    mine = [c for c in captions if own_key is None or number_key(c.number) == own_key]
    if not labelled:
        numbered = [c for c in mine if c.number]
        if numbered:
            number = numbered[0].number
    if date is None:
        dated = [c for c in mine if c.date]
        if dated:
            date = dated[0].date
    elif date_line is not None:
        for c in mine:
            if c.date and c.date != date and (number is None or number_key(c.number) == number_key(number)):
                checks.append(
                    _check(
                        doc,
                        "date_conflict",
                        "the header's date differs from the date the document's own caption cites; the header's is kept",
                        date,
                        c.date,
                        c.start,
                        c.end,
                    )
                )
    if number is not None and labelled:
        for c in mine:
            if c.number and number_key(c.number) != number_key(number) and c.ref_type == doc_type:
                checks.append(
                    _check(
                        doc,
                        "number_conflict",
                        "the header's number differs from the number the document's own caption cites",
                        number,
                        c.number,
                        c.start,
                        c.end,
                    )
                )

    if after_reorganisation(date):
        gaz = gazetteer_2025()
    placement, mentions, issuer = place_jurisdiction(doc, front, place, mine, gaz, ctx.settings)
    mismatch = _check_nesting(placement, mentions, gaz)
    if len(placement.units) > 1 and mismatch is None:
        placement.units = _disambiguate(placement.units, mentions, gaz)
    unit = _fill(meta, placement, gaz) if mismatch is None else None
    where = placement.mention or (Line(place or "", *place_span) if place_span else None)
    ws, we = (where.start, where.end) if where is not None else (0, 0)
    if mismatch is not None:
        _fill_mismatch(meta, mismatch, gaz)
        checks.append(_mismatch_check(doc, mismatch, mentions))
    elif len(placement.units) > 1:
        names = "; ".join(f"{u.full_name} ({u.province}, {u.code})" for u in placement.units[:12])
        checks.append(
            _check(
                doc,
                "jurisdiction_ambiguous",
                f"the name {placement.name!r} fits several units and the text does not say which",
                None,
                names,
                ws,
                we,
            )
        )
    elif not placement.units and placement.name:
        checks.append(
            _check(
                doc,
                "jurisdiction_unresolved",
                f"the gazetteer has no {placement.level or 'unit'} named {placement.name!r}"
                f"{' (units of 1 July 2025)' if after_reorganisation(date) else ' (units before July 2025)'}; "
                "the name is kept as printed, without a code: check the name in the document",
                "; ".join(f"{u.full_name} ({u.province}, {u.code})" for u in placement.nearest[:12]) or None,
                placement.name,
                ws,
                we,
            )
        )
    if unit is not None:
        _check_conflicts(doc, unit, placement, mentions, place, place_span, gaz, checks)
        succ = gaz.successor(unit)
        meta["province_2025"] = succ.province
        if succ.ambiguous:
            checks.append(
                _check(
                    doc,
                    "successor_ambiguous",
                    f"{unit.full_name} was split between several communes in the 2025 reorganisation",
                    None,
                    "; ".join(succ.communes),
                    ws,
                    we,
                )
            )
    else:
        p = gaz.by_code("province", meta.get("province_code"))
        meta["province_2025"] = gaz.successor(p).province if p else None

    title_lines = (
        front.title if front.title and front.type_line is not None and lh.type_line is None else lh.title or front.title
    )
    title_text = collapse(" ".join(ln.text for ln in title_lines)) or None
    period = find_period(title_text, annual_within=True) if title_text else None
    if period is None and doc_type in _PLAN_TYPES:
        period = find_period(doc.text)
    if period is not None and period[0] == period[1] and title_text and _horizon_only(title_text, period[0]):
        start = int(date[:4]) if date else None  # "đến năm 2030": from the year it was issued
        period = (start, period[1], period[2], period[3])
    issuer_central = central_issuer(lh.issuer, gaz) if lh.issuer else None
    if issuer_central is not None or (placement.source not in ("header", "authority line") and central_number(number)):
        for lv in LEVELS:
            meta[lv] = None
            meta[f"{lv}_code"] = None
        meta["admin_level"] = "central"
        meta["province_2025"] = None
        issuer = issuer_central or issuer
    meta.update(
        {
            "doc_type": doc_type,
            "doc_number": number,
            "issued_date": date,
            "issuer": issuer,
            "period_start": period[0] if period else None,
            "period_end": period[1] if period else None,
            "title": title_text,
        }
    )


def _check_conflicts(
    doc: Document,
    unit: Unit,
    placement: Placement,
    mentions: list[Mention],
    place: str | None,
    place_span,
    gaz: Gazetteer,
    checks: list[dict],
) -> None:
    """Record a higher unit printed right after the issuer's place that the gazetteer disputes,
    and a place line naming somewhere outside the issuer's unit."""
    own = placement.mention
    if own is not None:
        for m in mentions:
            if own.end <= m.start <= own.end + 3 and min(level_rank(lv) for lv in m.levels) < level_rank(unit.level):
                if not any(gaz.contains(v, unit) for v in m.units):
                    checks.append(
                        _check(
                            doc,
                            "jurisdiction_conflict",
                            f"the text places {unit.full_name} in {m.name}, the gazetteer in {unit.province}",
                            unit.province,
                            m.name,
                            own.start,
                            m.end,
                        )
                    )
                break
    if place and place_span and placement.source != "place line":
        cands = gaz.lookup(place)
        if cands and not any(gaz.contains(unit, c) or gaz.contains(c, unit) for c in cands):
            checks.append(
                _check(
                    doc,
                    "place_conflict",
                    f"the place line names {place!r}, which is not in or above {unit.full_name}",
                    unit.full_name,
                    place,
                    place_span[0],
                    place_span[1],
                )
            )
