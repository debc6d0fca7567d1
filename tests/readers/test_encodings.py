"""Text decoding: every encoding Vietnamese plans are found in comes out as the same Unicode."""

from __future__ import annotations

import codecs
import unicodedata

import pytest
import regex
from conftest import CORPUS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from make_hostile import encode_cp1258, encode_tcvn3, encode_vni, mojibake

from extract.document.blocks import RawBlock, RawCell, RawRow
from extract.errors import DocumentError
from extract.readers.encodings import (
    _CP1252,
    best_reading,
    convert_legacy,
    decode_bytes,
    legacy_encodings,
    repair_blocks,
    vietnamese_score,
)

SENTENCE = "Kế hoạch thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững năm 2024, Ủy ban nhân dân huyện"
PLANS = sorted((CORPUS / "txt").glob("*.txt"))


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


@pytest.mark.parametrize(
    "data, text, encoding",
    [
        (SENTENCE.encode("utf-8"), SENTENCE, "utf-8"),
        (codecs.BOM_UTF8 + SENTENCE.encode("utf-8"), SENTENCE, "utf-8-sig"),
        (SENTENCE.encode("utf-16"), SENTENCE, "utf-16"),
        (SENTENCE.encode("utf-16-le"), SENTENCE, "utf-16-le"),
        (SENTENCE.encode("utf-16-be"), SENTENCE, "utf-16-be"),
        (encode_cp1258(SENTENCE), SENTENCE, "windows-1258"),
        (encode_vni(SENTENCE), SENTENCE, "vni"),
        (mojibake(SENTENCE), SENTENCE, "utf-8, mojibake repaired"),
        ("Káº¾ HOáº CH".encode(), "KẾ HOẠCH", "utf-8, mojibake repaired"),
        # TCVN3 has no codes for capitals with tone marks: "Ủy" comes back as "ủy"
        (encode_tcvn3(SENTENCE), SENTENCE.replace("Ủy", "ủy"), "tcvn3"),
        # TCVN3 text that went through a Unicode editor keeps its Windows-1252 characters
        ("Kế hoạch".encode(), "Kế hoạch", "utf-8"),
        (
            "KÕ ho¹ch thùc hiÖn Ch­¬ng tr×nh gi¶m nghÌo bÒn v÷ng".encode(),
            "Kế hoạch thực hiện Chương trình giảm nghèo bền vững",
            "tcvn3 (as utf-8)",
        ),
    ],
)
def test_decode_bytes(data, text, encoding):
    got, label = decode_bytes(data)
    assert (got, label) == (nfc(text), encoding)


def test_cp1258_combining_tone_marks_compose_to_nfc():
    data = "Kê\u0301 hoa\u0323ch".encode("cp1258")
    assert b"\xec" in data and b"\xf2" in data  # the tone marks are bytes of their own
    text, label = decode_bytes(data)
    assert text == "Kế hoạch" and label == "windows-1258"


def test_tcvn3_capitals_font_lines_are_upper_cased():
    """A heading typed in .VnTimeH uses the lower-case codes; the line comes back in capitals."""
    text, _ = decode_bytes(encode_tcvn3("KẾ HOẠCH THỰC HIỆN\nGiảm nghèo bền vững và phát triển"))
    assert text == "KẾ HOẠCH THỰC HIỆN\nGiảm nghèo bền vững và phát triển"


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.stem)
@pytest.mark.parametrize(
    "encoder, label, exact",
    [
        (encode_vni, "vni", True),
        (encode_cp1258, "windows-1258", True),
        (mojibake, "utf-8, mojibake repaired", True),
        (lambda s: s.encode("utf-16"), "utf-16", True),
        (encode_tcvn3, "tcvn3", False),
    ],
    ids=["vni", "cp1258", "mojibake", "utf16", "tcvn3"],
)
def test_every_sample_plan_round_trips(path, encoder, label, exact):
    original = nfc(path.read_text(encoding="utf-8"))
    text, got_label = decode_bytes(encoder(original))
    assert got_label == label
    assert (text if exact else text.lower()) == (original if exact else original.lower())


def test_unicode_with_latin1_words_is_left_alone():
    text = "Hợp tác với tổ chức Caritas Schweiz (Zürich) và Médecins du Monde tại Hà Nội năm 2023"
    assert best_reading(text).label is None
    assert decode_bytes(text.encode("utf-8")) == (text, "utf-8")


def test_mojibake_short_line_repaired():
    """Regression: ftfy alone leaves 'Ná»™i' on a short line; the run-level pass repairs it."""
    text, label = decode_bytes(mojibake("c) Nội dung:\nKế hoạch giảm nghèo bền vững của huyện"))
    assert text == "c) Nội dung:\nKế hoạch giảm nghèo bền vững của huyện"


def test_repair_blocks_converts_legacy_font_pieces_and_keeps_unicode_ones():
    tcvn = "".join(
        chr(b) if b < 128 else bytes([b]).decode("cp1252")
        for b in encode_tcvn3("Hỗ trợ phát triển sản xuất nông nghiệp")
    )
    blocks = [
        RawBlock("paragraph", text=tcvn),
        RawBlock("paragraph", text="Kế hoạch thực hiện năm 2024 của Ủy ban nhân dân"),
        RawBlock("table", rows=[RawRow([RawCell(tcvn, 0), RawCell("Tổng cộng", 1)])]),
    ]
    assert repair_blocks(blocks) == "tcvn3"
    assert blocks[0].text == "Hỗ trợ phát triển sản xuất nông nghiệp"
    assert blocks[1].text == "Kế hoạch thực hiện năm 2024 của Ủy ban nhân dân"
    assert [c.text for c in blocks[2].rows[0].cells] == ["Hỗ trợ phát triển sản xuất nông nghiệp", "Tổng cộng"]


def test_binary_data_is_not_text():
    with pytest.raises(DocumentError, match="binary"):
        decode_bytes(bytes(range(1, 32)) * 50)


def test_legacy_tables_are_consistent():
    for enc in legacy_encodings():
        values = [v for v in enc.table.values() if not unicodedata.combining(v[0])]
        assert len(values) == len(set(values)), f"{enc.name} maps two bytes to one letter"
        assert all(len(v) == 1 and unicodedata.category(v) in ("Ll", "Lu") for v in values), enc.name
    tcvn3 = next(e for e in legacy_encodings() if e.name == "tcvn3")
    tones = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
    lower = {nfc(base + t) for base in ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"] for t in tones} | {
        "đ"
    }
    lower = {ch for ch in lower if not ch.isascii()}
    assert len(lower) == 67
    assert {v for v in tcvn3.table.values() if v.islower()} == lower
    assert {v for v in tcvn3.table.values() if v.isupper()} == set("ĂÂÊÔƠƯĐ")


def test_score_prefers_vietnamese():
    tcvn3 = next(e for e in legacy_encodings() if e.name == "tcvn3")
    garbled = "".join(chr(b) if b < 128 else bytes([b]).decode("cp1252") for b in encode_tcvn3(SENTENCE))
    assert vietnamese_score(convert_legacy(garbled, tcvn3)) > vietnamese_score(garbled)


# --- properties -----------------------------------------------------------------------


def _syllables() -> list[str]:
    import regex

    words = set()
    for p in PLANS:
        words.update(w for w in regex.findall(r"\p{Ll}+", p.read_text(encoding="utf-8")) if not w.isascii())
    return sorted(words)


SYLLABLES = _syllables()
vietnamese_text = st.lists(st.sampled_from(SYLLABLES), min_size=12, max_size=40).map(" ".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(vietnamese_text, st.sampled_from(["vni", "cp1258", "mojibake", "utf16"]))
def test_round_trip_property(text, encoding):
    encoder = {"vni": encode_vni, "cp1258": encode_cp1258, "mojibake": mojibake, "utf16": lambda s: s.encode("utf-16")}[
        encoding
    ]
    assert decode_bytes(encoder(text))[0] == nfc(text)


@settings(max_examples=60, deadline=None)
@given(vietnamese_text)
def test_tcvn3_round_trip_property(text):
    assert decode_bytes(encode_tcvn3(text))[0] == nfc(text)


@settings(max_examples=300, deadline=None)
@given(st.binary(min_size=1, max_size=3000))
def test_decode_arbitrary_bytes_never_crashes(data):
    try:
        text, label = decode_bytes(data)
    except DocumentError:
        return
    assert isinstance(text, str) and label
    assert text == nfc(text)


def _fix_mojibake_reference(text: str) -> str:
    """ftfy run over every line, with no shortcut."""
    import ftfy

    from extract.readers.encodings import _HIGH_RUN, _redecode

    config = ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        remove_control_chars=False,
        normalization="NFC",
        explain=False,
    )
    return _HIGH_RUN.sub(_redecode, ftfy.fix_text(text, config))


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.stem)
@pytest.mark.parametrize("garble", ["none", "mojibake", "nfd", "latin1", "c1"])
def test_mojibake_repair_shortcut_gives_what_ftfy_gives(path, garble):
    from extract.readers.encodings import _fix_mojibake

    text = path.read_text(encoding="utf-8")[:8000]
    text = {
        "none": lambda t: t,
        "mojibake": lambda t: mojibake(t).decode("utf-8"),
        "nfd": lambda t: unicodedata.normalize("NFD", t),
        "latin1": lambda t: t.encode("utf-8").decode("latin-1"),
        "c1": lambda t: t.replace("đ", "\x9d", 3),
    }[garble](text)
    assert _fix_mojibake(text) == _fix_mojibake_reference(text)


def _best_reading_reference(text: str):
    """Every candidate reading converted in full and scored in full."""
    from extract.readers.encodings import _MIN_GAIN, _READING_SAMPLE_CHARS, _fix_mojibake, convert_with

    if text.isascii():
        return text, None
    sample = text[:_READING_SAMPLE_CHARS]
    base = vietnamese_score(sample)
    best_label, best_score = None, base
    candidates = []
    fixed = _fix_mojibake(sample)
    if fixed != nfc(sample):
        candidates.append(("mojibake repaired", fixed))
    candidates += [(enc.name, convert_legacy(sample, enc)) for enc in legacy_encodings()]
    for label, candidate in candidates:
        score = vietnamese_score(candidate)
        if score > best_score + _MIN_GAIN and score > base + _MIN_GAIN:
            best_label, best_score = label, score
    return (text, None) if best_label is None else (convert_with(best_label, text), best_label)


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.stem)
@pytest.mark.parametrize("encoder", ["unicode", "tcvn3", "vni", "cp1258", "mojibake", "mixed"])
def test_reading_scored_line_by_line_is_the_reading_scored_whole(path, encoder):
    text = path.read_text(encoding="utf-8")
    if encoder == "mixed":  # legacy-font lines among Unicode ones
        text = "".join(
            ln if i % 3 else encode_tcvn3(ln).decode("cp1252", "replace")
            for i, ln in enumerate(text.splitlines(keepends=True))
        )
    elif encoder != "unicode":
        raw = {"tcvn3": encode_tcvn3, "vni": encode_vni, "cp1258": encode_cp1258, "mojibake": mojibake}[encoder](text)
        text = raw.decode("cp1252", "replace")
    got = best_reading(text)
    assert (got.text, got.label) == _best_reading_reference(text)


@settings(max_examples=500)
@given(st.text(st.sampled_from("".join(_CP1252[0x7C:]) + "aế\n")))
def test_high_runs_found_as_the_regex_module_finds_them(text):
    """_HIGH_RUN is a plain class of characters, so the standard library's engine (faster)
    finds the very runs the regex module does."""
    from extract.readers.encodings import _HIGH_RUN

    plain = regex.compile("[" + regex.escape("".join(_CP1252[0x80:])) + "]{2,}")
    assert [m.span() for m in _HIGH_RUN.finditer(text)] == [m.span() for m in plain.finditer(text)]


@settings(max_examples=500)
@given(st.text(st.sampled_from(_CP1252 + ["ế", "Đ", "\u0301", "\ud800", "𝐀", "Ā"])))
def test_windows_1252_check_is_each_character_in_the_table(text):
    from extract.readers.encodings import _in_cp1252

    assert _in_cp1252(text) == all(ch in set(_CP1252) for ch in text)
