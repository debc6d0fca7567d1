"""Places named in plans, resolved to official administrative units and their codes.

The gazetteer is the pre-July-2025 list of Vietnam's units (63 provinces, their districts
and communes) with the General Statistics Office codes, as shipped in the
`vietnamadminunits` package (MIT, https://github.com/tranngocminhhieu/vietnamadminunits,
table `admin_units_legacy` of its SQLite file `data/dataset.db`, read offline and
read-only). The plans were written under those units, so names resolve against them; the
2025 successor of a unit comes from the same package's old->new conversion tables
(`data/converter_2025.json`). Nothing is downloaded: the package's address geocoding (used to split
a commune between several successors) is never called, and a commune split that way is
reported as ambiguous instead of being assigned to one successor.

A name alone can fit several units ("Châu Thành" is a district in ten provinces,
"Tủa Chùa" is both a district and its town): `lookup` returns every candidate and the
caller decides with the level word printed before the name and the other places the
text names.
"""

from __future__ import annotations

import importlib.util
import json
import sqlite3
import string
from collections import defaultdict
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path

import regex

from extract import rules
from extract.errors import KehoachError
from extract.text.normalize import PhraseScan, key, keys, match_form, strip_diacritics

LEVELS = ("province", "district", "commune")


_FOLLOWING_WORD = regex.compile(r"[ ]*(\p{L}+)")
# what may stand before the level word on a letterhead line that names the issuing unit
_UNIT_LINE_START = regex.compile(r"\s*(?:(?:ubnd|ủy ban nhân dân|uỷ ban nhân dân|hđnd|hội đồng nhân dân)\s+)?")
_NOT_KEY = regex.compile(r"[^a-z0-9]")
_NAME_GAP = regex.compile(r"[ ]{1,3}|\.[ ]?")


class GazetteerError(KehoachError):
    """The gazetteer package is missing or its data is not in the expected shape."""


@dataclass(frozen=True)
class Unit:
    """One administrative unit as it stood before July 2025, with its parents."""

    level: str  # province, district, commune
    kind: str  # Tỉnh, Thành phố, Huyện, Quận, Thị xã, Xã, Phường, Thị trấn
    name: str  # short name, without the kind: "Mường Nhé"
    code: str  # GSO code at its own level
    province: str
    province_code: str
    district: str | None = None
    district_code: str | None = None
    province_key: str = ""
    district_key: str = ""
    commune_key: str = ""

    @property
    def full_name(self) -> str:
        return f"{self.kind} {self.name}"


_UNIT_FIELDS = tuple(f.name for f in fields(Unit))


def _unit(*values: str | None) -> Unit:
    """Unit(*values), every field given in order, without the frozen dataclass's __init__:
    that sets each of the eleven fields through object.__setattr__, and the gazetteer's ten
    thousand units took twice as long to build that way. Unit has no __post_init__ and no
    slots, so filling the instance's __dict__ makes the very same object."""
    unit = object.__new__(Unit)
    unit.__dict__.update(zip(_UNIT_FIELDS, values, strict=True))
    return unit


@dataclass(frozen=True)
class Successor:
    """A unit's place after the 2025 reorganisation; `communes` holds several when split."""

    province: str | None
    communes: tuple[str, ...] = ()

    @property
    def ambiguous(self) -> bool:
        return len(self.communes) > 1


@dataclass(frozen=True)
class LevelWord:
    word: str
    forms: tuple[str, ...]
    levels: tuple[str, ...]
    unit_kinds: tuple[str, ...]
    not_followed_by: tuple[str, ...] = ()

    def blocked(self, following: str) -> bool:
        """True when the word is part of another word here ("xã" in "xã hội")."""
        nxt = _FOLLOWING_WORD.match(following)
        return nxt is not None and nxt.group(1).islower() and match_form(nxt.group(1)) in self.not_followed_by


def _ascii_key(text: str) -> str:
    return _NOT_KEY.sub("", strip_diacritics(text))


class Gazetteer:
    def __init__(
        self,
        units: list[Unit],
        aliases: dict[tuple[str, str], list[Unit]],
        province_successor: dict[str, list[str]],
        commune_successor: dict[str, list[str]],
    ):
        self.units = units
        self._by_name: dict[tuple[str, str], list[Unit]] = defaultdict(list)
        self._by_code: dict[tuple[str, str], Unit] = {}
        names = list(dict.fromkeys(u.name for u in units))
        name_key = dict(zip(names, keys(names)))
        for u in units:
            self._by_name[(u.level, name_key[u.name])].append(u)
            self._by_code[(u.level, u.code)] = u
        self._aliases = aliases
        self._province_successor = province_successor
        self._commune_successor = commune_successor

    def lookup(self, name: str, levels: tuple[str, ...] = LEVELS, kinds: tuple[str, ...] = ()) -> list[Unit]:
        """Units with this name at these levels; those of the given kinds when any fit.

        A name no current unit bears is looked up among the former names the package
        records for merged or renamed units (diacritics are lost there, so only then).
        """
        if name.strip().isdigit():  # numbered units keep their kind in the name: "Phường 1", "Quận 3"
            return [u for kd in kinds for lv in levels for u in self._by_name.get((lv, key(f"{kd} {name}")), [])]
        k = key(name)
        found = [u for lv in levels for u in self._by_name.get((lv, k), [])]
        if not found:
            a = _ascii_key(name)
            found = [u for lv in levels for u in self._aliases.get((lv, a), [])]
            if kinds and not found:
                found = [u for lv in levels for kd in kinds for u in self._aliases.get((lv, _ascii_key(kd + name)), [])]
        if kinds:
            typed = [u for u in found if u.kind in kinds]
            if typed:
                return typed
        return found

    def by_code(self, level: str, code: str | None) -> Unit | None:
        return self._by_code.get((level, code)) if code else None

    def parent(self, unit: Unit, level: str) -> Unit | None:
        if level == unit.level:
            return unit
        if level == "province":
            return self.by_code("province", unit.province_code)
        if level == "district" and unit.level == "commune":
            return self.by_code("district", unit.district_code)
        return None

    def contains(self, outer: Unit, inner: Unit) -> bool:
        return same_unit(self.parent(inner, outer.level), outer)

    def successor(self, unit: Unit) -> Successor:
        """The 2025 province (and, for a commune, the 2025 commune or communes) of a unit."""
        provinces = self._province_successor.get(unit.province_key, [])
        province = provinces[0] if len(provinces) == 1 else None
        communes: tuple[str, ...] = ()
        if unit.level == "commune":
            communes = tuple(
                self._commune_successor.get(f"{unit.province_key}_{unit.district_key}_{unit.commune_key}", ())
            )
        return Successor(province, communes)


def same_unit(a: Unit | None, b: Unit | None) -> bool:
    """a == b, answered first by identity and the code: the gazetteer holds one object per
    unit, and comparing every field of two different units is slow."""
    return a is b or (a is not None and b is not None and a.code == b.code and a == b)


def _aliases_of(raw: str | None) -> list[str]:
    return json.loads(raw) if raw else []


def _package_data() -> Path:
    """The folder of data files the vietnamadminunits package ships, found without importing
    the package (its import pulls in geocoding libraries this module never uses)."""
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise GazetteerError(
            "the gazetteer package vietnamadminunits is not installed; install it with pip install 'vietnamadminunits>=1.0.4,<2'"
        )
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _query(db: Path, sql: str) -> list[tuple]:
    """Rows as plain tuples: made into dicts, the ten thousand rows took as long again as
    reading them, in the start-up of every process that extracts."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _province_unit(full_name: str, short: str, code: str, province_key: str) -> Unit:
    """A province as both datasets (before and after July 2025) give it in every row of its units."""
    kind = "Tỉnh" if full_name.startswith("Tỉnh") else "Thành phố"
    return Unit("province", kind, short, code, short, code, province_key=province_key)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    data = _package_data()
    try:
        rows = _query(
            data / "dataset.db",
            "SELECT provinceShort, provinceCode, provinceKey, provinceAlias, province, districtShort, districtCode, "
            "districtType, districtKey, districtAlias, wardShort, wardCode, wardType, wardKey, wardAlias "
            "FROM admin_units_legacy",
        )
        new_rows = _query(
            data / "dataset.db", "SELECT DISTINCT provinceKey, provinceShort, wardKey, wardShort FROM admin_units"
        )
        conv = json.loads((data / "converter_2025.json").read_text(encoding="utf-8"))
        dict_province = conv["DICT_PROVINCE"]
        not_divided = conv["DICT_PROVINCE_WARD_NO_DIVIDED"]
        divided = conv["DICT_PROVINCE_WARD_DIVIDED"]
    except (OSError, sqlite3.Error, KeyError, ValueError) as e:  # a new release changed its data layout
        raise GazetteerError(
            f"the vietnamadminunits data in {data} is not in the shape kehoach reads ({e}); "
            "install vietnamadminunits>=1.0.4,<2"
        ) from e

    units: list[Unit] = []
    aliases: dict[tuple[str, str], list[Unit]] = defaultdict(list)
    seen: set[tuple[str, str]] = set()

    def add(unit: Unit, alias: str | None) -> None:
        seen.add((unit.level, unit.code))
        units.append(unit)
        for a in _aliases_of(alias):
            aliases[(unit.level, a)].append(unit)

    # a row per commune: its province and district are built once, from their first row
    for (
        p_short,
        p_code,
        p_key,
        p_alias,
        p_full,
        d_short,
        d_code,
        d_type,
        d_key,
        d_alias,
        w_short,
        w_code,
        w_type,
        w_key,
        w_alias,
    ) in rows:
        if ("province", p_code) not in seen:
            add(_province_unit(p_full, p_short, p_code, p_key), p_alias)
        if ("district", d_code) not in seen:
            add(_unit("district", d_type, d_short, d_code, p_short, p_code, d_short, d_code, p_key, d_key, ""), d_alias)
        if w_code and ("commune", w_code) not in seen:
            commune = _unit("commune", w_type, w_short, w_code, p_short, p_code, d_short, d_code, p_key, d_key, w_key)
            add(commune, w_alias)

    new_province_name = {p_key: p_short for p_key, p_short, _, _ in new_rows}
    new_ward_name = {(p_key, w_key): w_short for p_key, _, w_key, w_short in new_rows}
    province_successor: dict[str, list[str]] = defaultdict(list)
    for new_key, old_keys in dict_province.items():
        for old in old_keys:
            province_successor[old].append(new_province_name.get(new_key, new_key))
    commune_successor: dict[str, list[str]] = defaultdict(list)
    for new_prov, wards in not_divided.items():
        for new_ward, old_keys in wards.items():
            for old in old_keys:
                commune_successor[old].append(new_ward_name.get((new_prov, new_ward), new_ward))
    for new_prov, olds in divided.items():
        for old, candidates in olds.items():
            commune_successor[old] = [
                new_ward_name.get((new_prov, c["newWardKey"]), c["newWardKey"]) for c in candidates
            ]
    return Gazetteer(units, aliases, dict(province_successor), dict(commune_successor))


# ---------------------------------------------------------------------------------------
# Finding named places in text


@dataclass(frozen=True)
class Mention:
    """A level word and the name printed after it, with the units the name can be."""

    start: int
    end: int
    word: LevelWord
    name: str
    units: tuple[Unit, ...]

    @property
    def levels(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(u.level for u in self.units)) or self.word.levels


@lru_cache(maxsize=1)
def level_words() -> tuple[LevelWord, ...]:
    out = []
    for e in rules.load("issuers"):
        if e["kind"] == "level_word":
            forms = (e["word"],) + tuple(e.get("abbreviations") or ())
            out.append(
                LevelWord(
                    e["word"],
                    forms,
                    tuple(e["levels"]),
                    tuple(e.get("unit_kinds") or ()),
                    tuple(e.get("not_followed_by") or ()),
                )
            )
        elif e["kind"] == "body" and e.get("level"):  # a party committee named by its level: "Huyện ủy Mường Nhé"
            out.append(LevelWord(e["phrase"], (e["phrase"],), (e["level"],), ()))
    return tuple(out)


@lru_cache(maxsize=1)
def _level_word_re() -> PhraseScan:
    forms = sorted({f for w in level_words() for f in w.forms}, key=len, reverse=True)
    alts = "|".join(regex.escape(f) for f in forms)
    return PhraseScan(regex.compile(rf"(?<![\p{{L}}\d])(?P<w>{alts})(?![\p{{L}}\d])"), forms)


def level_word_of(form: str) -> LevelWord | None:
    for w in level_words():
        if form in w.forms:
            return w
    return None


_TOKEN = regex.compile(r"[\p{L}\d][\p{L}\d'’]*")


def _name_tokens(text: str, pos: int, upper: bool, limit: int = 5) -> list[tuple[int, int]]:
    """Spans of the capitalised words that follow `pos` on the same line (a name)."""
    spans = []
    i = pos
    while len(spans) < limit:
        m = _NAME_GAP.match(text, i) if spans or i == pos else None
        j = m.end() if m else i
        if not m and spans:
            break
        t = _TOKEN.match(text, j)
        if not t:
            break
        word = t.group()
        if upper:
            ok = word.isupper() or word.isdigit()
        else:
            ok = word[0].isupper() or word.isdigit()
        if not ok:
            break
        spans.append(t.span())
        i = t.end()
    return spans


def find_mentions(text: str, base: int = 0, gaz: Gazetteer | None = None) -> list[Mention]:
    """Every "level word + name" in `text` whose name is a unit at that level.

    The name is the run of capitalised words after the level word (all capitals when the
    level word is itself in capitals, as in headers); the longest run that names a unit
    wins ("xã Mỹ Long Bắc" before "Mỹ Long"). Offsets are `text`'s plus `base`.
    """
    gaz = gaz or gazetteer()
    form = match_form(text)
    out = []
    for m in _level_word_re().finditer(form):
        word = level_word_of(m.group("w"))
        if word is None or word.blocked(text[m.end() : m.end() + 20]):
            continue
        printed = text[m.start() : m.end()]
        upper = printed.isupper() and len(printed.replace(".", "")) > 2
        spans = _name_tokens(text, m.end(), upper)
        for n in range(len(spans), 0, -1):
            name = text[spans[0][0] : spans[n - 1][1]]
            units = gaz.lookup(name, word.levels, word.unit_kinds)
            if units:
                out.append(Mention(base + m.start(), base + spans[n - 1][1], word, _display(name, units), tuple(units)))
                break
    return out


def printed_unit(text: str) -> tuple[int, int, LevelWord, str] | None:
    """The first "level word + name" at the start of a line of `text` (after an optional
    "UBND" / "ỦY BAN NHÂN DÂN"), whether or not a unit has that name: (start, end, word,
    name as printed, capitalised). A letterhead's "HUYỆN AN THẠNH" is the issuer's level
    and name even when the gazetteer has no such district; the caller keeps it as printed
    rather than taking a unit of that name at another level or in another place."""
    form = match_form(text)
    for m in _level_word_re().finditer(form):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if not _UNIT_LINE_START.fullmatch(form[line_start : m.start()]):
            continue
        word = level_word_of(m.group("w"))
        if word is None or word.blocked(text[m.end() : m.end() + 20]):
            continue
        printed = text[m.start() : m.end()]
        spans = _name_tokens(text, m.end(), printed.isupper() and len(printed.replace(".", "")) > 2)
        if spans:
            end = spans[-1][1]
            nxt = _level_word_re().search(form, spans[0][0], end)  # the next unit: "... TỈNH TRÀ VINH"
            if nxt is not None:
                end = len(text[: nxt.start()].rstrip())
            name = text[spans[0][0] : end]
            if name:
                return m.start(), end, word, string.capwords(name) if name.isupper() else name
    return None


def _display(name: str, units: list[Unit]) -> str:
    """The name as the gazetteer spells it when it is printed in capitals or old spelling.

    A unit found under a former name (merged before 2025) keeps the name the document
    prints: that is the fact; the unit's code says what it became.
    """
    names = {
        u.name
        for u in units
        if key(u.name) == key(name) or (name.strip().isdigit() and key(u.name).endswith(" " + key(name)))
    }
    if len(names) == 1:
        return names.pop()
    return string.capwords(name) if name.isupper() else name


def level_rank(level: str) -> int:
    return LEVELS.index(level)


@lru_cache(maxsize=1)
def gazetteer_2025() -> Gazetteer:
    """The units in force from 1 July 2025: 34 provinces and their communes, wards and
    special zones, with no district level (table `admin_units` of the same package).

    A document issued after the reorganisation names these units ("xã A Lưới 1", "Thành
    phố Huế" the province), so its places resolve here; a unit is its own successor.
    """
    data = _package_data()
    try:
        rows = _query(
            data / "dataset.db",
            "SELECT province, provinceShort, provinceCode, provinceKey, provinceAlias, "
            "wardShort, wardType, wardCode, wardKey, wardAlias FROM admin_units",
        )
    except (OSError, sqlite3.Error) as e:
        raise GazetteerError(
            f"the vietnamadminunits data in {data} is not in the shape kehoach reads ({e}); "
            "install vietnamadminunits>=1.0.4,<2"
        ) from e
    units: list[Unit] = []
    aliases: dict[tuple[str, str], list[Unit]] = defaultdict(list)
    province_successor: dict[str, list[str]] = {}
    commune_successor: dict[str, list[str]] = {}
    provinces: dict[str, Unit] = {}
    for p_full, p_short, p_code, pk, p_alias, w_short, w_type, w_code, w_key, w_alias in rows:
        if pk not in provinces:
            p = provinces[pk] = _province_unit(p_full, p_short, p_code, pk)
            units.append(p)
            province_successor[pk] = [p_short]
            for a in _aliases_of(p_alias):
                aliases[("province", a)].append(p)
        c = Unit("commune", w_type, w_short, w_code, p_short, p_code, province_key=pk, commune_key=w_key)
        units.append(c)
        commune_successor[f"{pk}__{w_key}"] = [w_short]
        for a in _aliases_of(w_alias):
            aliases[("commune", a)].append(c)
    return Gazetteer(units, aliases, province_successor, commune_successor)
