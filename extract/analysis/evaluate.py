"""Score stored extractions against gold annotations (see the gold SPEC.md).

Each fact kind is compared as a multiset of tuples per document, built the same way from
the database and from the gold file:

- components:  (code, implemented)
- amounts:     (component, source, capital, vnd) over basis = 'period' rows; a fact
               stated twice with the same origin counts once, text and table count apart
- assignments: (component, task, role, agency) with agency in matching form
- targets:     (value, value_high, unit)
- duties:      (agency, component) with agency in matching form: one fact per component
               a body's duty paragraph names, and (agency, None) for a body given duties
               that name no component; scored only in gold files that have the key
- metadata:    field by field accuracy over the `document` block

A document's file name is matched to a gold file by stem, so x.txt, x.docx and x.pdf
all score against x.txt.json.

A fact kind is scored only where the gold file has its key, and a metadata field only
where the `document` block has it: gold files marked `"partial": true` annotate only
some fields of documents found in the wild, and an absent key says nothing.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from extract.errors import GoldError, NothingToScoreError
from extract.text.normalize import key

KINDS = ("components", "amounts", "assignments", "targets", "duties")
# kinds that only some gold files annotate: scored only where the gold file has the key
OPTIONAL_KINDS = ("duties",)
META_FIELDS = (
    "doc_type",
    "doc_number",
    "issued_date",
    "admin_level",
    "province",
    "district",
    "commune",
    "period_start",
    "period_end",
    "programme",
)


def _num(x) -> float | None:
    return None if x is None else round(float(x), 6)


def gold_facts(gold: dict, kind: str) -> Counter:
    items = gold.get(kind) or []
    if kind == "components":
        return Counter((g["code"], bool(g["implemented"])) for g in items)
    if kind == "amounts":
        distinct = {(g["component"], g["source"], g["capital"], int(g["vnd"]), g.get("origin")) for g in items}
        return Counter(fact[:4] for fact in distinct)
    if kind == "assignments":
        return Counter({(g["component"], g["task"], g["role"], key(g["agency"])) for g in items})
    if kind == "targets":
        return Counter((_num(g["value"]), _num(g["value_high"]), g["unit"]) for g in items)
    if kind == "duties":
        return duty_units((g["agency"], c) for g in items for c in (g.get("components") or [None]))
    raise GoldError(f"unknown fact kind {kind!r}")


def db_facts(con: duckdb.DuckDBPyConnection, doc_id: str, kind: str) -> Counter:
    if kind == "components":
        rows = con.execute("SELECT code, implemented FROM components WHERE doc_id = ?", [doc_id]).fetchall()
        return Counter({(c, bool(i)) for c, i in rows})
    if kind == "amounts":
        rows = con.execute(
            "SELECT DISTINCT component, source, capital, vnd, origin FROM amounts WHERE doc_id = ? AND basis = 'period'",
            [doc_id],
        ).fetchall()
        return Counter((c, s, k, int(v)) for c, s, k, v, _ in rows)
    if kind == "assignments":
        rows = con.execute(
            "SELECT component, task, role, agency FROM assignments WHERE doc_id = ?", [doc_id]
        ).fetchall()
        return Counter({(c, t, r, key(a)) for c, t, r, a in rows})
    if kind == "targets":
        rows = con.execute("SELECT value, value_high, unit FROM targets WHERE doc_id = ?", [doc_id]).fetchall()
        return Counter((_num(v), _num(h), u) for v, h, u in rows)
    if kind == "duties":
        return duty_units(con.execute("SELECT agency, component FROM duties WHERE doc_id = ?", [doc_id]).fetchall())
    raise GoldError(f"unknown fact kind {kind!r}")


def duty_units(pairs) -> Counter:
    """Duties as scored: (agency, component) for each component a body's duties name, and
    (agency, None) for a body none of whose duties names one. The store keeps a row per
    duty paragraph (a body may have one naming DA2 and one naming nothing); gold lists one
    entry per body, so a body's component-less row counts only when it has no other."""
    named: dict[str, set] = {}
    for agency, component in pairs:
        named.setdefault(key(agency), set()).add(component)
    out = Counter()
    for agency, comps in named.items():
        real = comps - {None}
        out.update({(agency, c) for c in real} if real else {(agency, None)})
    return out


def scored(gold: dict, kind: str) -> bool:
    """Whether a gold file annotates `kind`: only where the file has the key (partial gold files
    annotate some kinds of some documents; `duties` is in the newer files only)."""
    return kind in gold


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class DocResult:
    file_name: str
    gold_file: str
    scores: dict[str, Score] = field(default_factory=dict)  # only the kinds the gold file annotates
    missed: dict[str, list] = field(default_factory=dict)
    spurious: dict[str, list] = field(default_factory=dict)
    meta_correct: int = 0
    meta_total: int = 0
    meta_wrong: list[tuple[str, object, object]] = field(default_factory=list)


@dataclass
class EvalReport:
    documents: list[DocResult]
    totals: dict[str, Score]
    meta_correct: int
    meta_total: int
    unmatched: list[str]
    # over targets matched on (value, value_high, unit): how many also agree on each attribute
    target_attribute_hits: dict[str, int] = field(default_factory=dict)
    # per metadata field: (correct, scored)
    field_hits: dict[str, tuple[int, int]] = field(default_factory=dict)

    def target_attribute_accuracy(self, attribute: str) -> float:
        tp = self.totals["targets"].tp
        return self.target_attribute_hits.get(attribute, 0) / tp if tp else 1.0

    @property
    def meta_accuracy(self) -> float:
        return self.meta_correct / self.meta_total if self.meta_total else 1.0


def _stem(file_name: str) -> str:
    return Path(file_name).stem


def load_gold(gold_dir: str | Path) -> dict[str, tuple[str, dict]]:
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise GoldError(f"gold folder {gold_dir} does not exist")
    out = {}
    for f in sorted(gold_dir.glob("*.json")):
        try:
            data = json.loads(f.read_text(encoding="utf-8"))
        except json.JSONDecodeError as e:
            raise GoldError(f"gold file {f.name} is not valid JSON: {e}") from e
        stem = _stem(Path(f.stem).name)  # x.txt.json -> x
        out[stem] = (f.name, data)
    if not out:
        raise GoldError(f"no gold files (*.json) in {gold_dir}")
    return out


def _meta_value(field_name: str, value):
    if value is None:
        return None
    if field_name in ("period_start", "period_end"):
        return int(value)
    if field_name in ("province", "district", "commune", "doc_number"):
        return key(str(value))
    return str(value)


TARGET_ATTRIBUTES = ("comparator", "year")


def target_attribute_hits(con: duckdb.DuckDBPyConnection, doc_id: str, gold: dict) -> dict[str, int]:
    """Per attribute, the targets that match gold on (value, value_high, unit) and on that attribute too."""
    hits = {}
    for attr in TARGET_ATTRIBUTES:
        want = Counter(
            (_num(g["value"]), _num(g["value_high"]), g["unit"], g.get(attr)) for g in gold.get("targets") or []
        )
        rows = con.execute(f"SELECT value, value_high, unit, {attr} FROM targets WHERE doc_id = ?", [doc_id]).fetchall()
        got = Counter((_num(v), _num(h), u, a) for v, h, u, a in rows)
        hits[attr] = sum((want & got).values())
    return hits


def _stored_fields(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The metadata fields the database holds (an older database may lack newer ones)."""
    columns = {
        r[0] for r in con.execute("SELECT column_name FROM duckdb_columns() WHERE table_name = 'documents'").fetchall()
    }
    return [f for f in META_FIELDS if f in columns]


def evaluate(con: duckdb.DuckDBPyConnection, gold_dir: str | Path) -> EvalReport:
    gold = load_gold(gold_dir)
    stored = _stored_fields(con)
    docs = con.execute(
        f"SELECT doc_id, file_name, {', '.join(stored)} FROM documents WHERE status = 'ok' ORDER BY file_name"
    ).fetchall()
    totals = {k: Score() for k in KINDS}
    results, unmatched = [], []
    meta_ok = meta_n = 0
    attr_hits = Counter()
    field_ok, field_n = Counter(), Counter()
    for row in docs:
        doc_id, file_name = row[0], row[1]
        stored_meta = dict(zip(stored, row[2:]))
        g = gold.get(_stem(file_name))
        if g is None:
            unmatched.append(file_name)
            continue
        gold_name, gdata = g
        res = DocResult(file_name, gold_name)
        for kind in KINDS:
            if not scored(gdata, kind):
                continue
            want, got = gold_facts(gdata, kind), db_facts(con, doc_id, kind)
            tp = sum((want & got).values())
            s = Score(tp, sum(got.values()) - tp, sum(want.values()) - tp)
            res.scores[kind] = s
            res.missed[kind] = sorted((want - got).elements(), key=repr)
            res.spurious[kind] = sorted((got - want).elements(), key=repr)
            totals[kind].add(s)
        gold_doc = gdata.get("document") or {}
        for f in META_FIELDS:
            if f not in gold_doc:
                continue
            want_v = _meta_value(f, gold_doc[f])
            got_v = _meta_value(f, stored_meta.get(f))
            res.meta_total += 1
            field_n[f] += 1
            if want_v == got_v:
                res.meta_correct += 1
                field_ok[f] += 1
            else:
                res.meta_wrong.append((f, gold_doc[f], stored_meta.get(f)))
        if "targets" in gdata:
            attr_hits.update(target_attribute_hits(con, doc_id, gdata))
        meta_ok += res.meta_correct
        meta_n += res.meta_total
        results.append(res)
    if not results:
        raise NothingToScoreError(
            f"no stored document matches a gold file in {gold_dir} ({len(docs)} ok documents in the database): "
            "gold files are matched by the document's file stem (x.pdf scores against x.pdf.json or x.json); "
            "ingest the documents of that gold set first"
        )
    fields = {f: (field_ok[f], field_n[f]) for f in META_FIELDS if field_n[f]}
    return EvalReport(results, totals, meta_ok, meta_n, unmatched, dict(attr_hits), fields)


def report_data(report: EvalReport, verbose: bool = False) -> dict:
    """The report as plain data: what `kehoach eval --format json` prints and the table is drawn from."""

    def score(sc: Score) -> dict:
        return {"tp": sc.tp, "fp": sc.fp, "fn": sc.fn, "precision": sc.precision, "recall": sc.recall, "f1": sc.f1}

    tp = report.totals["targets"].tp
    data = {
        "kinds": list(KINDS),
        "documents": [
            {
                "file": d.file_name,
                "gold": d.gold_file,
                "scores": {k: score(s) for k, s in d.scores.items()},
                "meta_correct": d.meta_correct,
                "meta_total": d.meta_total,
            }
            for d in report.documents
        ],
        "totals": {k: score(report.totals[k]) for k in KINDS},
        "metadata": {
            "correct": report.meta_correct,
            "total": report.meta_total,
            "accuracy": report.meta_accuracy,
            "fields": {
                f: {"correct": ok, "scored": n, "accuracy": ok / n if n else 1.0}
                for f, (ok, n) in report.field_hits.items()
            },
        },
        "target_attributes": {
            attr: {"hits": hits, "misses": tp - hits, "accuracy": report.target_attribute_accuracy(attr)}
            for attr, hits in report.target_attribute_hits.items()
        },
        "unmatched": report.unmatched,
    }
    if verbose:
        details = []
        for d in report.documents:
            for k in d.scores:
                details += [f"MISSED    {d.file_name} {k} {fact}" for fact in d.missed[k]]
                details += [f"SPURIOUS  {d.file_name} {k} {fact}" for fact in d.spurious[k]]
            details += [f"WRONG     {d.file_name} metadata {f}: gold {w!r}, got {g!r}" for f, w, g in d.meta_wrong]
        data["details"] = details
    return data
