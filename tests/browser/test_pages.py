"""Each page of the studio opens in a real browser and shows real workspace data."""

from __future__ import annotations

import time

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


def iris_into(name: str, node_id: str, component: str) -> dict:
    """A two-step document: the iris sample dataset into one component."""
    return {
        "schema_version": 1,
        "name": name,
        "nodes": [
            {"id": "data", "component": "dataset", "params": {"name": "iris"}},
            {"id": node_id, "component": component, "params": {}},
        ],
        "edges": [{"from": "data.dataset", "to": f"{node_id}.dataset"}],
    }


def settled_status(studio, run_id: str, seconds: float = 120) -> str:
    """The run's status once it is neither queued nor running."""
    deadline = time.monotonic() + seconds
    while (status := studio.api(f"/runs/{run_id}")["status"]) in ("queued", "running"):
        assert time.monotonic() < deadline, f"run {run_id} still {status}"
        time.sleep(0.2)
    return status


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
    node.click(button="right")
    page.get_by_role("menuitem", name="View log").click()
    expect(page.get_by_test_id("step-log")).to_contain_text("ValueError", timeout=20_000)
    screenshot(page, "step-log")
    page.get_by_role("button", name="Close").click()
    expect(page.get_by_test_id("run-status")).to_have_attribute("data-status", "failed")
    expect(page.get_by_role("alert").first).to_contain_text("the column total is negative")
    assert studio.api("/health")["status"] == "ok"
    assert settled_status(studio, run_id) == "failed"  # it settles just after its failed step


def test_a_pipeline_parameter_set_in_the_page_drives_a_node(studio, page):
    studio.api("/pipelines", {"document": iris_into("with-parameter", "split", "split_data")})
    page.goto(studio.url + "/pipelines/with-parameter")
    page.get_by_role("button", name="Add parameter").click()
    page.get_by_label("Parameter 1 name").fill("fraction")
    page.get_by_label("Parameter 1 default").fill("0.6")
    page.locator('.react-flow__node[data-id="split"]').click()
    field = page.locator('[data-field="fraction_of_rows_in_the_first_output_dataset"]')
    field.locator(".param-toggle").click()
    expect(field.locator("input").first).to_have_value("${parameters.fraction}")
    page.get_by_test_id("submit-run").click()
    value = page.get_by_label("Parameter fraction")
    expect(value).to_have_value("0.6")
    value.fill("0.8")
    screenshot(page, "submit-with-parameter")
    page.get_by_test_id("submit-confirm").click()
    status = page.get_by_test_id("run-status")
    expect(status).to_have_attribute("data-status", "completed", timeout=120_000)
    run = studio.api("/runs?limit=1")["runs"][0]
    detail = studio.api(f"/runs/{run['run_id']}")
    assert detail["parameters"] == {"fraction": 0.8}
    assert studio.api("/pipelines/with-parameter")["document"]["parameters"] == {"fraction": 0.6}
    first = studio.api(f"/runs/{run['run_id']}/steps/split/outputs/results_dataset1?rows=1000")
    assert len(first["rows"]) == 120  # 0.8 of iris's 150 rows


def test_a_plugin_component_is_shown_edited_and_run_by_the_generic_node(studio, page):
    assert "stamp_rows" in {c["id"] for c in studio.api("/components")["components"]}
    empty = {"schema_version": 1, "name": "with-plugin", "nodes": [], "edges": []}
    studio.api("/pipelines", {"document": empty})
    page.goto(studio.url + "/pipelines/with-plugin")
    canvas = page.locator(".react-flow__pane")
    expect(canvas).to_be_visible(timeout=20_000)
    page.get_by_label("Search components").fill("stamp")
    page.get_by_test_id("palette-item-stamp_rows").drag_to(
        canvas, target_position={"x": 300, "y": 300}
    )
    page.get_by_label("Search components").fill("")
    page.get_by_test_id("palette-dataset-iris").drag_to(canvas, target_position={"x": 300, "y": 80})
    node = page.locator('.react-flow__node[data-id="stamp_rows"]')
    expect(node).to_contain_text("Stamp Rows")
    source = page.locator('.react-flow__node[data-id="iris"] .react-flow__handle.source')
    target = node.locator(".react-flow__handle.target")
    expect(target).to_have_attribute("title", "dataset: table")
    source.drag_to(target)
    expect(page.locator(".react-flow__edge")).to_have_count(1)
    node.click()
    page.get_by_label("Column Name", exact=True).fill("batch")
    page.get_by_label("Value", exact=True).fill("7")
    screenshot(page, "designer-plugin")
    page.get_by_test_id("submit-run").click()
    page.get_by_test_id("submit-confirm").click()
    status = page.get_by_test_id("run-status")
    expect(status).to_have_attribute("data-status", "completed", timeout=120_000)
    run = studio.api("/runs?limit=1")["runs"][0]
    output = studio.api(f"/runs/{run['run_id']}/steps/stamp_rows/outputs/results_dataset")
    assert output["columns"][-1]["name"] == "batch"
    assert {row["batch"] for row in output["rows"]} == {7.0}


def test_a_dataset_is_deleted_from_its_page(studio, page):
    page.goto(studio.url + "/datasets/diabetes")
    expect(page.get_by_role("button", name="Delete dataset")).to_be_visible(timeout=20_000)
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Delete dataset").click()
    page.wait_for_url("**/datasets", timeout=20_000)
    names = {d["name"] for d in studio.api("/datasets")["datasets"]}
    assert "diabetes" not in names and "iris" in names
    expect(page.get_by_role("link", name="diabetes", exact=True)).to_have_count(0)


def test_the_run_page_shows_reused_steps_with_their_reason(studio, page):
    document = iris_into("reuse", "dedupe", "remove_duplicate_rows")
    first = studio.api("/runs", {"document": document})["run_id"]
    assert settled_status(studio, first) == "completed"
    second = studio.api("/runs", {"document": document})["run_id"]
    page.goto(f"{studio.url}/runs/{second}")
    node = page.get_by_test_id("node-dedupe")
    expect(node).to_have_attribute("data-status", "reused", timeout=60_000)
    node.click()
    expect(page.locator(".step-reason")).to_contain_text(f"as run {first}")
    screenshot(page, "run-reused")


def test_leaving_the_designer_with_unsaved_changes_asks_first(studio, page):
    empty = {"schema_version": 1, "name": "unsaved", "nodes": [], "edges": []}
    studio.api("/pipelines", {"document": empty})
    page.goto(studio.url + "/pipelines/unsaved")
    canvas = page.locator(".react-flow__pane")
    expect(canvas).to_be_visible(timeout=20_000)
    page.get_by_test_id("palette-item-split_data").drag_to(
        canvas, target_position={"x": 200, "y": 200}
    )
    asked: list[str] = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    page.get_by_role("link", name="Runs").click()
    expect(page.locator('.react-flow__node[data-id="split_data"]')).to_be_visible()
    assert asked and "not saved" in asked[0]
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".save-ok")).to_be_visible(timeout=20_000)
    page.get_by_role("link", name="Runs").click()  # saved: leaves without asking
    page.wait_for_url("**/runs", timeout=20_000)
    assert len(asked) == 1
    saved = studio.api("/pipelines/unsaved")["document"]
    assert [node["component"] for node in saved["nodes"]] == ["split_data"]
