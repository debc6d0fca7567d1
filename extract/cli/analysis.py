"""Analysis commands: compare targets and funding across plans, query, export, review.

Registered into the main `kehoach` group by extract/cli/main.py. Each command opens the
database read-only; errors are typed exceptions that the main group turns into messages.
"""

from __future__ import annotations

from pathlib import Path

import click

from extract.cli.options import db_option, emit, output_options
from extract.vocabulary import FUNDING_SOURCES

_LEVEL = click.option(
    "--level",
    type=click.Choice(["province", "district", "commune"]),
    default=None,
    help="Only plans issued at this level.",
)
_PROVINCE = click.option(
    "--province",
    default=None,
    metavar="NAME",
    help="Only plans of this province (diacritics and case ignored: 'tra vinh').",
)
_ALL = click.option("--all-renditions", is_flag=True, help="Show every ingested copy of a plan, not one per plan.")
_PROGRAMME = click.option(
    "--programme",
    default="poverty_2021_2025",
    show_default=True,
    metavar="NAME|all",
    help="Views hold the documents of this national target programme (documents.programme): poverty_2021_2025, "
    "poverty_2016_2020, poverty_2011_2015, new_rural, ethnic_minority, drug_prevention, merged_2026_2035, several, "
    "none, or all of them. Pages that are no administrative document are in no view.",
)


def comparison_options(command):
    """The options every comparison shares: which plans (level, province, renditions,
    programme), the output format and file, and the database."""
    for option in reversed((_LEVEL, _PROVINCE, _ALL, _PROGRAMME, output_options(), db_option)):
        command = option(command)
    return command


def _compare(db, programme: str, fmt, out, compare_in) -> None:
    """Open the database with the views of `programme`, run one comparison, print it."""
    # deferred: DuckDB loads only when a comparison runs, so --help is instant
    from extract.analysis.query import open_database

    con = open_database(db, programme)
    try:
        result = compare_in(con)
    finally:
        con.close()
    emit(result, fmt, out)


@click.group()
def compare() -> None:
    """Compare plans side by side: one row per jurisdiction.

    A plan that does not state the figure is shown as missing (—), never as 0.

    \b
    Example:
      kehoach compare targets --indicator poverty_rate_reduction --level district
    """


@compare.command(name="targets")
@click.option(
    "--indicator",
    default=None,
    metavar="KEY",
    help="Indicator key (e.g. poverty_rate_reduction); without it, the indicators most plans state.",
)
@click.option(
    "--population",
    default=None,
    metavar="KEY",
    help="Goals for this subgroup only (khmer, ethnic_minority, ...); default: goals for everyone.",
)
@click.option(
    "--top",
    type=click.IntRange(1, 50),
    default=5,
    show_default=True,
    help="Indicators shown side by side when no --indicator is given.",
)
@comparison_options
def compare_targets_command(
    indicator, population, top, level, province, all_renditions, programme, fmt, out, db
) -> None:
    """Targets across jurisdictions: each plan's goal for an indicator, steepest first.

    With --indicator, one column of goals (value, unit, comparator, year and the clause
    that states it), sorted within each level by value, highest first; without it, a
    matrix of the indicators most plans state.

    \b
    Examples:
      kehoach compare targets --indicator poverty_rate_reduction --level district
      kehoach compare targets --province 'Sóc Trăng' --format csv --out output/targets.csv
    """
    # deferred: a command loads its stage (spaCy, DuckDB) only when it runs, so --help is instant
    from extract.analysis.compare import PlanFilter, compare_targets

    flt = PlanFilter(level, province, all_renditions)
    _compare(db, programme, fmt, out, lambda con: compare_targets(con, indicator, population, flt, top))


@compare.command(name="funding")
@click.option(
    "--component",
    default=None,
    metavar="CODE",
    help="Component code (DA1 ... DA7.2); without it, every Dự án side by side.",
)
@click.option(
    "--source",
    type=click.Choice(list(FUNDING_SOURCES)),
    default="total",
    show_default=True,
    help="Funding source.",
)
@click.option("--share", is_flag=True, help="Show each figure as a share of the plan's own figure for that source.")
@click.option(
    "--per-year",
    is_flag=True,
    help="Divide each plan's whole-period figure by the years of its period, so plans of different lengths compare.",
)
@click.option(
    "--unit",
    type=click.Choice(["auto", "dong", "trieu", "ty"]),
    default="auto",
    show_default=True,
    help="Money unit in the terminal (auto: tỷ đồng from 10 tỷ up, else triệu đồng).",
)
@comparison_options
def compare_funding_command(
    component, source, share, per_year, unit, level, province, all_renditions, programme, fmt, out, db
) -> None:
    """Budgets across jurisdictions: money per component and source, largest first.

    Figures are for the plan's whole period (the period column says which years), or
    with --per-year for one year of it. A component's figure is the one the plan
    states, else the sum of its sources, else (for a Dự án) of its Tiểu dự án.
    × marks a component the plan says it does not carry out; — a figure not stated.

    \b
    Examples:
      kehoach compare funding --share
      kehoach compare funding --component DA4 --per-year
      kehoach compare funding --component DA2 --source central --format xlsx --out output/da2.xlsx
    """
    # deferred: a command loads its stage (spaCy, DuckDB) only when it runs, so --help is instant
    from extract.analysis.compare import PlanFilter, compare_funding

    flt = PlanFilter(level, province, all_renditions)
    _compare(
        db,
        programme,
        fmt,
        out,
        lambda con: compare_funding(con, component, source, share, flt, unit, per_year=per_year),
    )


@compare.command(name="agencies")
@click.option(
    "--component",
    default=None,
    metavar="CODE",
    help="Component code (DA4 takes its Tiểu dự án too, DA4.1 only itself); without it, every Dự án side by side.",
)
@comparison_options
def compare_agencies_command(component, programme, level, province, all_renditions, fmt, out, db) -> None:
    """Who leads and who supports across jurisdictions, as kinds of body.

    A kind of body (agency_key) is the same at every level: labour_social is the Sở, the
    Phòng and the commune officer for labour, invalids and social affairs. Leads come from
    the assignments of a component and from the duty lists that name it; — none named.

    \b
    Examples:
      kehoach compare agencies --component DA4 --format json
      kehoach compare agencies --level district --format csv --out output/agencies.csv
    """
    from extract.analysis.compare import PlanFilter, compare_agencies

    flt = PlanFilter(level, province, all_renditions)
    _compare(db, programme, fmt, out, lambda con: compare_agencies(con, component, flt))


@click.command()
@click.argument("sql")
@click.option(
    "--units",
    is_flag=True,
    help="Name each column with its unit in brackets (vnd [đồng], period_start [year]), from the data dictionary.",
)
@_PROGRAMME
@output_options()
@db_option
def query(sql: str, units: bool, programme: str, fmt, out, db) -> None:
    """Run read-only SQL against the database (tables and views).

    Tables: documents, sections, components, amounts, assignments, duties, targets,
    references, checks. Views: plans, funding, funding_by_component, targets_by_indicator,
    plan_summary, responsibilities. Nothing can be written, and no other file can be read.

    \b
    Examples:
      kehoach query "SELECT jurisdiction, total_budget FROM plan_summary WHERE primary_rendition"
      kehoach query "SELECT * FROM funding WHERE source = 'central'" --format csv --out output/central.csv
      kehoach query "SELECT jurisdiction, total_budget, years FROM plan_summary" --units
    """
    # deferred: a command loads its stage (spaCy, DuckDB) only when it runs, so --help is instant
    from extract.analysis.query import run_query

    emit(run_query(db, sql, programme, units=units), fmt, out)


@click.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["parquet", "csv", "xlsx"]),
    default="parquet",
    show_default=True,
    help="File format: one file per table and view (parquet, csv) or one workbook (xlsx).",
)
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True, help="Folder to write into.")
@_PROGRAMME
@db_option
def export(fmt: str, out: Path, programme: str, db: Path) -> None:
    """Export every table and view, with a data dictionary, for pandas, R or Excel.

    data_dictionary.csv describes every column: table, type, unit, meaning and allowed
    values. Money is exact whole đồng (int64). Tables hold every document; views hold the
    documents of --programme.

    \b
    Example:
      kehoach export --format parquet --out output/export
    """
    # deferred: a command loads its stage (spaCy, DuckDB) only when it runs, so --help is instant
    from extract.analysis.export import export_database
    from extract.analysis.query import open_database

    con = open_database(db, programme)
    try:
        written = export_database(con, fmt, out)
    finally:
        con.close()
    for path in written:
        click.echo(f"wrote {path}")


@click.command()
@click.argument("target", metavar="FILE_OR_DOC_ID")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="HTML file to write.")
@db_option
def review(target: str, out: Path, db: Path) -> None:
    """Write a review page: the document's text with every extracted fact highlighted.

    FILE_OR_DOC_ID is a stored document's path, file name, plan stem (x for x.pdf,
    x.docx, x.txt: its primary rendition) or doc_id; a file that is not in the database
    is extracted on the spot (nothing is written) and the page says so in a banner.
    Open the page in a browser: click a fact in the side list to jump to its place.

    \b
    Example:
      kehoach review corpus/txt/plan.txt --out output/review/plan.html
    """
    # deferred: a command loads its stage (spaCy, DuckDB) only when it runs, so --help is instant
    from extract.analysis.review import review_page

    page = review_page(target, db)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
    click.echo(f"wrote {out}")


def _listing(lister, db: Path):
    """`lister`'s result over the database, which counts plans; with no database yet the
    list still shows (lister gets None)."""
    if not Path(db).exists():
        return lister(None)
    from extract.analysis.query import (
        open_database,  # deferred: a command loads its stage (spaCy, DuckDB) only when it runs, so --help is instant
    )

    con = open_database(db)
    try:
        return lister(con)
    finally:
        con.close()


@click.command()
@output_options()
@db_option
def indicators(fmt, out, db) -> None:
    """List the indicator keys `compare targets --indicator` accepts.

    Each with a plain-language name, the words plans use for it, its poverty dimension,
    its units and how many plans in the database state it.

    \b
    Example:
      kehoach indicators --db output/kehoach.duckdb
    """
    from extract.analysis.compare import (
        list_indicators,  # deferred: a command loads its stage (spaCy, DuckDB) only when it runs, so --help is instant
    )

    emit(_listing(list_indicators, db), fmt, out)


@click.command()
@output_options()
@db_option
def components(fmt, out, db) -> None:
    """List the component codes `compare funding --component` accepts.

    Each Dự án and Tiểu dự án of Decision 90/QĐ-TTg with its title and how many plans in
    the database give it money.

    \b
    Example:
      kehoach components --db output/kehoach.duckdb
    """
    from extract.analysis.compare import (
        list_components,  # deferred: a command loads its stage (spaCy, DuckDB) only when it runs, so --help is instant
    )

    emit(_listing(list_components, db), fmt, out)


COMMANDS = [compare, query, export, review, indicators, components]
