"""Benchmark kehoach ingest against a floor and a naive baseline, on one corpus, in one run.

    (a) floor     raw text only, with the fastest readers: pypdfium2, python-docx, plain read
    (b) naive     pdfplumber text and tables on every PDF page, python-docx for DOCX, plain read
    (c) kehoach   `kehoach ingest` end to end into a fresh database, --jobs 1 and --jobs 2
    (d) re-run    `kehoach ingest --jobs 2` again over the unchanged corpus (incremental)

The same floor and kehoach runs, (a) and (c), are then made on real PDFs: the 52 official
gazette PDFs of ../shared/corpus/gazette (--real DIR; skipped with a message when the
folder is absent), whose fonts, running headers, ruled forms and long documents are what
users feel; there the target is kehoach --jobs 2 within twice the one-process floor.

Every measurement runs in its own process tree; wall time includes interpreter start-up
(what a user or scheduler waits for) and peak memory is the highest sum of resident memory
over the whole tree (parent and workers), sampled every 50 ms (SAMPLE_SECONDS), as the
sum of each process's proportional set size (PSS: a page shared by the fork server and
its workers counts once, split between them). The sum of resident sizes, which counts
shared pages once per process, is shown beside it. Prints a table and the ratios, and
writes them to output/bench.json.

    python bench/run.py output/bench-corpus --out output/bench.json
    python bench/run.py --real-only --real ../shared/corpus/gazette   # the real PDFs alone
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
GIB = 1024**3
# The sampler shares the two cores with what it measures: reading every process's
# smaps_rollup costs about 0.75 ms and listing the tree (a scan of /proc) 0.5 ms, so
# sampling a five-process tree every 20 ms took a sixth of a core from the workers.
SAMPLE_SECONDS = float(os.environ.get("KEHOACH_BENCH_SAMPLE_SECONDS", "0.05"))
LIST_SECONDS = 0.25  # workers start once; the tree is listed again this often


def corpus_files(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.rglob("*") if p.suffix in (".txt", ".docx", ".pdf"))


# ---------------------------------------------------------------- phases (a) and (b), run in a child process


def _docx_text(data: bytes) -> str:
    import io

    import docx

    d = docx.Document(io.BytesIO(data))
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            parts.append("\t".join(c.text for c in row.cells))
    return "\n".join(parts)


def floor(files: list[Path]) -> dict:
    import pypdfium2

    pages = chars = 0
    for f in files:
        data = f.read_bytes()
        if f.suffix == ".pdf":
            pdf = pypdfium2.PdfDocument(data)
            try:
                for page in pdf:
                    tp = page.get_textpage()
                    chars += len(tp.get_text_range())
                    tp.close()
                    page.close()
                    pages += 1
            finally:
                pdf.close()
        elif f.suffix == ".docx":
            chars += len(_docx_text(data))
        else:
            chars += len(data.decode("utf-8", errors="replace"))
    return {"pages": pages, "chars": chars}


def naive(files: list[Path]) -> dict:
    import io

    import pdfplumber

    pages = chars = tables = 0
    for f in files:
        data = f.read_bytes()
        if f.suffix == ".pdf":
            with pdfplumber.open(io.BytesIO(data)) as pdf:
                for page in pdf.pages:
                    chars += len(page.extract_text() or "")
                    tables += len(page.extract_tables())
                    pages += 1
                    page.close()
        elif f.suffix == ".docx":
            chars += len(_docx_text(data))
        else:
            chars += len(data.decode("utf-8", errors="replace"))
    return {"pages": pages, "chars": chars, "tables": tables}


# ---------------------------------------------------------------- measuring a process tree


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(cmd: list[str], label: str, env: dict | None = None, memory: bool = True) -> dict:
    """Run `cmd`; wall seconds, CPU seconds and peak resident memory of the whole process tree.

    CPU is the command's own (from the kernel once it is reaped) plus the last sample of each
    process it started (the pool's fork server and workers are not its children to reap).
    On a machine busy with other work the wall time grows and the CPU time much less, so
    the two together say whether a slow run was slow or only kept waiting.

    `memory` False samples CPU times alone and reports no peak: reading every process's
    proportional set size takes about 0.75 ms a process, and every 50 ms over a five-process
    tree that is a tenth of a core taken from a run that keeps both cores busy (--jobs 2 on
    the real PDFs took 4.7 s sampled so and 4.2 s not, alternating runs of 2026-12-07).
    """
    start = time.perf_counter()
    cpu_before = _children_cpu()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    peak = peak_rss = 0
    cpu: dict[int, float] = {}
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak, peak_rss
        try:
            root = psutil.Process(proc.pid)
        except psutil.NoSuchProcess:
            return
        tree: list[psutil.Process] = []
        listed = float("-inf")
        while not stop.is_set():
            now = time.perf_counter()
            if now - listed >= LIST_SECONDS:
                try:
                    tree = [root] + root.children(recursive=True)
                except psutil.NoSuchProcess:
                    break
                listed = now
            total = total_rss = 0
            for p in tree:
                try:
                    if memory:
                        info = p.memory_full_info()
                        total_rss += info.rss
                        total += getattr(info, "pss", info.rss)
                    if p is not root:
                        times = p.cpu_times()
                        cpu[p.pid] = times.user + times.system
                except (psutil.NoSuchProcess, psutil.AccessDenied):
                    pass
            peak, peak_rss = max(peak, total), max(peak_rss, total_rss)
            stop.wait(SAMPLE_SECONDS)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - start
    stop.set()
    sampler.join()
    cpu_seconds = _children_cpu() - cpu_before + sum(cpu.values())
    if proc.returncode not in (0,):
        sys.stderr.write(err.decode(errors="replace")[-4000:])
        raise SystemExit(f"{label}: {' '.join(cmd)} exited with {proc.returncode}")
    shown = f"peak {peak / 2**20:7.0f} MiB (RSS sum {peak_rss / 2**20:.0f})" if memory else "memory not sampled"
    print(f"  {label:<28} {seconds:8.2f} s  CPU {cpu_seconds:7.2f} s  {shown}", file=sys.stderr, flush=True)
    return {
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "peak_bytes": peak if memory else None,
        "peak_rss_sum_bytes": peak_rss if memory else None,
        "stdout": out.decode(errors="replace"),
    }


def _kehoach(corpus: Path, workdir: Path, name: str, jobs: int, label: str, memory: bool = True) -> dict:
    """`kehoach ingest` end to end into a fresh database, measured; counts from its report."""
    kehoach = str(Path(sys.executable).with_name("kehoach"))
    db = workdir / f"{name}.duckdb"
    report = workdir / f"{name}.json"
    for p in (db, Path(f"{db}.wal"), report):
        p.unlink(missing_ok=True)
    c = measure(
        [kehoach, "ingest", str(corpus), "--db", str(db), "--jobs", str(jobs), "-q", "--report", str(report)],
        label,
        memory=memory,
    )
    c.pop("stdout")
    rep = json.loads(report.read_text())
    c.update(ok=rep["counts"]["ok"], failed=rep["counts"]["failed"], pages=rep["counts"]["pages"])
    return c


def _machine() -> dict:
    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_average": os.getloadavg(),
    }


def run_real(real: Path, workdir: Path, rounds: int = 3) -> dict | None:
    """(a) the pypdfium2 text floor and (c) kehoach --jobs 1 and 2 on a folder of real PDFs.

    The floor and --jobs 2 are measured `rounds` times, each round the one right after the
    other, and --jobs 1 once (in the first round): on a shared machine whose speed drifts
    from minute to minute, a ratio of two runs made seconds apart says more than one of
    runs made a minute apart, and the median of a few such ratios more than any one. Every
    round is kept in the report; `results` holds each measurement's median.

    The timed runs sample CPU alone; peak memory comes from one more run of each of --jobs
    1 and 2 with the memory sampler on (see measure: it slows a run that keeps both cores
    busy by a tenth).
    """
    if rounds < 1:
        raise SystemExit(f"--rounds must be at least 1, got {rounds}")
    files = [f for f in corpus_files(real) if f.suffix == ".pdf"] if real.is_dir() else []
    if not files:
        print(
            f"real PDFs: no PDF under {real}; skipped (pass --real DIR to measure a folder of real PDFs)",
            file=sys.stderr,
        )
        return None
    workdir.mkdir(parents=True, exist_ok=True)
    py = sys.executable
    print(f"real PDFs {real}: {len(files)} files, {rounds} round(s)", file=sys.stderr)
    per_round: list[dict[str, dict]] = []
    for n in range(rounds):
        this: dict[str, dict] = {}
        a = measure([py, __file__, "--phase", "floor", str(real)], f"(a) floor, real PDFs [{n + 1}]", memory=False)
        a.update(json.loads(a.pop("stdout")))
        this["a_floor"] = a
        for jobs in (1, 2) if n == 0 else (2,):
            this[f"c_jobs{jobs}"] = _kehoach(
                real,
                workdir,
                f"bench-real-jobs{jobs}",
                jobs,
                f"(c) kehoach --jobs {jobs}, real [{n + 1}]",
                memory=False,
            )
        per_round.append(this)
    memory = {
        f"c_jobs{jobs}": _kehoach(
            real, workdir, f"bench-real-jobs{jobs}", jobs, f"(c) kehoach --jobs {jobs}, real, memory"
        )
        for jobs in (1, 2)
    }
    pages = per_round[0]["a_floor"]["pages"]
    results = {key: _median_run([r[key] for r in per_round if key in r]) for key in ("a_floor", "c_jobs1", "c_jobs2")}
    for key, sampled in memory.items():
        results[key].update(peak_bytes=sampled["peak_bytes"], peak_rss_sum_bytes=sampled["peak_rss_sum_bytes"])
    for r in [*results.values(), *(m for one in per_round for m in one.values())]:
        r["docs_per_s"] = len(files) / r["seconds"]
        r["pages_per_s"] = pages / r["seconds"]
    a = results["a_floor"]
    round_ratios = [r["c_jobs2"]["seconds"] / r["a_floor"]["seconds"] for r in per_round]
    ratios = {
        "c1_over_a": per_round[0]["c_jobs1"]["seconds"] / per_round[0]["a_floor"]["seconds"],
        "c2_over_a": statistics.median(round_ratios),
        "c2_over_a_rounds": round_ratios,
        "cpu_c1_over_a": results["c_jobs1"]["cpu_seconds"] / a["cpu_seconds"],
        "cpu_c2_over_a": results["c_jobs2"]["cpu_seconds"] / a["cpu_seconds"],
    }
    criteria = {
        "real_c2_at_most_twice_a": ratios["c2_over_a"] <= 2.0,
        "real_peak_memory_under_1_gib": max(sampled["peak_bytes"] for sampled in memory.values()) < GIB,
    }
    return {
        "corpus": str(real),
        "files": len(files),
        "pdf_pages": pages,
        "rounds": per_round,
        "memory_runs": memory,
        "results": results,
        "ratios": ratios,
        "criteria": criteria,
    }


def _median_run(runs: list[dict]) -> dict:
    """The run of median wall time (the lower middle one of an even count), as measured."""
    ordered = sorted(runs, key=lambda r: r["seconds"])
    return dict(ordered[(len(ordered) - 1) // 2])


def run(corpus: Path, out: Path, workdir: Path, real: Path | None = None, rounds: int = 3) -> dict:
    files = corpus_files(corpus)
    if not files:
        raise SystemExit(f"no plans under {corpus}; generate them with bench/generate.py")
    by_kind = {k: sum(1 for f in files if f.suffix == k) for k in (".txt", ".docx", ".pdf")}
    workdir.mkdir(parents=True, exist_ok=True)
    py = sys.executable
    kehoach = str(Path(py).with_name("kehoach"))
    print(f"corpus {corpus}: {len(files)} files {by_kind}", file=sys.stderr)

    results: dict[str, dict] = {}
    a = measure([py, __file__, "--phase", "floor", str(corpus)], "(a) floor")
    a.update(json.loads(a.pop("stdout")))
    results["a_floor"] = a
    pdf_pages = a["pages"]
    b = measure([py, __file__, "--phase", "naive", str(corpus)], "(b) naive baseline")
    b.update(json.loads(b.pop("stdout")))
    results["b_naive"] = b

    for jobs in (1, 2):
        results[f"c_jobs{jobs}"] = _kehoach(corpus, workdir, f"bench-jobs{jobs}", jobs, f"(c) kehoach --jobs {jobs}")
    db = workdir / "bench-jobs2.duckdb"
    report = workdir / "bench-rerun.json"
    d = measure(
        [kehoach, "ingest", str(corpus), "--db", str(db), "--jobs", "2", "-q", "--report", str(report)],
        "(d) incremental re-run",
    )
    d.pop("stdout")
    rep = json.loads(report.read_text())
    d.update(unchanged=rep["counts"]["unchanged"], ok=rep["counts"]["ok"])
    results["d_rerun"] = d

    docs = len(files)
    for r in results.values():
        r["docs_per_s"] = docs / r["seconds"]
        r["pages_per_s"] = pdf_pages / r["seconds"]
        r["peak_mib"] = r["peak_bytes"] / 2**20
        r["peak_rss_sum_mib"] = r["peak_rss_sum_bytes"] / 2**20
    c1, c2 = results["c_jobs1"]["seconds"], results["c_jobs2"]["seconds"]
    ratios = {
        "c1_over_a": c1 / a["seconds"],
        "c2_over_a": c2 / a["seconds"],
        "c1_over_b": c1 / b["seconds"],
        "c2_over_b": c2 / b["seconds"],
        "d_over_c1": results["d_rerun"]["seconds"] / c1,
        "d_over_c2": results["d_rerun"]["seconds"] / c2,
    }
    peak = max(r["peak_bytes"] for r in results.values())
    criteria = {
        "c2_at_most_quarter_of_b": ratios["c2_over_b"] <= 0.25,
        "rerun_at_most_2pct_of_full_run": ratios["d_over_c2"] <= 0.02,
        "peak_memory_under_1_gib": peak < GIB,
    }
    report = {
        "corpus": str(corpus),
        "files": docs,
        "by_format": by_kind,
        "pdf_pages": pdf_pages,
        "machine": _machine(),
        "results": results,
        "ratios": ratios,
        "criteria": criteria,
        "real": run_real(real, workdir, rounds) if real is not None else None,
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n")
    print_table(report)
    return report


def print_table(report: dict) -> None:
    names = {
        "a_floor": "(a) floor: fastest raw text",
        "b_naive": "(b) naive: pdfplumber + python-docx",
        "c_jobs1": "(c) kehoach ingest --jobs 1",
        "c_jobs2": "(c) kehoach ingest --jobs 2",
        "d_rerun": "(d) incremental re-run",
    }
    print(
        f"\n{report['files']} files ({report['by_format']}), {report['pdf_pages']} PDF pages; "
        f"{report['machine']['cpus']} CPUs, load {report['machine']['load_average'][0]:.1f}\n"
    )
    print(f"{'measurement':<38} {'seconds':>9} {'docs/s':>9} {'pages/s':>9} {'peak MiB':>9} {'RSS sum':>9}")
    print("-" * 88)
    for key, label in names.items():
        r = report["results"][key]
        print(
            f"{label:<38} {r['seconds']:9.2f} {r['docs_per_s']:9.1f} {r['pages_per_s']:9.1f} {r['peak_mib']:9.0f} {r['peak_rss_sum_mib']:9.0f}"
        )
    r = report["ratios"]
    print()
    print(f"(c)/(a)  jobs 1: {r['c1_over_a']:.2f}   jobs 2: {r['c2_over_a']:.2f}")
    print(f"(c)/(b)  jobs 1: {r['c1_over_b']:.3f}  jobs 2: {r['c2_over_b']:.3f}   (target jobs 2 <= 0.25)")
    print(f"(d)/(c)  jobs 1: {r['d_over_c1']:.4f} jobs 2: {r['d_over_c2']:.4f}  (target <= 0.02)")
    print()
    for k, ok in report["criteria"].items():
        print(f"{'PASS' if ok else 'FAIL'}  {k}")
    if report.get("real"):
        print_real(report["real"], report["machine"])


def print_real(real: dict, machine: dict) -> None:
    names = {
        "a_floor": "(a) floor: pypdfium2 text, 1 process",
        "c_jobs1": "(c) kehoach ingest --jobs 1",
        "c_jobs2": "(c) kehoach ingest --jobs 2",
    }
    print(
        f"\nreal PDFs: {real['files']} files, {real['pdf_pages']} pages ({real['corpus']}); "
        f"{machine['cpus']} CPUs, load {machine['load_average'][0]:.1f}\n"
    )
    print(
        f"{'measurement (median of rounds)':<38} {'seconds':>9} {'CPU s':>9} {'pages/s':>9} {'peak MiB':>9} {'RSS sum':>9}"
    )
    print("-" * 88)
    for key, label in names.items():
        r = real["results"][key]
        mib = [
            f"{r[k] / 2**20:9.0f}" if r.get(k) is not None else f"{'-':>9}"
            for k in ("peak_bytes", "peak_rss_sum_bytes")
        ]
        print(f"{label:<38} {r['seconds']:9.2f} {r['cpu_seconds']:9.2f} {r['pages_per_s']:9.1f} {' '.join(mib)}")
    r = real["ratios"]
    rounds = r.get("c2_over_a_rounds") or [r["c2_over_a"]]
    print(f"\n(c)/(a)  jobs 1: {r['c1_over_a']:.2f}   jobs 2: {r['c2_over_a']:.2f}   (target jobs 2 <= 2.0)")
    if len(rounds) > 1:
        print(f"(c)/(a) jobs 2, round by round: {'  '.join(f'{x:.2f}' for x in rounds)} (median above)")
    print(f"CPU (c)/(a)  jobs 1: {r['cpu_c1_over_a']:.2f}   jobs 2: {r['cpu_c2_over_a']:.2f}\n")
    for k, ok in real["criteria"].items():
        print(f"{'PASS' if ok else 'FAIL'}  {k}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path, nargs="?", default=ROOT / "output" / "bench-corpus")
    ap.add_argument("--out", type=Path, default=ROOT / "output" / "bench.json")
    ap.add_argument("--workdir", type=Path, default=ROOT / "output", help="where the benchmark databases go")
    ap.add_argument(
        "--real",
        type=Path,
        default=ROOT.parent / "shared" / "corpus" / "gazette",
        help="a folder of real PDFs measured as well (default ../shared/corpus/gazette; skipped when absent)",
    )
    ap.add_argument("--real-only", action="store_true", help="measure only the real PDFs")
    ap.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="on the real PDFs, how many times the floor and --jobs 2 are measured, one right after the other (default 3)",
    )
    ap.add_argument("--phase", choices=["floor", "naive"], help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.phase:
        fn = floor if args.phase == "floor" else naive
        print(json.dumps(fn(corpus_files(args.corpus))))
        return
    if args.real_only:
        real = run_real(args.real.resolve(), args.workdir, args.rounds)
        if real is not None:
            args.out.parent.mkdir(parents=True, exist_ok=True)
            args.out.write_text(json.dumps({"machine": _machine(), "real": real}, indent=2) + "\n")
            print_real(real, _machine())
        return
    report = run(args.corpus.resolve(), args.out, args.workdir, args.real.resolve(), args.rounds)
    del report  # criteria are reported, not enforced: timings on a shared machine vary


if __name__ == "__main__":
    main()
