"""The dashboard in a real browser (Debian's chromium driven by Playwright): every page loads
and draws, filters and clicks lead from a chart or table to the article with its evidence
highlighted, hostile article text stays inert, no request leaves 127.0.0.1, and the pages stay
quick on 100,000 events. Screenshots of each page go to tests/output/screenshots/."""

from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import uvicorn

from conftest import ROOT
from newsevents.api import create_app
from newsevents.store import query
from webstore import HOSTILE_TITLE, coded_store, generated_store

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = ROOT / "tests" / "output" / "screenshots"

# Skipped on a machine without chromium, never in CI (where .ci/run installs it).
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists() and not os.environ.get("CI"),
                                reason="chromium is not installed (apt-get install chromium)")


class Server:
    """The app under uvicorn on a free loopback port, in a thread."""

    def __init__(self, app):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port,
                                                    log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            assert time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.05)
        self.url = f"http://127.0.0.1:{self.port}"

    def stop(self):
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture(scope="module")
def coded(tmp_path_factory, coder):
    return coded_store(tmp_path_factory.mktemp("browser") / "news.duckdb", coder)


@pytest.fixture(scope="module")
def server(coded, coder):
    running = Server(create_app(coded.path, coder=coder))
    yield running
    running.stop()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield chromium
        chromium.close()


class Watched:
    """A page whose every request, console error, page error and dialog is recorded;
    requests to any host but 127.0.0.1 are aborted and recorded as escapes."""

    def __init__(self, browser):
        self.page = browser.new_page(viewport={"width": 1400, "height": 1000})
        self.escapes, self.requests, self.errors, self.dialogs = [], [], [], []
        self.page.route("**/*", self._route)
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

    def _route(self, route):
        url = route.request.url
        self.requests.append(url)
        host = urlsplit(url).hostname
        if url.startswith("data:") or host == "127.0.0.1":
            route.continue_()
        else:
            self.escapes.append(url)
            route.abort()

    def open(self, url):
        self.page.goto("about:blank")  # a fresh document: no stale "loaded" mark
        self.page.goto(url)
        self.loaded()

    def loaded(self):
        self.page.wait_for_selector("body[data-loaded]", timeout=30_000)

    def click_and_load(self, locator):
        self.page.evaluate("delete document.body.dataset.loaded")
        locator.click()
        self.loaded()

    def shot(self, name):
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)

    def clean(self):
        assert not self.escapes, self.escapes
        assert not self.errors, self.errors
        assert not self.dialogs, self.dialogs
        assert all(urlsplit(u).hostname == "127.0.0.1" for u in self.requests
                   if not u.startswith("data:"))


@pytest.fixture
def watched(browser):
    w = Watched(browser)
    yield w
    w.page.close()


def first_event_id(store, where="TRUE"):
    with store.connect(read_only=True) as con:
        return con.execute(f"SELECT id FROM events WHERE NOT negated AND {where} "
                           "ORDER BY num_mentions DESC, id LIMIT 1").fetchall()[0][0]


def test_every_page_loads_draws_and_stays_on_loopback(server, coded, watched):
    page = watched.page
    watched.open(server.url + "/#/")
    assert page.locator("#timeline svg .bar").count() > 0
    assert page.locator("#top-dyads tbody tr").count() > 0
    assert page.locator("#top-actors svg .bar").count() > 0
    watched.shot("overview")

    watched.open(server.url + "/#/events")
    assert page.locator("#events-table tbody tr").count() > 5
    watched.shot("events")

    event_id = first_event_id(coded)
    watched.open(server.url + f"/#/event/{event_id}")
    assert page.locator("a.mention-link").count() >= 1
    watched.shot("event")

    watched.open(server.url + "/#/dyad/KEN/SOM?by=month")
    assert page.locator("#dyad-goldstein circle.point").count() >= 1
    watched.shot("dyad")

    watched.open(server.url + "/#/map")
    with coded.connect(read_only=True) as con:
        located = query.has_locations(con)
    assert page.locator("#map path.country").count() > 150
    if located:
        assert page.locator("#map circle.place").count() >= 1
    watched.shot("map")

    watched.open(server.url + "/#/network")
    assert page.locator("#network .node").count() >= 2
    assert page.locator("#network path.edge").count() >= 1
    watched.shot("network")
    watched.clean()


def test_filter_then_click_from_table_to_the_highlighted_evidence(server, watched):
    page = watched.page
    watched.open(server.url + "/#/events")
    page.fill("form.filters input[name=source]", "KENGOV")
    page.evaluate("delete document.body.dataset.loaded")
    page.click("form.filters button[type=submit]")
    watched.loaded()
    assert "source=KENGOV" in page.url
    csv = page.get_attribute("#csv", "href")
    assert "format=csv" in csv and "source=KENGOV" in csv
    rows = page.locator("#events-table tbody tr")
    assert rows.count() >= 1
    for i in range(rows.count()):
        assert re.search(r"\((KEN|KENGOV|KENMIL|KENCOP)\w*\)", rows.nth(i).locator("td").nth(1)
                         .inner_text())
    watched.click_and_load(rows.first)
    assert "#/event/" in page.url
    watched.click_and_load(page.locator("a.mention-link").first)
    assert "#/article/" in page.url
    selected = page.locator("#article-text mark.selected")
    assert selected.count() >= 2  # at least the trigger and one actor of that mention
    kinds = set(selected.evaluate_all("marks => marks.map(m => m.dataset.kind)"))
    assert "trigger" in kinds and kinds & {"source", "target"}
    assert selected.first.is_visible()
    watched.shot("article")
    # and back: a highlight opens its event
    watched.click_and_load(selected.first)
    assert "#/event/" in page.url
    watched.clean()


def test_click_from_charts_to_events(server, watched):
    page = watched.page
    watched.open(server.url + "/#/")
    bar = page.locator("#timeline svg .bar").first
    period = bar.get_attribute("data-period")
    watched.click_and_load(bar)
    assert f"since={period}" in page.url
    dates = page.locator("#events-table tbody tr td:first-child").all_inner_texts()
    assert dates and all(d >= period for d in dates)

    watched.open(server.url + "/#/dyad/KEN/SOM?by=month")
    page.locator("#dyad-goldstein circle.point").first.click()
    page.wait_for_selector("#dyad-events #events-table tbody tr", timeout=10_000)
    assert "Kenya" in page.locator("#dyad-events").inner_text()

    watched.open(server.url + "/#/network")
    # an edge is a curve: click the middle of its stroke, as a person would
    x, y = page.locator("#network path.edge").first.evaluate("""edge => {
        const p = edge.getPointAtLength(edge.getTotalLength() / 2), m = edge.getScreenCTM();
        return [p.x * m.a + p.y * m.c + m.e, p.x * m.b + p.y * m.d + m.f]; }""")
    page.evaluate("delete document.body.dataset.loaded")
    page.mouse.click(x, y)
    watched.loaded()
    assert "source=" in page.url and "target=" in page.url
    assert page.locator("#events-table tbody tr").count() >= 1
    watched.clean()


def test_hostile_article_is_shown_inert(server, coded, watched):
    page = watched.page
    with coded.connect(read_only=True) as con:
        article_id = con.execute("SELECT id FROM articles WHERE doc_id = 'hostile'"
                                 ).fetchall()[0][0]
    watched.open(server.url + f"/#/article/{article_id}")
    assert page.locator("#article-title").inner_text() == HOSTILE_TITLE
    text = page.locator("#article-text").inner_text()
    assert "<script>" in text and 'onerror="window.__pwned=2"' in text
    assert page.locator("#view img, #view script, #view [onerror]").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    assert page.evaluate("typeof window.__pwned") == "undefined"
    watched.shot("article-hostile")
    # the same article through the events table and its event page
    watched.open(server.url + "/#/events?q=hostages")
    assert page.locator("#events-table tbody tr").count() >= 1
    watched.click_and_load(page.locator("#events-table tbody tr").first)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert HOSTILE_TITLE in page.locator("#view").inner_text()
    watched.clean()


def test_pages_stay_quick_on_100000_events(tmp_path, browser):
    store = generated_store(tmp_path / "big.duckdb", 100_000)
    running = Server(create_app(store.path))
    w = Watched(browser)
    try:
        for name, fragment in [("overview", "#/"), ("events", "#/events?type=ASSAULT"),
                               ("dyad", "#/dyad/RUS/UKR?by=week"), ("map", "#/map"),
                               ("network", "#/network"), ("article", "#/article/g42")]:
            start = time.monotonic()
            w.open(f"{running.url}/{fragment}")
            seconds = time.monotonic() - start
            assert w.page.locator(".error").count() == 0, w.page.locator(".error").inner_text()
            assert seconds < 10, (name, seconds)
            w.shot(f"100k-{name}")
        assert w.page.locator("#article-text mark").count() >= 3
        w.clean()
    finally:
        w.page.close()
        running.stop()
