"""Options shared by the commands, defined once (as sqlite-utils' `output_options`).

Every command that prints data takes `--format` and `--out` from `output_options`, and
prints through `emit`, so a new command gets the same formats, the same file handling
and the same "wrote FILE" line as the others.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from extract import DEFAULT_DB

DATA_FORMATS = ("table", "csv", "json", "xlsx")
REPORT_FORMATS = ("table", "json")

db_option = click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=DEFAULT_DB,
    show_default=True,
    help="DuckDB database file.",
)


class FiniteRange(click.FloatRange):
    """A FloatRange that also refuses nan (which every comparison lets through) and inf."""

    name = "finite float range"

    def convert(self, value, param, ctx):
        number = super().convert(value, param, ctx)
        if not math.isfinite(number):
            self.fail(f"{value!r} is not a finite number.", param, ctx)
        return number


MAX_WAIT_SECONDS = 7 * 24 * 3600

wait_option = click.option(
    "--wait",
    type=FiniteRange(0, MAX_WAIT_SECONDS),
    default=0.0,
    show_default=True,
    help="Seconds to wait for another run's database lock (0 to a week).",
)


def output_options(formats: tuple[str, ...] = DATA_FORMATS) -> Callable:
    """`--format` (one of `formats`; default from --out's extension, else table) and `--out FILE`."""

    def decorate(command: Callable) -> Callable:
        command = click.option(
            "--out",
            type=click.Path(dir_okay=False, path_type=Path),
            default=None,
            help="Write to this file instead of the terminal" + (" (needed for xlsx)." if "xlsx" in formats else "."),
        )(command)
        return click.option(
            "--format",
            "fmt",
            type=click.Choice(formats),
            default=None,
            help="Output format [default: from --out's extension, else table]."
            + (" Machine formats keep money as exact whole đồng." if "csv" in formats else ""),
        )(command)

    return decorate


@dataclass
class Report:
    """A nested result (one document's overview, an evaluation): a text view and a JSON view."""

    data: dict[str, Any]
    render: Callable[[dict[str, Any]], str]


def emit(result, fmt: str | None, out: Path | None, formats: tuple[str, ...] = DATA_FORMATS) -> None:
    """Print or write a Result (rows) or a Report in the chosen format."""
    # deferred: a command loads its stage (spaCy, DuckDB) only when it runs, so --help is instant
    from extract.analysis.export import format_for, write_result

    fmt = format_for(fmt, out, formats)
    if isinstance(result, Report):
        text = (
            json.dumps(result.data, ensure_ascii=False, indent=1, default=str) + "\n"
            if fmt == "json"
            else result.render(result.data)
        )
        if out is None:
            click.echo(text, nl=False)
            return
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
        click.echo(f"wrote {out}")
        return
    text = write_result(result, fmt, out)
    if text is not None:
        click.echo(text, nl=False)
    else:
        click.echo(f"wrote {out} ({len(result.rows)} rows)")
