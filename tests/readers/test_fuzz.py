"""Property tests for the parsers and readers, and a bounded fuzz run over mutated sample files.

Parsers must return a value or raise their documented error for any input; readers must
return a Document or raise a DocumentError; a batch of damaged files must finish in
bounded time with a row for every file and no internal error.
"""

from __future__ import annotations

import random
import unicodedata
from datetime import date
from decimal import Decimal

import pytest
from conftest import CORPUS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.errors import DocumentError
from extract.pipeline import read_document
from extract.settings import Settings
from extract.text.dates import find_dates, parse_date
from extract.text.numbers import NUMBER_RE, parse_number

pytestmark = pytest.mark.slow  # hundreds of mutated files through the pipeline

# --- numbers ---------------------------------------------------------------------------


def vn_format(value: Decimal, decimals: int) -> str:
    """A number written the Vietnamese way: dots group thousands, a comma marks decimals."""
    whole, _, frac = f"{value:.{decimals}f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return grouped + ("," + frac if frac else "")


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1000, max_value=10**15), st.integers(min_value=0, max_value=3))
def test_grouped_numbers_round_trip(n, decimals):
    value = Decimal(n) / (10**decimals) if decimals else Decimal(n)
    if decimals and value < 1000:
        return  # "1,5" is a plain decimal, tested below
    text = vn_format(value, decimals)
    assert parse_number(text) == value


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=999), st.integers(min_value=1, max_value=99))
def test_decimal_comma_round_trips(whole, frac):
    assert parse_number(f"{whole},{frac}") == Decimal(f"{whole}.{frac}")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from("0123456789.,  -%abđ"), max_size=25))
def test_parse_number_returns_a_decimal_or_raises_value_error(text):
    try:
        value = parse_number(text)
    except ValueError:
        return
    assert isinstance(value, Decimal) and value >= 0


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_every_number_match_parses(text):
    for m in NUMBER_RE.finditer(text):
        try:
            parse_number(m.group())
        except ValueError:
            pass  # ambiguous forms are refused, never mis-read or crashed on


# --- dates -----------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2099, 12, 31)), st.booleans(), st.booleans())
def test_dates_round_trip(d, worded, pad):
    day = f"{d.day:02d}" if pad else str(d.day)
    month = f"{d.month:02d}" if pad else str(d.month)
    text = f"ngày {day} tháng {month} năm {d.year}" if worded else f"{day}/{month}/{d.year}"
    assert parse_date(f"Hà Nội, {text} của UBND") == d.isoformat()


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=12), st.integers(min_value=1950, max_value=2099))
def test_blank_day_reads_as_month(month, year):
    assert parse_date(f"ngày    tháng {month} năm {year}") == f"{year:04d}-{month:02d}"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from("0123456789/.- ngàytháng năm…_NGÀYTHÁNG"), max_size=60))
def test_find_dates_never_crashes_and_spans_hold(text):
    for m in find_dates(text):
        assert 0 <= m.start < m.end <= len(text)
        assert len(m.iso) in (4, 7, 10)


# --- text readers ----------------------------------------------------------------------

_LINE = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80)
_MARKUP = st.sampled_from(["", "## ", "**", "\t", "- ", "I. ", "1.2. ", "a) ", "<b>", "[bookmark: x]", "Điều 1. "])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_MARKUP, _LINE), max_size=30))
def test_text_reader_builds_a_consistent_document(lines):
    text = "\n".join(m + line for m, line in lines)
    try:
        doc = read_document(text.encode("utf-8"))
    except DocumentError:
        return
    assert doc.text == unicodedata.normalize("NFC", doc.text)
    for b in doc.blocks:
        assert 0 <= b.start <= b.end <= len(doc.text)
        for r in b.rows:
            for c in r.cells:
                assert doc.text[c.start : c.end] == c.text
    for s in doc.sections:
        assert 0 <= s.start <= s.heading_end <= len(doc.text)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=4000))
def test_reading_arbitrary_bytes_gives_a_document_or_a_document_error(data):
    try:
        read_document(data)
    except DocumentError:
        pass


# --- fuzz run over mutated sample files --------------------------------------------------

# Each file may take at most PER_FILE_SECONDS (a hang becomes a failed row, not a stuck run);
# how fast the batch is belongs to `make bench`, not to an assertion a busy machine can fail.
PER_FILE_SECONDS = 30.0
MUTANTS_PER_FILE = 4


def mutate(data: bytes, rng: random.Random) -> bytes:
    """Byte flips, a truncation, or both: what a bad disk or an interrupted download does."""
    data = bytearray(data)
    kind = rng.choice(["flip", "truncate", "both", "burst"])
    if kind in ("flip", "both"):
        for _ in range(rng.randint(1, 40)):
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    if kind == "burst":
        at = rng.randrange(len(data))
        data[at : at + 512] = rng.randbytes(min(512, len(data) - at))
    if kind in ("truncate", "both"):
        data = data[: rng.randint(1, len(data))]
    return bytes(data)


def test_fuzz_batch_finishes_with_a_row_for_every_file(tmp_path):
    from extract.batch.ingest import ingest
    from extract.store.writer import connect

    rng = random.Random(20240909)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    sources = [
        CORPUS / "txt" / "000_cac69059bff0fcfb.txt",
        CORPUS / "office" / "001_9d22f5555e289895.docx",
        CORPUS / "office" / "004_77f6fc84ebd74c3d.pdf",
    ]
    names = []
    for src in sources:
        for i in range(MUTANTS_PER_FILE):
            name = f"{src.stem}_m{i}{src.suffix}"
            (inbox / name).write_bytes(mutate(src.read_bytes(), rng))
            names.append(name)
    db = tmp_path / "fuzz.duckdb"
    summary = ingest([inbox], db, settings=Settings(max_seconds_per_document=PER_FILE_SECONDS))
    assert sorted(r.path.rsplit("/", 1)[-1] for r in summary.results) == sorted(names)
    internal = [(r.path, r.error) for r in summary.results if r.error and "internal error" in r.error]
    assert not internal, internal
    con = connect(db, read_only=True)
    try:
        files = con.execute("SELECT count(*) FROM files").fetchone()[0]
        missing = con.execute(
            "SELECT count(*) FROM files f LEFT JOIN documents d USING (doc_id) WHERE d.doc_id IS NULL"
        ).fetchone()[0]
    finally:
        con.close()
    assert files == len(names) and missing == 0
