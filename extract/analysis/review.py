"""A review page per document: its text with every extracted fact marked where it was read.

This is how an analyst checks an extraction before trusting it: each fact is a coloured
span in the stored text (a colour per kind), hovering shows what it was read as, clicking
shows the normalized value (code, source, đồng, indicator …), and a side list of all
facts and the checks raised jumps to each place. The page is one self-contained HTML
file (styles, script and data inline) so it can be mailed or opened offline.

Facts may overlap (an amount inside a target clause, a check over a whole table row), so
the text is cut at every fact boundary and each piece lists all facts covering it; it is
coloured by the narrowest.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from extract.analysis.describe import NOT_STORED_NOTE, find_document, not_stored
from extract.store.schema import FACT_TABLES
from extract.text import vnformat

# table -> (kind shown, colour)
KINDS: dict[str, tuple[str, str]] = {
    "components": ("component", "#4e79a7"),
    "amounts": ("amount", "#59a14f"),
    "assignments": ("assignment", "#f28e2b"),
    "duties": ("duty", "#edc948"),
    "targets": ("target", "#b07aa1"),
    "references": ("reference", "#9c755f"),
    "checks": ("check", "#e15759"),
}
_PLURAL = {"duty": "duties"}
_OTHER_COLOUR = "#76b7b2"
_HIDDEN = {"doc_id", "char_start", "char_end", "quote", "page"}


def _money(v) -> str:
    return f"{vnformat.group_int(v)} đồng ({vnformat.money_with_unit(v, vnformat.pick_money_unit([v]))})"


def period_label(basis: str | None, document: dict) -> str:
    """What span of time a money figure covers: one year, or the plan's whole period (and
    which years), so a per-year figure is never read as the plan's total."""
    a, b = document.get("period_start"), document.get("period_end")
    if basis == "annual":
        return "per year"
    if a is not None and a == b:
        return f"one-year plan {a}"
    if a is not None and b is not None:
        return f"whole period {a}–{b} ({b - a + 1} years)"
    return "whole period"


def _label(table: str, r: dict, document: dict | None = None) -> str:
    """One line naming what the fact was read as."""
    if table == "components":
        state = "carried out" if r.get("implemented") is not False else "not carried out"
        return " · ".join(str(x) for x in (r.get("code") or "?", state) if x)
    if table == "amounts":
        parts = [r.get("component") or "whole plan", r.get("source"), r.get("capital")]
        vnd = r.get("vnd")
        money = f"{vnformat.group_int(vnd)} đ" if vnd is not None else "?"
        return " · ".join(str(p) for p in parts if p) + f" = {money} ({period_label(r.get('basis'), document or {})})"
    if table == "assignments":
        where = r.get("task") or r.get("component") or "—"
        return f"{where} · {r.get('role') or '?'} · {r.get('agency') or r.get('agency_raw') or '?'}"
    if table == "duties":
        who = r.get("agency") or r.get("agency_raw") or "?"
        kind = f" ({r['agency_key']})" if r.get("agency_key") else ""
        return f"duty · {who}{kind} · {r.get('component') or 'no component named'}"
    if table == "targets":
        goal = vnformat.target(r.get("value"), r.get("value_high"), r.get("unit"), r.get("comparator"))
        extra = ", ".join(str(x) for x in (r.get("year"), r.get("population"), r.get("component")) if x)
        return f"{r.get('indicator') or 'unknown indicator'} = {goal}" + (f" ({extra})" if extra else "")
    if table == "references":
        return " ".join(str(x) for x in (r.get("ref_type"), r.get("ref_number"), r.get("ref_date")) if x)
    if table == "checks":
        return f"{r.get('kind')}: {r.get('detail') or ''}".strip()
    return ", ".join(f"{k}={v}" for k, v in r.items() if k not in _HIDDEN and v is not None)


def _fields(r: dict) -> list[list[str]]:
    out = []
    for k, v in r.items():
        if k in _HIDDEN or v is None:
            continue
        if k == "vnd" and isinstance(v, int):
            out.append([k, _money(v)])
        elif isinstance(v, float):
            out.append([k, vnformat.decimal(v, 4)])
        else:
            out.append([k, str(v)])
    return out


def collect(document: dict, rows: dict[str, list[dict]]) -> list[dict]:
    """Facts of every kind as the page shows them, in text order."""
    facts = []
    n = len(document.get("text") or "")
    for table in [t for t in FACT_TABLES if t != "sections"]:
        kind, colour = KINDS.get(table, (table.rstrip("s"), _OTHER_COLOUR))
        for r in rows.get(table) or []:
            start, end = r.get("char_start"), r.get("char_end")
            placed = isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= n
            facts.append(
                {
                    "table": table,
                    "kind": kind,
                    "colour": colour,
                    "start": start if placed else None,
                    "end": end if placed else None,
                    "page": r.get("page"),
                    "quote": r.get("quote"),
                    "label": _label(table, r, document),
                    "fields": _fields(r)
                    + ([["covers", period_label(r.get("basis"), document)]] if table == "amounts" else []),
                }
            )
    facts.sort(key=lambda f: (f["start"] is None, f["start"] or 0, -(f["end"] or 0), f["table"]))
    for i, f in enumerate(facts):
        f["id"] = i
    return facts


def page_marks(text: str, rows: dict[str, list[dict]]) -> dict[int, int]:
    """offset -> PDF page: where each page's text begins, as near as the stored rows tell.

    The stored text keeps no page breaks, but every section and fact of a PDF carries its
    page; a page is marked at the start of the line holding the first of them, and only
    when that comes after the previous page's mark."""
    first: dict[int, int] = {}
    for table_rows in rows.values():
        for r in table_rows or []:
            page, start = r.get("page"), r.get("char_start")
            if isinstance(page, int) and isinstance(start, int) and 0 <= start <= len(text):
                first[page] = min(first.get(page, start), start)
    marks: dict[int, int] = {}
    last = -1
    for page in sorted(first):
        at = text.rfind("\n", 0, first[page]) + 1
        if at > last:
            marks[at] = page
            last = at
    return marks


def _marked_text(text: str, facts: list[dict], pages: dict[int, int] | None = None) -> str:
    pages = pages or {}
    placed = [f for f in facts if f["start"] is not None]
    cuts = sorted({0, len(text)} | {f["start"] for f in placed} | {f["end"] for f in placed} | set(pages))
    starts: dict[int, list[dict]] = {}
    for f in placed:
        starts.setdefault(f["start"], []).append(f)
    active: list[dict] = []
    out = []
    for a, b in zip(cuts, cuts[1:]):
        active = [f for f in active if f["end"] > a] + starts.get(a, [])
        if a in pages:
            out.append(f'<span class="pg" id="page-{pages[a]}" data-page="{pages[a]}">p. {pages[a]}</span>')
        piece = html.escape(text[a:b])
        if not active:
            out.append(piece)
            continue
        inner = min(active, key=lambda f: (f["end"] - f["start"], -f["id"]))
        ids = " ".join(str(f["id"]) for f in active)
        tip = html.escape("\n".join(f"{f['kind']}: {f['label']}" for f in active), quote=True)
        out.append(
            f'<span class="f k-{inner["kind"]}" data-f="{ids}" data-inner="{inner["id"]}" title="{tip}">{piece}</span>'
        )
    return "".join(out)


def _side_list(facts: list[dict]) -> str:
    groups: dict[str, list[dict]] = {}
    for f in facts:
        groups.setdefault(f["kind"], []).append(f)
    order = [k for k, _ in KINDS.values()]
    kinds = sorted(groups, key=lambda k: (k != "check", order.index(k) if k in order else len(order), k))
    out = []
    for kind in kinds:
        items = []
        for f in groups[kind]:
            where = f"p. {f['page']}" if f["page"] else (f"@{f['start']}" if f["start"] is not None else "no position")
            cls = "fact-link" + ("" if f["start"] is not None else " unplaced")
            items.append(
                f'<li><a href="#t{f["id"]}" class="{cls} k-{kind}" data-f="{f["id"]}">'
                f"{html.escape(f['label'])}</a> <small>{where}</small></li>"
            )
        heading = "checks raised" if kind == "check" else f"{kind}s"
        out.append(
            f'<details open class="group g-{kind}"><summary><span class="sw k-{kind}"></span>{heading} '
            f"({len(groups[kind])})</summary><ol>{''.join(items)}</ol></details>"
        )
    if "check" not in groups:
        out.insert(
            0,
            '<details open class="group g-check"><summary><span class="sw k-check"></span>checks raised (0)'
            '</summary><p class="none">No check was raised for this document.</p></details>',
        )
    return "".join(out)


_CSS = """
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 system-ui,'Segoe UI','Noto Sans',sans-serif;color:#222;display:grid;
 grid-template-columns:minmax(0,1fr) 30rem;grid-template-rows:auto minmax(0,1fr);height:100vh}
#banner{margin:-.6rem -1rem .5rem;padding:.5rem 1rem;background:#fff3cd;border-bottom:2px solid #e0a800;font-weight:600}
span.pg{display:block;margin:.6rem 0 .2rem;color:#777;font:600 .75rem system-ui,sans-serif;border-top:1px dashed #bbb;
 user-select:none}
header{grid-column:1/3;padding:.6rem 1rem;border-bottom:1px solid #ccc;background:#fafafa}
header h1{font-size:1.05rem;margin:0 0 .2rem}
header .meta{color:#555;font-size:.85rem}
header .legend span{margin-right:.8rem;white-space:nowrap}
#text{overflow:auto;padding:1rem 1.4rem;white-space:pre-wrap;font:14px/1.6 'Noto Serif','DejaVu Serif',serif;tab-size:6}
aside{overflow:auto;border-left:1px solid #ccc;padding:.4rem .6rem 12rem;font-size:.85rem;position:relative}
aside ol{margin:.2rem 0 .6rem;padding-left:2.2rem}
aside li{margin:.1rem 0}
aside a{color:inherit;text-decoration:none;border-bottom:2px solid transparent}
aside a:hover{background:#eee}
aside a.selected{background:#ffe27a}
aside a.unplaced{color:#888;font-style:italic}
summary{cursor:pointer;font-weight:600;margin-top:.3rem}
.sw{display:inline-block;width:.8rem;height:.8rem;border-radius:2px;margin-right:.35rem;vertical-align:-1px}
span.f{cursor:pointer;border-radius:2px}
span.f.active{outline:2px solid #111;background:#ffe27a !important}
#detail{position:fixed;right:0;bottom:0;width:30rem;max-height:45vh;overflow:auto;background:#fff;
 border-top:2px solid #333;border-left:1px solid #ccc;padding:.5rem .7rem;font-size:.85rem;display:none}
#detail.open{display:block}
#detail table{border-collapse:collapse;width:100%}
#detail td{border-bottom:1px solid #eee;padding:.1rem .3rem;vertical-align:top}
#detail td:first-child{color:#666;white-space:nowrap}
#detail .close{float:right;cursor:pointer;border:0;background:none;font-size:1rem}
.none{color:#666;margin:.2rem 0 .5rem 1.2rem}
"""

_JS = r"""
(function(){
const facts = JSON.parse(document.getElementById('facts').textContent);
const byId = new Map(facts.map(f => [f.id, f]));
const spans = new Map();
document.querySelectorAll('#text span.f').forEach(s => {
  s.dataset.f.split(' ').forEach(id => { id = +id; if (!spans.has(id)) spans.set(id, []); spans.get(id).push(s); });
});
const detail = document.getElementById('detail');
function esc(s){ return String(s).replace(/[&<>"]/g, c => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c])); }
function show(ids){
  let h = '<button class="close" title="close">×</button>';
  ids.forEach(id => {
    const f = byId.get(id);
    h += '<h3><span class="sw k-' + f.kind + '"></span>' + esc(f.kind) + ': ' + esc(f.label) + '</h3><table>';
    f.fields.forEach(([k, v]) => { h += '<tr><td>' + esc(k) + '</td><td>' + esc(v) + '</td></tr>'; });
    if (f.page) h += '<tr><td>page</td><td>' + f.page + '</td></tr>';
    if (f.start !== null) h += '<tr><td>characters</td><td>' + f.start + '–' + f.end + '</td></tr>';
    if (f.quote) h += '<tr><td>quote</td><td>' + esc(f.quote) + '</td></tr>';
    h += '</table>';
  });
  detail.innerHTML = h;
  detail.classList.add('open');
  detail.querySelector('.close').onclick = () => detail.classList.remove('open');
}
function select(id, scroll){
  document.querySelectorAll('#text span.f.active').forEach(s => s.classList.remove('active'));
  document.querySelectorAll('aside a.selected').forEach(a => a.classList.remove('selected'));
  const marked = spans.get(id) || [];
  marked.forEach(s => s.classList.add('active'));
  const link = document.querySelector('aside a[data-f="' + id + '"]');
  if (link) link.classList.add('selected');
  if (scroll && marked.length) marked[0].scrollIntoView({block: 'center'});
  document.body.dataset.selected = id;
}
document.querySelectorAll('aside a.fact-link').forEach(a => a.addEventListener('click', e => {
  e.preventDefault();
  const id = +a.dataset.f;
  select(id, true);
  show([id]);
}));
document.getElementById('text').addEventListener('click', e => {
  const s = e.target.closest('span.f');
  if (!s) return;
  const ids = s.dataset.f.split(' ').map(Number);
  const inner = +s.dataset.inner;
  select(inner, false);
  const link = document.querySelector('aside a[data-f="' + inner + '"]');
  if (link) link.scrollIntoView({block: 'nearest'});
  show([inner].concat(ids.filter(i => i !== inner)));
});
})();
"""


def render(document: dict, rows: dict[str, list[dict]], banner: str | None = None) -> str:
    """The page; `banner` (shown above everything) says when the file is not in the database."""
    text = document.get("text") or ""
    facts = collect(document, rows)
    pages = page_marks(text, rows) if document.get("format") == "pdf" or document.get("pages") else {}
    colours = {kind: colour for kind, colour in KINDS.values()}
    colours.update({f["kind"]: f["colour"] for f in facts})
    kind_css = "".join(
        f".k-{k}{{background:{c}33}} span.f.k-{k}{{border-bottom:2px solid {c}}} .sw.k-{k}{{background:{c}}} "
        f"aside a.k-{k}{{border-bottom-color:{c}88}}\n"
        for k, c in colours.items()
    )
    counts = {}
    for f in facts:
        counts[f["kind"]] = counts.get(f["kind"], 0) + 1
    legend = "".join(
        f'<span><span class="sw k-{k}"></span>{_PLURAL.get(k, k + "s")}: {counts.get(k, 0)}</span>' for k in colours
    )
    place = ", ".join(x for x in (document.get("commune"), document.get("district"), document.get("province")) if x)
    meta_bits = [
        document.get("file_name"),
        document.get("doc_number"),
        document.get("issued_date"),
        place,
        f"{document.get('period_start')}–{document.get('period_end')}" if document.get("period_start") else None,
        f"programme {document.get('programme')}" if document.get("programme") else None,
        f"doc_id {document.get('doc_id')}" if document.get("doc_id") else None,
    ]
    title = document.get("title") or document.get("file_name") or "document"
    data = json.dumps(
        [{k: f[k] for k in ("id", "kind", "label", "fields", "start", "end", "page", "quote")} for f in facts],
        ensure_ascii=False,
    ).replace("</", "<\\/")
    unplaced = sum(1 for f in facts if f["start"] is None)
    note = (
        f" · <b>{unplaced} fact{' has' if unplaced == 1 else 's have'} no position in the text</b>" if unplaced else ""
    )
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Review: {html.escape(str(title))}</title>
<style>{_CSS}{kind_css}</style></head>
<body>
<header>{f'<div id="banner" role="alert">{html.escape(banner)}</div>' if banner else ""}<h1>{html.escape(str(title))}</h1>
<div class="meta">{html.escape(" · ".join(str(b) for b in meta_bits if b))}{note}</div>
<div class="meta legend">{legend}</div></header>
<main id="text">{_marked_text(text, facts, pages)}</main>
<aside id="facts-list">{_side_list(facts)}</aside>
<div id="detail"></div>
<script type="application/json" id="facts">{data}</script>
<script>{_JS}</script>
</body></html>
"""


def _from_database(con, target: str) -> tuple[dict, dict[str, list[dict]]]:
    doc_id = find_document(con, target)
    cur = con.execute("SELECT * FROM documents WHERE doc_id = ?", [doc_id])
    document = dict(zip([d[0] for d in cur.description], cur.fetchone()))
    rows = {}
    for table in FACT_TABLES:
        cur = con.execute(f'SELECT * FROM "{table}" WHERE doc_id = ? ORDER BY char_start', [doc_id])
        names = [d[0] for d in cur.description]
        rows[table] = [dict(zip(names, r)) for r in cur.fetchall()]
    return document, rows


def _from_file(path: Path) -> tuple[dict, dict[str, list[dict]]]:
    # deferred: extraction (spaCy, lexicons) loads only for a file not in the database
    from extract.pipeline import extract_bytes

    extraction = extract_bytes(path.read_bytes(), path.name)
    return extraction.document, extraction.rows


def review_page(target: str, db: Path | None) -> str:
    """The page for a stored document (path, file name, plan stem or doc_id), or for a file
    not ingested, extracted on the spot without writing anything and shown under a banner
    that says so (the same rule `kehoach show` follows: describe.not_stored)."""
    path = not_stored(db, target)
    if path is not None:
        return render(*_from_file(path), banner=NOT_STORED_NOTE)
    # deferred: DuckDB loads only when the database is read
    from extract.analysis.query import open_database

    con = open_database(db)
    try:
        return render(*_from_database(con, target))
    finally:
        con.close()
