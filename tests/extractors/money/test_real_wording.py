"""Amounts and components in the wording real plans use: the development set of real
passages (passages.yaml: portal and newspaper items quoting plans, with their gold)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from extract.extractors import components
from extract.extractors.money import text as amounts
from extract.pipeline import Context, read_document
from extract.settings import DEFAULT_SETTINGS

PASSAGES = yaml.safe_load((Path(__file__).parent / "passages.yaml").read_text(encoding="utf-8"))


def extract(passage: dict) -> Context:
    doc = read_document(passage["text"].encode("utf-8"))
    ctx = Context(DEFAULT_SETTINGS, meta=dict(passage["meta"]))
    components.extract(doc, ctx)
    amounts.extract(doc, ctx)
    return ctx


def _known_gap(p: dict):
    return (
        pytest.param(p, id=p["name"], marks=pytest.mark.xfail(reason=p["known_gap"], strict=True))
        if p.get("known_gap")
        else pytest.param(p, id=p["name"])
    )


@pytest.mark.parametrize("passage", [_known_gap(p) for p in PASSAGES])
def test_amounts_of_real_passages(passage):
    ctx = extract(passage)
    got = {
        (r["component"], r["source"], r["capital"], r["vnd"])
        for r in ctx.rows["amounts"]
        if r["origin"] == "text" and r["basis"] == "period"
    }
    assert got == {tuple(a) for a in passage["amounts"]}


@pytest.mark.parametrize("passage", PASSAGES, ids=lambda p: p["name"])
def test_components_of_real_passages(passage):
    ctx = extract(passage)
    assert sorted(r["code"] for r in ctx.rows["components"]) == sorted(passage["components"])


@pytest.mark.parametrize("passage", PASSAGES, ids=lambda p: p["name"])
def test_every_amount_quotes_its_figure(passage):
    ctx = extract(passage)
    text = read_document(passage["text"].encode("utf-8")).text
    for r in ctx.rows["amounts"]:
        assert text[r["char_start"] : r["char_end"]] == r["quote"]
        assert r["raw"] in r["quote"]
