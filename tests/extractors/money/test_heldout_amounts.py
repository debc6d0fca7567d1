"""Amounts on real wording the rules were never grown from (heldout.yaml): the F1 that
kehoach eval would give, over all held-out passages together, must not fall below the floor
measured when the set was made. Per-passage results are not asserted, so a fix for one
kind of failure never needs the held-out text to be tuned to."""

from __future__ import annotations

from pathlib import Path

import yaml

from extract.extractors import components
from extract.extractors.money import text as amounts
from extract.pipeline import Context, read_document
from extract.settings import DEFAULT_SETTINGS

HELD_OUT = yaml.safe_load((Path(__file__).parent / "heldout.yaml").read_text(encoding="utf-8"))

# Micro-averaged F1 over the held-out set (kehoach eval's matching):
#   batch 1 (11 passages): 0.333 (tp 4, fp 11, fn 5) before any fix, 0.778 after round 1
#   batch 2 (3 passages, found after round 1): 0.526 (tp 5, fp 5, fn 4) on first sight,
#     0.900 after round 2
#   batch 3 (1 passage, found after round 2): 1.000 on first sight
#   all 15: 0.850 (tp 17, fp 4, fn 2)
#   batch 4 (7 passages, found after round 3): 0.000 (tp 0, fp 9, fn 8) on first sight (and
#     one passage broke the sum check's message); 0.800 (tp 8, fp 4, fn 0) after round 4
#   all 22 after round 4: 0.931 (tp 27, fp 4, fn 0); the floor leaves a margin
F1_FLOOR = 0.88


def facts(passage: dict) -> set[tuple]:
    doc = read_document(passage["text"].encode("utf-8"))
    ctx = Context(DEFAULT_SETTINGS, meta=dict(passage["meta"]))
    components.extract(doc, ctx)
    amounts.extract(doc, ctx)
    return {
        (r["component"], r["source"], r["capital"], r["vnd"]) for r in ctx.rows["amounts"] if r["basis"] == "period"
    }


def score(passages: list[dict]) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for p in passages:
        got, gold = facts(p), {tuple(a) for a in p["amounts"]}
        tp += len(got & gold)
        fp += len(got - gold)
        fn += len(gold - got)
    return tp, fp, fn


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def test_heldout_set_is_marked_and_well_formed():
    assert len(HELD_OUT) >= 10
    for p in HELD_OUT:
        assert p["held_out"] is True
        assert p["source"] and p["text"].strip()
        for a in p["amounts"]:
            assert len(a) == 4 and isinstance(a[3], int)


def test_heldout_amounts_f1_floor():
    tp, fp, fn = score(HELD_OUT)
    assert f1(tp, fp, fn) >= F1_FLOOR, (tp, fp, fn)


if __name__ == "__main__":
    for p in HELD_OUT:
        got, gold = facts(p), {tuple(a) for a in p["amounts"]}
        print(f"== {p['name']}: tp {len(got & gold)} fp {len(got - gold)} fn {len(gold - got)}")
        for x in sorted(got - gold, key=str):
            print("   FP", x)
        for x in sorted(gold - got, key=str):
            print("   FN", x)
    tp, fp, fn = score(HELD_OUT)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    print(f"TOTAL tp {tp} fp {fp} fn {fn}  P {p:.3f} R {r:.3f} F1 {f1(tp, fp, fn):.3f}")
