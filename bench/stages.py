"""Where extraction time goes: CPU seconds per stage over a folder of files, in one process.

`make bench` says how fast a run is; this says why. It runs `extract_bytes` on every file
(no database, no workers, no start-up) with a CPU timer around each stage of the pipeline
and prints the stages as a tree, inclusive times (a stage's time includes the stages
listed under it), with ms per PDF page. The timers are plain wrappers put around the
functions for the run (no profiler), so the figures are close to a normal run's. The
garbage collector is set up as in a pool worker (workers.settle_collector: what imports and
warm-up loaded is frozen; without that, collections over the imports' objects added about
half a millisecond per page, spread over whichever stages they fell in); its own time is
printed on a line of its own.

    python bench/stages.py ../shared/corpus/gazette
    python bench/stages.py ../shared/corpus/gazette --json output/stages.json

A stage whose function is not there (renamed) is listed as missing rather than failing,
and one never called (the glyph-by-glyph reader, a fallback now) is left out, so the
script keeps working on older and newer checkouts for before/after tables.
"""

from __future__ import annotations

import argparse
import functools
import gc
import importlib
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# (depth, label, module, attribute): a stage and where its function lives. Functions a
# module imported by name are wrapped where they are called from (pdf.lines, not pdflayout).
STAGES = [
    (0, "read_document", "extract.pipeline", "read_document"),
    (1, "PDFium: open page", "pypdfium2._helpers.document", "PdfDocument.get_page"),
    (1, "page layout (all of a page)", "extract.readers.pdf", "_pdfium_page"),
    (2, "characters to words", "extract.readers.pdffast", "page_words"),
    (2, "characters to glyphs (one by one)", "extract.readers.pdffast", "page_glyphs"),
    (2, "glyphs to words", "extract.readers.pdf", "words"),
    (3, "PDFium: text page (part of the above)", "pypdfium2._helpers.page", "PdfPage.get_textpage"),
    (2, "path objects", "extract.readers.pdffast", "path_bounds"),
    (2, "ruled tables (one-direction pages)", "extract.readers.pdftables", "find_tables"),
    (2, "grid cells (every ruled page; overlaps)", "extract.readers.pdftables", "find_cells"),
    (2, "lines, tables out", "extract.readers.pdf", "_layout"),
    (3, "table rows", "extract.readers.pdf", "_table_rows"),
    (1, "paragraphs and header block", "extract.readers.pdf", "assemble"),
    (1, "scattered-letter check", "extract.pipeline", "scattered_pages"),
    (1, "encoding repair", "extract.pipeline", "repair_blocks"),
    (1, "document model", "extract.pipeline", "build_document"),
    (0, "extract_document", "extract.pipeline", "extract_document"),
]


def _wrap(owner, name: str, label: str, seconds: Counter, calls: Counter) -> bool:
    original = getattr(owner, name, None)
    if original is None:
        return False

    @functools.wraps(original)
    def timed(*args, **kwargs):
        start = time.process_time()
        try:
            return original(*args, **kwargs)
        finally:
            seconds[label] += time.process_time() - start
            calls[label] += 1

    setattr(owner, name, timed)
    return True


def _owner(module: str, attribute: str):
    owner = importlib.import_module(module)
    *path, name = attribute.split(".")
    for part in path:
        owner = getattr(owner, part)
    return owner, name


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    files = sorted(p for p in args.folder.rglob("*") if p.is_file() and not p.name.startswith("."))
    if not files:
        print(f"no files in {args.folder}", file=sys.stderr)
        return 2

    start = time.process_time()
    from extract import pipeline
    from extract.batch.workers import warm_caches
    from extract.settings import Settings

    pipeline.steps()  # every step imported and its caches filled, as in a worker: not a cost of the first file
    warm_caches()
    # as a pool worker starts (workers.warm_worker): what is loaded by now is frozen, so the
    # collector's passes over the imports are not counted in the stages they happen to fall in
    from extract.batch import workers

    settle = getattr(workers, "settle_collector", None)  # older checkouts: frozen only
    if settle is not None:
        settle()
    else:
        gc.collect()
        gc.freeze()
    imports = time.process_time() - start
    collected = [0.0, 0]  # CPU seconds in the cyclic garbage collector, collections
    began = [0.0]

    def collector(phase: str, info: dict) -> None:
        if phase == "start":
            began[0] = time.process_time()
        else:
            collected[0] += time.process_time() - began[0]
            collected[1] += 1

    gc.callbacks.append(collector)

    seconds: Counter = Counter()
    calls: Counter = Counter()
    missing = [label for _, label, module, attr in STAGES if not _wrap(*_owner(module, attr), label, seconds, calls)]
    original_steps = pipeline.steps

    def timed_steps():
        out = []
        for run_step in original_steps():
            label = "step " + getattr(run_step, "__module__", "?").removeprefix("extract.extractors.")

            def timed(doc, ctx, run_step=run_step, label=label):
                begin = time.process_time()
                try:
                    return run_step(doc, ctx)
                finally:
                    seconds[label] += time.process_time() - begin
                    calls[label] += 1

            out.append(timed)
        return out

    pipeline.steps = timed_steps
    settings = Settings()
    pages = 0
    start = time.process_time()
    for f in files:
        try:
            extraction = pipeline.extract_bytes(f.read_bytes(), f.name, settings)
        except Exception as e:  # a failed file is part of a real folder; its time still counts
            print(f"{f.name}: {type(e).__name__}: {e}", file=sys.stderr)
            continue
        if extraction.document.get("format") == "pdf":
            pages += extraction.document.get("pages") or 0
    total = time.process_time() - start

    rows = [(0, "all files (extract_bytes)", total, len(files))]
    for depth, label, *_ in STAGES:
        if label not in missing and calls[label]:
            rows.append((depth + 1, label, seconds[label], calls[label]))
            if label == "extract_document":
                steps = sorted((k for k in seconds if k.startswith("step ")), key=lambda k: -seconds[k])
                rows += [(depth + 2, k, seconds[k], calls[k]) for k in steps]
    gc.callbacks.remove(collector)
    per_page = 1000 / pages if pages else 0.0
    print(f"{len(files)} files, {pages} PDF pages; imports and rule loading {imports:.2f} s CPU (once per process)")
    print(
        f"garbage collector: {collected[0]:.2f} s CPU in {collected[1]} collections, "
        f"{collected[0] * per_page:.2f} ms/page (spread over the stages below)"
    )
    print(f"{'stage':50s} {'CPU s':>8s} {'share':>6s} {'ms/page':>8s} {'calls':>7s}")
    for depth, label, secs, n in rows:
        share = secs / total if total else 0.0
        print(f"{'  ' * depth + label:50s} {secs:8.2f} {share:6.1%} {secs * per_page:8.2f} {n:7d}")
    if missing:
        print("not in this checkout: " + ", ".join(missing))
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "files": len(files),
                    "pages": pages,
                    "imports": imports,
                    "stages": [{"stage": label, "depth": d, "cpu": s, "calls": n} for d, label, s, n in rows],
                },
                indent=2,
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
