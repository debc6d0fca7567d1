"""Arithmetic checks on a plan's money: do parts add up to their totals?

Three checks, each a `checks` row naming what disagrees and by how much:

- a figure announced with its parts ("X đồng, trong đó: ...") against the sum of its parts;
- the components against the plan-wide figure of the same source and capital type;
- a printed unit the arithmetic contradicts: when the parts only add up to their total
  with one figure read in a smaller unit ("4.120.500.000 triệu đồng" where everything
  else is in đồng and the sum needs đồng), the figure is corrected (amounts.corrected)
  and the correction is recorded.

Tolerances are the settings sum_tolerance_vnd and sum_tolerance_ratio.
"""

from __future__ import annotations

from collections import defaultdict

from extract.document.model import Document
from extract.extractors.checkrows import CheckKind, check_row
from extract.extractors.components import canon
from extract.extractors.money.vocabulary import unit_factors
from extract.text.numbers import format_number, to_dong
from extract.vocabulary import SOURCES


def within(a: int, b: int, settings) -> bool:
    """Do two sums agree within the settings' tolerance (sum_tolerance_vnd / _ratio)?"""
    tol = max(settings.sum_tolerance_vnd, settings.sum_tolerance_ratio * max(abs(a), abs(b)))
    return abs(a - b) <= tol


def _money(v: int) -> str:
    return f"{format_number(v)} đồng"


def _parts(figures, f) -> list:
    """The direct parts of a figure that split it one way (by source or by capital type)."""
    kids = [figures[i] for i in f.children if not figures[i].outside]
    by_source = [k for k in kids if k.source != f.source or f.source == "total"]
    by_capital = [k for k in kids if k.source == f.source and k.capital is not None]
    if len(by_source) >= 2 and len({k.source for k in by_source}) == len(by_source):
        return by_source
    if len(by_capital) >= 2 and len({k.capital for k in by_capital}) == len(by_capital):
        return by_capital
    return []


def correct_units(doc: Document, ctx, figures) -> None:
    """Read a part or a total in a smaller unit where only that makes the sum come out."""
    settings = ctx.settings
    smaller = sorted(set(unit_factors().values()))
    for f in figures:
        if f.outside:
            continue  # another programme's, a result or a restatement: not the plan's sums
        parts = _parts(figures, f)
        if not parts or within(f.vnd, sum(p.vnd for p in parts), settings):
            continue
        fixed = False
        for p in parts:
            for factor in (x for x in smaller if x < p.factor and not p.words):
                value = _whole_dong(p.raw, factor)
                if value is not None and within(f.vnd, sum(q.vnd for q in parts) - p.vnd + value, settings):
                    _correct(doc, ctx, p, value)
                    fixed = True
                    break
            if fixed:
                break
        if not fixed and not f.words:
            for factor in (x for x in smaller if x < f.factor):
                value = _whole_dong(f.raw, factor)
                if value is not None and within(value, sum(q.vnd for q in parts), settings):
                    _correct(doc, ctx, f, value)
                    break


def _whole_dong(raw: str, factor: int) -> int | None:
    """The figure in đồng under a smaller unit, or None where that unit leaves a fraction of
    a đồng ("21,396" read as đồng), which rules the unit out."""
    try:
        return to_dong(raw, factor)
    except ValueError:
        return None


def _correct(doc: Document, ctx, fig, value: int) -> None:
    ctx.rows["checks"].append(
        check_row(
            doc,
            CheckKind.UNIT_CORRECTED,
            f"'{fig.raw} {fig.unit}' does not fit the document's own sums; read as {_money(value)}",
            component=fig.component,
            expected=value,
            found=fig.vnd,
            start=fig.start,
            end=fig.end,
        )
    )
    fig.vnd, fig.corrected = value, True


def _label(fig) -> str:
    """A part's source and capital for a message; a part whose source is not known yet
    (a figure no rule has placed) is still counted, so the message must not fail on it."""
    return "/".join(x for x in (fig.source or "?", fig.capital) if x)


def check_text(doc: Document, ctx, figures) -> None:
    """Each figure announced with its parts against the sum of those parts."""
    for f in figures:
        if f.outside:
            continue
        parts = _parts(figures, f)
        if not parts:
            continue
        total = sum(p.vnd for p in parts)
        if not within(f.vnd, total, ctx.settings):
            ctx.rows["checks"].append(
                check_row(
                    doc,
                    CheckKind.SUM_MISMATCH,
                    f"parts ({', '.join(_label(p) for p in parts)}) "
                    f"add up to {_money(total)}, not the stated {_money(f.vnd)} "
                    f"(difference {_money(total - f.vnd)})",
                    component=f.component,
                    expected=f.vnd,
                    found=total,
                    start=f.start,
                    end=max(p.end for p in parts),
                )
            )


def _component_value(facts: dict, code: str, subs: dict[str, list[str]], source: str) -> int | None:
    """A component's money from one source: its own figure, else the sum of its sub-projects'."""
    own = facts.get((code, source))
    if own is not None:
        return own
    kids = [_component_value(facts, k, subs, source) for k in subs.get(code, [])]
    kids = [k for k in kids if k is not None]
    return sum(kids) if kids else None


def check_plan_totals(doc: Document, ctx, amounts: list[dict]) -> None:
    """Components against the plan-wide figure of each source (text figures, period basis)."""
    rows = [r for r in amounts if r["origin"] == "text" and r["basis"] == "period"]
    facts: dict[tuple, int] = {}
    where: dict[tuple, dict] = {}
    for r in rows:
        key = (r["component"], r["source"])
        value_key = (r["component"], r["source"], r["capital"])
        if r["capital"] is None:
            facts.setdefault(key, r["vnd"])
            where.setdefault(key, r)
        else:
            facts.setdefault(("cap",) + value_key, r["vnd"])
    # a source given only split by capital type counts as the sum of its capital types
    split = defaultdict(int)
    for k, v in facts.items():
        if k[0] == "cap":
            split[(k[1], k[2])] += v
    for k, v in split.items():
        facts.setdefault(k, v)
    codes = {r["component"] for r in rows if r["component"]}
    subs: dict[str, list[str]] = defaultdict(list)
    for c in codes:
        cn = canon(c)
        if cn and cn.parent:
            subs[cn.parent].append(c)
    top = sorted({(canon(c).parent or c) if canon(c) else c for c in codes})
    for source in sorted({r["source"] for r in rows if r["component"] is None}):
        plan = facts.get((None, source))
        if plan is None:
            continue
        if source == "total":
            values = []
            for c in top:
                v = _component_value(facts, c, subs, "total")
                if v is None:
                    srcs = [_component_value(facts, c, subs, s) for s in SOURCES if s != "total"]
                    srcs = [s for s in srcs if s is not None]
                    v = sum(srcs) if srcs else None
                values.append(v)
        else:
            values = [_component_value(facts, c, subs, source) for c in top]
        values = [v for v in values if v is not None]
        if not values:
            continue
        total = sum(values)
        if not within(plan, total, ctx.settings):
            r = where.get((None, source))
            ctx.rows["checks"].append(
                check_row(
                    doc,
                    CheckKind.COMPONENTS_VS_PLAN,
                    f"components add up to {_money(total)} from source {source}, the plan states "
                    f"{_money(plan)} (difference {_money(total - plan)})",
                    expected=plan,
                    found=total,
                    start=r["char_start"] if r else None,
                    end=r["char_end"] if r else None,
                )
            )
