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

from collections import Counter
from dataclasses import dataclass

from extract.analysis.export import Result
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


@dataclass(frozen=True)
class PlanFilter:
    level: str | None = None
    province: str | None = None
    all_renditions: bool = False


def _place_key(name: str | None) -> str:
    return strip_diacritics(collapse(name or "")).lower()


def _plans(con, flt: PlanFilter) -> list[dict]:
    if flt.level and flt.level not in LEVELS:
        raise KehoachError(f"unknown level {flt.level!r}; use one of {', '.join(LEVELS)}")
    cur = con.execute(
        f"SELECT {', '.join(_PLAN_COLUMNS)}, level_order FROM plans "
        "WHERE (? OR primary_rendition) AND (? IS NULL OR admin_level = ?)",
        [flt.all_renditions, flt.level, flt.level],
    )
    names = [d[0] for d in cur.description]
    plans = [dict(zip(names, r)) for r in cur.fetchall()]
    if flt.province:
        want = _place_key(flt.province)
        plans = [p for p in plans if _place_key(p["province"]) == want]
    return plans


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
    plans = _plans(con, flt)
    cur = con.execute(
        "SELECT doc_id, indicator, value, value_high, unit, comparator, year, population, component, text, "
        "page, char_start FROM targets_by_indicator WHERE headline AND population IS NOT DISTINCT FROM ?",
        [population],
    )
    names = [d[0] for d in cur.description]
    goals: dict[tuple[str, str], dict] = {}
    for r in cur.fetchall():
        g = dict(zip(names, r))
        goals[(g["doc_id"], g["indicator"])] = g
    if indicator:
        return _one_indicator(plans, goals, indicator, population)
    return _indicator_matrix(plans, goals, top)


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
    doc_ids = {p["doc_id"] for p in plans}
    count = Counter(ind for (doc, ind) in goals if doc in doc_ids)
    chosen = [ind for ind, _ in sorted(count.items(), key=lambda kv: (-kv[1], kv[0]))][:top]
    rows, cells = [], []
    for plan in sorted(plans, key=_place_order):
        row = _base(plan)
        line = [_label(plan), plan["admin_level"] or "", _period(plan)]
        for ind in chosen:
            g = goals.get((plan["doc_id"], ind))
            row[ind] = g["value"] if g else None
            row[f"{ind}_unit"] = g["unit"] if g else None
            line.append(vnformat.target(g["value"], g["value_high"], g["unit"], g["comparator"]) if g else MISSING)
        rows.append(row)
        cells.append(line)
    notes = [f"{MISSING} the plan states no such target."]
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
) -> Result:
    """One row per plan: `source` money for `component` (or for every Dự án side by side),
    as đồng or, with `share`, as a fraction of the plan's own figure for that source."""
    if source not in SOURCES:
        raise KehoachError(f"unknown source {source!r}; use one of {', '.join(SOURCES)}")
    if unit not in ("auto",) + tuple(vnformat.MONEY_UNITS):
        raise KehoachError(f"unknown unit {unit!r}; use auto, dong, trieu or ty")
    plans = _plans(con, flt)
    cur = con.execute(
        f'SELECT doc_id, component, implemented, "{source}" AS vnd, total_basis FROM funding_by_component'
    )
    money: dict[tuple[str, str], tuple[bool | None, int | None]] = {}
    for doc_id, comp, implemented, vnd, _basis in cur.fetchall():
        money[(doc_id, comp or "")] = (implemented, vnd)
    if component:
        return _one_component(plans, money, component, source, share, unit)
    return _component_matrix(plans, money, source, share, unit)


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
    if component:
        return _one_component_agencies(plans, facts, component)
    return _agency_matrix(plans, facts)


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
