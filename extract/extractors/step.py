"""Extraction steps declare what they read and what they write, as spaCy's components do.

A step is a function `(doc, ctx) -> None` registered with `@step(name, requires=...,
assigns=...)`. Names in `requires` and `assigns` are `meta.<field>` (a field of the
document row) or `rows.<table>` (rows of a table). The pipeline checks, before it runs
anything, that every step's requirements are assigned by a step before it (like
`nlp.analyze_pipes`), so reordering or removing a step fails loudly instead of leaving a
later step reading nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from extract.document.model import Document
from extract.errors import KehoachError
from extract.settings import Settings


@dataclass
class Context:
    """What the steps of one document share: settings, the document row so far, rows produced."""

    settings: Settings
    meta: dict[str, Any] = field(default_factory=dict)
    rows: dict[str, list[dict]] = field(default_factory=lambda: defaultdict(list))


StepFunction = Callable[[Document, Context], None]


@dataclass(frozen=True)
class StepInfo:
    name: str
    func: StepFunction
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


class StepOrderError(KehoachError):
    """A step needs something no earlier step assigns: the pipeline is mis-assembled."""


_REGISTRY: dict[str, StepInfo] = {}


def _check_names(step_name: str, what: str, names: Iterable[str]) -> tuple[str, ...]:
    out = tuple(names)
    for n in out:
        kind, _, rest = n.partition(".")
        if kind not in ("meta", "rows") or not rest:
            raise StepOrderError(f"step {step_name!r}: {what} entry {n!r} must be 'meta.<field>' or 'rows.<table>'")
    return out


def step(
    name: str, *, requires: Iterable[str] = (), assigns: Iterable[str] = ()
) -> Callable[[StepFunction], StepFunction]:
    """Register an extraction step under `name` with what it reads and writes."""
    needs, gives = _check_names(name, "requires", requires), _check_names(name, "assigns", assigns)

    def register(func: StepFunction) -> StepFunction:
        info = StepInfo(name, func, needs, gives)
        _REGISTRY[name] = info
        func.step_info = info  # type: ignore[attr-defined]
        return func

    return register


def info(func: StepFunction) -> StepInfo:
    try:
        return func.step_info  # type: ignore[attr-defined]
    except AttributeError:
        raise StepOrderError(f"{func.__module__}.{func.__qualname__} is not a declared step (@step)") from None


def analyze(steps: Iterable[StepFunction]) -> list[StepInfo]:
    """The steps' declarations, after checking each requirement is assigned by an earlier step."""
    infos = [info(f) for f in steps]
    assigned: set[str] = set()
    for i in infos:
        missing = [r for r in i.requires if r not in assigned]
        if missing:
            raise StepOrderError(
                f"step {i.name!r} requires {', '.join(missing)}, which no step before it assigns; "
                f"order: {', '.join(s.name for s in infos)}"
            )
        assigned.update(i.assigns)
    return infos


def registered() -> dict[str, StepInfo]:
    return dict(_REGISTRY)
