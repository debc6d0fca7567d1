"""Steps declare what they read and write; the pipeline refuses an order that cannot work."""

from __future__ import annotations

import pytest

from extract.extractors.step import StepOrderError, analyze, info, step
from extract.pipeline import steps


def test_the_pipeline_order_satisfies_every_declared_requirement():
    infos = analyze(steps())
    assert [i.name for i in infos][:2] == ["sections", "metadata"]
    assert all(i.assigns for i in infos)


def test_a_step_before_what_it_requires_is_refused():
    order = steps()
    targets = next(f for f in order if info(f).name == "targets")
    with pytest.raises(StepOrderError, match="targets.*requires meta.period_start"):
        analyze([targets, *[f for f in order if f is not targets]])


def test_an_undeclared_function_is_not_a_step():
    with pytest.raises(StepOrderError, match="not a declared step"):
        analyze([lambda doc, ctx: None])


def test_a_requirement_must_name_meta_or_rows():
    with pytest.raises(StepOrderError, match="must be 'meta.<field>' or 'rows.<table>'"):
        step("bad", requires=("period_start",))
