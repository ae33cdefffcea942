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


def test_map_zooms_pans_and_selects_an_area(server, coded, watched):
    """The map zooms (buttons, wheel around the pointer) and pans with circles kept their size
    on screen; a box drawn around a place sets the bbox filter, and the events listed under
    the map are exactly the store's events inside that box."""
    with coded.connect(read_only=True) as con:
        if not query.has_locations(con):
            pytest.skip("the coder placed no event")
        name, lon, lat = con.execute(
            "SELECT location_name, location_lon, location_lat FROM events WHERE NOT negated "
            "AND location_lon BETWEEN -120 AND 120 AND location_lat BETWEEN -40 AND 60 "
            "GROUP BY ALL ORDER BY count(*) DESC, location_name LIMIT 1").fetchall()[0]
    page = watched.page
    watched.open(server.url + "/#/map")
    layer = page.locator("#map g.viewport")
    place = page.locator(f'#map circle.place[data-name="{name}"]').first
    world = layer.get_attribute("transform")

    def centre():
        box = place.bounding_box()
        return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, box["width"]

    def changed_from(transform):
        page.wait_for_function("([el, old]) => el.getAttribute('transform') !== old",
                               arg=[layer.element_handle(), transform], timeout=5_000)
        return layer.get_attribute("transform")

    *_, width = centre()
    page.click("#map-zoom-in")
    zoomed = changed_from(world)
    assert "scale(2.0000)" in zoomed
    assert page.get_attribute("#map g.land", "stroke-width") == "0.2500"
    assert centre()[2] == pytest.approx(width, abs=1)  # same size on screen
    page.click("#map-reset")
    assert changed_from(zoomed) == world

    x, y, _ = centre()
    page.mouse.move(x, y)
    page.mouse.wheel(0, -300)
    wheeled = changed_from(world)
    assert float(re.search(r"scale\(([\d.]+)\)", wheeled)[1]) > 1.5
    assert centre()[:2] == pytest.approx((x, y), abs=1.5)  # zoomed around the pointer
    map_box = page.locator("#map svg").bounding_box()
    dx = 80 if x > map_box["x"] + map_box["width"] / 2 else -80
    dy = 40 if y > map_box["y"] + map_box["height"] / 2 else -40
    page.mouse.down()
    page.mouse.move(x + dx / 2, y + dy / 2)
    page.mouse.move(x + dx, y + dy)
    page.mouse.up()
    changed_from(wheeled)
    assert centre()[:2] == pytest.approx((x + dx, y + dy), abs=1.5)
    assert "#/map" in page.url and "bbox" not in page.url  # a drag is not a click

    x, y, _ = centre()
    page.click("#map-select")
    assert page.get_attribute("#map-select", "aria-pressed") == "true"
    page.evaluate("delete document.body.dataset.loaded")
    page.mouse.move(x - 25, y - 20)
    page.mouse.down()
    page.mouse.move(x, y)
    page.mouse.move(x + 25, y + 20)
    watched.shot("map-zoomed")  # zoomed, panned, the area being drawn
    page.mouse.up()
    watched.loaded()
    bbox = re.search(r"bbox=([^&]+)", page.url)[1].replace("%2C", ",")
    assert page.input_value("form.filters input[name=bbox]") == bbox
    min_lon, min_lat, max_lon, max_lat = map(float, bbox.split(","))
    assert min_lon < lon < max_lon and min_lat < lat < max_lat
    assert max_lon - min_lon < 20 and max_lat - min_lat < 20
    with coded.connect(read_only=True) as con:
        inside = {row[0] for row in con.execute(
            "SELECT id FROM events WHERE NOT negated AND location_lon BETWEEN ? AND ? "
            "AND location_lat BETWEEN ? AND ?", [min_lon, max_lon, min_lat, max_lat]).fetchall()}
        total = con.execute("SELECT count(*) FROM events WHERE NOT negated").fetchall()[0][0]
    assert 1 <= len(inside) < total
    listed = page.locator("#map-events #events-table tbody tr")
    assert set(listed.evaluate_all("rows => rows.map(r => r.dataset.id)")) == inside
    assert name in page.locator("#map circle.place").evaluate_all(
        "circles => circles.map(c => c.dataset.name)")
    assert page.locator("#map rect.bbox").count() == 1
    assert "scale(1.0000)" not in layer.get_attribute("transform")  # fitted to the box
    watched.shot("map-area")
    watched.click_and_load(place)  # a click (not a drag) on a place opens its events
    assert "#/events?" in page.url
    assert page.input_value("form.filters input[name=bbox]") != bbox  # the place's own box
    assert page.locator("#events-table tbody tr").count() >= 1
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
    # an edge is a curve: click the middle of its stroke, as a person would (of the first
    # edge whose middle no node or label covers)
    x, y = page.evaluate("""() => {
        for (const edge of document.querySelectorAll("#network path.edge")) {
            const p = edge.getPointAtLength(edge.getTotalLength() / 2), m = edge.getScreenCTM();
            const x = p.x * m.a + p.y * m.c + m.e, y = p.x * m.b + p.y * m.d + m.f;
            if (document.elementFromPoint(x, y) === edge) return [x, y];
        }
        return null; }""")
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
