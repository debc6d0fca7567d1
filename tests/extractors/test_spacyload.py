"""spaCy imported for the extractors without its command line, which stays usable."""

from __future__ import annotations

from pathlib import Path

from fresh import in_fresh_interpreter

ROOT = Path(__file__).resolve().parents[2]
COMMAND_LINE = ("typer", "weasel", "requests", "httpx", "rich")


def test_the_extractors_import_spacy_without_its_command_line_which_loads_when_used():
    seen = in_fresh_interpreter(
        "import json, sys\n"
        "import importlib.util\n"
        "from extract.extractors import agencies\n"
        "spec = importlib.util.find_spec('spacy.cli')\n"
        "found = [p.split('/')[-2:] for p in spec.submodule_search_locations]\n"
        "matched = [(m.start, m.end, m.source) for m in agencies.find_mentions('Sở Tài chính và Sở Y tế')]\n"
        f"before = [m for m in {COMMAND_LINE!r} if m in sys.modules]\n"
        "import spacy\n"
        "info = spacy.info()\n"
        "from spacy.cli import download, setup_cli\n"
        "import spacy.cli\n"
        "print(json.dumps({'before': before, 'found': found, 'matched': matched, 'version': info['spacy_version'],\n"
        "    'keys': sorted(info), 'real': spacy.cli.__file__ is not None and spacy.cli.setup_cli is setup_cli,\n"
        "    'download': callable(download), 'stand_ins': [type(sys.modules[m]).__name__ for m in ('spacy.cli', 'spacy.cli.info')]}))"
    )
    plain = in_fresh_interpreter(
        "import json, spacy\n"
        "info = spacy.info()\n"
        "print(json.dumps({'version': info['spacy_version'], 'keys': sorted(info)}))"
    )
    assert seen["before"] == []
    assert seen["found"] == [["spacy", "cli"]]  # tools that look the stand-in up find spaCy's folder
    assert seen["matched"] == [[0, 12, "lexicon"], [16, 23, "lexicon"]]  # the PhraseMatcher finds both
    assert (seen["version"], seen["keys"]) == (plain["version"], plain["keys"])
    assert seen["real"] and seen["download"]
    assert seen["stand_ins"] == ["module", "module"]  # replaced by the real command line once used


def test_imported_after_spacy_it_changes_nothing():
    seen = in_fresh_interpreter(
        "import json, sys, spacy\n"
        "cli = sys.modules['spacy.cli']\n"
        "import extract.extractors.spacyload\n"
        "print(json.dumps({'same': sys.modules['spacy.cli'] is cli and spacy.cli is cli, 'typer': 'typer' in sys.modules}))"
    )
    assert seen == {"same": True, "typer": True}


def _tokens(nlp, text: str) -> list[tuple]:
    return [(t.text, t.idx, t.whitespace_, t.is_space, t.orth) for t in nlp.make_doc(text)]


def test_the_multilanguage_class_is_what_spacy_blank_xx_makes():
    from hypothesis import given
    from shortcut_strategies import FEW, PLAN_TEXTS, TEXTS

    from extract.extractors.spacyload import blank_multilanguage, spacy

    ours, blank = blank_multilanguage(), spacy.blank("xx")
    assert type(ours) is type(blank) and ours.pipe_names == blank.pipe_names == []
    assert ours.tokenizer.to_bytes() == blank.tokenizer.to_bytes()
    assert ours.vocab.to_bytes() == blank.vocab.to_bytes()
    assert ours.vocab.lex_attr_getters.keys() == blank.vocab.lex_attr_getters.keys()
    for text in PLAN_TEXTS:
        assert _tokens(ours, text) == _tokens(blank, text)

    @FEW
    @given(TEXTS)
    def same_tokens(text):
        assert _tokens(ours, text) == _tokens(blank, text)

    same_tokens()
