"""spaCy for the extractors, imported without spaCy's command line.

The extractors use spaCy's tokenizer, Doc and PhraseMatcher (agencies) and nothing else,
but `import spacy` also imports spacy.cli, for the one function spacy.info, and with it
the whole command line: typer, rich, weasel, requests, httpx and the rest. That was a
third of spaCy's import (0.19 s CPU of 0.55, measured), paid on every run by the pool's
fork server before any worker starts, and by every process that extracts.

Imported before spaCy, this module puts stand-ins for the package spacy.cli and its
module spacy.cli.info in sys.modules, so spaCy's own `from .cli.info import info` finds
them. A stand-in's __path__ is spaCy's folder, so `import spacy.cli.download` still reads
spaCy's file; the first use of anything else of it (spacy.info included) drops the
stand-ins and imports the real command line, which then answers. Imported after spaCy,
this module changes nothing.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import importlib.util
import sys
import types
from pathlib import Path

_CLI = "spacy.cli"
_INFO = "spacy.cli.info"


class _CommandLine(types.ModuleType):
    """A stand-in for spacy.cli or spacy.cli.info until something of it is used."""

    def __getattr__(self, name: str):
        if name.startswith("__"):  # the import system probing: the stand-in has none of these
            raise AttributeError(name)
        return getattr(_real(self.__name__), name)


def _real(name: str) -> types.ModuleType:
    """The real module `name` of spaCy's command line, imported in place of the stand-ins."""
    for stand_in in (_INFO, _CLI):
        if isinstance(sys.modules.get(stand_in), _CommandLine):
            del sys.modules[stand_in]
    module = importlib.import_module(name)
    spacy = sys.modules.get("spacy")
    if spacy is not None:
        spacy.cli = sys.modules[_CLI]
    return module


def _info(*args, **kwargs):
    """spacy.info: spaCy's own, imported at the first call."""
    return _real(_INFO).info(*args, **kwargs)


def _stand_in() -> None:
    if "spacy" in sys.modules or _CLI in sys.modules:
        return
    spec = importlib.util.find_spec("spacy")  # a top-level name: found, not imported
    folders = [Path(p) / "cli" for p in (spec.submodule_search_locations or ())] if spec else []
    if not any((f / "info.py").is_file() for f in folders):  # a spaCy laid out otherwise: import it whole
        return
    cli = _CommandLine(_CLI)
    cli.__path__ = [str(f) for f in folders]
    cli.__package__ = _CLI
    cli.__spec__ = importlib.machinery.ModuleSpec(_CLI, None, is_package=True)
    cli.__spec__.submodule_search_locations = cli.__path__
    info = _CommandLine(_INFO)
    info.__package__ = _CLI
    info.__spec__ = importlib.machinery.ModuleSpec(_INFO, None)
    info.info = _info
    sys.modules[_CLI] = cli
    sys.modules[_INFO] = info


_stand_in()

import spacy  # noqa: E402  (after the stand-ins, which it must find)
from spacy.lang.xx import MultiLanguage  # noqa: E402
from spacy.matcher import PhraseMatcher  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

if isinstance(sys.modules.get(_CLI), _CommandLine):
    spacy.cli = sys.modules[_CLI]


def blank_multilanguage() -> MultiLanguage:
    """spacy.blank("xx"): the same pipeline, built directly from spaCy's own class.

    spacy.blank looks the language up in spaCy's registry (which scans every installed
    package's entry points for plug-in languages) and then fills and validates a whole
    training config it throws away, a third of its time; constructing the class makes the
    same tokenizer and vocabulary from the same defaults (the tests compare their bytes).
    A plug-in that registered another "xx" would be passed over, which is the point: the
    lexicon matches on spaCy's own tokenizer.
    """
    return MultiLanguage()


__all__ = ["Doc", "MultiLanguage", "PhraseMatcher", "blank_multilanguage", "spacy"]
