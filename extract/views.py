"""Views over the fact tables, created (or replaced) whenever the store is opened for writing.

Each entry is name -> SELECT; views are rebuilt from this dict so a new release's views
replace the old ones without a migration.
"""

from __future__ import annotations

VIEWS: dict[str, str] = {}


def view_ddl() -> list[str]:
    return [f'CREATE OR REPLACE VIEW "{name}" AS {sql}' for name, sql in VIEWS.items()]
