"""The documents a plan cites, as `references` rows, and the citation grammar they share.

Official documents cite each other in one form: type, "số", number, date, issuing body
("Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ"; "Kế hoạch số
20/KH-UBND ngày 10 tháng 02 năm 2023 của UBND huyện Mường Nhé"). The number and type
identify the cited document; the issuer, resolved to an administrative unit, lets a plan
be linked to the ingested plan it implements (view `plan_citations`). An issuer named by
its level alone ("của UBND tỉnh", "của Huyện ủy") is the citing plan's own province or
district, so it resolves to that unit.

A plan's captions that cite the plan itself ("(Kèm theo Kế hoạch số 15/KH-UBND ...)")
are not references; the metadata step reads them instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from extract import rules
from extract.document.model import Document
from extract.document.provenance import provenance
from extract.extractors.places import find_mentions, level_word_of, level_words
from extract.extractors.step import Context, step
from extract.settings import DEFAULT_SETTINGS, Settings
from extract.text.dates import find_dates
from extract.text.normalize import PhraseScan, key, match_form

# A document number: digits, then segments joined by "/" or "-" ("15/KH-UBND",
# "45-KH/HU", "27/2022/NĐ-CP"); a space may stand beside the slash ("15 /KH-UBND").
NUMBER = r"\d+[\p{L}\d]*(?:[ ]?[/\-][ ]?[\p{L}\d&]+)+"
_NUMBER_RE = regex.compile(NUMBER)
_NUMBER_PARTS = regex.compile(r"[/\-]")
_ALL_WS = regex.compile(r"\s+")


@dataclass(frozen=True)
class DocType:
    type: str
    names: tuple[str, ...]
    codes: tuple[str, ...]
    own: bool


@dataclass(frozen=True)
class Citation:
    start: int
    end: int
    ref_type: str
    number: str | None
    number_span: tuple[int, int]
    date: str | None
    issuer: str | None
    issuer_span: tuple[int, int] | None


@lru_cache(maxsize=1)
def doc_types() -> tuple[DocType, ...]:
    return tuple(
        DocType(e["type"], tuple(e["names"]), tuple(e["codes"]), e.get("own", True)) for e in rules.load("doc_types")
    )


def type_of_name(form: str) -> str | None:
    """The type whose printed name this is (matching form, trimmed), if any."""
    for t in doc_types():
        if form in t.names:
            return t.type
    return None


def type_of_number(number: str | None) -> str | None:
    """The type a document number's abbreviation names ("15/KH-UBND" -> ke_hoach)."""
    if not number:
        return None
    parts = _NUMBER_PARTS.split(number)
    for part in parts[1:]:
        for t in doc_types():
            if part in t.codes:
                return t.type
    return None


def clean_number(text: str | None) -> str | None:
    """A number as printed without spaces; None when the number itself is left blank.

    `Số: 15 /KH-UBND` -> "15/KH-UBND"; `Số: /KH-UBND` or `Số: ....../KH-UBND` -> None.
    """
    if not text:
        return None
    m = _NUMBER_RE.match(text.strip().lstrip(":").strip())
    if not m:
        return None
    return _ALL_WS.sub("", m.group()).rstrip(".-/")


def number_key(number: str | None) -> str | None:
    return key(number).replace(" ", "") if number else None


@lru_cache(maxsize=1)
def _citation_re() -> PhraseScan:
    names = sorted({n for t in doc_types() for n in t.names}, key=len, reverse=True)
    alts = "|".join(regex.escape(n) for n in names)
    return PhraseScan(regex.compile(rf"(?<![\p{{L}}])(?P<type>{alts})[ ]*(?:số[ ]*:?[ ]*)?(?P<num>{NUMBER})"), names)


@lru_cache(maxsize=1)
def _issuer_stop_re() -> regex.Pattern:
    stops = sorted({e["phrase"] for e in rules.load("issuers") if e["kind"] == "issuer_stop"}, key=len, reverse=True)
    alts = "|".join(regex.escape(s) for s in stops)
    return regex.compile(rf"[,;:()\[\]\n\t]|\.(?:\s|$)|(?<![\p{{L}}])(?:{alts})(?![\p{{L}}])|\bngày\b|\bsố\b")


_MORE_NUMBER = regex.compile(rf"[ ]*(?:,|;|và)[ ]*số[ ]*(?P<num>{NUMBER})")
_OF = regex.compile(r"[ ]*,?[ ]*(?:của|do)[ ]+")
# how far after a number its date may start ("90/QĐ-TTg, ngày 18/01/2022")
_DATE_GAP = regex.compile(r"[ ]*,?[ ]*(?:ngày|ngày:)?[ ]*$")


def _type_key(form_name: str) -> str:
    return type_of_name(form_name) or "cong_van"


def find_citations(text: str, base: int = 0, settings: Settings = DEFAULT_SETTINGS) -> list[Citation]:
    """Every "type số number [ngày date] [của issuer]" in `text`, offsets plus `base`."""
    return list(_citations(text, base, settings.citation_issuer_max_chars))


@lru_cache(maxsize=8)
def _citations(text: str, base: int, longest: int) -> tuple[Citation, ...]:
    """Cached: the metadata and references steps both read a document's citations."""
    form = match_form(text)
    out: list[Citation] = []
    for m in _citation_re().finditer(form):
        ref_type = _type_key(m.group("type"))
        spans = [m.span("num")]
        pos = m.end()
        while True:
            more = _MORE_NUMBER.match(form, pos)
            if not more:
                break
            spans.append(more.span("num"))
            pos = more.end()
        for i, (ns, ne) in enumerate(spans):
            end = ne
            after_from = ne if i == len(spans) - 1 else ne
            date, issuer, ispan = None, None, None
            if i == len(spans) - 1:
                window = text[after_from : after_from + 60]
                for d in find_dates(window):
                    if _DATE_GAP.match(match_form(window[: d.start])):
                        date = d.iso
                        end = after_from + d.end
                    break
                of = _OF.match(form, end)
                if of:
                    istart = of.end()
                    stop = _issuer_stop_re().search(form, istart, min(len(form), istart + longest + 1))
                    iend = stop.start() if stop else min(len(form), istart + longest + 1)
                    raw = text[istart:iend].strip()
                    if raw and len(raw) <= longest:
                        issuer, ispan = raw, (base + istart, base + istart + len(raw))
                        end = istart + len(raw)
            number = clean_number(text[ns:ne])
            out.append(
                Citation(
                    base + (m.start() if i == 0 else ns),
                    base + end,
                    ref_type,
                    number,
                    (base + ns, base + ne),
                    date,
                    issuer,
                    ispan,
                )
            )
    return tuple(out)


def issuer_unit(issuer: str | None, meta: dict) -> tuple[str | None, str | None]:
    """The level and GSO code of a cited document's issuing locality, when it has one.

    A named place ("UBND huyện Tủa Chùa") resolves through the gazetteer, using the
    citing plan's own province to choose among same-named units; a level word alone
    ("UBND tỉnh", "Huyện ủy", "Ban Thường vụ Tỉnh ủy") means the citing plan's own unit
    at that level.
    """
    if not issuer:
        return None, None
    mentions = find_mentions(issuer)
    if mentions:
        m = mentions[-1]
        units = list(m.units)
        if len(units) > 1 and meta.get("province_code"):
            units = [u for u in units if u.province_code == meta["province_code"]] or units
        if len(units) > 1 and meta.get("district_code"):
            units = [u for u in units if u.district_code == meta["district_code"] or u.level == "province"] or units
        if len(units) == 1:
            return units[0].level, units[0].code
        return None, None
    level = bare_level(match_form(issuer))
    if level and meta.get(f"{level}_code"):
        return level, meta[f"{level}_code"]
    return None, None


@lru_cache(maxsize=1)
def _bare_level_re() -> regex.Pattern:
    party = {e["phrase"]: e["level"] for e in rules.load("issuers") if e["kind"] == "body" and e.get("level")}
    forms = sorted({f for w in level_words() for f in w.forms} | set(party), key=len, reverse=True)
    return regex.compile(r"(?<![\p{L}])(" + "|".join(regex.escape(f) for f in forms) + r")(?![\p{L}])")


def bare_level(form: str) -> str | None:
    """The level a body named without its place belongs to ("ubnd tỉnh" -> province)."""
    party = {e["phrase"]: e["level"] for e in rules.load("issuers") if e["kind"] == "body" and e.get("level")}
    found = _bare_level_re().findall(form)
    if not found:
        return None
    last = found[-1]
    if last in party:
        return party[last]
    word = level_word_of(last)
    if word is None or len(word.levels) != 1:
        return None
    return word.levels[0]


def is_self(c: Citation, meta: dict) -> bool:
    own = number_key(meta.get("doc_number"))
    return own is not None and number_key(c.number) == own


@step(
    "references",
    requires=("meta.doc_number", "meta.province_code", "meta.district_code"),
    assigns=("rows.references",),
)
def extract(doc: Document, ctx: Context) -> None:
    best: dict[tuple[str, str], tuple[int, Citation]] = {}
    order: list[tuple[str, str]] = []
    for c in find_citations(doc.text, settings=ctx.settings):
        if c.number is None or is_self(c, ctx.meta):
            continue
        k = (c.ref_type, number_key(c.number))
        richness = (c.date is not None) + (c.issuer is not None)
        if k not in best:
            order.append(k)
            best[k] = (richness, c)
        elif richness > best[k][0]:
            best[k] = (richness, c)
    for k in order:
        c = best[k][1]
        level, code = issuer_unit(c.issuer, ctx.meta)
        ctx.rows["references"].append(
            {
                "ref_type": c.ref_type,
                "ref_number": c.number,
                "ref_date": c.date,
                "ref_issuer": c.issuer,
                "ref_level": level,
                "ref_unit_code": code,
                **provenance(doc, c.start, c.end),
            }
        )
