"""Cross-jurisdiction comparisons: one row per plan, targets or money side by side.

Every selected plan gets a row even when it says nothing about the indicator or the
component: an absent figure is shown as missing (— in the terminal, null in machine
formats), never as 0, because "this district set no target" and "this district set a
target of 0" are different findings. A component the plan says it does not carry out is
marked × instead of —.

Renditions of one plan (the same plan as PDF and DOCX) count once: only each plan's
`primary_rendition` is compared unless all renditions are asked for.
"""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass

from extract.analysis.export import Result, _rule_values
from extract.errors import KehoachError
from extract.text import vnformat
from extract.text.normalize import collapse, strip_diacritics
from extract.vocabulary import FUNDING_SOURCES

LEVELS = ("province", "district", "commune")
SOURCES = FUNDING_SOURCES
MISSING = "—"
NOT_CARRIED_OUT = "×"
TEXT_CHARS = 60

_PLAN_COLUMNS = [
    "doc_id",
    "file_name",
    "jurisdiction",
    "admin_level",
    "province",
    "district",
    "commune",
    "period_start",
    "period_end",
]


class NothingToCompare(KehoachError):
    """A valid question the database holds no plan for (a province with no plan ingested):
    the command says so and exits 1 rather than printing an empty table."""

    exit_code = 1


@dataclass(frozen=True)
class PlanFilter:
    level: str | None = None
    province: str | None = None
    all_renditions: bool = False


def _place_key(name: str | None) -> str:
    return strip_diacritics(collapse(name or "")).lower()


_PROVINCE_WORDS = ("tinh ", "thanh pho ", "tp. ", "tp.", "tp ")


def _asked_province_key(name: str) -> str:
    """The key of a province as asked: 'tỉnh Trà Vinh' and 'TP. Cần Thơ' name Trà Vinh and Cần Thơ."""
    key = _place_key(name).strip()
    for word in _PROVINCE_WORDS:
        if key.startswith(word) and len(key) > len(word):
            return key[len(word) :].strip()
    return key


def _plans(con, flt: PlanFilter) -> list[dict]:
    if flt.level and flt.level not in LEVELS:
        raise KehoachError(f"unknown level {flt.level!r}; use one of {', '.join(LEVELS)}")
    cur = con.execute(
        f"SELECT {', '.join(_PLAN_COLUMNS)}, format, years, level_order FROM plans "
        "WHERE (? OR primary_rendition) AND (? IS NULL OR admin_level = ?)",
        [flt.all_renditions, flt.level, flt.level],
    )
    names = [d[0] for d in cur.description]
    plans = [dict(zip(names, r)) for r in cur.fetchall()]
    if flt.province is not None:
        want = _asked_province_key(flt.province)
        plans = [p for p in plans if _place_key(p["province"]) == want]
        if not plans:
            _no_plans_of_province(con, flt)
    if not plans and not flt.level and flt.province is None:
        raise NothingToCompare("the database holds no plan yet; run 'kehoach ingest' first")
    if not plans and flt.level:
        held = [r[0] for r in con.execute("SELECT DISTINCT admin_level FROM plans ORDER BY level_order").fetchall()]
        raise NothingToCompare(
            f"the database holds no {flt.level}-level plan; it holds plans of level: {', '.join(map(str, held)) or 'none'}"
        )
    return plans


def closest(word: str, choices, n: int = 3, key=lambda s: s.lower()) -> list[str]:
    """The choices nearest to `word` (compared in `key` form), best first."""
    keyed: dict[str, str] = {}
    for c in choices:
        keyed.setdefault(key(c), c)
    return [keyed[k] for k in difflib.get_close_matches(key(word), list(keyed), n=n, cutoff=0.5)]


def _suggest(word: str, choices, key=lambda s: s.lower()) -> str:
    near = closest(word, choices, key=key)
    if near:
        return "did you mean " + " or ".join(near) + "?"
    choices = sorted(set(choices))
    shown = ", ".join(choices[:30]) + (f" … ({len(choices)} in all)" if len(choices) > 30 else "")
    return f"valid values: {shown}" if choices else "the database holds none"


def _province_names() -> list[str]:
    """Every province name the gazetteer knows (before the 2025 merger), for suggestions."""
    try:
        from extract.extractors.places import (  # deferred: the gazetteer loads only to explain an unknown province
            gazetteer,
        )

        return sorted({u.name for u in gazetteer().units if u.level == "province"})
    except KehoachError:
        return []


def _no_plans_of_province(con, flt: PlanFilter) -> None:
    """Raise the reason --province selected nothing: a misspelled name (with the closest
    names), a province with no plan in the database, or one with no plan of --level."""
    want = _asked_province_key(flt.province)
    held = [r[0] for r in con.execute("SELECT DISTINCT province FROM plans WHERE province IS NOT NULL").fetchall()]
    if any(_place_key(p) == want for p in held):
        raise NothingToCompare(
            f"the database holds no {flt.level}-level plan of {flt.province!r}"
            if flt.level
            else f"the database holds no plan of {flt.province!r} (only other renditions)"
        )
    known = _province_names()
    match = [p for p in known if _place_key(p) == want]
    if match:
        raise NothingToCompare(
            f"the database holds no plan of {match[0]}; it holds plans of: {', '.join(sorted(held)) or 'no province'}"
        )
    raise KehoachError(f"no province {flt.province!r}; " + _suggest(flt.province, set(held) | set(known), _place_key))


def _component_codes(con) -> list[str]:
    """Component codes the rules know and the database holds."""
    codes = set((_rule_values("components.yaml", "component", ("code",)) or "").split(", ")) - {""}
    codes |= {r[0] for r in con.execute("SELECT DISTINCT code FROM components WHERE code IS NOT NULL").fetchall()}
    codes |= {
        r[0] for r in con.execute("SELECT DISTINCT component FROM amounts WHERE component IS NOT NULL").fetchall()
    }
    return sorted(codes, key=_code_order)


def resolve_component(con, component: str) -> tuple[str, str | None]:
    """(code, note): the code as the database spells it, with a note when it was read
    case-insensitively ("da4" as DA4); an unknown code is an error naming the valid ones."""
    codes = _component_codes(con)
    if component in codes:
        return component, None
    squeezed = component.replace(" ", "").upper()
    for code in codes:
        if code.upper() == squeezed:
            return code, f"read --component {component!r} as {code}."
    raise KehoachError(
        f"unknown component {component!r}; valid codes: {', '.join(codes)}"
        + (f" (did you mean {' or '.join(near)}?)" if (near := closest(squeezed, codes, key=str.upper)) else "")
    )


def _indicator_keys(con) -> list[str]:
    keys = set((_rule_values("indicators.yaml", None, ("key", "indicator", "code")) or "").split(", ")) - {""}
    keys |= {r[0] for r in con.execute("SELECT DISTINCT indicator FROM targets WHERE indicator IS NOT NULL").fetchall()}
    return sorted(keys)


def resolve_indicator(con, indicator: str) -> str:
    """The indicator key, or an error listing the nearest keys (kehoach knows them from the rules)."""
    keys = _indicator_keys(con)
    if indicator in keys:
        return indicator
    for k in keys:
        if k == indicator.strip().lower().replace(" ", "_").replace("-", "_"):
            return k
    raise KehoachError(f"unknown indicator {indicator!r}; " + _suggest(indicator, keys))


def resolve_population(con, population: str) -> str:
    """The population as stored, or an error naming those the database holds."""
    held = [
        r[0] for r in con.execute("SELECT DISTINCT population FROM targets WHERE population IS NOT NULL").fetchall()
    ]
    if population in held:
        return population
    for p in held:
        if p.lower() == population.strip().lower().replace(" ", "_"):
            return p
    raise KehoachError(f"no target in the database is for population {population!r}; " + _suggest(population, held))


def _label(plan: dict) -> str:
    return plan["jurisdiction"] or f"({plan['file_name']})"


def _period(plan: dict) -> str:
    a, b = plan["period_start"], plan["period_end"]
    if a is None and b is None:
        return ""
    return str(a) if a == b or b is None else f"{a}–{b}" if a is not None else str(b)


def _place_order(plan: dict) -> tuple:
    return (
        plan["level_order"],
        _place_key(plan["province"]),
        _place_key(plan["district"]),
        _place_key(plan["commune"]),
        plan["file_name"] or "",
    )


def _shorten(text: str | None, limit: int = TEXT_CHARS) -> str:
    text = collapse(text or "")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _base(plan: dict) -> dict:
    return {c: plan[c] for c in _PLAN_COLUMNS}


def _code_order(code: str) -> tuple:
    parts = []
    for piece in code.replace("DA", "", 1).split("."):
        parts.append(int(piece) if piece.isdigit() else 10**6)
    return (code.split(".")[0][:2], parts, code)


# --- targets ----------------------------------------------------------------------------------


def compare_targets(
    con, indicator: str | None = None, population: str | None = None, flt: PlanFilter = PlanFilter(), top: int = 5
) -> Result:
    """One row per plan: the plan's headline goal for `indicator` (or, without one, for the
    `top` indicators most plans state), for everyone or for `population`."""
    if indicator is not None:
        indicator = resolve_indicator(con, indicator)
    if population is not None:
        population = resolve_population(con, population)
    plans = _plans(con, flt)
    cur = con.execute(
        "SELECT doc_id, indicator, value, value_high, unit, comparator, year, population, component, text, "
        "page, char_start FROM targets_by_indicator WHERE headline"
    )
    names = [d[0] for d in cur.description]
    goals: dict[tuple[str, str], dict] = {}
    keyed: dict[tuple[str, str, str | None], dict] = {}
    for r in cur.fetchall():
        g = dict(zip(names, r))
        keyed[(g["doc_id"], g["indicator"], g["population"])] = g
        if g["population"] == population:
            goals[(g["doc_id"], g["indicator"])] = g
    if indicator is not None:
        result = _one_indicator(plans, goals, indicator, population)
        others = Counter(
            pop for (doc, ind, pop) in keyed if ind == indicator and pop != population and doc in _ids(plans)
        )
        if others:
            result.notes.append(
                f"{indicator} is also stated for other populations, not shown here (a rate of a subgroup is not "
                "comparable with one of everyone): "
                + ", ".join(
                    f"{p or 'everyone'} ({n} plans)" for p, n in sorted(others.items(), key=lambda kv: str(kv[0]))
                )
                + "; pass --population KEY."
            )
        _add_renditions(result, plans, flt)
        return result
    pairs = keyed if population is None else {(d, i, population): g for (d, i), g in goals.items()}
    result = _indicator_matrix(plans, pairs, top)
    _add_renditions(result, plans, flt)
    return result


def _ids(plans: list[dict]) -> set[str]:
    return {p["doc_id"] for p in plans}


def column_key(indicator: str, population: str | None) -> str:
    """A matrix column: the indicator, with its population in brackets when the goal is
    for a subgroup (poverty_rate_reduction[poor_households]), so two populations never
    share a column."""
    return indicator if population is None else f"{indicator}[{population}]"


def _add_renditions(result: Result, plans: list[dict], flt: PlanFilter) -> None:
    """With --all-renditions, each row says which rendition it is: its format and file,
    in the machine columns and as a terminal column after the jurisdiction."""
    if not flt.all_renditions:
        return
    by_id = {p["doc_id"]: p for p in plans}
    for row in result.rows:
        row["format"] = by_id.get(row["doc_id"], {}).get("format")
    if "format" not in result.columns:
        result.columns.insert(result.columns.index("file_name") + 1 if "file_name" in result.columns else 0, "format")
    if result.headers:
        result.headers.insert(1, "rendition")
        for row, cells in zip(result.rows, result.cells):
            cells.insert(1, f"{row.get('format') or '?'}: {row.get('file_name') or ''}")
        result.right = {i + 1 if i >= 1 else i for i in result.right}


def _one_indicator(plans: list[dict], goals: dict, indicator: str, population: str | None) -> Result:
    stated = [goals.get((p["doc_id"], indicator)) for p in plans]
    units = Counter(g["unit"] for g in stated if g)
    unit_rank = {u: i for i, (u, _) in enumerate(units.most_common())}

    def order(pair):
        plan, g = pair
        if g is None:
            return (plan["level_order"], 1, 0, 0.0, _place_order(plan))
        return (plan["level_order"], 0, unit_rank[g["unit"]], -(g["value"] or 0.0), _place_order(plan))

    rows, cells = [], []
    for plan, g in sorted(zip(plans, stated), key=order):
        row = _base(plan) | {"indicator": indicator, "population": population}
        for c in ("value", "value_high", "unit", "comparator", "year", "component", "text", "page", "char_start"):
            row[c] = g[c] if g else None
        rows.append(row)
        cells.append(
            [
                _label(plan),
                plan["admin_level"] or "",
                _period(plan),
                vnformat.target(g["value"], g["value_high"], g["unit"], g["comparator"]) if g else MISSING,
                str(g["year"]) if g and g["year"] is not None else "",
                _shorten(g["text"]) if g else "",
            ]
        )
    who = f" ({population})" if population else ""
    missing = sum(1 for g in stated if g is None)
    notes = [f"{len(plans)} plans; {len(plans) - missing} state {indicator}{who}, {missing} do not ({MISSING})."]
    if len(units) > 1:
        notes.append(
            "Plans state this indicator in different units: " + ", ".join(sorted(units)) + "; sorted by unit first."
        )
    return Result(
        columns=list(rows[0]) if rows else _PLAN_COLUMNS + ["indicator", "value"],
        rows=rows,
        headers=["jurisdiction", "level", "period", f"{indicator}{who}", "year", "stated as"],
        cells=cells,
        right={3, 4},
        notes=notes,
    )


def _indicator_matrix(plans: list[dict], goals: dict, top: int) -> Result:
    """`goals` maps (doc_id, indicator, population) to the headline goal; each column is one
    indicator for one population. Machine columns keep what the terminal cell shows: the
    value (the range's bottom), `_high` (its top), `_comparator`, `_unit` and `_year`."""
    doc_ids = {p["doc_id"] for p in plans}
    count = Counter((ind, pop) for (doc, ind, pop) in goals if doc in doc_ids)
    chosen = [pair for pair, _ in sorted(count.items(), key=lambda kv: (-kv[1], kv[0][0], kv[0][1] or ""))][:top]
    rows, cells = [], []
    for plan in sorted(plans, key=_place_order):
        row = _base(plan)
        line = [_label(plan), plan["admin_level"] or "", _period(plan)]
        for ind, pop in chosen:
            g = goals.get((plan["doc_id"], ind, pop))
            col = column_key(ind, pop)
            row[col] = g["value"] if g else None
            row[f"{col}_high"] = g["value_high"] if g else None
            row[f"{col}_comparator"] = g["comparator"] if g else None
            row[f"{col}_unit"] = g["unit"] if g else None
            row[f"{col}_year"] = g["year"] if g else None
            line.append(vnformat.target(g["value"], g["value_high"], g["unit"], g["comparator"]) if g else MISSING)
        rows.append(row)
        cells.append(line)
    chosen = [column_key(ind, pop) for ind, pop in chosen]
    notes = [f"{MISSING} the plan states no such target."]
    if any("[" in c for c in chosen):
        notes.append("indicator[population]: a goal for that subgroup only, never shown in the column for everyone.")
    if len(count) > len(chosen):
        notes.append(f"{len(count) - len(chosen)} more indicators; pass --indicator KEY or --top N.")
    if not chosen:
        notes = ["No plan states a target with a known indicator."]
    return Result(
        columns=list(rows[0]) if rows else _PLAN_COLUMNS,
        rows=rows,
        headers=["jurisdiction", "level", "period"] + chosen,
        cells=cells,
        right=set(range(3, 3 + len(chosen))),
        notes=notes,
    )


# --- funding ----------------------------------------------------------------------------------


def compare_funding(
    con,
    component: str | None = None,
    source: str = "total",
    share: bool = False,
    flt: PlanFilter = PlanFilter(),
    unit: str = "auto",
    per_year: bool = False,
) -> Result:
    """One row per plan: `source` money for `component` (or for every Dự án side by side),
    as đồng or, with `share`, as a fraction of the plan's own figure for that source.

    With `per_year`, each plan's whole-period figure is divided by the years of its period
    (rounded to whole đồng), so a one-year plan and a five-year plan compare; a plan whose
    period is unknown has no per-year figure and is named in a note."""
    if source not in SOURCES:
        raise KehoachError(f"unknown source {source!r}; use one of {', '.join(SOURCES)}")
    if unit not in ("auto",) + tuple(vnformat.MONEY_UNITS):
        raise KehoachError(f"unknown unit {unit!r}; use auto, dong, trieu or ty")
    note = None
    if component is not None:
        component, note = resolve_component(con, component)
    plans = _plans(con, flt)
    cur = con.execute(
        f'SELECT doc_id, component, implemented, "{source}" AS vnd, total_basis FROM funding_by_component'
    )
    money: dict[tuple[str, str], tuple[bool | None, int | None]] = {}
    for doc_id, comp, implemented, vnd, _basis in cur.fetchall():
        money[(doc_id, comp or "")] = (implemented, vnd)
    if per_year:
        money = _per_year(money, plans)
    if component is not None:
        result = _one_component(plans, money, component, source, share, unit)
    else:
        result = _component_matrix(plans, money, source, share, unit)
    if note:
        result.notes.insert(0, note[0].upper() + note[1:])
    if per_year:
        _label_per_year(result, plans)
    elif not share and len(lengths := {p.get("years") for p in plans if p.get("years")}) > 1:
        result.notes.append(
            f"Plans cover periods of different lengths ({', '.join(str(n) for n in sorted(lengths))} years): "
            "figures are each plan's whole period; pass --per-year to compare one year."
        )
    _add_renditions(result, plans, flt)
    return result


def _per_year(money: dict, plans: list[dict]) -> dict:
    years = {p["doc_id"]: p.get("years") for p in plans}
    out = {}
    for (doc_id, comp), (implemented, vnd) in money.items():
        n = years.get(doc_id)
        out[(doc_id, comp)] = (implemented, None if vnd is None or not n else round(vnd / n))
    return out


def _label_per_year(result: Result, plans: list[dict]) -> None:
    by_id = {p["doc_id"]: p for p in plans}
    for row in result.rows:
        row["years"] = by_id.get(row["doc_id"], {}).get("years")
        row["per_year"] = True
    result.columns += [c for c in ("years", "per_year") if c not in result.columns]
    result.headers = [h.replace(" (", " per year (", 1) if "đồng" in h else h for h in result.headers]
    if result.headers and result.headers[-1].startswith("plan ") and "per year" not in result.headers[-1]:
        result.headers[-1] += " per year"
    unknown = [_label(p) for p in plans if not p.get("years")]
    result.notes.insert(
        0,
        "Per year: each plan's whole-period figure divided by the years of its period (rounded to whole đồng).",
    )
    if unknown:
        result.notes.append(f"Period unknown, so no per-year figure: {', '.join(unknown)}.")


def _fraction(part: int | None, whole: int | None) -> float | None:
    if part is None or not whole:
        return None
    return part / whole


def _money_cell(vnd: int | None, implemented: bool | None, unit: str) -> str:
    if vnd is None:
        return NOT_CARRIED_OUT if implemented is False else MISSING
    return vnformat.money_column(vnd, unit)


def _share_cell(frac: float | None, implemented: bool | None) -> str:
    if frac is None:
        return NOT_CARRIED_OUT if implemented is False else MISSING
    return vnformat.percent(frac)


def _one_component(plans, money, component, source, share, unit) -> Result:
    items = []
    for plan in plans:
        implemented, vnd = money.get((plan["doc_id"], component), (None, None))
        _, plan_vnd = money.get((plan["doc_id"], ""), (None, None))
        items.append((plan, implemented, vnd, plan_vnd, _fraction(vnd, plan_vnd)))
    shown_unit = vnformat.pick_money_unit([i[2] for i in items] + [i[3] for i in items]) if unit == "auto" else unit
    unit_label = vnformat.MONEY_UNITS[shown_unit][1]

    def order(item):
        plan, _, vnd, _, frac = item
        key = frac if share else vnd
        return (plan["level_order"], key is None, -(key or 0), _place_order(plan))

    rows, cells = [], []
    for plan, implemented, vnd, plan_vnd, frac in sorted(items, key=order):
        rows.append(
            _base(plan)
            | {
                "component": component,
                "implemented": implemented,
                "source": source,
                "vnd": vnd,
                "plan_vnd": plan_vnd,
                "share": frac,
            }
        )
        cells.append(
            [
                _label(plan),
                plan["admin_level"] or "",
                _period(plan),
                _money_cell(vnd, implemented, shown_unit),
                _share_cell(frac, implemented),
                vnformat.money_column(plan_vnd, shown_unit) if plan_vnd is not None else MISSING,
            ]
        )
    stated = sum(1 for i in items if i[2] is not None)
    notes = [
        f"{len(plans)} plans; {stated} state {source} money for {component}. "
        f"{MISSING} not stated; {NOT_CARRIED_OUT} the plan says it does not carry {component} out."
    ]
    return Result(
        columns=list(rows[0]) if rows else _PLAN_COLUMNS + ["component", "vnd"],
        rows=rows,
        headers=[
            "jurisdiction",
            "level",
            "period",
            f"{component} {source} ({unit_label})",
            "share of plan",
            f"plan {source} ({unit_label})",
        ],
        cells=cells,
        right={3, 4, 5},
        money={"vnd", "plan_vnd"},
        notes=notes,
    )


def _component_matrix(plans, money, source, share, unit) -> Result:
    doc_ids = {p["doc_id"] for p in plans}
    codes = sorted(
        {comp for (doc, comp), (_, vnd) in money.items() if doc in doc_ids and comp and "." not in comp},
        key=_code_order,
    )
    shown_unit = (
        vnformat.pick_money_unit([v for (doc, _), (_, v) in money.items() if doc in doc_ids])
        if unit == "auto"
        else unit
    )
    unit_label = vnformat.MONEY_UNITS[shown_unit][1]

    def plan_total(plan):
        return money.get((plan["doc_id"], ""), (None, None))[1]

    ordered = sorted(
        plans, key=lambda p: (p["level_order"], plan_total(p) is None, -(plan_total(p) or 0), _place_order(p))
    )
    rows, cells = [], []
    for plan in ordered:
        row = _base(plan) | {"source": source}
        line = [_label(plan), plan["admin_level"] or "", _period(plan)]
        whole = plan_total(plan)
        for code in codes:
            implemented, vnd = money.get((plan["doc_id"], code), (None, None))
            if share:
                frac = _fraction(vnd, whole)
                row[code] = frac
                line.append(_share_cell(frac, implemented))
            else:
                row[code] = vnd
                line.append(_money_cell(vnd, implemented, shown_unit))
        row["plan_total"] = whole
        line.append(vnformat.money_column(whole, shown_unit) if whole is not None else MISSING)
        rows.append(row)
        cells.append(line)
    what = (
        f"{source} per Dự án as a share of the plan's {source}; plan {source} in {unit_label}."
        if share
        else f"{source} per Dự án and for the whole plan, in {unit_label}."
    )
    notes = [
        what[0].upper() + what[1:],
        f"{MISSING} not stated; {NOT_CARRIED_OUT} the plan says it does not carry the component out.",
    ]
    return Result(
        columns=list(rows[0]) if rows else _PLAN_COLUMNS + ["source", "plan_total"],
        rows=rows,
        headers=["jurisdiction", "level", "period"] + codes + [f"plan {source}"],
        cells=cells,
        right=set(range(3, 4 + len(codes))),
        money=({"plan_total"} if share else set(codes) | {"plan_total"}),
        notes=notes,
    )


# --- what can be asked --------------------------------------------------------------------------


def _rule_entries(file_name: str) -> list[dict]:
    import yaml  # deferred: the rules are read only when listed

    from extract.rules import RULES_DIR

    path = RULES_DIR / file_name
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as e:
        raise KehoachError(f"cannot read the rules file {path}: {e}") from e
    return [e for e in data.get("entries") or [] if isinstance(e, dict)]


def _counts(con, sql: str) -> dict:
    if con is None:
        return {}
    return dict(con.execute(sql).fetchall())


def list_indicators(con=None) -> Result:
    """Every indicator key `compare targets --indicator` accepts: a plain-language name, how
    plans word it, its dimension and units, and (with a database) how many plans state it."""
    plans = _counts(
        con,
        "SELECT indicator, count(DISTINCT doc_id) FROM targets_by_indicator "
        "WHERE primary_rendition AND indicator IS NOT NULL GROUP BY indicator",
    )
    rows, seen = [], set()
    for e in _rule_entries("indicators.yaml"):
        key = e.get("key")
        if not isinstance(key, str) or key in seen:
            continue
        seen.add(key)
        phrases, also = e.get("phrases") or [], e.get("also") or []
        wording = (phrases[0] if phrases else "") + (f" … {also[0]}" if also else "")
        rows.append(
            {
                "indicator": key,
                "name": key.replace("_", " "),
                "worded_as": wording,
                "dimension": e.get("dimension"),
                "units": ", ".join(e.get("units") or []),
                "plans": plans.get(key, 0) if con is not None else None,
            }
        )
    for key in sorted(set(plans) - seen):  # a key the database holds that the rules no longer name
        rows.append(
            {
                "indicator": key,
                "name": key.replace("_", " "),
                "worded_as": "",
                "dimension": None,
                "units": "",
                "plans": plans[key],
            }
        )
    return _listing(rows, "indicator", con)


def list_components(con=None) -> Result:
    """Every component code `compare funding --component` accepts, with its title in
    Decision 90/QĐ-TTg and (with a database) how many plans give it money."""
    plans = _counts(
        con,
        "SELECT component, count(DISTINCT doc_id) FROM funding_by_component "
        "WHERE primary_rendition AND component IS NOT NULL AND total IS NOT NULL GROUP BY component",
    )
    rows = []
    for e in _rule_entries("components.yaml"):
        if e.get("kind") != "component" or not isinstance(e.get("code"), str):
            continue
        rows.append(
            {
                "component": e["code"],
                "level": "Tiểu dự án" if e.get("level") == "subproject" else "Dự án",
                "title": e.get("title") or "",
                "plans": plans.get(e["code"], 0) if con is not None else None,
            }
        )
    rows.sort(key=lambda r: _code_order(r["component"]))
    return _listing(rows, "component", con)


def _listing(rows: list[dict], what: str, con) -> Result:
    columns = list(rows[0]) if rows else [what]
    shown = [c for c in columns if con is not None or c != "plans"]
    notes = [f"{len(rows)} {what}s."]
    if con is None:
        notes.append("No database: plan counts are not shown.")
    return Result(
        columns=shown,
        rows=[{c: r[c] for c in shown} for r in rows],
        headers=shown,
        cells=[["" if r[c] is None else _shorten(str(r[c]), 70) for c in shown] for r in rows],
        right={shown.index("plans")} if "plans" in shown else set(),
        notes=notes,
    )


# --- agencies ---------------------------------------------------------------------------------

ROLES = ("lead", "support")


def _kinds(items: list[tuple[str | None, str, str | None]]) -> tuple[list[str], list[str], list[str]]:
    """(agency_key, agency, level) facts to the kinds of body, most named first (an unknown
    kind shown by its name), and for each kind its names ("; ") and levels (",")."""
    count: Counter = Counter()
    names: dict[str, list[str]] = {}
    levels: dict[str, set] = {}
    for k, name, level in items:
        kind = k or f"({name})"
        count[kind] += 1
        names.setdefault(kind, [])
        if name not in names[kind]:
            names[kind].append(name)
        levels.setdefault(kind, set()).add(level)
    order = sorted(count, key=lambda k: (-count[k], k))
    return order, ["; ".join(names[k]) for k in order], [",".join(sorted(x for x in levels[k] if x)) for k in order]


def compare_agencies(con, component: str | None = None, flt: PlanFilter = PlanFilter()) -> Result:
    """One row per plan: which kinds of body lead and which support `component` (a Dự án
    with its Tiểu dự án, or one Tiểu dự án), or every Dự án side by side.

    Leads are the bodies a component's assignment says chủ trì (or carry it out) and the
    bodies whose duty list names it; supports are those said to phối hợp, less the kinds
    that already lead. Kinds are agency_key, the same at every level: a Sở, a Phòng and a
    commune officer for labour, invalids and social affairs are all labour_social."""
    from extract.extractors.components import catalogue

    codes = {c.code for c in catalogue()}
    note = None
    if component is not None:
        component, note = resolve_component(con, component)
    if component and component not in codes:
        raise KehoachError(f"unknown component {component!r}; use one of {', '.join(sorted(codes, key=_code_order))}")
    plans = _plans(con, flt)
    cur = con.execute(
        "SELECT doc_id, component, component_group, role, agency, agency_key, agency_level FROM responsibilities "
        "WHERE component IS NOT NULL AND role IN ('lead', 'support', 'duty')"
    )
    facts: dict[tuple[str, str, str], list] = {}
    for doc_id, comp, group, role, agency, agency_key, level in cur.fetchall():
        role = "lead" if role == "duty" else role
        targets = [group]
        if component:
            if comp != component and group != component:
                continue
            targets = [component]
        for t in targets:
            facts.setdefault((doc_id, t, role), []).append((agency_key, agency, level))
    result = _one_component_agencies(plans, facts, component) if component else _agency_matrix(plans, facts)
    if note:
        result.notes.insert(0, note[0].upper() + note[1:])
    _add_renditions(result, plans, flt)
    return result


def _roles_of(facts: dict, doc_id: str, code: str) -> dict[str, tuple[list[str], list[str], list[str]]]:
    lead = _kinds(facts.get((doc_id, code, "lead"), []))
    sup = [f for f in facts.get((doc_id, code, "support"), []) if (f[0] or f"({f[1]})") not in lead[0]]
    return {"lead": lead, "support": _kinds(sup)}


def _one_component_agencies(plans: list[dict], facts: dict, component: str) -> Result:
    rows, cells = [], []
    named = 0
    for plan in sorted(plans, key=_place_order):
        r = _roles_of(facts, plan["doc_id"], component)
        lead, sup = r["lead"], r["support"]
        named += bool(lead[0])
        rows.append(
            _base(plan)
            | {
                "component": component,
                "lead_keys": ", ".join(lead[0]) or None,
                "lead_agencies": " | ".join(lead[1]) or None,
                "lead_levels": " | ".join(lead[2]) or None,
                "support_keys": ", ".join(sup[0]) or None,
                "support_agencies": " | ".join(sup[1]) or None,
            }
        )
        cells.append(
            [
                _label(plan),
                plan["admin_level"] or "",
                _period(plan),
                ", ".join(lead[0]) or MISSING,
                _shorten("; ".join(lead[1])) if lead[1] else "",
                ", ".join(sup[0]) or MISSING,
            ]
        )
    notes = [
        f"{len(plans)} plans; {named} name a lead of {component} (its Tiểu dự án included). "
        f"Kinds of body are agency_key, the same at every level; {MISSING} none named."
    ]
    return Result(
        columns=list(rows[0]) if rows else _PLAN_COLUMNS + ["component", "lead_keys", "support_keys"],
        rows=rows,
        headers=["jurisdiction", "level", "period", f"{component} lead", "lead as named", "support"],
        cells=cells,
        notes=notes,
    )


def _agency_matrix(plans: list[dict], facts: dict) -> Result:
    doc_ids = {p["doc_id"] for p in plans}
    codes = sorted({c for (d, c, _role) in facts if d in doc_ids and c}, key=_code_order)
    rows, cells = [], []
    for plan in sorted(plans, key=_place_order):
        row = _base(plan)
        line = [_label(plan), plan["admin_level"] or "", _period(plan)]
        for code in codes:
            r = _roles_of(facts, plan["doc_id"], code)
            row[f"{code}_lead"] = ", ".join(r["lead"][0]) or None
            row[f"{code}_support"] = ", ".join(r["support"][0]) or None
            line.append(", ".join(r["lead"][0]) or MISSING)
        rows.append(row)
        cells.append(line)
    notes = [
        "The kinds of body (agency_key) that lead each Dự án or one of its Tiểu dự án; supports are in the "
        f"machine formats. {MISSING} none named. Pass --component DA4 for one component with its supports."
    ]
    if not codes:
        notes = ["No plan names who leads or supports a component."]
    return Result(
        columns=list(rows[0]) if rows else _PLAN_COLUMNS,
        rows=rows,
        headers=["jurisdiction", "level", "period"] + codes,
        cells=cells,
        notes=notes,
    )
