"""Text fidelity of the PDF reader: how many of a document's words the stored text keeps.

For every PDF under a directory, the words of PDFium's own page text (FPDFText_GetText,
in content order: an independent reader that does no layout) against the words of the
text kehoach stores for the document (`documents.text`, read by the same reader `ingest`
uses). A file's figure is the share of the reference's words found in the stored text,
counted as multisets (order does not matter, every occurrence does), in NFC and lower case.

PDFium breaks a word where its glyphs change text object or baseline (in turned text,
and around some precomposed Vietnamese letters: "NGH" / "Ề"), and such a break is no loss
of the document's. So up to three consecutive reference pieces separated by white space
only count as found when the stored text holds their join. Scattered letters ("t ế h y à g
N" for "Ngày hết hiệu lực") and reversed words keep almost nothing.

    python bench/fidelity.py ../shared/corpus/gazette [--min 0.95] [--out output/fidelity.json]

Prints one line per file (worst first) and names every file under --min; the exit status
is 1 when any file is under it.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import pypdfium2
import regex

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.errors import DocumentError  # noqa: E402
from extract.pipeline import read_document  # noqa: E402
from extract.settings import DEFAULT_SETTINGS  # noqa: E402

_WORD = regex.compile(r"\w+")
_MAX_JOIN = 3


def reference_text(data: bytes) -> str:
    pdf = pypdfium2.PdfDocument(data)
    try:
        parts = []
        for page in pdf:
            textpage = page.get_textpage()
            parts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return "\n".join(parts)
    finally:
        pdf.close()


def kept_share(reference: str, stored: str) -> tuple[float, int, Counter]:
    """(share of the reference's words the stored text holds, reference word count, words lost)."""
    have = Counter(w.lower() for w in _WORD.findall(unicodedata.normalize("NFC", stored)))
    reference = unicodedata.normalize("NFC", reference)
    found = list(_WORD.finditer(reference))
    words = [m.group().lower() for m in found]
    # whether only white space separates word k from word k + 1
    spaced = [reference[a.end() : b.start()].isspace() for a, b in zip(found, found[1:])] + [False]
    kept, lost, k = 0, Counter(), 0
    while k < len(words):
        for n in range(_MAX_JOIN, 1, -1):
            if k + n <= len(words) and all(spaced[k : k + n - 1]):
                joined = "".join(words[k : k + n])
                if have[joined] > 0:
                    have[joined] -= 1
                    kept += n
                    k += n
                    break
        else:
            if have[words[k]] > 0:
                have[words[k]] -= 1
                kept += 1
            else:
                lost[words[k]] += 1
            k += 1
    return (kept / len(words) if words else 1.0), len(words), lost


def measure(path: Path) -> dict:
    data = path.read_bytes()
    try:
        stored = read_document(data, DEFAULT_SETTINGS, path.name).text
    except DocumentError as e:
        return {"file": path.name, "error": str(e)}
    share, count, lost = kept_share(reference_text(data), stored)
    return {"file": path.name, "kept": round(share, 4), "words": count, "lost": dict(lost.most_common(8))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--min", type=float, default=0.95, help="files under this share are named (default 0.95)")
    parser.add_argument("--out", type=Path, help="write the figures as JSON here")
    args = parser.parse_args(argv)
    rows = [measure(p) for p in sorted(args.corpus.rglob("*.pdf"))]
    measured = sorted((r for r in rows if "kept" in r), key=lambda r: r["kept"])
    for r in measured:
        print(f"{r['kept']:6.3f}  {r['words']:7d}  {r['file']}")
    for r in rows:
        if "error" in r:
            print(f"   n/a           {r['file']}: {r['error']}")
    under = [r["file"] for r in measured if r["kept"] < args.min]
    mean = sum(r["kept"] for r in measured) / len(measured) if measured else 1.0
    print(f"{len(measured)} PDFs, mean {mean:.3f}, {len(under)} under {args.min}: {', '.join(under) or 'none'}")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps({"min": args.min, "under": under, "files": rows}, ensure_ascii=False, indent=1))
    return 1 if under else 0


if __name__ == "__main__":
    raise SystemExit(main())
