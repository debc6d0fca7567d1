"""The Dask executor: extraction on a (local) cluster, Parquet shards, same database as serial."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest
from conftest import CORPUS
from dbcompare import snapshot

from extract.batch.ingest import ingest

pytestmark = pytest.mark.slow  # a Dask LocalCluster

distributed = pytest.importorskip("distributed")

BROKEN_PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage without an xref\n"


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as c:
        yield c


@pytest.fixture
def inbox(tmp_path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for p in sorted(CORPUS.glob("txt/*.txt")) + sorted(CORPUS.glob("office/*.docx"))[:2]:
        shutil.copy(p, folder / p.name)
    (folder / "damaged.pdf").write_bytes(BROKEN_PDF)
    return folder


def test_dask_run_gives_the_same_database_as_a_serial_run(cluster, inbox, tmp_path):
    dask_db, serial_db = tmp_path / "dask.duckdb", tmp_path / "serial.duckdb"
    summary = ingest([inbox], dask_db, executor="dask", scheduler=cluster.scheduler_address)
    assert (summary.ok, summary.failed) == (7, 1)
    ingest([inbox], serial_db)
    assert snapshot(dask_db) == snapshot(serial_db)
    leftovers = [p for p in tmp_path.iterdir() if ".shards-" in p.name]
    assert all(not any(p.iterdir()) for p in leftovers) and not leftovers, "temporary shards are removed"

    again = ingest([inbox], dask_db, executor="dask", scheduler=cluster.scheduler_address)
    assert again.unchanged == again.seen == 8


def test_kept_shards_can_be_queried_by_duckdb_directly(cluster, inbox, tmp_path):
    db, shards = tmp_path / "k.duckdb", tmp_path / "shards"
    ingest([inbox], db, executor="dask", scheduler=cluster.scheduler_address, shards=str(shards))
    assert len([p for p in shards.iterdir() if p.is_dir()]) == 7
    con = duckdb.connect(str(db), read_only=True)
    try:
        in_db = con.execute("SELECT count(*) FROM sections").fetchone()[0]
        from_shards = con.execute(f"SELECT count(*) FROM read_parquet('{shards}/*/sections.parquet')").fetchone()[0]
        docs = con.execute(f"SELECT count(*) FROM read_parquet('{shards}/*/documents.parquet')").fetchone()[0]
    finally:
        con.close()
    assert in_db > 0 and from_shards == in_db and docs == 7
