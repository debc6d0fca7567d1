"""Every command documents itself: --help works and ends with an example (as sqlite-utils'
tests/test_docs.py holds its commands to their documentation)."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from extract.cli import main


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    out = []
    for name, command in sorted(group.commands.items()):
        out.append((*prefix, name))
        if isinstance(command, click.Group):
            out += _commands(command, (*prefix, name))
    return out


COMMANDS = [(), *_commands(main)]


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "kehoach")
def test_every_command_has_help_ending_with_an_example(path):
    result = CliRunner().invoke(main, [*path, "--help"])
    assert result.exit_code == 0, result.output
    help_text = result.output.split("Options:")[0]
    assert "Example" in help_text, f"kehoach {' '.join(path)} --help has no example"
    example = help_text.split("Example")[-1]
    assert "kehoach" in example, example


@pytest.mark.parametrize("path", [p for p in COMMANDS if p and p[0] != "compare" or len(p) > 1], ids=" ".join)
def test_commands_that_read_the_database_share_one_db_option(path):
    command = main
    for name in path:
        command = command.commands[name]
    if isinstance(command, click.Group):
        return
    db = [p for p in command.params if p.name == "db"]
    assert len(db) == 1 and db[0].help == "DuckDB database file."
