"""Each page of the studio opens in a real browser and shows real workspace data."""

from __future__ import annotations

from playwright.sync_api import expect

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


FAILING_SCRIPT = (
    "def azureml_main(dataframe1=None, dataframe2=None):\n"
    "    raise ValueError('the column total is negative')\n"
)


def test_a_failing_step_shows_red_with_its_error_and_the_server_stays_up(studio, page):
    document = {
        "schema_version": 1,
        "name": "fails",
        "nodes": [
            {"id": "data", "component": "dataset", "params": {"name": "breast-cancer"}},
            {
                "id": "script",
                "component": "execute_python_script",
                "params": {"python_script": FAILING_SCRIPT},
            },
        ],
        "edges": [{"from": "data.dataset", "to": "script.dataset1"}],
    }
    run_id = studio.api("/runs", {"document": document})["run_id"]
    page.goto(f"{studio.url}/runs/{run_id}")
    node = page.get_by_test_id("node-script")
    expect(node).to_have_attribute("data-status", "failed", timeout=120_000)
    expect(node).to_contain_text("the column total is negative")
    screenshot(page, "run-failed")
    assert studio.api("/health")["status"] == "ok"
    assert studio.api(f"/runs/{run_id}")["status"] == "failed"
