"""The bodies a plan names, read from a stretch of text, and the phrases that only look like them.

Plans write a body's name in many ways: in full, abbreviated ("Phòng LĐTB&XH"), with
en dashes or none, broken over lines, with the level word of the locality after it
("Trung tâm Y tế huyện"), or for all the units of a level at once ("UBND các xã, thị
trấn"). A spaCy PhraseMatcher over every form the lexicon (rules/agencies.yaml) yields,
token by token on the matching form, finds the names wherever the text breaks them; the
catch-alls of rules/agency_catchalls.yaml are matched the same way so that their commas
do not cut them into name-like pieces. What is left between matches is read by shape:
an item opening with a head such as "Phòng" or "Công chức" and a capitalised word is a
body the lexicon does not know, and is kept with its kind unknown.

A name is reported as written, with abbreviations expanded, dashes as " - " and the
level word kept, because the same body is spelled differently from plan to plan and the
plan's own spelling is the fact; where that equals a lexicon form, the form's spelling
(capitals) is used.

Comparing plans needs more than the name: `identity` gives the kind of body (agency_key),
the same at every level and in every plan (the labour, invalids and social affairs body is
labour_social whether it is a Sở, a Phòng or the commune officer), and the level its type
fixes; `plan_form` says when two mentions in one plan are one body ("Trung tâm Y tế" and
"Trung tâm Y tế huyện"); `successors` gives the 2025 reorganisation's moves of duties from
one kind of body to another (poverty reduction from labour_social to agriculture_environment).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from extract import rules
from extract.extractors.spacyload import Doc, PhraseMatcher, blank_multilanguage
from extract.settings import DEFAULT_SETTINGS
from extract.text.normalize import PhraseScan, collapse, key, match_form, slice_agrees

LEVELS = ("central", "province", "district", "commune")
_LEVEL_RANK = {lv: i for i, lv in enumerate(LEVELS)}


_MAX_SUBSTITUTIONS = 3
_DASH = regex.compile(r"\s*-\s*")
_ANY_DASH = regex.compile(r"\s*[-\u2010-\u2015\u2212]\s*")
_ALL_WS = regex.compile(r"\s+")
_ITEM_SEPARATOR = regex.compile(r"[;]|\.(?=\s|$)|,|\n|(?<=\s)(?:và|hoặc)(?=\s)")
# white space the spaCy tokenizer makes a token of (str.isspace, as the tokenizer tests it):
# any at the start, a run longer than one space, anything but a plain space
_SPACE_TOKEN = re.compile(r"^\s|\s\s|[^\S ]")
_NON_SPACE = re.compile(r"\S")  # where str.strip would stop
# a place name after a level word: capitalised words on the same line ("huyện Si Ma Cai")
_PLACE = regex.compile(r"[ ]+(\p{Lu}[\p{L}'’]*(?:[ ]+\p{Lu}[\p{L}'’]*){0,4})(?![\p{L}\d])")


@dataclass(frozen=True)
class Body:
    name: str
    kind: str
    level: str  # one of LEVELS or "any"
    collective: str | None
    spellings: dict  # key of each listed form -> its spelling
    key: str | None = None  # the kind of body, the same at every level (agency_key)


@dataclass(frozen=True)
class Mention:
    """A body (name set) or a catch-all (name None) found in a text, with its span there."""

    start: int
    end: int
    raw: str
    name: str | None
    kind: str | None
    level: str | None
    source: str  # lexicon, collective, shape, catchall

    @property
    def is_agency(self) -> bool:
        return self.name is not None


@dataclass
class Lexicon:
    nlp: object
    matcher: PhraseMatcher
    bodies: list[Body]
    abbreviation_re: regex.Pattern
    expansions: dict  # squeezed short form -> expansion
    units: dict  # level word (matching form) -> (level, unit word)
    suffix_re: regex.Pattern
    heads: list  # (head word as printed, level or None), longest first
    head_re: regex.Pattern
    prefix_re: regex.Pattern  # a plural/indefinite word at the end of the text before a match
    item_start_re: regex.Pattern  # a prefix word at the start of an item
    tail_re: regex.Pattern
    # the characters a match of head_re (None: any) and of item_start_re can open with
    head_firsts: frozenset | None = None
    item_firsts: frozenset | None = None


def phrase_pattern(phrases) -> str:
    """An alternation of phrases, longest first, each bounded by non-word characters."""
    alts = sorted({p for p in phrases if p}, key=len, reverse=True)
    body = "|".join(regex.escape(p).replace(r"\ ", r"\s+").replace(",", r"\s*,\s*") for p in alts)
    return rf"(?<![\w&])(?:{body})(?![\w&])"


def phrase_scan(phrases) -> PhraseScan:
    """phrase_pattern compiled, searched only where a phrase's first word occurs (the text
    up to its first space or comma, which the pattern stretches)."""
    return PhraseScan(regex.compile(phrase_pattern(phrases)), [regex.split(r"[ ,]", p)[0] for p in phrases if p])


def _loose(short: str) -> str:
    """A pattern for an abbreviation that allows spaces around its "&", "-" and ","."""
    parts = regex.split(r"\s*([&,\-])\s*|\s+", short)
    out = []
    for i, p in enumerate(parts):
        if p is None:
            continue
        if i % 2:
            out.append(r"\s*" + regex.escape(p) + r"\s*")
        elif p:
            if out and not out[-1].endswith(r"\s*"):
                out.append(r"\s+")
            out.append(regex.escape(p))
    return "".join(out)


def _squeeze(s: str) -> str:
    return _ALL_WS.sub("", match_form(s))


@cache
def _whole_words(phrase: str) -> regex.Pattern:
    return regex.compile(r"(?<!\w)" + regex.escape(phrase) + r"(?!\w)")


def _substitutions(form: str, abbreviations: list[tuple[str, str]]) -> set[str]:
    """The form (matching form) with abbreviations put in for the words they stand for."""
    out = {form}
    frontier = {form}
    for _ in range(_MAX_SUBSTITUTIONS):
        nxt = set()
        for f in frontier:
            for short, exp in abbreviations:
                if exp not in f:  # most pairs: no need to build the word-bounded pattern
                    continue
                pat = _whole_words(exp)
                if pat.search(f):
                    for s in (short, short.replace("&", " & ")):
                        g = pat.sub(s, f)
                        if g not in out:
                            nxt.add(g)
        out |= nxt
        frontier = nxt
        if not frontier:
            break
    return out


def _dashless(form: str) -> str:
    return collapse(_DASH.sub(" ", form))


@cache
def lexicon() -> Lexicon:
    entries = rules.load("agencies")
    catch = rules.load("agency_catchalls")
    nlp = blank_multilanguage()
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")

    abbreviations = [(key(e["short"]), key(e["expansion"])) for e in entries if e["kind"] == "abbreviation"]
    abbreviations.sort(key=lambda a: len(a[1]), reverse=True)
    bodies: list[Body] = []
    for e in entries:
        if e["kind"] != "body":
            continue
        forms = [e["name"], *(e.get("variants") or [])]
        spellings = {}
        for f in forms:
            spelled = collapse(_ANY_DASH.sub(" - ", f))
            spellings.setdefault(key(spelled), spelled)
        body = Body(e["name"], e["agency_kind"], e["level"], e.get("collective"), spellings, e["agency_key"])
        patterns: set[str] = set()
        for f in forms:
            base = key(f)
            for g in {base, _dashless(base)}:
                patterns |= _substitutions(g, abbreviations)
        matcher.add(f"B{len(bodies)}", list(nlp.tokenizer.pipe(sorted(patterns))))
        bodies.append(body)
    phrases = [key(e["phrase"]) for e in catch if e["kind"] == "phrase"]
    matcher.add("CATCHALL", list(nlp.tokenizer.pipe(sorted(set(phrases) | {_dashless(p) for p in phrases}))))

    units = {key(e["word"]): (e["level"], e["unit"]) for e in entries if e["kind"] == "level_word"}
    unit_alt = phrase_pattern(units)
    suffix_re = regex.compile(
        rf"\s*(?:(?P<plural>các|cấp)\s+)?(?P<unit>{unit_alt})"
        rf"(?P<more>(?:\s*,\s*|\s+và\s+|\s*-\s*)(?:các\s+)?(?:{unit_alt}))*"
    )
    heads = sorted(
        ((e["word"], e.get("level")) for e in entries if e["kind"] == "head"), key=lambda h: len(h[0]), reverse=True
    )
    head_re = regex.compile(r"(?<!\w)(?:" + "|".join(regex.escape(h) for h, _ in heads) + r")(?=\s+[\p{Lu}\d])")
    prefixes = [key(e["phrase"]) for e in catch if e["kind"] == "prefix"]
    tails = [key(e["phrase"]) for e in catch if e["kind"] == "tail"]
    shorts = {}
    for e in entries:
        if e["kind"] == "abbreviation":
            shorts[_squeeze(e["short"])] = e["expansion"]
    abbr_alts = sorted({key(e["short"]) for e in entries if e["kind"] == "abbreviation"}, key=len, reverse=True)
    abbr_body = "|".join(_loose(a) for a in abbr_alts)
    return Lexicon(
        nlp=nlp,
        matcher=matcher,
        bodies=bodies,
        abbreviation_re=regex.compile(rf"(?<![\w&])(?:{abbr_body})(?![\w&])"),
        expansions=shorts,
        units=units,
        suffix_re=suffix_re,
        heads=heads,
        head_re=head_re,
        prefix_re=regex.compile(phrase_pattern(prefixes) + r"\s*$"),
        item_start_re=regex.compile(r"^\s*" + phrase_pattern(prefixes)),
        tail_re=regex.compile(r"(?:\s*(?:" + phrase_pattern(tails) + r"))+\s*$"),
        head_firsts=frozenset(h[0] for h, _ in heads) if all(h for h, _ in heads) else None,
        item_firsts=frozenset(p[0] for p in prefixes if p),
    )


@lru_cache(maxsize=4096)
def expand(text: str) -> str:
    """A name as written, with abbreviations expanded and dashes written " - ".

    Cached: plans name the same bodies again and again.
    """
    lex = lexicon()
    form = match_form(text)
    out, pos = [], 0
    for m in lex.abbreviation_re.finditer(form):
        exp = lex.expansions.get(_squeeze(m.group()))
        if exp is None:
            continue
        out.append(text[pos : m.start()])
        out.append(exp)
        pos = m.end()
    out.append(text[pos:])
    expanded = "".join(out)
    return collapse(_ANY_DASH.sub(" - ", expanded).replace("&", " và "))


def spell(body: Body | None, text: str) -> str:
    """The name to report for a body written as `text`: its lexicon spelling when they agree."""
    name = expand(text)
    if body is not None:
        spelled = body.spellings.get(key(name))
        if spelled is None and body.level in ("central", "province", "district"):
            # a department's statutory name written without its dash ("Phòng Lao động Thương
            # binh và Xã hội") takes the statutory spelling; commune officer titles, which
            # provinces word differently, stay as written
            spelled = _dashless_spellings(body).get(_dashless(key(name)))
        return spelled or name
    return name


def _dashless_spellings(body: Body) -> dict:
    return {_dashless(k): v for k, v in body.spellings.items()}


def _level_of(unit_level: str | None, body_level: str | None, doc_level: str | None) -> str | None:
    if unit_level:
        return unit_level
    if body_level and body_level != "any":
        return body_level
    return doc_level


def _select(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Leftmost, then longest, non-overlapping matches."""
    out: list[tuple[int, int, str]] = []
    last = -1
    for s, e, label in sorted(spans, key=lambda x: (x[0], -(x[1] - x[0]))):
        if s >= last:
            out.append((s, e, label))
            last = e
    return out


def _lexicon_mentions(text: str, form: str, doc_level: str | None) -> list[Mention]:
    lex = lexicon()
    tokens = lex.nlp.make_doc(form)
    spans = []
    if _SPACE_TOKEN.search(form) is None:
        for match_id, ts, te in lex.matcher(tokens):
            last = tokens[te - 1]
            spans.append((tokens[ts].idx, last.idx + len(last), lex.nlp.vocab.strings[match_id]))
    else:
        # white-space tokens (runs of spaces, line breaks) are dropped so that a name matches
        # however the text spaces it; `where` keeps each remaining token's place in the text
        where = [(t.idx, t.idx + len(t)) for t in tokens if not t.is_space]
        doc = Doc(lex.nlp.vocab, words=[form[a:b] for a, b in where])
        for match_id, ts, te in lex.matcher(doc):
            spans.append((where[ts][0], where[te - 1][1], lex.nlp.vocab.strings[match_id]))
    out = []
    for s, e, label in _select(spans):
        if label == "CATCHALL":
            out.append(Mention(s, e, text[s:e], None, None, None, "catchall"))
            continue
        body = lex.bodies[int(label[1:])]
        plural = bool(lex.prefix_re.search(form[max(0, s - 20) : s]))
        if plural and not body.collective:
            out.append(Mention(s, e, text[s:e], None, None, None, "catchall"))
            continue
        out.append(_with_suffix(text, form, s, e, body, plural, doc_level))
    return out


def _with_suffix(text: str, form: str, s: int, e: int, body: Body, plural: bool, doc_level: str | None) -> Mention:
    """A lexicon body with the level words written after it ("huyện", "các xã, thị trấn")."""
    lex = lexicon()
    m = lex.suffix_re.match(form, e)
    base = spell(body, text[s:e])
    if m is None:
        return Mention(s, e, text[s:e], base, body.kind, _level_of(None, body.level, doc_level), "lexicon")
    unit_word = key(m.group("unit"))
    unit_level, unit_name = lex.units[unit_word]
    several = plural or bool(m.group("plural")) or bool(m.group("more"))
    end = m.end()
    place = None if several else _PLACE.match(text, end)
    if place is not None and not lex.head_re.match(text, place.start(1)):
        # "UBND huyện Si Ma Cai": one named unit's body, not every unit of the level
        end = place.end()
        return Mention(
            s, end, text[s:end], f"{base} {unit_word} {collapse(place.group(1))}", body.kind, unit_level, "lexicon"
        )
    below = doc_level in _LEVEL_RANK and _LEVEL_RANK[unit_level] > _LEVEL_RANK[doc_level]
    if body.collective and (several or below):
        return Mention(s, end, text[s:end], f"{body.collective} {unit_name}", body.kind, unit_level, "collective")
    return Mention(s, end, text[s:end], f"{base} {unit_word}", body.kind, unit_level, "lexicon")


def _items(text: str, form: str, a: int, b: int) -> list[tuple[int, int]]:
    """Split a stretch with no lexicon match into list items.

    Semicolons and full stops always end an item; commas, line breaks and "và" only
    where what follows opens a new item (a head word or a plural word), so that an
    unknown name holding "và" or a comma stays whole.
    """
    lex = lexicon()
    cuts = [a]
    for m in _ITEM_SEPARATOR.finditer(text[a:b]):
        after = a + m.end()
        word = _NON_SPACE.search(text, after, b)
        hard = m.group() in (";", ".") or word is None  # a separator just before a listed body
        if hard or _heads_at(lex, text, word.start(), b) or _opens_item(lex, text, form, after, word.start(), b):
            cuts.extend([a + m.start(), after])
    cuts.append(b)
    return [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2)]


def _heads_at(lex: Lexicon, text: str, pos: int, end: int) -> bool:
    """Whether head_re matches text[pos:end]; the text before pos is white space or a
    separator, which its look-behind (no word character) also accepts."""
    if lex.head_firsts is not None and text[pos] not in lex.head_firsts:
        return False
    return lex.head_re.match(text, pos, end) is not None


def _opens_item(lex: Lexicon, text: str, form: str, a: int, word: int, b: int) -> bool:
    """Whether item_start_re matches match_form(text[a:b]), whose first word is at `word`.

    The matching form is cut from the text's where the two agree (line breaks there are
    spaces, the same to a pattern that allows any white space around its words)."""
    if not slice_agrees(form, a, b):
        return lex.item_start_re.match(match_form(text[a:b])) is not None
    if lex.item_firsts is not None and form[word] not in lex.item_firsts:
        return False
    return lex.item_start_re.match(form[a:b]) is not None


def _shape_mention(text: str, s: int, e: int, doc_level: str | None, max_words: int) -> Mention | None:
    lex = lexicon()
    seg = text[s:e]
    lead = len(seg) - len(seg.lstrip(" \t\n,-+•*()–"))
    s += lead
    seg = text[s:e]
    seg = seg.rstrip(" \t\n,;.:()–-")
    if not seg:
        return None
    m = lex.head_re.match(seg) if lex.head_firsts is None or seg[0] in lex.head_firsts else None
    if m is None:
        return None
    form = match_form(seg)
    if lex.item_start_re.match(form):
        return None
    t = lex.tail_re.search(form)
    if t:
        seg = seg[: t.start()].rstrip(" ,")
    if len(seg.split()) > max_words:
        return None
    head_level = next((lv for h, lv in lex.heads if h == m.group()), None)
    unit_level = None
    words = key(seg).split()
    for n in (2, 1):
        if len(words) > n and " ".join(words[-n:]) in lex.units:
            unit_level = lex.units[" ".join(words[-n:])][0]
            break
    return Mention(s, s + len(seg), seg, expand(seg), None, _level_of(unit_level, head_level, doc_level), "shape")


def find_mentions(
    text: str,
    doc_level: str | None = None,
    stops: regex.Pattern | PhraseScan | None = None,
    max_words: int = DEFAULT_SETTINGS.agency_max_words,
) -> list[Mention]:
    """Bodies and catch-alls in `text`, in order, with spans into it.

    `stops` matches (on the matching form) words that end a name read by its shape, such
    as the verbs of an assignment clause; `doc_level` is the issuing government's level,
    for bodies whose level the text does not state.
    """
    return mentions_in(text, space_form(text), doc_level, stops, max_words)[0]


def space_form(text: str) -> str:
    """The matching form with line breaks and tabs as spaces, as find_mentions reads it."""
    return match_form(text).replace("\n", " ").replace("\t", " ").replace("\r", " ")


def mentions_in(
    text: str, form: str, doc_level: str | None, stops: regex.Pattern | PhraseScan | None, max_words: int
) -> tuple[list[Mention], list[regex.Match]]:
    """find_mentions given the text's space_form, and every match of `stops` in it."""
    found = _lexicon_mentions(text, form, doc_level)
    blocked = [(m.start, m.end) for m in found]
    stop_hits = list(stops.finditer(form)) if stops is not None else []
    for m in stop_hits:
        if not any(a <= m.start() < b for a, b in blocked):
            blocked.append((m.start(), m.end()))
    blocked.sort()
    gaps, pos = [], 0
    for a, b in blocked:
        if a > pos:
            gaps.append((pos, a))
        pos = max(pos, b)
    gaps.append((pos, len(text)))
    by_start = {m.start: m for m in found if m.is_agency}
    for a, b in gaps:
        items = _items(text, form, a, b)
        for i, (s, e) in enumerate(items):
            known = by_start.get(b) if i == len(items) - 1 and not text[e:b].strip() else None
            if known is not None:
                # a listed body inside a longer unknown name: "Văn phòng" + "Ban Chỉ đạo",
                # "Công chức Văn phòng" + "Đảng ủy"
                whole = _shape_mention(text, s, known.end, doc_level, max_words)
                if whole is not None and whole.start < known.start:
                    found[found.index(known)] = whole
                    continue
            m = _shape_mention(text, s, e, doc_level, max_words)
            if m is not None:
                found.append(m)
    found.sort(key=lambda m: m.start)
    return found, stop_hits


@dataclass(frozen=True)
class Identity:
    """What kind of body a name is (agency_key), and its level where the name fixes it."""

    key: str | None
    level: str | None
    fixed: bool  # the level is the body's own (a Sở is provincial), not read from a level word


@dataclass(frozen=True)
class Successor:
    """A duty of one kind of body that passed to another on a date (the 2025 reorganisation)."""

    key: str
    successor: str
    matters: str
    date: str
    source: str
    level: str | None


@cache
def _sectors() -> tuple[tuple[str, str], ...]:
    pairs = [(key(e["phrase"]), e["agency_key"]) for e in rules.load("agencies") if e["kind"] == "sector"]
    return tuple(sorted(pairs, key=lambda p: len(p[0]), reverse=True))


@lru_cache(maxsize=8192)
def identity(name: str) -> Identity:
    """The kind of body a reported name is: the lexicon body the name opens with, else the
    field its words name (rules/agencies.yaml, kind sector: "Phòng Văn hóa, Khoa học và
    Thông tin" is a culture body whatever the lexicon lists), else unknown (None).

    The level is the body's own where its type fixes it (a Sở, a Phòng, a Công chức), else
    the level word written after it ("Ủy ban nhân dân huyện", "UBND cấp xã")."""
    lex = lexicon()
    form = space_form(name)
    words = key(name).split()
    unit_level = None
    for n in (1,):
        if len(words) > n and " ".join(words[-n:]) in lex.units:
            unit_level = lex.units[" ".join(words[-n:])][0]
    tokens = lex.nlp.make_doc(form)
    best = None
    for match_id, ts, te in lex.matcher(tokens):
        label = lex.nlp.vocab.strings[match_id]
        if ts == 0 and label != "CATCHALL" and (best is None or te > best[1]):
            best = (int(label[1:]), te)
    if best is not None:
        body = lex.bodies[best[0]]
        if body.level != "any":
            return Identity(body.key, body.level, True)
        return Identity(body.key, unit_level, False)
    k = key(expand(name))
    sector = next((sk for phrase, sk in _sectors() if phrase in k), None)
    head = next((lv for h, lv in lex.heads if key(name).startswith(key(h) + " ")), None)
    if head:
        return Identity(sector, head, True)
    return Identity(sector, unit_level, False)


def plan_form(name: str, doc_level: str | None) -> str:
    """The form under which mentions of one body in one plan are the same: matching form
    without dashes, "Việt Nam", and the level word of the issuing locality ("Trung tâm Y
    tế" and "Trung tâm Y tế huyện" in a district's plan)."""
    k = collapse(_ANY_DASH.sub(" ", key(name))).replace(" việt nam", "")
    if k.startswith(("ubnd cấp", "hđnd cấp", "ủy ban nhân dân cấp")):
        return k
    words = k.split()
    units = lexicon().units
    for n in (2, 1):
        tail = " ".join(words[-n:])
        if len(words) > n + 1 and tail in units and units[tail][0] == doc_level:
            return " ".join(words[:-n])
    return k


@cache
def successors(agency_key: str | None = None) -> tuple[Successor, ...]:
    """The 2025 successors of a kind of body (all of them without a key), from the lexicon."""
    out = []
    for e in rules.load("agencies"):
        if e["kind"] == "successor" and (agency_key is None or e["agency_key"] == agency_key):
            out.append(Successor(e["agency_key"], e["successor"], e["matters"], e["date"], e["source"], e.get("level")))
    return tuple(out)


@cache
def level_ends() -> dict[str, str]:
    """Levels of government that ceased to exist, and the date (districts: 2025-07-01)."""
    return {e["level"]: e["date"] for e in rules.load("agencies") if e["kind"] == "level_end"}


__all__ = [
    "Body",
    "Identity",
    "LEVELS",
    "Mention",
    "Successor",
    "identity",
    "level_ends",
    "plan_form",
    "successors",
    "expand",
    "find_mentions",
    "lexicon",
    "mentions_in",
    "phrase_pattern",
    "phrase_scan",
    "space_form",
    "spell",
]
