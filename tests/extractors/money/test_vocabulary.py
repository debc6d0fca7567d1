"""The money vocabulary: one list of sources for rules, store, analysis and CLI; one shape
for check rows; text amounts, budget tables and checks without import cycles."""

from __future__ import annotations

import ast
from pathlib import Path

import extract
from extract import rules
from extract.analysis import compare
from extract.document.build import build_document
from extract.extractors.checkrows import CheckKind, check_row
from extract.extractors.money import vocabulary
from extract.readers.txt import read_text
from extract.store.schema import TABLES
from extract.vocabulary import CAPITALS, FUNDING_SOURCES, LOCAL_SOURCES, SOURCES

PACKAGE = Path(extract.__file__).parent


def test_money_rules_are_validated_against_the_shared_sources():
    schema = rules._SCHEMAS["money"]
    assert schema["source"].choices == frozenset(SOURCES)
    assert schema["capital"].choices == frozenset(CAPITALS)
    assert {e["source"] for e in vocabulary.money_entries("source")} <= set(SOURCES)


def test_store_and_analysis_speak_of_the_same_sources():
    source_doc = dict((name, doc) for name, _, doc in TABLES["amounts"])["source"]
    assert source_doc.split(", ") == list(SOURCES)
    assert compare.SOURCES == FUNDING_SOURCES
    assert set(FUNDING_SOURCES) | set(LOCAL_SOURCES) == set(SOURCES)


def test_check_row_holds_kind_values_as_text_and_provenance():
    doc = build_document(read_text("Tổng kinh phí: 10 tỷ đồng."), "txt")
    row = check_row(doc, CheckKind.SUM_MISMATCH, "parts add up to 9", component="DA2", expected=10, found=9, start=14)
    assert row["kind"] == "sum_mismatch" and type(row["kind"]) is str
    assert (row["expected"], row["found"], row["component"]) == ("10", "9", "DA2")
    assert row["char_start"] == 14
    nowhere = check_row(doc, CheckKind.COMPONENTS_VS_PLAN, "no place")
    assert nowhere["char_start"] is None and nowhere["quote"] is None


def _imports(path: Path, module: str) -> set[str]:
    """Every extract module a file imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("extract"):
            found.update(f"{node.module}.{a.name}" for a in node.names)
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("extract"))
    return found


def test_no_import_cycle_among_the_extractors_even_inside_functions():
    modules = {}
    for p in (PACKAGE / "extractors").rglob("*.py"):
        name = ".".join(("extract",) + p.relative_to(PACKAGE).with_suffix("").parts).removesuffix(".__init__")
        modules[name] = p
    graph = {m: {d for d in _imports(p, m) if d in modules and d != m} for m, p in modules.items()}

    def reaches(start: str, goal: str, seen: set) -> bool:
        for d in graph[start]:
            if d == goal or (d not in seen and (seen.add(d) or reaches(d, goal, seen))):
                return True
        return False

    cyclic = sorted(m for m in graph if reaches(m, m, set()))
    assert cyclic == []
