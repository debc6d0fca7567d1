"""kehoach: Vietnamese local poverty-reduction plans to structured, comparable data."""

from pathlib import Path

__version__ = "0.1.0"

# Bumped whenever extraction output can change, so that stored documents are re-extracted.
EXTRACTOR_VERSION = "0.2.2"

# Where commands read and write when no --db is given.
DEFAULT_DB = Path("output/kehoach.duckdb")
