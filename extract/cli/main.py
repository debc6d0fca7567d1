"""The kehoach command line: parse options, call a library function, print its data.

Only this module turns the library's typed exceptions into messages and exit codes:
0 all good, 1 some files failed (the rest still loaded), 2 could not run at all.
"""

from __future__ import annotations

import atexit
import functools
import gc
import sys
from datetime import UTC, datetime
from pathlib import Path

import click

from extract import EXTRACTOR_VERSION, __version__
from extract.cli.options import REPORT_FORMATS, Report, db_option, emit, output_options, wait_option
from extract.errors import KehoachError

MAX_JOBS = 1024


def _fail(message: str, code: int = 2) -> None:
    click.echo(f"Error: {message}", err=True)
    sys.exit(code)


class _Group(click.Group):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KehoachError as e:
            if ctx.params.get("debug"):
                raise
            _fail(str(e), getattr(e, "exit_code", 2))


@click.group(cls=_Group)
@click.version_option(__version__, prog_name=f"kehoach (extractor {EXTRACTOR_VERSION})")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of short messages.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Turn Vietnamese local poverty-reduction plans into comparable data in DuckDB.

    \b
    Example:
      kehoach ingest corpus/ --db output/kehoach.duckdb
    """
    ctx.obj = {"debug": debug}


@functools.cache  # registered once per process, however many commands it runs
def _quick_exit() -> None:
    """Spare the exiting process the garbage collector's last pass over everything it loaded.

    Python collects once more as it exits; with pandas loaded (pyarrow imports it to check
    what it converts) that pass alone took a fifth of a second after a run had finished.
    Nothing left then needs it: the database is closed and files are flushed by then, and
    objects are still freed as their modules go. Frozen at exit (atexit), so a process that
    runs the command and goes on (a test) is not affected.
    """
    atexit.register(gc.freeze)


def _table(headers: list[str], rows: list[list]) -> str:
    cells = [[str(h) for h in headers]] + [["" if v is None else str(v) for v in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option
@click.option("--force", is_flag=True, help="Re-extract files even when they are unchanged.")
@wait_option
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(1, MAX_JOBS),
    default=None,
    help="Worker processes for extraction (default: all cores; 1 extracts in this process).",
)
@click.option(
    "--report",
    "report_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write a JSON run report here (counts, failures, durations, exit code), even when the run cannot start.",
)
@click.option(
    "--executor",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Where extraction runs: local processes or a Dask cluster.",
)
@click.option(
    "--scheduler",
    default=None,
    metavar="ADDRESS",
    help="Dask scheduler address for --executor dask, e.g. tcp://10.0.0.5:8786.",
)
@click.option(
    "--shards",
    default=None,
    metavar="DIR_OR_URL",
    help="With --executor dask: where workers write Parquet shards (a folder or URL both sides reach); "
    "kept after loading. Default: a temporary folder next to the database, removed when loaded.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print only the summary.")
@click.pass_context
def ingest(
    ctx: click.Context,
    paths: tuple[Path, ...],
    db: Path,
    force: bool,
    wait: float,
    jobs: int | None,
    report_path: Path | None,
    executor: str,
    scheduler: str | None,
    shards: str | None,
    quiet: bool,
) -> None:
    """Read plan files (PDF, DOCX, DOC, TXT, saved web pages) and folders into the database.

    Folders are read recursively. Every file gets a documents row, ok or failed;
    files whose bytes and extractor version are already stored are skipped by hash.
    Extraction runs in --jobs worker processes (or on a Dask cluster); only this
    process writes the database. Killing a run loses only the files in flight.
    Exit status: 0 all ok, 1 some failed, 2 could not run.

    \b
    Examples:
      kehoach ingest corpus/ --db output/kehoach.duckdb
      kehoach ingest /srv/inbox --jobs 4 --wait 600 --report /var/log/kehoach/run.json
      kehoach ingest archive/ --executor dask --scheduler tcp://scheduler:8786
    """
    # deferred: a command loads its stage (spaCy, DuckDB) only when it runs, so --help is instant
    from extract.batch import runreport
    from extract.batch.ingest import default_jobs
    from extract.batch.ingest import ingest as run_ingest
    from extract.batch.progress import Progress

    debug = ctx.obj.get("debug") if ctx.obj else False
    _quick_exit()
    if executor == "local" and (scheduler or shards):
        raise click.UsageError(
            "--scheduler and --shards are for --executor dask; add --executor dask or leave them out"
        )
    jobs = jobs or default_jobs()
    progress = Progress(quiet=quiet, debug=debug)
    started = datetime.now(UTC).replace(microsecond=0)
    try:
        summary = run_ingest(
            paths,
            db,
            force=force,
            wait=wait,
            progress=progress,
            jobs=jobs,
            executor=executor,
            scheduler=scheduler,
            shards=shards,
        )
    except KehoachError as e:
        progress.close()
        if report_path:
            runreport.write(
                report_path,
                runreport.build(None, db=db, inputs=list(paths), exit_code=2, error=str(e), started_at=started),
            )
        raise
    progress.close()
    code = runreport.exit_code(summary)
    if summary.seen == 0:
        code = 1
        click.echo(f"No plan files were found in {', '.join(str(p) for p in paths)}; nothing was ingested.", err=True)
    if report_path:
        runreport.write(report_path, runreport.build(summary, db=db, inputs=list(paths), exit_code=code))
    click.echo(
        _table(
            ["files seen", "ok", "failed", "skipped unchanged", "new", "changed", "pages", "seconds"],
            [
                [
                    summary.seen,
                    summary.ok,
                    summary.failed,
                    summary.unchanged,
                    summary.changes("new"),
                    summary.changes("changed") + summary.changes("outdated"),
                    summary.pages,
                    f"{summary.seconds:.1f}",
                ]
            ],
        )
    )
    click.echo(f"database: {db}" if Path(db).exists() else f"database: {db} (not created: nothing to write)")
    sys.exit(code)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option
@wait_option
def forget(paths: tuple[Path, ...], db: Path, wait: float) -> None:
    """Remove from the database what these files or folders put in it.

    Each path's files rows go, and each document it held goes with every fact read from
    it, unless another stored path holds the same bytes (then that path keeps it). All in
    one transaction. A path that matches nothing stored is an error and nothing is removed.

    \b
    Example:
      kehoach forget corpus/txt/old_plan.txt --db output/kehoach.duckdb
    """
    from extract.batch.forget import (
        forget as run_forget,  # deferred: a command loads its stage (spaCy, DuckDB) only when it runs, so --help is instant
    )

    done = run_forget(list(paths), db, wait=wait)
    click.echo(
        f"forgot {len(done.paths)} path{'s' if len(done.paths) != 1 else ''} and "
        f"{len(done.documents)} document{'s' if len(done.documents) != 1 else ''}"
        + (f"; {len(done.kept)} kept for other paths holding the same bytes" if done.kept else "")
    )


@main.command()
@click.argument("target")
@output_options(REPORT_FORMATS)
@db_option
def show(target: str, fmt: str | None, out: Path | None, db: Path) -> None:
    """Print a document's metadata and its section tree.

    TARGET is a file path, a file name, a plan's stem (x for x.pdf, x.docx, x.txt: its
    primary rendition) or a doc_id. A file that is not in the database is extracted on
    the spot and marked so (nothing is written), as `kehoach review` does.

    \b
    Examples:
      kehoach show corpus/txt/plan.txt --db output/kehoach.duckdb
      kehoach show corpus/txt/plan.txt --format json
    """
    # deferred: a command loads its stage (spaCy, DuckDB) only when it runs, so --help is instant
    from extract.analysis.describe import document_overview

    emit(Report(document_overview(db, target), _overview_text), fmt, out, REPORT_FORMATS)


def _overview_text(overview: dict) -> str:
    lines = [f"NOTE: {overview['note']}", ""] if overview.get("note") else []
    if overview.get("not_plan"):
        lines += [f"NOT A PLAN: {overview['not_plan']}", ""]
    lines += [f"{k:<18} {'' if v is None else v}" for k, v in overview["document"].items()]
    lines.append("")
    for s in overview["sections"]:
        label = f"{s['label']}. " if s["label"] else ""
        lines.append(f"{'  ' * (s['level'] - 1)}{label}{s['title']}")
    lines += [f"{table}: {n}" for table, n in overview["counts"].items()]
    return "\n".join(lines) + "\n"


@main.command(name="eval")
@click.option(
    "--gold",
    "gold_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of gold JSON files.",
)
@click.option("-v", "--verbose", is_flag=True, help="List every missed and spurious fact.")
@output_options(REPORT_FORMATS)
@db_option
def eval_command(gold_dir: Path, verbose: bool, fmt: str | None, out: Path | None, db: Path) -> None:
    """Score the stored extractions against gold annotations.

    Documents are matched to gold files by stem (x.pdf, x.docx and x.txt all score
    against x.txt.json). Prints precision, recall and F1 per fact kind and document,
    and the accuracy of each metadata field. Partial gold files score only what they
    annotate. Fails when no stored document matches a gold file.

    \b
    Examples:
      kehoach eval --gold ../shared/gold --db output/kehoach.duckdb -v
      kehoach eval --gold ../shared/gold --format json --out output/eval.json
    """
    # deferred: a command loads its stage (spaCy, DuckDB) only when it runs, so --help is instant
    from extract.analysis.evaluate import evaluate, report_data
    from extract.store.writer import connect

    con = connect(db, read_only=True)
    try:
        report = evaluate(con, gold_dir)
    finally:
        con.close()
    emit(Report(report_data(report, verbose), _eval_text), fmt, out, REPORT_FORMATS)


def _score_cell(score: dict | None) -> str:
    return "—" if score is None else f"{score['f1']:.2f}"


def _eval_text(data: dict) -> str:
    kinds = data["kinds"]
    rows = [
        [d["file"]] + [_score_cell(d["scores"].get(k)) for k in kinds] + [f"{d['meta_correct']}/{d['meta_total']}"]
        for d in data["documents"]
    ]
    parts = [_table(["document", *kinds, "metadata"], rows), ""]
    summary = [
        [k, t["tp"], t["fp"], t["fn"], f"{t['precision']:.3f}", f"{t['recall']:.3f}", f"{t['f1']:.3f}"]
        for k, t in data["totals"].items()
    ]
    meta = data["metadata"]
    summary.append(
        ["metadata (accuracy)", meta["correct"], "", meta["total"] - meta["correct"], "", "", f"{meta['accuracy']:.3f}"]
    )
    for attr, a in data["target_attributes"].items():
        summary.append(
            [f"targets {attr} (accuracy over matched)", a["hits"], "", a["misses"], "", "", f"{a['accuracy']:.3f}"]
        )
    parts.append(_table(["kind (micro)", "tp", "fp", "fn", "precision", "recall", "f1"], summary))
    if meta["fields"]:
        parts.append("")
        parts.append(
            _table(
                ["metadata field", "correct", "scored", "accuracy"],
                [[f, v["correct"], v["scored"], f"{v['accuracy']:.3f}"] for f, v in meta["fields"].items()],
            )
        )
    if data["unmatched"]:
        parts.append(f"\nno gold for: {', '.join(data['unmatched'])}")
    for line in data.get("details", []):
        parts.append(line)
    return "\n".join(parts) + "\n"


from extract.cli.analysis import COMMANDS as _ANALYSIS_COMMANDS  # noqa: E402  compare, query, export, review

for _command in _ANALYSIS_COMMANDS:
    main.add_command(_command)
