"""Imported by the worker pool's fork server: load the extractors once, before forking.

Importing the pipeline and every extraction step (spaCy, pdfplumber, rules) takes about a
second, and filling the extractors' lazy caches (compiling the rules, building the
lexicons and the gazetteer) about another; done here, once, each worker forked from the
server starts with both and shares those pages until it writes to them. Done in each
worker instead, it cost every worker that second again, and on two cores the run waited
for it. The run starts the server before it opens its database (workers.start_server),
so this overlaps the run's own start.

Before anything else the server ties its life to the run that started it
(workers.die_with_parent): its workers hold the pipe it watches for the run's exit, so
without that a killed run left the server and its workers waiting on each other for
ever. Ctrl-C belongs to the run: the server ignores it (as multiprocessing does once its
loop starts), and the workers it forks inherit that.

The cyclic garbage collector is off while the server loads: the imports and caches build
hundreds of thousands of objects that all live as long as the server, and the collector
kept scanning them as they grew (a sixth of the warm-up, measured). At the end all of it
is frozen, never to be scanned, and the collector is on again before any worker is forked,
so workers collect as usual. The garbage of the warm-up is frozen with it, uncollected:
some 2,000 objects in cycles (bound methods, partials, the config parsers of package
metadata; 0.3 MB, no open files), where one full collection to free them took 0.09 s CPU
before the first worker could start.
"""

from __future__ import annotations

import gc
import os
import signal

from extract.batch.workers import PARENT_ENV, die_with_parent, warm_caches


def _load() -> bool:
    """Import the extraction steps and fill their caches; False when warming failed."""
    try:
        from extract.pipeline import steps

        steps()
    except Exception:  # only a missed optimisation: a worker that imports it again reports the real error
        pass
    return warm_caches()


SERVER_PID = os.getpid()  # the workers' parent: forked from here, they inherit the value
signal.signal(signal.SIGINT, signal.SIG_IGN)
die_with_parent(os.environ.get(PARENT_ENV))
gc.disable()
try:
    WARM = _load()
finally:
    gc.freeze()
    gc.enable()
