"""A newcomer's path through the page: upload a CSV, build import → split → train → score →
evaluate by drag-and-drop and wiring, submit, wait, and read the AUC of the evaluation
report, which must equal the API's. Every page is photographed on the way."""

from __future__ import annotations

import shutil

from playwright.sync_api import Locator, Page, expect

from tests.browser.conftest import ROOT, Studio, screenshot

CSV = ROOT / "src" / "kumi" / "samples" / "data" / "breast-cancer.csv"
LABEL = "diagnosis"
DATASET = "my-patients"
STEPS = [  # node id on the canvas → palette item dragged (the uploaded dataset by its name)
    (DATASET, f"palette-dataset-{DATASET}"),
    ("split_data", "palette-item-split_data"),
    ("two_class_boosted_decision_tree", "palette-item-two_class_boosted_decision_tree"),
    ("train_model", "palette-item-train_model"),
    ("score_model", "palette-item-score_model"),
    ("evaluate_model", "palette-item-evaluate_model"),
]
WIRES = [  # (node, output port) → (node, input port)
    ((DATASET, "dataset"), ("split_data", "dataset")),
    (("two_class_boosted_decision_tree", "untrained_model"), ("train_model", "untrained_model")),
    (("split_data", "results_dataset1"), ("train_model", "dataset")),
    (("train_model", "trained_model"), ("score_model", "trained_model")),
    (("split_data", "results_dataset2"), ("score_model", "dataset")),
    (("score_model", "scored_dataset"), ("evaluate_model", "scored_dataset")),
]
SPOTS = {
    DATASET: (260, 60),
    "split_data": (260, 200),
    "two_class_boosted_decision_tree": (20, 200),
    "train_model": (140, 340),
    "score_model": (260, 480),
    "evaluate_model": (260, 620),
}


def upload_csv(page: Page, studio: Studio, tmp_path) -> str:
    own = tmp_path / f"{DATASET}.csv"
    shutil.copy(CSV, own)
    page.goto(studio.url + "/datasets")
    page.get_by_test_id("upload-open").click()
    page.get_by_test_id("upload-file-input").set_input_files(str(own))
    screenshot(page, "upload-1-file")
    page.get_by_test_id("upload-next").click()
    expect(page.get_by_text(LABEL).first).to_be_visible(timeout=20_000)
    screenshot(page, "upload-2-preview")
    page.get_by_test_id("upload-next").click()
    page.get_by_test_id("upload-name").fill(DATASET)
    page.get_by_test_id("upload-label").select_option(LABEL)
    screenshot(page, "upload-3-roles")
    page.get_by_test_id("upload-next").click()
    page.get_by_test_id("upload-register").click()
    page.wait_for_url(f"**/datasets/{DATASET}", timeout=30_000)
    expect(page.get_by_text(LABEL).first).to_be_visible(timeout=20_000)
    screenshot(page, "dataset-page")
    return DATASET


def handle(page: Page, node: str, port: str, kind: str) -> Locator:
    return page.locator(
        f'.react-flow__node[data-id="{node}"] .react-flow__handle.{kind}[data-handleid="{port}"]'
    )


def wire(page: Page, source: tuple[str, str], target: tuple[str, str]) -> None:
    start = handle(page, *source, "source").bounding_box()
    end = handle(page, *target, "target").bounding_box()
    assert start and end, (source, target)
    page.mouse.move(start["x"] + start["width"] / 2, start["y"] + start["height"] / 2)
    page.mouse.down()
    page.mouse.move(end["x"] + end["width"] / 2, end["y"] + end["height"] / 2, steps=8)
    page.mouse.up()


def set_param(page: Page, node: str, label: str, value: str) -> None:
    page.locator(f'.react-flow__node[data-id="{node}"]').click()
    field = page.get_by_label(label, exact=True).first
    if field.evaluate("e => e.tagName") == "SELECT":
        field.select_option(value)
    else:
        field.fill(value)


def test_upload_build_run_and_read_the_auc(studio, page, tmp_path):
    dataset = upload_csv(page, studio, tmp_path)
    page.goto(studio.url + "/pipelines")
    page.get_by_role("button", name="New pipeline").click()
    page.get_by_label("New pipeline name").fill("my-first-pipeline")
    page.get_by_role("button", name="Create").click()
    page.wait_for_url("**/pipelines/my-first-pipeline")
    canvas = page.locator(".react-flow__pane")
    expect(canvas).to_be_visible(timeout=20_000)
    for node, item in STEPS:
        page.get_by_test_id(item).drag_to(
            canvas, target_position={"x": SPOTS[node][0], "y": SPOTS[node][1]}
        )
        expect(page.locator(f'.react-flow__node[data-id="{node}"]')).to_be_visible()
    page.get_by_role("button", name="Auto layout").click()  # side by side: every port in view
    settled = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
    page.evaluate(settled)  # the view is refitted on the next frame: wire once it has been
    for source, target in WIRES:
        wire(page, source, target)
    expect(page.locator(".react-flow__edge")).to_have_count(len(WIRES))
    page.get_by_role("button", name="Auto layout").click()
    page.locator(f'.react-flow__node[data-id="{dataset}"]').click()
    expect(page.get_by_label("Name", exact=True).first).to_have_value(dataset)
    page.locator('.react-flow__node[data-id="train_model"]').click()
    offered = page.locator('[data-field="label_column"] datalist option')  # through Split Data
    expect(offered).to_have_count(31, timeout=10_000)
    set_param(page, "train_model", "Label Column", LABEL)
    screenshot(page, "designer-built")
    page.get_by_test_id("submit-run").click()
    page.get_by_test_id("submit-confirm").click()
    status = page.get_by_test_id("run-status")
    expect(status).to_have_attribute("data-status", "completed", timeout=180_000)
    screenshot(page, "designer-finished")
    run = studio.api("/runs?limit=1")["runs"][0]
    assert run["status"] == "completed" and run["pipeline_name"] == "my-first-pipeline"

    page.locator('.react-flow__node[data-id="evaluate_model"]').click(button="right")
    page.get_by_role("menuitem", name="View output ▸ evaluation_results").click()
    auc = page.get_by_test_id("metric-auc")
    expect(auc).to_be_visible(timeout=20_000)
    screenshot(page, "evaluation-report")
    assert float(auc.get_attribute("data-value") or "nan") == run["metrics"]["auc"]
    page.get_by_role("button", name="Close").click()

    page.locator('.react-flow__node[data-id="score_model"]').click(button="right")
    page.get_by_role("menuitem", name="View output ▸ scored_dataset").click()
    expect(page.get_by_text("Scored Probabilities").first).to_be_visible(timeout=20_000)
    screenshot(page, "output-table")
    page.get_by_role("tab", name="Profile").click()
    expect(page.get_by_test_id("output-profile")).to_be_visible(timeout=20_000)
    screenshot(page, "output-profile")
    page.get_by_role("button", name="Close").click()

    page.reload()  # the designer opens on the pipeline's newest run
    expect(page.get_by_test_id("run-status")).to_have_attribute(
        "data-status", "completed", timeout=20_000
    )
    expect(page.get_by_test_id("node-evaluate_model")).to_have_attribute("data-status", "completed")

    page.goto(studio.url + "/runs")
    expect(page.get_by_test_id(f"run-row-{run['run_id']}")).to_be_visible(timeout=20_000)
    screenshot(page, "runs")
    page.goto(f"{studio.url}/runs/{run['run_id']}")
    expect(page.locator('.react-flow__node[data-id="train_model"]')).to_be_visible(timeout=20_000)
    screenshot(page, "run-page")
