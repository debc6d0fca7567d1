"""The kehoach command line: parse options, call a library function, print its data.

Only this module turns the library's typed exceptions into messages and exit codes:
0 all good, 1 some files failed (the rest still loaded), 2 could not run at all.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import click

from extract import DEFAULT_DB, EXTRACTOR_VERSION, __version__
from extract.errors import KehoachError

DB_OPTION = click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=DEFAULT_DB,
    show_default=True,
    help="DuckDB database file.",
)


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
            _fail(str(e))


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


def _table(headers: list[str], rows: list[list]) -> str:
    cells = [[str(h) for h in headers]] + [["" if v is None else str(v) for v in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@DB_OPTION
@click.option("--force", is_flag=True, help="Re-extract files even when they are unchanged.")
@click.option(
    "--wait", type=float, default=0.0, show_default=True, help="Seconds to wait for another run's database lock."
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
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
    """Read plan files (PDF, DOCX, TXT) and folders into the database.

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
    from extract.batch import runreport
    from extract.batch.ingest import default_jobs
    from extract.batch.ingest import ingest as run_ingest
    from extract.batch.progress import Progress

    debug = ctx.obj.get("debug") if ctx.obj else False
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
    click.echo(f"database: {db}")
    sys.exit(code)


@main.command()
@click.argument("target")
@DB_OPTION
def show(target: str, db: Path) -> None:
    """Print a document's metadata and its section tree.

    TARGET is a file path, a file name or a doc_id.

    \b
    Example:
      kehoach show corpus/txt/plan.txt --db output/kehoach.duckdb
    """
    from extract.analysis.describe import document_overview

    overview = document_overview(db, target)
    for k, v in overview["document"].items():
        click.echo(f"{k:<18} {'' if v is None else v}")
    click.echo("")
    for s in overview["sections"]:
        label = f"{s['label']}. " if s["label"] else ""
        click.echo(f"{'  ' * (s['level'] - 1)}{label}{s['title']}")
    for table, n in overview["counts"].items():
        click.echo(f"{table}: {n}")


@main.command(name="eval")
@click.option(
    "--gold",
    "gold_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of gold JSON files.",
)
@DB_OPTION
@click.option("-v", "--verbose", is_flag=True, help="List every missed and spurious fact.")
def eval_command(gold_dir: Path, db: Path, verbose: bool) -> None:
    """Score the stored extractions against gold annotations.

    Documents are matched to gold files by stem (x.pdf, x.docx and x.txt all score
    against x.txt.json). Prints precision, recall and F1 per fact kind and document.

    \b
    Example:
      kehoach eval --gold ../shared/gold --db output/kehoach.duckdb -v
    """
    from extract.analysis.evaluate import KINDS, evaluate
    from extract.store.writer import connect

    con = connect(db, read_only=True)
    try:
        report = evaluate(con, gold_dir)
    finally:
        con.close()
    rows = []
    for d in report.documents:
        rows.append([d.file_name] + [f"{d.scores[k].f1:.2f}" for k in KINDS] + [f"{d.meta_correct}/{d.meta_total}"])
    click.echo(_table(["document"] + list(KINDS) + ["metadata"], rows))
    click.echo("")
    summary = [
        [
            k,
            report.totals[k].tp,
            report.totals[k].fp,
            report.totals[k].fn,
            f"{report.totals[k].precision:.3f}",
            f"{report.totals[k].recall:.3f}",
            f"{report.totals[k].f1:.3f}",
        ]
        for k in KINDS
    ]
    summary.append(
        [
            "metadata (accuracy)",
            report.meta_correct,
            "",
            report.meta_total - report.meta_correct,
            "",
            "",
            f"{report.meta_accuracy:.3f}",
        ]
    )
    for attr, hits in report.target_attribute_hits.items():
        summary.append(
            [
                f"targets {attr} (accuracy over matched)",
                hits,
                "",
                report.totals["targets"].tp - hits,
                "",
                "",
                f"{report.target_attribute_accuracy(attr):.3f}",
            ]
        )
    click.echo(_table(["kind (micro)", "tp", "fp", "fn", "precision", "recall", "f1"], summary))
    if report.unmatched:
        click.echo(f"\nno gold for: {', '.join(report.unmatched)}")
    if verbose:
        for d in report.documents:
            for k in KINDS:
                for fact in d.missed[k]:
                    click.echo(f"MISSED    {d.file_name} {k} {fact}")
                for fact in d.spurious[k]:
                    click.echo(f"SPURIOUS  {d.file_name} {k} {fact}")
            for f, want, got in d.meta_wrong:
                click.echo(f"WRONG     {d.file_name} metadata {f}: gold {want!r}, got {got!r}")


from extract.cli.analysis import COMMANDS as _ANALYSIS_COMMANDS  # noqa: E402  compare, query, export, review

for _command in _ANALYSIS_COMMANDS:
    main.add_command(_command)
