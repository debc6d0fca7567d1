"""Build the hostile-input folder from the sample corpus: everything a nightly batch meets.

    .venv/bin/python tests/make_hostile.py [OUTDIR]      (default tests/fixtures/hostile)

Every file is derived from the sample plans at run time, so nothing here is a hand-made
binary: broken downloads (truncated PDF and .docx, random bytes), an encrypted PDF, a zip
bomb, files whose names lie, the text of a plan in each encoding Vietnamese offices have
used (TCVN3, VNI, Windows-1258, UTF-16, UTF-8 with BOM, mojibake), a legacy .doc made by
LibreOffice, a realistic scan (pages rasterised at 200 dpi, slightly skewed and blurred,
rebuilt as an image-only PDF), a symlink loop, a named pipe and an unreadable file.

`EXPECTED` says what each file must come to (ok or failed, and words the error must hold).
The encoders below are the inverse of extract/encodings.py and serve the round-trip tests.
"""

from __future__ import annotations

import io
import os
import random
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
DEFAULT_OUT = ROOT / "tests" / "fixtures" / "hostile"
sys.path.insert(0, str(ROOT))

from extract.readers.encodings import _CP1252, legacy_encodings  # noqa: E402

PLANS = sorted(p.stem for p in (CORPUS / "txt").glob("*.txt"))

# file name -> (status, words the error must contain); "source" names the plan whose facts an ok file must carry
EXPECTED: dict[str, dict] = {
    "empty.txt": {"status": "failed", "error": "empty"},
    "blank_lines.txt": {"status": "failed", "error": "empty"},
    "truncated.pdf": {"status": "failed", "error": "damaged"},
    "random_bytes.bin": {"status": "failed", "error": "binary data"},
    "broken_download.docx": {"status": "failed", "error": "not a zip archive"},
    "encrypted.pdf": {"status": "failed", "error": "encrypted"},
    "corrupt_zip.docx": {"status": "failed", "error": "damaged"},
    "zip_bomb.docx": {"status": "failed", "error": "max_docx_uncompressed_bytes"},
    "excel_named.docx": {"status": "failed", "error": "Excel"},
    "plan_text_named.pdf": {"status": "ok", "source": PLANS[1], "encoding": "utf-8"},
    "plan_docx_named.doc": {"status": "ok", "source": PLANS[2], "format": "docx"},
    "plan_tcvn3.txt": {"status": "ok", "source": PLANS[0], "encoding": "tcvn3"},
    "plan_vni.txt": {"status": "ok", "source": PLANS[1], "encoding": "vni"},
    "plan_cp1258.txt": {"status": "ok", "source": PLANS[2], "encoding": "windows-1258"},
    "plan_utf16.txt": {"status": "ok", "source": PLANS[3], "encoding": "utf-16"},
    "plan_utf16_nobom.txt": {"status": "ok", "source": PLANS[4], "encoding": "utf-16-le"},
    "plan_utf8_bom.txt": {"status": "ok", "source": PLANS[4], "encoding": "utf-8-sig"},
    "plan_mojibake.txt": {"status": "ok", "source": PLANS[0], "encoding": "mojibake repaired"},
    "plan_tcvn3_font.docx": {"status": "ok", "source": PLANS[3], "encoding": "tcvn3"},
    "plan_legacy.doc": {"status": "ok", "source": PLANS[2], "format": "doc"},
    "plan_scan.pdf": {"status": "ok", "source": PLANS[1], "ocr": True},
    "named_pipe": {"status": "failed", "error": "not a regular file"},
    "self_link": {"status": "failed", "error": "symbolic link"},
}
# Pages of PLANS[1]'s PDF that the scan holds (its goals and its money).
SCAN_PAGES = (2, 3)
SCAN_DPI = 200
SCAN_SKEW_DEGREES = 0.6
SCAN_BLUR_RADIUS = 0.7


def txt(stem: str) -> str:
    return (CORPUS / "txt" / f"{stem}.txt").read_text(encoding="utf-8")


def _encoding(name: str):
    return next(e for e in legacy_encodings() if e.name == name)


def encode_tcvn3(text: str) -> bytes:
    """Unicode to TCVN3 bytes, capitals with tone marks as their lower-case code (the .VnTimeH way)."""
    enc = _encoding("tcvn3")
    inverse = {v: _CP1252.index(chr(k)) if chr(k) in _CP1252 else k for k, v in enc.table.items()}
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if ch in inverse:
            out.append(inverse[ch])
        elif ch.lower() in inverse and not ch.isascii():
            out.append(inverse[ch.lower()])
        else:
            out += ch.encode("cp1252", errors="replace")
    return bytes(out)


def encode_vni(text: str) -> bytes:
    """Unicode to VNI Windows bytes: base letter, then one byte for its marks."""
    enc = _encoding("vni")
    marks = {}  # (upper, combining marks) -> byte
    letters = {}
    for k, v in enc.table.items():
        byte = _CP1252.index(chr(k))
        if all(unicodedata.combining(c) for c in v):
            marks[(chr(k).isupper(), unicodedata.normalize("NFD", "a" + v)[1:])] = byte
        else:
            letters[v] = byte
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if ch in letters:
            out.append(letters[ch])
            continue
        d = unicodedata.normalize("NFD", ch)
        if len(d) == 1:
            out += ch.encode("cp1252", errors="replace")
            continue
        base, rest = d[0], d[1:]
        if "\u031b" in rest:  # horn: ơ ư are letters of their own in VNI
            base = unicodedata.normalize("NFC", base + "\u031b")
            rest = rest.replace("\u031b", "")
        out.append(letters[base]) if base in letters else out.extend(base.encode("cp1252", errors="replace"))
        if rest:
            key = (base.isupper(), rest)
            if key in marks:
                out.append(marks[key])
            else:
                out += b"?"
    return bytes(out)


def encode_cp1258(text: str) -> bytes:
    """Unicode to Windows-1258: letters it lacks are written as base letter + combining tone mark."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        d = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in d if c in "\u0300\u0301\u0303\u0309\u0323")
        base = unicodedata.normalize("NFC", "".join(c for c in d if c not in tones))
        out += base.encode("cp1258", errors="replace") + tones.encode("cp1258", errors="replace")
    return bytes(out)


def mojibake(text: str) -> bytes:
    """UTF-8 read as Windows-1252 (Latin-1 where it has a hole) and saved again as UTF-8."""
    return "".join(_CP1252[b] for b in text.encode("utf-8")).encode("utf-8")


def docx_with_text(docx: bytes, convert) -> bytes:
    """A copy of a .docx whose run texts are rewritten (as a Word file typed in a legacy font)."""
    import regex

    src = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                xml = data.decode("utf-8")
                xml = regex.sub(
                    r"(<w:t(?:\s[^>]*)?>)([^<]*)(</w:t>)", lambda m: m.group(1) + convert(m.group(2)) + m.group(3), xml
                )
                data = xml.encode("utf-8")
            dst.writestr(item, data)
    return out.getvalue()


def zip_bomb(docx: bytes, expanded_bytes: int) -> bytes:
    """A real .docx with one more part that expands to `expanded_bytes` of zeros."""
    out = io.BytesIO(docx)
    out.seek(0, io.SEEK_END)
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        info = zipfile.ZipInfo("word/media/padding.bin")
        info.compress_type = zipfile.ZIP_DEFLATED
        with zf.open(info, "w", force_zip64=True) as part:
            chunk = bytes(16 * 1024 * 1024)
            for _ in range(expanded_bytes // len(chunk)):
                part.write(chunk)
    return out.getvalue()


def encrypted_pdf(pdf: bytes) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def xlsx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
    return out.getvalue()


def legacy_doc(docx_path: Path) -> bytes:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit(
            "LibreOffice is needed to build the legacy .doc fixture: apt-get install libreoffice-writer-nogui"
        )
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "plan.docx"
        src.write_bytes(docx_path.read_bytes())
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={(Path(tmp) / 'profile').as_uri()}",
                "--headless",
                "--convert-to",
                "doc",
                "--outdir",
                tmp,
                str(src),
            ],
            check=True,
            capture_output=True,
            timeout=600,
            env=dict(os.environ, HOME=tmp),
        )
        return (Path(tmp) / "plan.doc").read_bytes()


def scan(pdf_path: Path, pages=SCAN_PAGES, dpi=SCAN_DPI, skew=SCAN_SKEW_DEGREES, blur=SCAN_BLUR_RADIUS) -> bytes:
    """Pages rasterised like a flatbed scan (grey, slightly rotated, soft), as an image-only PDF."""
    import pypdfium2 as pdfium
    from PIL import Image, ImageFilter

    pdf = pdfium.PdfDocument(str(pdf_path))
    images = []
    for p in pages:
        img = pdf[p - 1].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
        img = img.rotate(skew, resample=Image.BICUBIC, fillcolor=255).filter(ImageFilter.GaussianBlur(blur))
        paper = Image.effect_noise(img.size, 10).point(lambda v: min(255, v + 100))  # greyish, grainy paper
        img = Image.blend(img, paper, 0.06)
        images.append(img)
    pdf.close()
    out = io.BytesIO()
    images[0].save(out, format="PDF", save_all=True, append_images=images[1:], resolution=float(dpi), quality=80)
    return out.getvalue()


def build(out: Path = DEFAULT_OUT) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    for child in out.iterdir():
        if child.is_symlink() or child.is_file() or _is_fifo(child):
            child.unlink()
    office = CORPUS / "office"
    rng = random.Random(9)
    pdf0 = (office / f"{PLANS[0]}.pdf").read_bytes()
    docx1 = (office / f"{PLANS[1]}.docx").read_bytes()

    files = {
        "empty.txt": b"",
        "blank_lines.txt": b"\n\n   \r\n\t\n",
        "truncated.pdf": pdf0[: len(pdf0) * 2 // 5],
        "random_bytes.bin": rng.randbytes(6000),
        "broken_download.docx": b"\x8b\x1f" + rng.randbytes(3000),
        "encrypted.pdf": encrypted_pdf((office / f"{PLANS[3]}.pdf").read_bytes()),
        "corrupt_zip.docx": docx1[: len(docx1) // 2],
        "zip_bomb.docx": zip_bomb((office / f"{PLANS[4]}.docx").read_bytes(), 640 * 1024 * 1024),
        "excel_named.docx": xlsx(),
        "plan_text_named.pdf": txt(PLANS[1]).encode("utf-8"),
        "plan_docx_named.doc": (office / f"{PLANS[2]}.docx").read_bytes(),
        "plan_tcvn3.txt": encode_tcvn3(txt(PLANS[0])),
        "plan_vni.txt": encode_vni(txt(PLANS[1])),
        "plan_cp1258.txt": encode_cp1258(txt(PLANS[2])),
        "plan_utf16.txt": txt(PLANS[3]).encode("utf-16"),
        "plan_utf16_nobom.txt": txt(PLANS[4]).encode("utf-16-le"),
        "plan_utf8_bom.txt": b"\xef\xbb\xbf" + txt(PLANS[4]).replace("\n", "\r\n").encode("utf-8"),
        "plan_mojibake.txt": mojibake(txt(PLANS[0])),
        "plan_tcvn3_font.docx": docx_with_text(
            (office / f"{PLANS[3]}.docx").read_bytes(), lambda s: "".join(_CP1252[b] for b in encode_tcvn3(s))
        ),
        "plan_legacy.doc": legacy_doc(office / f"{PLANS[2]}.docx"),
        "plan_scan.pdf": scan(office / f"{PLANS[1]}.pdf"),
    }
    for name, data in files.items():
        (out / name).write_bytes(data)
    os.mkfifo(out / "named_pipe")
    (out / "self_link").symlink_to("self_link")
    (out / "loop").symlink_to(".")
    unreadable = out / "unreadable.txt"
    unreadable.write_bytes(txt(PLANS[3])[:4000].encode("utf-8"))
    unreadable.chmod(0)
    EXPECTED["unreadable.txt"] = (
        {"status": "failed", "error": "permission denied"} if os.geteuid() != 0 else {"status": "ok"}
    )
    return out


def _is_fifo(path: Path) -> bool:
    import stat

    try:
        return stat.S_ISFIFO(path.lstat().st_mode)
    except OSError:
        return False


if __name__ == "__main__":
    target = build(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT)
    print(f"hostile fixtures in {target}: {len(list(target.iterdir()))} entries")
