"""The speed-ups of extract.store.shards, each held to the plain code it replaced.

to_arrow converts rows as structs instead of gathering each column one by one.

Each speed-up promises the very answer of the straightforward version, not a close one, and
would go on passing the behaviour tests if an edit quietly broke that promise on some rarer
input. Each test states the plain version (mostly the code as it stood before the speed-up)
and compares the two on the sample plans and, mostly, on generated input (tests/shortcut_strategies.py).
"""

from __future__ import annotations

from functools import cache

import pyarrow as pa
from conftest import CORPUS
from hypothesis import given
from hypothesis import strategies as st
from shortcut_strategies import FEW

from extract.pipeline import extract_bytes
from extract.store.shards import arrow_schema, to_arrow


def plain_to_arrow(table: str, rows: list[dict]):
    schema = arrow_schema(table)
    return pa.Table.from_pydict({f.name: [r.get(f.name) for r in rows] for f in schema}, schema=schema)


@cache
def _plan_rows() -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for path in sorted(CORPUS.glob("*/*")):
        extraction = extract_bytes(path.read_bytes(), path.name)
        out.setdefault("documents", []).append(extraction.document)
        for table, rows in extraction.rows.items():
            out.setdefault(table, []).extend(dict(r, doc_id=extraction.doc_id) for r in rows)
    return out


def test_rows_converted_as_structs_equal_the_columns_gathered_one_by_one_on_the_plans():
    rows = _plan_rows()
    assert set(rows) >= {"documents", "sections", "components", "amounts", "assignments", "targets"}
    for table, table_rows in rows.items():
        assert to_arrow(table, table_rows).equals(plain_to_arrow(table, table_rows), check_metadata=True), table
        assert to_arrow(table, []).equals(plain_to_arrow(table, [])), table


@FEW
@given(st.data())
def test_rows_missing_keys_or_holding_unknown_ones_convert_as_the_columns_do(data):
    table = data.draw(st.sampled_from(sorted(_plan_rows())))
    sample = data.draw(st.lists(st.sampled_from(_plan_rows()[table]), max_size=6))
    rows = []
    for row in sample:
        keep = data.draw(st.lists(st.sampled_from(sorted(row)), unique=True))
        rows.append({**{k: row[k] for k in keep}, **({"not_a_column": 1} if data.draw(st.booleans()) else {})})
    assert to_arrow(table, rows).equals(plain_to_arrow(table, rows))
