"""The analyst page in headless Chromium (Debian's, driven by Playwright): it loads with no network but
the test server, filters, opens an event's evidence, and every view reacts. Each view is saved as a
screenshot under tests/screenshots/."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser


def _open(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("body[data-ready=true]")


def _count(page: Page) -> int:
    text = page.locator("#event-count").inner_text()
    return int(re.sub(r"[^0-9]", "", text))


def _wait_count(page: Page, predicate: str) -> None:
    """Wait until the table's total satisfies a JS predicate on `n` and no request is pending."""
    page.wait_for_function(
        f"""() => {{
            const t = document.querySelector('#event-count').textContent.replace(/[^0-9]/g, '');
            const n = Number(t);
            return t !== '' && ({predicate}) && !document.querySelector('#events-table[aria-busy]');
        }}"""
    )


def test_page_shows_every_view(page: Page, live_url: str, screenshots: Path, seed_present: bool) -> None:
    _open(page, live_url)
    total = page.request.get(f"{live_url}/api/summary").json()["events"]
    assert _count(page) == total
    assert page.locator("#events-table tbody tr[data-event-id]").count() == min(50, total)
    assert page.locator("#timeline svg rect.tl-bar").count() > 0
    assert page.locator("#map path.country").count() > 150
    assert page.locator("#map circle.marker").count() > 0
    assert page.locator("#network .node").count() > 1
    assert page.locator("#network path.edge").count() > 0
    if seed_present:
        vlad = page.locator('#map circle.marker[data-place="Vladivostok"]')
        assert vlad.count() == 1
        # the marker sits at 131.9E 43.1N in the map's longitude/latitude coordinates
        assert abs(float(vlad.get_attribute("cx") or 0) - (131.87 + 180)) < 0.2
        assert abs(float(vlad.get_attribute("cy") or 0) - (84 - 43.11)) < 0.2
        assert "Vladivostok (RUS): 1 event" in (vlad.get_attribute("aria-label") or "")
    page.screenshot(path=str(screenshots / "page.png"), full_page=True)
    for view in ("timeline", "table", "map", "network"):
        page.locator(f"#{view}-view").screenshot(path=str(screenshots / f"{view}.png"))


def test_filter_then_open_the_evidence_from_the_keyboard(
    page: Page, live_url: str, screenshots: Path, need_seed: None
) -> None:
    _open(page, live_url)
    page.fill("#f-text", "Vladivostok")
    page.press("#f-text", "Enter")
    _wait_count(page, "n === 1")
    assert "text=Vladivostok" in page.url
    row = page.locator("#events-table tbody tr[data-event-id]")
    assert row.count() == 1
    row.focus()
    page.keyboard.press("Enter")
    sentence = page.locator("#evidence-sentence")
    sentence.wait_for()
    dialog = page.locator("dialog#evidence")
    assert dialog.is_visible()
    assert sentence.inner_text().startswith("North Korean leader Kim Jong Un")
    assert "Vladivostok" in sentence.inner_text()
    assert sentence.locator("mark.m-trigger").inner_text() == "visits"
    assert "Kim Jong Un" in sentence.locator("mark.m-actor").inner_text()
    assert "Shoigu" in sentence.locator("mark.m-recipient").inner_text()
    assert dialog.locator('[data-field="modality"]').inner_text() == "asserted"
    assert "Kim Jong Un (PRK GOV)" in dialog.locator('[data-field="actors"]').inner_text()
    assert "Kim Jong Un returns from Russia" in dialog.locator('[data-field="article"]').inner_text()
    # the sentence sits inside its article: text before and after it is shown too
    article = page.locator("#evidence-article").inner_text()
    assert article.index("Kim Jong Un returns from Russia") < article.index(sentence.inner_text())
    assert "Many experts say" in article
    dialog.screenshot(path=str(screenshots / "evidence.png"))
    page.keyboard.press("Escape")
    page.wait_for_function("() => !document.querySelector('dialog#evidence').open")
    assert page.evaluate("document.activeElement.dataset.eventId") == row.get_attribute("data-event-id")


def _open_event(page: Page, event: dict[str, Any]) -> None:
    """Narrow the table to an event's sentence and open that event's row."""
    page.fill("#f-text", event["evidence"]["text"][:60])
    page.press("#f-text", "Enter")
    row = page.locator(f'#events-table tbody tr[data-event-id="{event["event_id"]}"]')
    row.wait_for()
    row.click()
    page.wait_for_function(
        f"""() => document.querySelector('dialog#evidence').dataset.eventId === '{event["event_id"]}'
            && !document.querySelector('dialog#evidence').hasAttribute('aria-busy')"""
    )


def test_attribution_and_modality_are_marked(page: Page, live_url: str) -> None:
    events = page.request.get(f"{live_url}/api/events?limit=1000").json()["items"]
    attributed = []
    for e in events:
        if e["attributed_to"]:
            detail = page.request.get(f"{live_url}/api/events/{e['event_id']}").json()
            if detail["attribution_in_sentence"]:
                attributed.append((e, detail))
    if not attributed:
        pytest.skip("no event here names its source inside its own sentence")
    _open(page, live_url)
    event, detail = attributed[0]
    _open_event(page, event)
    dialog = page.locator("dialog#evidence")
    credited = event["attributed_to"]["name"] or event["attributed_to"]["text"]
    assert credited in dialog.locator('[data-field="attribution"]').inner_text()
    mark = next(m for m in detail["marks"] if m["kind"] == "attribution")
    assert page.locator("#evidence-sentence mark.m-attribution").inner_text() == mark["text"]
    page.keyboard.press("Escape")
    hedged = [e for e in events if e["modality"] != "asserted"]
    if not hedged:
        pytest.skip("every event here is asserted")
    _open_event(page, hedged[0])
    modality = hedged[0]["modality"]
    assert f"modality-{modality}" in (page.locator("#evidence-sentence").get_attribute("class") or "")
    assert dialog.locator('[data-field="modality"]').inner_text() == modality


def test_a_map_click_filters_by_place(page: Page, live_url: str, need_seed: None) -> None:
    _open(page, live_url)
    before = _count(page)
    page.locator('#map circle.marker[data-place="Vladivostok"]').click()
    _wait_count(page, "n === 1")
    assert page.locator("#place-chip").is_visible()
    assert page.locator("#place-chip-text").inner_text() == "Place: Vladivostok"
    assert "geonames_id=2013348" in page.url
    row = page.locator("#events-table tbody tr[data-event-id]")
    assert row.count() == 1 and "Vladivostok" in row.inner_text()
    # the map does not filter itself: every marker stays, this one marked active
    assert page.locator("#map circle.marker").count() > 1
    assert "active" in (
        page.locator('#map circle.marker[data-place="Vladivostok"]').get_attribute("class") or ""
    )
    page.click("#place-chip-clear")
    _wait_count(page, f"n === {before}")


def test_brushing_the_timeline_filters_the_table(page: Page, live_url: str, screenshots: Path) -> None:
    _open(page, live_url)
    before = _count(page)
    page.select_option("#t-bucket", "month")
    page.wait_for_function("() => document.querySelector('#timeline-note').textContent.startsWith('months')")
    overlay = page.locator("#timeline rect.tl-overlay")
    box = overlay.bounding_box()
    assert box is not None
    # drag over the left third of the timeline
    page.mouse.move(box["x"] + 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 3, box["y"] + box["height"] / 2, steps=5)
    page.mouse.up()
    page.wait_for_function("() => document.querySelector('#f-since').value !== ''")
    since = dt.date.fromisoformat(page.input_value("#f-since"))
    until = dt.date.fromisoformat(page.input_value("#f-until"))
    assert since.day == 1 and since <= until
    _wait_count(page, f"n < {before}")
    for text in page.locator("#events-table tbody tr[data-event-id] td:first-child").all_inner_texts():
        assert since <= dt.date.fromisoformat(text[:10]) <= until
    assert page.locator("#timeline rect.tl-brush").count() >= 1
    assert page.locator("#timeline g.tl-dim").count() > 0
    page.locator("#timeline-view").screenshot(path=str(screenshots / "timeline-brushed.png"))
    # the keyboard does the same: End picks the last month, Enter applies, Escape clears
    page.focus("#timeline")
    page.keyboard.press("End")
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => document.querySelector('#f-since').value !== '{since.isoformat()}'")
    last = dt.date.fromisoformat(page.input_value("#f-since"))
    assert last > since and last.day == 1
    page.keyboard.press("Escape")
    _wait_count(page, f"n === {before}")
    assert page.input_value("#f-since") == ""


def test_a_network_node_filters_by_country(page: Page, live_url: str) -> None:
    _open(page, live_url)
    node = page.locator("#network g.node").first
    code = node.get_attribute("data-node")
    assert code and re.fullmatch(r"[A-Z]{3}", code)
    node.click()
    _wait_count(page, "n >= 1")
    page.wait_for_function(f"() => document.querySelector('#f-country').value === '{code}'")
    items = page.request.get(f"{live_url}/api/events?country={code}&limit=1000").json()["items"]
    assert _count(page) == len(items)
    edges = page.locator("#network path.edge")
    assert edges.count() > 0
    for kind in edges.evaluate_all("els => els.map(e => e.dataset.balance)"):
        assert kind in ("coop", "mixed", "conflict")


def test_filters_from_the_form_and_the_url(page: Page, live_url: str) -> None:
    _open(page, live_url + "#type=CONSULT&sort=confidence")
    expected = page.request.get(f"{live_url}/api/events?type=CONSULT").json()["total"]
    _wait_count(page, f"n === {expected}")
    assert page.input_value("#f-type") == "CONSULT"
    types = page.locator("#events-table tbody tr[data-event-id] td:nth-child(2)").all_inner_texts()
    assert types and all(t.startswith("CONSULT") for t in types)
    assert page.locator('th[data-sort="confidence"]').get_attribute("aria-sort") == "ascending"
    page.click("#f-clear")
    _wait_count(page, f"n > {expected}")
    assert page.input_value("#f-type") == ""


def test_api_docs_work_offline(page: Page, live_url: str, screenshots: Path) -> None:
    page.goto(f"{live_url}/docs")
    page.locator(".swagger-ui .info .title").wait_for()
    assert "eventwire" in page.locator(".swagger-ui .info .title").inner_text()
    assert page.locator(".opblock-summary-path", has_text="/api/events").count() >= 1
    page.screenshot(path=str(screenshots / "docs.png"))
