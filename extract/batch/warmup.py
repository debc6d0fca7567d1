"""Imported by the worker pool's fork server: load the extractors once, before forking.

Importing the pipeline and every extraction step (spaCy, pdfplumber, rules) takes about a
second; done here, each worker forked from the server starts with them loaded and
shares those pages. Only imports happen here: filling the extractors' lazy caches is
left to each worker (workers.warm_worker), because state built in the server and then
written by the workers would be copied into every one of them anyway.
"""

from __future__ import annotations

try:
    from extract.pipeline import steps

    steps()
except Exception:  # only a missed optimisation: a worker that imports it again reports the real error
    pass
