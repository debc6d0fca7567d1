"""Scoring against gold: the matching rules SPEC.md sets, and the scores the corpus reaches."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from click.testing import CliRunner
from conftest import GOLD, RENDITIONS

from extract.analysis.evaluate import Score, evaluate, gold_facts, load_gold
from extract.cli.main import main
from extract.errors import GoldError


def test_components_f1_is_perfect_and_amounts_reach_097(corpus_con):
    report = evaluate(corpus_con, GOLD)
    assert report.unmatched == []
    assert len(report.documents) == len(RENDITIONS)
    assert report.totals["components"].f1 == 1.0
    assert report.totals["amounts"].f1 >= 0.97


def test_every_rendition_scores_against_its_stem(corpus_con):
    report = evaluate(corpus_con, GOLD)
    for res in report.documents:
        assert res.gold_file == res.file_name.rsplit(".", 1)[0] + ".txt.json"


def test_amount_facts_count_text_and_table_apart_but_repeats_once():
    gold = {
        "amounts": [
            {"component": "DA2", "source": "total", "capital": None, "vnd": 5, "origin": "text"},
            {"component": "DA2", "source": "total", "capital": None, "vnd": 5, "origin": "text"},
            {"component": "DA2", "source": "total", "capital": None, "vnd": 5, "origin": "table"},
        ]
    }
    assert gold_facts(gold, "amounts") == Counter({("DA2", "total", None, 5): 2})


def test_component_facts_are_code_and_implemented():
    gold = {"components": [{"code": "DA1", "implemented": False}, {"code": "DA2", "implemented": True}]}
    assert gold_facts(gold, "components") == Counter({("DA1", False): 1, ("DA2", True): 1})


@pytest.mark.parametrize(
    "tp, fp, fn, p, r, f1",
    [
        (0, 0, 0, 1.0, 1.0, 1.0),
        (3, 1, 0, 0.75, 1.0, 6 / 7),
        (0, 2, 2, 0.0, 0.0, 0.0),
    ],
)
def test_score(tp, fp, fn, p, r, f1):
    s = Score(tp, fp, fn)
    assert (s.precision, s.recall) == (p, r) and s.f1 == pytest.approx(f1)


def test_missing_gold_folder_is_a_gold_error(tmp_path):
    with pytest.raises(GoldError):
        load_gold(tmp_path / "nope")


def test_malformed_gold_is_a_gold_error(tmp_path):
    (tmp_path / "x.txt.json").write_text("{", encoding="utf-8")
    with pytest.raises(GoldError, match="x.txt.json"):
        load_gold(tmp_path)


def test_gold_is_keyed_by_stem(tmp_path):
    (tmp_path / "abc.txt.json").write_text(json.dumps({"file": "abc.txt"}), encoding="utf-8")
    assert list(load_gold(tmp_path)) == ["abc"]


def test_cli_eval_prints_micro_scores_and_lists_misses(corpus_db):
    result = CliRunner().invoke(main, ["eval", "--gold", str(GOLD), "--db", str(corpus_db), "-v"])
    assert result.exit_code == 0, result.output
    assert "components" in result.output and "amounts" in result.output


def test_regression_eval_against_gold_that_matches_no_document_fails(corpus_db, tmp_path):
    """A gold folder of other documents scored 1.000 everywhere, exit 0 (issue 17): now an
    error that says how gold files are matched, exit 1."""
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "not_a_stored_plan.txt.json").write_text(json.dumps({"components": []}), encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "--gold", str(gold), "--db", str(corpus_db)])
    assert result.exit_code == 1, result.output
    assert "no stored document matches a gold file" in result.output
    assert "1.000" not in result.output
