"""The closed vocabularies of kehoach's facts: funding sources, capital types, bases and
government levels, as the gold SPEC names them.

Extraction (rules validation, checks), the store (schema and view documentation), the
analysis commands and the CLI all speak of the same few sources and levels; they take
them from here so that a source added to the SPEC is added once. This module imports
nothing from the package, so every layer may import it.
"""

from __future__ import annotations

# where money comes from (gold SPEC, amounts.source)
SOURCES = ("total", "central", "local", "province", "district", "commune", "other", "credit")
# the budgets below the central one that together make up `local`
LOCAL_SOURCES = ("province", "district", "commune")
# the sources the funding_by_component view has a column for (local sums LOCAL_SOURCES
# where the plan gives no local figure of its own), and that `compare funding` accepts
FUNDING_SOURCES = ("total", "central", "local", "other", "credit")
# capital types (amounts.capital; NULL where a figure is not split by capital type)
CAPITALS = ("recurrent", "investment")
# what period a figure covers
BASES = ("period", "annual")
# levels of government (documents.admin_level, agencies)
LEVELS = ("central", "province", "district", "commune")
# levels of local government (places, jurisdictions)
LOCAL_LEVELS = ("province", "district", "commune")
# national target programmes a document can be for (documents.programme, gold SPEC)
PROGRAMMES = (
    "poverty_2021_2025",
    "poverty_2016_2020",
    "poverty_2011_2015",
    "new_rural",
    "ethnic_minority",
    "drug_prevention",
    "merged_2026_2035",
    "several",
    "none",
)
# the family name the rules give every poverty-reduction programme, whatever its period
POVERTY = "poverty"


def listed(values: tuple[str, ...]) -> str:
    """The values as the documentation of a column lists them: "total, central, local"."""
    return ", ".join(values)
