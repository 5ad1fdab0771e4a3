"""Each page of the studio opens in a real browser and shows real workspace data."""

from __future__ import annotations

from tests.browser.conftest import screenshot


def test_home_lists_the_sample_datasets(studio, page):
    page.goto(studio.url + "/")
    page.get_by_text("breast-cancer").first.wait_for(timeout=15_000)
    assert screenshot(page, "home").stat().st_size > 10_000


def test_the_designer_palette_shows_every_component(studio, page):
    page.goto(studio.url + "/pipelines")
    page.wait_for_load_state("networkidle")
    screenshot(page, "pipelines")
    studio_components = studio.api("/components")["components"]
    empty = {"schema_version": 1, "name": "from-browser", "nodes": [], "edges": []}
    studio.api("/pipelines", {"document": empty})
    page.goto(studio.url + "/pipelines/from-browser")
    page.wait_for_load_state("networkidle")
    screenshot(page, "designer-empty")
    body = page.content()
    shown = sum(1 for c in studio_components if c["name"] in body)
    assert shown >= len(studio_components) * 0.9
