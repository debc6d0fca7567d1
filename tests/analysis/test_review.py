"""The review page: every stored fact marked in the text, checked in a real (headless) Chromium.

Chromium comes from Debian (`make test` installs it through scripts/system-deps.sh, see
APT_PACKAGES in the Makefile); playwright drives it, since its own browser download is
not available everywhere.
"""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT, doc_id_of

from extract.cli.main import main

pytestmark = pytest.mark.slow  # a real Chromium browser

CHROMIUM = "/usr/bin/chromium"
# Playwright's defaults (30 s) are for a quiet machine: a busy one can take longer to start
# the browser or to settle a page, and a test should not fail for that.
LAUNCH_MS = 300_000
ACTION_MS = 120_000
SCREENSHOT = ROOT / "output" / "review_screenshot.png"
FACT_TABLES = ["components", "amounts", "assignments", "duties", "targets", "references", "checks"]


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def page_doc(corpus_con):
    """The text rendition with the most placed facts, so the page has plenty to show."""
    counts = {}
    for (file_name,) in corpus_con.execute("SELECT file_name FROM documents WHERE format = 'txt'").fetchall():
        doc_id = doc_id_of(corpus_con, file_name)
        counts[file_name] = sum(
            corpus_con.execute(
                f'SELECT count(*) FROM "{t}" WHERE doc_id = ? AND char_end > char_start', [doc_id]
            ).fetchone()[0]
            for t in FACT_TABLES
        )
    file_name = max(sorted(counts), key=counts.get)
    assert counts[file_name] > 0
    return file_name, doc_id_of(corpus_con, file_name)


@pytest.fixture(scope="module")
def review_html(corpus_db, page_doc, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("review") / "page.html"
    r = run("review", page_doc[1], "--out", out, "--db", corpus_db)
    assert r.exit_code == 0, r.output
    return out


def _placed(con, doc_id):
    facts = []
    for t in FACT_TABLES:
        facts += con.execute(
            f'SELECT char_start, char_end, quote FROM "{t}" WHERE doc_id = ? AND char_end > char_start', [doc_id]
        ).fetchall()
    return facts


def test_page_is_self_contained_and_marks_every_fact(corpus_con, page_doc, review_html):
    page = review_html.read_text(encoding="utf-8")
    assert not re.search(r'(src|href)="(https?:)?//', page)
    ids = set()
    for m in re.finditer(r'<span class="f [^"]*" data-f="([\d ]+)"', page):
        ids.update(m.group(1).split())
    list_ids = set(re.findall(r'class="fact-link[^"]*" data-f="(\d+)"', page))
    placed = _placed(corpus_con, page_doc[1])
    assert len(list_ids) >= len(placed)
    assert len({i for i in ids if i in list_ids}) == len(placed)
    text = corpus_con.execute("SELECT text FROM documents WHERE doc_id = ?", [page_doc[1]]).fetchone()[0]
    body = re.search(r'<main id="text">(.*)</main>', page, re.S).group(1)
    assert html.unescape(re.sub(r"<[^>]+>", "", body)) == text


def test_review_by_path_and_unknown_target(corpus_db, tmp_path):
    out = tmp_path / "p.html"
    r = run("review", ROOT / "corpus" / "txt" / "nothing_here.txt", "--out", out, "--db", corpus_db)
    assert r.exit_code == 2 and "no document" in r.output
    src = next((ROOT / "corpus" / "txt").glob("*.txt"))
    copy = tmp_path / "not_ingested.txt"
    shutil.copy(src, copy)
    r = run("review", copy, "--out", out, "--db", tmp_path / "absent.duckdb")
    assert r.exit_code == 0, r.output
    assert 'class="fact-link' in out.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run 'make system-deps' (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            timeout=LAUNCH_MS,
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
            ],
        )
        yield b
        b.close()


def _active_text(page) -> str:
    return page.evaluate(
        "Array.from(document.querySelectorAll('#text span.f.active')).map(s => s.textContent).join('')"
    )


def _in_view(page) -> bool:
    return page.evaluate("""(() => {
        const s = document.querySelector('#text span.f.active').getBoundingClientRect();
        const t = document.getElementById('text').getBoundingClientRect();
        return s.top >= t.top && s.bottom <= t.bottom && s.height > 0; })()""")


def test_clicking_a_fact_scrolls_to_and_marks_its_span(browser, corpus_con, page_doc, review_html):
    text = corpus_con.execute("SELECT text FROM documents WHERE doc_id = ?", [page_doc[1]]).fetchone()[0]
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.set_default_timeout(ACTION_MS)
    page.goto(review_html.as_uri())
    links = page.locator("aside a.fact-link:not(.unplaced)")
    assert links.count() > 0
    # the last placed fact sits far down the text, so reaching it needs a scroll
    facts = page.evaluate("JSON.parse(document.getElementById('facts').textContent)")
    placed = [f for f in facts if f["start"] is not None]
    target = max(placed, key=lambda f: f["start"])
    assert page.evaluate("document.getElementById('text').scrollTop") == 0
    page.locator(f'aside a.fact-link[data-f="{target["id"]}"]').click()
    assert _active_text(page) == text[target["start"] : target["end"]] == target["quote"]
    assert _in_view(page)
    assert page.evaluate("document.getElementById('text').scrollTop") > 0
    detail = page.locator("#detail")
    assert detail.is_visible()
    assert target["label"] in detail.inner_text()

    amount = next((f for f in placed if f["kind"] == "amount"), None)
    if amount is not None:
        page.locator(f'aside a.fact-link[data-f="{amount["id"]}"]').click()
        assert _active_text(page) == text[amount["start"] : amount["end"]]
        assert _in_view(page)
        shown = dict(amount["fields"])
        assert shown["vnd"].split(" đồng")[0] in detail.inner_text()
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))
    assert SCREENSHOT.stat().st_size > 10_000

    # clicking marked text selects the narrowest fact covering it
    first = placed[0]
    span = page.locator(f'#text span.f[data-inner="{first["id"]}"]').first
    span.click()
    assert page.evaluate("document.body.dataset.selected") == str(first["id"])
    assert page.locator(f'aside a.selected[data-f="{first["id"]}"]').count() == 1
    page.close()
