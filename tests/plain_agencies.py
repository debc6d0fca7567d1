"""The plain reading of agency mentions and assignments, as the code stood before its
speed-ups: shared by tests/extractors/test_agencies_shortcuts.py and
tests/extractors/test_assignments_shortcuts.py, which hold the fast code to it."""

from __future__ import annotations

import regex
from spacy.tokens import Doc

from extract.extractors import agencies, assignments
from extract.settings import DEFAULT_SETTINGS
from extract.text.normalize import key, match_form

_SPACE_LIKE = str.maketrans("\n\t\r", "   ")


def plain_lexicon_mentions(text: str, form: str, doc_level):
    lex = agencies.lexicon()
    where = [(t.idx, t.idx + len(t)) for t in lex.nlp.make_doc(form) if not t.is_space]
    doc = Doc(lex.nlp.vocab, words=[form[a:b] for a, b in where])
    spans = [(where[ts][0], where[te - 1][1], lex.nlp.vocab.strings[mid]) for mid, ts, te in lex.matcher(doc)]
    out = []
    for s, e, label in agencies._select(spans):
        if label == "CATCHALL":
            out.append(agencies.Mention(s, e, text[s:e], None, None, None, "catchall"))
            continue
        body = lex.bodies[int(label[1:])]
        plural = bool(lex.prefix_re.search(form[max(0, s - 20) : s]))
        if plural and not body.collective:
            out.append(agencies.Mention(s, e, text[s:e], None, None, None, "catchall"))
            continue
        out.append(agencies._with_suffix(text, form, s, e, body, plural, doc_level))
    return out


def plain_items(text: str, a: int, b: int) -> list[tuple[int, int]]:
    lex = agencies.lexicon()
    cuts = [a]
    for m in regex.finditer(r"[;]|\.(?=\s|$)|,|\n|(?<=\s)(?:và|hoặc)(?=\s)", text[a:b]):
        after = a + m.end()
        rest = text[after:b]
        hard = m.group() in (";", ".") or not rest.strip()
        if hard or lex.head_re.match(rest.lstrip()) or lex.item_start_re.match(match_form(rest)):
            cuts.extend([a + m.start(), after])
    cuts.append(b)
    return [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2)]


def plain_shape_mention(text: str, s: int, e: int, doc_level, max_words: int):
    lex = agencies.lexicon()
    seg = text[s:e]
    s += len(seg) - len(seg.lstrip(" \t\n,-+•*()–"))
    seg = text[s:e].rstrip(" \t\n,;.:()–-")
    form = match_form(seg)
    if not seg or lex.item_start_re.match(form):
        return None
    m = lex.head_re.match(seg)
    if m is None:
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
    return agencies.Mention(
        s,
        s + len(seg),
        seg,
        agencies.expand.__wrapped__(seg),
        None,
        agencies._level_of(unit_level, head_level, doc_level),
        "shape",
    )


def plain_find_mentions(text: str, doc_level=None, stops=None, max_words=DEFAULT_SETTINGS.agency_max_words):
    form = match_form(text).translate(_SPACE_LIKE)
    found = plain_lexicon_mentions(text, form, doc_level)
    blocked = [(m.start, m.end) for m in found]
    if stops is not None:
        for m in stops.finditer(form):
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
        items = plain_items(text, a, b)
        for i, (s, e) in enumerate(items):
            known = by_start.get(b) if i == len(items) - 1 and not text[e:b].strip() else None
            if known is not None:
                whole = plain_shape_mention(text, s, known.end, doc_level, max_words)
                if whole is not None and whole.start < known.start:
                    found[found.index(known)] = whole
                    continue
            m = plain_shape_mention(text, s, e, doc_level, max_words)
            if m is not None:
                found.append(m)
    found.sort(key=lambda m: m.start)
    return found


def plain_markers(form: str, mentions) -> list:
    scan, table = assignments._marker_table()
    out = []
    for m in scan.pattern.finditer(form):
        if any(x.start <= m.start() < x.end for x in mentions):
            continue
        kinds = table.get(regex.sub(r"\s+", " ", regex.sub(r"\s*,\s*", ", ", m.group())))
        if kinds:
            out.append(assignments.Marker(m.start(), m.end(), kinds))
    return out


def plain_parse(text: str, doc_level=None, default_role=None, max_words=DEFAULT_SETTINGS.agency_max_words):
    form = match_form(text).translate(_SPACE_LIKE)
    mentions = plain_find_mentions(text, doc_level, assignments._stop_re().pattern, max_words)
    markers = plain_markers(form, mentions)
    out, seen = [], set()
    for a, b in assignments._pieces(form):
        for role, m, cs, ce in assignments._parse_piece(form, a, b, mentions, markers, default_role):
            k = (role, key(m.name))
            if k in seen:
                continue
            seen.add(k)
            cs += len(text[cs:ce]) - len(text[cs:ce].lstrip())
            out.append(assignments.Assigned(role, m, cs, ce))
    return out
