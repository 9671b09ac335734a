"""The actor network at 20, 100 and 500 parties, in headless Chromium at 1400x900: only parties are nodes,
every node and label lies inside the frame, no two labels overlap, the busiest nodes are labelled and the
others show their name on hover, edges widen with their events and arrowheads stay small, and a click on
a node or an arrow filters the event table. Each view is saved under tests/screenshots/."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

import pytest
from network_graphs import NON_PARTIES, build_network_db

if TYPE_CHECKING:
    from fastapi.testclient import TestClient
    from playwright.sync_api import Page

SIZES = {20: (12, 60), 100: (45, 150), 500: (1, 500)}  # parties: (extra pairs, pairs asked for)
BOLD = 8  # the busiest nodes, whose labels may cover small circles in a crowd


@pytest.fixture(scope="session")
def network_stores(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    root = tmp_path_factory.mktemp("network")
    out = {}
    for n, (extra, _) in SIZES.items():
        out[n] = root / f"network-{n}.duckdb"
        build_network_db(out[n], n, extra)
    return out


@pytest.fixture(scope="session")
def api_100(network_stores: dict[int, Path]) -> Any:
    from fastapi.testclient import TestClient

    from eventwire.serve import create_app

    with TestClient(create_app(network_stores[100])) as client:
        yield client


# --- the API ----------------------------------------------------------------------------------------


def test_only_parties_become_nodes(api_100: TestClient) -> None:
    body = api_100.get("/api/network", params={"node": "actor", "limit": 500}).json()
    labels = {n["label"] for n in body["nodes"]}
    assert len(labels) == len(body["nodes"]) == 100
    for junk in NON_PARTIES:
        assert junk.text not in labels
    # a party carries a country or a sector besides its name
    assert all(n["country"] or n["sector"] for n in body["nodes"])
    # the entries left out still count in the events and in the country network
    assert api_100.get("/api/events", params={"actor": "two villages"}).json()["total"] > 0


def test_a_pair_filter_holds_the_events_of_an_arrow(api_100: TestClient) -> None:
    body = api_100.get("/api/network", params={"node": "actor", "limit": 20}).json()
    labels = {n["id"]: n["label"] for n in body["nodes"]}
    for edge in body["edges"][:5]:
        source, target = labels[edge["source"]], labels[edge["target"]]
        params = {"actor_name": source.upper(), "recipient_name": target, "limit": 1000}
        events = api_100.get("/api/events", params=params).json()
        assert events["total"] == edge["count"]
        for e in events["items"]:
            assert source in [a.get("name") or a["text"] for a in e["actors"]]
            assert target in [r.get("name") or r["text"] for r in e["recipients"]]
    countries = api_100.get("/api/network", params={"limit": 5}).json()
    for edge in countries["edges"]:
        params = {"actor_country": edge["source"], "recipient_country": edge["target"]}
        assert api_100.get("/api/events", params=params).json()["total"] == edge["count"]


# --- the page -------------------------------------------------------------------------------------

GEOMETRY = """() => {
    const svg = document.querySelector('#network svg');
    const box = (e) => {
        const b = e.getBoundingClientRect();
        return {x: b.left, y: b.top, w: b.width, h: b.height};
    };
    const layers = [...svg.children].map((g) => g.getAttribute('class'));
    return {
        frame: box(svg),
        layers,
        nodes: [...svg.querySelectorAll('g.node')].map((g) => ({
            id: g.dataset.node, count: Number(g.dataset.count), box: box(g.querySelector('circle')),
        })),
        labels: [...svg.querySelectorAll('g.labels text.label')].map((t) => ({
            id: t.dataset.node, text: t.textContent, box: box(t),
        })),
        edges: [...svg.querySelectorAll('g.link')].map((g) => ({
            count: Number(g.querySelector('path.edge').dataset.count),
            width: Number(g.querySelector('path.edge').getAttribute('stroke-width')),
            head: Number(g.querySelector('path.arrow').dataset.head),
        })),
    };
}"""


def _open(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("body[data-ready=true]")
    page.wait_for_selector("#network svg")


def _inside(box: dict[str, float], frame: dict[str, float], tol: float = 0.5) -> bool:
    return (
        box["x"] >= frame["x"] - tol
        and box["y"] >= frame["y"] - tol
        and box["x"] + box["w"] <= frame["x"] + frame["w"] + tol
        and box["y"] + box["h"] <= frame["y"] + frame["h"] + tol
    )


def _overlap(a: dict[str, float], b: dict[str, float], tol: float = 0.01) -> bool:
    return (
        a["x"] + tol < b["x"] + b["w"]
        and b["x"] + tol < a["x"] + a["w"]
        and a["y"] + tol < b["y"] + b["h"]
        and b["y"] + tol < a["y"] + a["h"]
    )


def _covers_circle(label: dict[str, float], circle: dict[str, float]) -> bool:
    r = circle["w"] / 2
    cx, cy = circle["x"] + r, circle["y"] + r
    nx = min(max(cx, label["x"]), label["x"] + label["w"])
    ny = min(max(cy, label["y"]), label["y"] + label["h"])
    return (nx - cx) ** 2 + (ny - cy) ** 2 < (r - 0.5) ** 2


def _check_geometry(geo: dict[str, Any], n: int) -> None:
    frame, nodes, labels = geo["frame"], geo["nodes"], geo["labels"]
    assert len(nodes) == n
    for node in nodes:
        assert _inside(node["box"], frame), node
    for label in labels:
        assert _inside(label["box"], frame), label
    for i, a in enumerate(labels):
        for b in labels[i + 1 :]:
            assert not _overlap(a["box"], b["box"]), (a, b)
    # the busiest nodes are labelled; the others' labels hide no node
    labelled = {label["id"] for label in labels}
    assert {node["id"] for node in nodes[:BOLD]} <= labelled
    rank = {node["id"]: i for i, node in enumerate(nodes)}
    for label in labels:
        if rank[label["id"]] < BOLD:
            continue
        for node in nodes:
            if node["id"] != label["id"]:
                assert not _covers_circle(label["box"], node["box"]), (label, node)
    # wider edges for more events, arrowheads in proportion and small, drawn under the labels
    edges = sorted(geo["edges"], key=lambda e: (e["count"], e["width"]))
    assert all(a["width"] <= b["width"] for a, b in itertools.pairwise(edges))
    assert all(3 <= e["head"] <= min(12, 4 + 1.6 * e["width"]) for e in edges)
    if edges[-1]["count"] > edges[0]["count"]:
        assert edges[-1]["width"] > edges[0]["width"]
        tenth = max(1, len(edges) // 10)
        thin, wide = edges[:tenth], edges[-tenth:]
        assert sum(e["head"] for e in wide) / tenth > sum(e["head"] for e in thin) / tenth
    assert geo["layers"].index("labels") > max(geo["layers"].index("edges"), geo["layers"].index("nodes"))


@pytest.mark.browser
@pytest.mark.parametrize("n", sorted(SIZES))
def test_the_network_is_readable(
    n: int,
    screen_page: Page,
    serve_store: Callable[[Path], str],
    network_stores: dict[int, Path],
    screenshots: Path,
) -> None:
    page = screen_page
    url = serve_store(network_stores[n])
    _open(page, f"{url}/#node=actor&edges={SIZES[n][1]}")
    geo = page.evaluate(GEOMETRY)
    _check_geometry(geo, n)
    labels = {label["text"] for label in geo["labels"]}
    assert not labels & {junk.text for junk in NON_PARTIES}
    if n == 20:
        assert len(labels) == n
    else:
        assert len(labels) >= 40
        note = page.inner_text("#network-note")
        assert note == f"{len(labels)} of {n} labelled; hover for the rest"
    page.locator("#network-view").screenshot(path=str(screenshots / f"network-{n}.png"))


@pytest.mark.browser
def test_countries_are_readable(
    screen_page: Page, serve_store: Callable[[Path], str], network_stores: dict[int, Path], screenshots: Path
) -> None:
    page = screen_page
    _open(page, f"{serve_store(network_stores[500])}/#edges=150")
    geo = page.evaluate(GEOMETRY)
    codes = [node["id"] for node in geo["nodes"]]
    assert len(codes) > 20 and all(len(c) == 3 and c.isupper() for c in codes)
    _check_geometry(geo, len(codes))
    page.locator("#network-view").screenshot(path=str(screenshots / "network-countries.png"))


@pytest.mark.browser
def test_unlabelled_nodes_name_themselves_on_hover(
    screen_page: Page, serve_store: Callable[[Path], str], network_stores: dict[int, Path], screenshots: Path
) -> None:
    page = screen_page
    _open(page, f"{serve_store(network_stores[500])}/#node=actor&edges=500")
    labels = page.locator("#network g.labels text.label")
    labelled = set(labels.evaluate_all("ts => ts.map(t => t.dataset.node)"))
    nodes = page.locator("#network g.node")
    ids = nodes.evaluate_all("gs => gs.map(g => g.dataset.node)")
    hidden = [i for i, node_id in enumerate(ids) if node_id not in labelled]
    assert hidden, "every node is labelled"
    node = nodes.nth(hidden[0])
    title = node.locator("title").text_content() or ""
    node.locator("circle").hover()
    shown = page.locator("#network g.hover-label text")
    shown.wait_for()
    assert title.startswith(shown.text_content() or "-")
    frame = page.locator("#network svg").bounding_box()
    box = page.locator("#network g.hover-label rect").bounding_box()
    assert frame and box
    assert _inside(
        {"x": box["x"], "y": box["y"], "w": box["width"], "h": box["height"]},
        {"x": frame["x"], "y": frame["y"], "w": frame["width"], "h": frame["height"]},
    )
    # the hovered node's arrows stand out, the rest fade
    assert page.locator("#network svg.focusing g.link.hl").count() >= 1
    page.locator("#network-view").screenshot(path=str(screenshots / "network-hover.png"))
    page.mouse.move(1, 1)
    page.wait_for_function("() => !document.querySelector('#network g.hover-label text')")


def _count(page: Page) -> int:
    text = page.locator("#event-count").inner_text()
    return int("".join(ch for ch in text if ch.isdigit()))


def _wait_count(page: Page, n: int) -> None:
    page.wait_for_function(
        f"""() => {{
            const t = document.querySelector('#event-count').textContent.replace(/[^0-9]/g, '');
            return t !== '' && Number(t) === {n} && !document.querySelector('#events-table[aria-busy]');
        }}"""
    )


def _labels(page: Page, url: str) -> dict[str, str]:
    body = page.request.get(f"{url}/api/network", params={"node": "actor", "limit": 150}).json()
    return {n["id"]: n["label"] for n in body["nodes"]}


def _hash(page: Page) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(page.url).fragment).items()}


@pytest.mark.browser
def test_a_node_click_filters_the_table(
    screen_page: Page, serve_store: Callable[[Path], str], network_stores: dict[int, Path]
) -> None:
    page = screen_page
    url = serve_store(network_stores[100])
    _open(page, f"{url}/#node=actor&edges=150")
    total = _count(page)
    node = page.locator("#network g.node").nth(1)
    node_id = node.get_attribute("data-node") or ""
    name = _labels(page, url)[node_id]
    node.locator("circle").click()
    expected = page.request.get(f"{url}/api/events", params={"actor": name}).json()["total"]
    assert 0 < expected < total
    _wait_count(page, expected)
    assert page.input_value("#f-actor") == name
    assert _hash(page)["actor"] == name
    # the network narrows to the chosen actor's pairs and marks it
    page.wait_for_selector("#network g.node.active")
    active = page.locator("#network g.node.active")
    assert active.get_attribute("data-node") == node_id
    page.click("#f-clear")
    _wait_count(page, total)


def _click_an_arrow(page: Page) -> dict[str, str]:
    """Click the middle of an arrow that nothing covers there; returns its data attributes."""
    hit = page.evaluate(
        """() => {
            for (const g of document.querySelectorAll('#network g.link')) {
                const path = g.querySelector('path.edge');
                const p = path.getPointAtLength(path.getTotalLength() / 2);
                const m = path.getScreenCTM();
                const x = m.a * p.x + m.c * p.y + m.e;
                const y = m.b * p.x + m.d * p.y + m.f;
                if (document.elementFromPoint(x, y)?.closest('g.link') === g) {
                    return {x, y, source: g.dataset.source, target: g.dataset.target,
                            count: path.dataset.count};
                }
            }
            return null;
        }"""
    )
    assert hit, "no arrow can be clicked"
    page.mouse.click(hit["x"], hit["y"])
    return hit


@pytest.mark.browser
def test_an_arrow_click_filters_the_table_by_its_pair(
    screen_page: Page, serve_store: Callable[[Path], str], network_stores: dict[int, Path], screenshots: Path
) -> None:
    page = screen_page
    url = serve_store(network_stores[100])
    _open(page, f"{url}/#node=actor&edges=150")
    total = _count(page)
    edges = page.locator("#network g.link").count()
    hit = _click_an_arrow(page)
    _wait_count(page, int(hit["count"]))
    labels = _labels(page, url)
    names = [labels[hit["source"]], labels[hit["target"]]]
    state = _hash(page)
    assert (state["actor_name"], state["recipient_name"]) == tuple(names)
    assert page.inner_text("#pair-chip-text") == f"Pair: {names[0]} → {names[1]}"
    # the network does not filter itself by the pair: every arrow stays, the chosen one marked
    page.wait_for_selector("#network g.link.active")
    assert page.locator("#network g.link").count() == edges
    active = page.locator("#network g.link.active")
    assert (active.get_attribute("data-source"), active.get_attribute("data-target")) == (
        hit["source"],
        hit["target"],
    )
    page.screenshot(path=str(screenshots / "network-pair.png"), full_page=True)
    page.click("#pair-chip-clear")
    _wait_count(page, total)
    assert "actor_name" not in _hash(page)


@pytest.mark.browser
def test_an_arrow_between_countries_filters_by_both_roles_from_the_keyboard(
    screen_page: Page, serve_store: Callable[[Path], str], network_stores: dict[int, Path]
) -> None:
    page = screen_page
    _open(page, f"{serve_store(network_stores[100])}/")
    link = page.locator("#network g.link").first
    count = int(link.locator("path.edge").get_attribute("data-count") or 0)
    link.focus()
    page.keyboard.press("Enter")
    _wait_count(page, count)
    state = _hash(page)
    assert (state["actor_country"], state["recipient_country"]) == (
        link.get_attribute("data-source"),
        link.get_attribute("data-target"),
    )
    assert page.locator("#pair-chip").is_visible()
