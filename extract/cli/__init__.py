"""The `kehoach` command: the only place that turns library errors into messages and exit codes."""

from extract.cli.main import main

__all__ = ["main"]
