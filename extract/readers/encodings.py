"""Turn the bytes of a text file, or text read out of a document, into Unicode Vietnamese.

Plans come in every encoding Vietnamese offices have used: UTF-8 with or without BOM,
UTF-16 (Notepad's "Unicode"), Windows-1258 (whose tone marks are separate combining
characters), UTF-8 that was read as Latin-1 and saved again (`Káº¿ hoáº¡ch`), and the
8-bit font encodings TCVN3 (ABC, `.VnTime`) and VNI, which survive even inside .docx and
PDF files because the font, not the code point, drew the letter.

No header says which one a file uses, so every plausible reading is scored by how much
of it is well-formed Vietnamese syllables (rules/legacy_encodings.yaml) and the best one
wins. A reading only replaces the text as given when it is clearly better, so Unicode
text with the odd Latin-1 letter is left alone. Mojibake is repaired with ftfy, which
knows far more of its forms than a hand-written table would.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import filterfalse

import regex

from extract import rules
from extract.errors import UnsupportedFormatError

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_WORD = regex.compile(r"\p{L}+")
_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# How much text is scored when choosing a reading; a whole plan is not needed to decide.
_SAMPLE_CHARS = 200_000
# How much text decides between the as-given, mojibake-repaired and legacy-font readings.
_READING_SAMPLE_CHARS = 8_000
# A reading must beat the text as given by this share of its words to replace it.
_MIN_GAIN = 0.02
# Share of control characters above which decoded "text" is really binary data.
_MAX_CONTROL_SHARE = 0.02


def _cp1252_table() -> list[str]:
    out = []
    for b in range(256):
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(b))  # bytes cp1252 leaves undefined keep their Latin-1 meaning
    return out


_CP1252 = _cp1252_table()
_LATIN1_TO_CP1252 = {b: ch for b, ch in enumerate(_CP1252) if ch != chr(b)}
_HIGH_RUN = re.compile("[" + re.escape("".join(_CP1252[0x80:])) + "]{2,}")  # re: many times faster than regex here


@dataclass(frozen=True)
class LegacyEncoding:
    name: str
    table: dict[int, str]  # code point of the Windows-1252 character -> Unicode text
    caps_font: bool


@lru_cache(maxsize=1)
def legacy_encodings() -> tuple[LegacyEncoding, ...]:
    out = []
    for entry in rules.load("legacy_encodings"):
        if entry["kind"] != "encoding":
            continue
        table = {}
        for byte, text in entry["map"].items():
            if not isinstance(byte, int) or not 0 <= byte <= 255 or not isinstance(text, str):
                raise rules.RulesError(
                    f"legacy_encodings.yaml: {entry['name']}: map key {byte!r} must be a byte 0x00-0xFF mapped to text"
                )
            table[ord(_CP1252[byte])] = text
        out.append(LegacyEncoding(entry["name"], table, bool(entry.get("caps_font"))))
    return tuple(out)


@lru_cache(maxsize=1)
def _syllable_re() -> regex.Pattern:
    entry = next(e for e in rules.load("legacy_encodings") if e["kind"] == "syllable")

    def alt(items: list[str]) -> str:
        return "|".join(regex.escape(unicodedata.normalize("NFC", i)) for i in sorted(items, key=len, reverse=True))

    return regex.compile(f"(?:{alt(entry['initials'])})?(?:{alt(entry['nuclei'])})(?:{alt(entry['finals'])})?")


@lru_cache(maxsize=50_000)
def _is_syllable(word: str) -> bool:
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(1 for ch in decomposed if ch in _TONES) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONES))
    return _syllable_re().fullmatch(bare) is not None


def vietnamese_score(text: str) -> float:
    """Well-formed minus malformed words among those with letters beyond ASCII, per word.

    Plain ASCII words say nothing about the encoding (digits, "Kinh", "tai") and count
    only in the denominator.
    """
    score, words = _score_parts(text[:_SAMPLE_CHARS])
    return score / max(words, 1)


def _score_parts(text: str) -> tuple[int, int]:
    """vietnamese_score's numerator and denominator. Both add up line by line (no word
    spans a line break, and NFC composes nothing across one), which lets a reading that
    changes a few lines be scored from those lines alone."""
    sample = unicodedata.normalize("NFC", text)
    words = _WORD.findall(sample)
    score = sum(n if _is_syllable(w) else -n for w, n in Counter(filterfalse(str.isascii, words)).items())
    return score - 2 * sample.count("\ufffd"), len(words)


_CAPS_LINE = regex.compile(r"^[^\n]*$", regex.M)
_CAPS_WORD = regex.compile(r"\S+")


def _restore_capitals(text: str) -> str:
    """Upper-case what a capitals font (.VnTimeH) drew from lower-case codes.

    A line whose ASCII letters are all capitals was typed in the capitals font; so was a
    word with two or more ASCII capitals and no ASCII small letters.
    """

    def fix_line(m: regex.Match) -> str:
        line = m.group()
        ascii_letters = [c for c in line if c.isascii() and c.isalpha()]
        if len(ascii_letters) >= 3 and all(c.isupper() for c in ascii_letters):
            return line.upper()
        return _CAPS_WORD.sub(fix_word, line)

    def fix_word(m: regex.Match) -> str:
        w = m.group()
        ascii_letters = [c for c in w if c.isascii() and c.isalpha()]
        if len(ascii_letters) >= 2 and all(c.isupper() for c in ascii_letters):
            return w.upper()
        return w

    return _CAPS_LINE.sub(fix_line, text)


def convert_legacy(text: str, encoding: LegacyEncoding) -> str:
    """Text whose characters are a legacy font's Windows-1252 codes, as Unicode.

    A line holding any character beyond Windows-1252 ("ế", "ư") is Unicode already and
    is left as it is, so a document that mixes fonts loses nothing.
    """
    return "".join(_convert_line(line, encoding) for line in text.splitlines(keepends=True))


def _convert_line(line: str, encoding: LegacyEncoding) -> str:
    if not _in_cp1252(line):
        return line
    out = unicodedata.normalize("NFC", line.translate(encoding.table))
    return _restore_capitals(out) if encoding.caps_font else out


# a character outside the 256 above, as a plain class: one scan in C, not a test per character
_BEYOND_CP1252 = re.compile("[^" + "".join(map(re.escape, _CP1252)) + "]")


def _in_cp1252(text: str) -> bool:
    return _BEYOND_CP1252.search(text) is None


def _fix_mojibake(text: str) -> str:
    # deferred: ftfy loads only for text that looks mis-decoded
    import ftfy

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
    normal = unicodedata.normalize("NFC", text)
    may_change = _ftfy_may_change(text) or (normal != text and _ftfy_may_change(normal))
    fixed = ftfy.fix_text(text, config) if may_change else normal
    return _HIGH_RUN.sub(_redecode, fixed)


_FTFY_FIXES = regex.compile(r"[\x80-\x9f\ud800-\udfff]")  # what fix_c1_controls and fix_surrogates change


def _ftfy_may_change(text: str) -> bool:
    """False when ftfy, as configured above, can only NFC-normalise the text.

    ftfy fixes line by line, and each line is about a millisecond of Python; but it only
    re-decodes a line its badness pattern matches, and that pattern has no lookarounds, so
    no match in the whole text means no match in any line. (Its one anchored alternative,
    Ã or Â and a space at ^, is seen at the start of the whole text only: a later line
    opening so is left as it is.)
    """
    # deferred: ftfy loads only for text that looks mis-decoded
    from ftfy.badness import is_bad

    return is_bad(text) or _FTFY_FIXES.search(text) is not None


def _redecode(m: re.Match) -> str:
    """A run of Windows-1252 characters that are the bytes of UTF-8 text, decoded.

    ftfy leaves short mojibake alone where its heuristics are unsure ("Ná»™i" on a line of
    its own); once the document as a whole is known to be mojibake, every run that decodes
    cleanly is repaired.
    """
    run = m.group()
    try:
        return bytes(_CP1252.index(ch) for ch in run).decode("utf-8")
    except (ValueError, UnicodeDecodeError):
        return run


@dataclass(frozen=True)
class Reading:
    text: str
    label: str | None  # None: the text as given is best


def best_reading(text: str) -> Reading:
    """The most Vietnamese of: the text as given, ftfy's repair, each legacy font decoding."""
    if text.isascii():
        return Reading(text, None)
    # the readings are compared on a sample (a document is in one encoding throughout);
    # only the winner is applied to the whole text
    sample = text[:_READING_SAMPLE_CHARS]
    base_parts = _score_parts(sample)  # the whole sample: it is shorter than vietnamese_score's own
    base = base_parts[0] / max(base_parts[1], 1)
    best_label, best_score = None, base
    scores: list[tuple[str, float]] = []
    fixed = _fix_mojibake(sample)
    if fixed != unicodedata.normalize("NFC", sample):
        scores.append(("mojibake repaired", vietnamese_score(fixed)))
    lines = sample.splitlines(keepends=True)
    for enc in legacy_encodings():
        # a legacy reading leaves every line with a character beyond Windows-1252 alone:
        # score it as the text as given, corrected for the lines it changes
        score, words = base_parts
        for line in lines:
            if (converted := _convert_line(line, enc)) != line:
                (s_old, w_old), (s_new, w_new) = _score_parts(line), _score_parts(converted)
                score, words = score + s_new - s_old, words + w_new - w_old
        scores.append((enc.name, score / max(words, 1)))
    for label, score in scores:
        if score > best_score + _MIN_GAIN and score > base + _MIN_GAIN:
            best_label, best_score = label, score
    if best_label is None:
        return Reading(text, None)
    return Reading(convert_with(best_label, text), best_label)


def _utf16_without_bom(sample: bytes) -> str | None:
    """utf-16-le / utf-16-be when every other byte is mostly NUL (ASCII-range text)."""
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    zeros_even = even.count(0) / len(even)
    zeros_odd = odd.count(0) / max(len(odd), 1)
    if zeros_odd > 0.3 and zeros_even < 0.05:
        return "utf-16-le"
    if zeros_even > 0.3 and zeros_odd < 0.05:
        return "utf-16-be"
    return None


def looks_like_text(data: bytes) -> bool:
    """Whether bytes can be a text file at all (decides text against unknown binary)."""
    sample = data[:8192]
    if sample.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    if b"\x00" in sample:
        return _utf16_without_bom(sample) is not None
    text = sample.decode("latin-1")
    return len(_CONTROL.findall(text)) <= _MAX_CONTROL_SHARE * max(len(text), 1)


def _check_text(text: str, encoding: str) -> None:
    sample = text[:_READING_SAMPLE_CHARS]
    if len(_CONTROL.findall(sample)) > _MAX_CONTROL_SHARE * max(len(sample), 1):
        raise UnsupportedFormatError(
            f"the file is binary data, not text (read as {encoding} it is mostly control characters); "
            "check what was downloaded and that it is a PDF, Word or text file"
        )


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode a text file; returns (NFC text, encoding name as recorded on documents)."""
    for bom, codec, label in (
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
        (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
    ):
        if data.startswith(bom):
            return _finish(data[len(bom) :].decode(codec, errors="replace"), label)
    utf16 = _utf16_without_bom(data[:8192]) if b"\x00" in data[:8192] else None
    if utf16:
        return _finish(data.decode(utf16, errors="replace"), utf16)
    try:
        return _finish(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    latin = data.decode("latin-1").translate(_LATIN1_TO_CP1252)
    candidates = [("windows-1258", unicodedata.normalize("NFC", data.decode("cp1258", errors="replace")))]
    candidates += [(enc.name, convert_legacy(latin, enc)) for enc in legacy_encodings()]
    candidates.append(("windows-1252", latin))
    label, text = max(candidates, key=lambda c: vietnamese_score(c[1]))
    _check_text(text, label)
    return text, label


def _finish(text: str, label: str) -> tuple[str, str]:
    _check_text(text, label)
    reading = best_reading(text)
    if reading.label is None:
        return unicodedata.normalize("NFC", text), label
    return (
        reading.text,
        f"{label}, {reading.label}" if reading.label == "mojibake repaired" else f"{reading.label} (as {label})",
    )


def convert_with(label: str, text: str) -> str:
    """Apply the reading `best_reading` chose (by its label) to another piece of text."""
    if label == "mojibake repaired":
        return _fix_mojibake(text)
    enc = next(e for e in legacy_encodings() if e.name == label)
    return convert_legacy(text, enc)


def repair_blocks(blocks: list) -> str | None:
    """Convert a Word or PDF document's text drawn with a legacy font or mangled into mojibake.

    The reading is chosen on the whole document; it is then applied to each paragraph and
    cell where it does not make that piece less Vietnamese, so the Unicode parts of a
    document that mixes fonts stay as they are. Returns the reading's label or None.
    """
    pieces = [b.text for b in blocks if b.text] + [c.text for b in blocks for r in b.rows for c in r.cells if c.text]
    reading = best_reading("\n".join(pieces))
    if reading.label is None:
        return None

    def fix(text: str) -> str:
        if not text or text.isascii() or not _in_cp1252(text):
            return text
        converted = convert_with(reading.label, text)
        return converted if vietnamese_score(converted) >= vietnamese_score(text) else text

    for b in blocks:
        b.text = fix(b.text)
        for r in b.rows:
            for c in r.cells:
                c.text = fix(c.text)
    return reading.label
