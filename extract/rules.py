"""One loader for every rules file, validating each entry against its kind's schema.

Rules are data: lexicons, patterns and canonical lists live in `rules/<kind>.yaml`.
Each file starts with a comment header saying what its fields mean and where the data
came from, then holds `kind`, `source` and `entries`. Every kind's schema is in
`extract.rule_schemas` (as spaCy's span ruler validates `{label, pattern, id}` records),
so a typo in a rules file fails loudly when it is loaded, naming the file, the entry and
the field, whichever module reads it first.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any

import regex
import yaml

from extract.errors import RulesError
from extract.rule_schemas import SCHEMAS, Field


def _default_rules_dir() -> Path:
    """The repository's rules/ in a source checkout, else the copy shipped as extract.rules_data.

    The source tree wins so that a checkout (or a worktree on PYTHONPATH) reads its own rules
    even when another checkout is installed in editable mode.
    """
    package = Path(__file__).resolve().parent
    source = package.parent / "rules"
    if (source / "components.yaml").is_file():
        return source
    return package / "rules_data"


RULES_DIR = Path(os.environ.get("KEHOACH_RULES") or _default_rules_dir())


_SCHEMAS: dict[str, dict[str, Field]] = {kind: s.fields for kind, s in SCHEMAS.items()}
# Per rules file, the fields an entry of each `kind` must have (on top of the always-required ones).
_REQUIRED_BY_KIND: dict[str, dict[str, tuple[str, ...]]] = {
    kind: dict(s.required_by_kind) for kind, s in SCHEMAS.items()
}


def register(kind: str, fields: dict[str, Field], required_by_kind: dict[str, tuple[str, ...]] | None = None) -> None:
    """Add a schema at run time (tests, plug-ins); the project's own live in rule_schemas."""
    for entry_kind, names in (required_by_kind or {}).items():
        unknown = [n for n in names if n not in fields]
        if unknown:
            raise RulesError(f"rules kind {kind!r}: entries of kind {entry_kind!r} require unknown field(s) {unknown}")
    _SCHEMAS[kind] = fields
    _REQUIRED_BY_KIND[kind] = dict(required_by_kind or {})


def _describe(i: int, entry: Any) -> str:
    """How an error names an entry: its number, and its kind and first words where it has them."""
    where = f"entry {i + 1}"
    if isinstance(entry, dict):
        label = next(
            (
                entry[k]
                for k in ("name", "phrase", "key", "code", "word", "short", "type")
                if isinstance(entry.get(k), str)
            ),
            None,
        )
        if entry.get("kind"):
            where += f" (kind {entry['kind']!r}" + (f", {label!r})" if label else ")")
        elif label:
            where += f" ({label!r})"
    return where


def _check_entry(kind: str, path: Path, i: int, entry: Any, schema: dict[str, Field]) -> None:
    where = f"{path.name}: {_describe(i, entry)}"
    if not isinstance(entry, dict):
        raise RulesError(f"{where} must be a mapping, got {type(entry).__name__}")
    unknown = set(entry) - set(schema)
    if unknown:
        raise RulesError(f"{where} has unknown field(s) {sorted(unknown)}; allowed: {sorted(schema)}")
    for name, spec in schema.items():
        if name not in entry or entry[name] is None:
            if spec.required:
                raise RulesError(f"{where} lacks required field {name!r}")
            continue
        value = entry[name]
        if not isinstance(value, spec.type) or isinstance(value, bool) and spec.type in (int, float):
            raise RulesError(
                f"{where}: field {name!r} must be {getattr(spec.type, '__name__', spec.type)}, got {value!r}"
            )
        if spec.choices is not None and value not in spec.choices:
            raise RulesError(f"{where}: field {name!r} is {value!r}, not one of {sorted(spec.choices)}")
        if spec.item_type is not None and any(not isinstance(v, spec.item_type) for v in value):
            raise RulesError(f"{where}: every item of {name!r} must be {spec.item_type.__name__}")
        if spec.pattern:
            try:
                regex.compile(value)
            except regex.error as e:
                raise RulesError(f"{where}: field {name!r} is not a valid regular expression ({e})") from e
    needed = _REQUIRED_BY_KIND.get(kind, {}).get(entry.get("kind"), ())
    missing = [n for n in needed if entry.get(n) in (None, "")]
    if missing:
        raise RulesError(f"{where} lacks field(s) {missing}, required for entries of kind {entry.get('kind')!r}")


# libyaml's parser when PyYAML was built with it: the same safe loading, ten times faster,
# and every worker process parses the rules once at start-up.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def load(kind: str) -> tuple[dict, ...]:
    """The entries of rules/<kind>.yaml, validated; loaded once per process."""
    return load_file(kind, RULES_DIR / f"{kind}.yaml")


def load_file(kind: str, path: Path) -> tuple[dict, ...]:
    """Read and validate one rules file against the schema registered for `kind`."""
    if kind not in _SCHEMAS:
        raise RulesError(f"no schema is registered for rules kind {kind!r}")
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except FileNotFoundError as e:
        raise RulesError(f"rules file {path} is missing") from e
    except yaml.YAMLError as e:
        raise RulesError(f"rules file {path.name} is not valid YAML: {e}") from e
    if not isinstance(data, dict) or data.get("kind") != kind or not isinstance(data.get("entries"), list):
        raise RulesError(f"rules file {path.name} must hold 'kind: {kind}', 'source' and a list 'entries'")
    if not data.get("source"):
        raise RulesError(f"rules file {path.name} must say where its data came from ('source')")
    schema = _SCHEMAS[kind]
    for i, entry in enumerate(data["entries"]):
        _check_entry(kind, path, i, entry, schema)
    return tuple(data["entries"])
