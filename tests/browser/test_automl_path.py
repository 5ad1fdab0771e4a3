"""AutoML in the page: the wizard (dataset → target → task → settings) runs a job on the
breast-cancer sample; its page shows the leaderboard, guardrails, the best model's metric and
charts as the API has them; Deploy serves the best model, whose Test tab answers like Score
Model does with the same model in the pipeline that "Use in designer" makes."""

from __future__ import annotations

import json
import time

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Studio, screenshot
from tests.browser.test_inference_path import LABELS, PROBABILITIES, table_rows

DATASET = "breast-cancer"  # a sample registered in every new workspace
TARGET = "diagnosis"
ENDPOINT = "bc-automl"
MAX_TRIALS = "6"
ENSEMBLE_TRIAL = -1  # the leaderboard row of the ensemble
TESTED_ROWS = 40  # the first rows of the dataset, sent to the endpoint's Test tab
SAME_PROBABILITY = 1e-4  # the endpoint may answer from the model compiled to ONNX (float32)

pytestmark = pytest.mark.slow


def next_step(page: Page) -> None:
    page.get_by_test_id("automl-next").click()
    expect(page.get_by_test_id("wizard-problem")).to_have_count(0)


def fill_the_wizard(page: Page, studio: Studio) -> None:
    """AutoML (nav) → New AutoML job → the four steps, photographed; stops before Run."""
    page.goto(studio.url)
    page.get_by_role("navigation").get_by_role("link", name="AutoML").click()
    page.wait_for_url("**/automl")
    page.get_by_role("link", name="New AutoML job").click()
    page.wait_for_url("**/automl/new")
    page.get_by_role("table", name="Datasets").get_by_label(DATASET, exact=True).check()
    screenshot(page, "automl-wizard-1-dataset")
    next_step(page)
    columns = page.get_by_role("table", name="Columns")
    columns.get_by_label(TARGET, exact=True).check()
    target_row = columns.locator("tbody tr").filter(has_text=TARGET)
    expect(target_row).to_contain_text("benign", timeout=20_000)  # its class counts
    screenshot(page, "automl-wizard-2-target")
    next_step(page)
    task = page.get_by_role("radiogroup", name="Task")
    expect(task.get_by_label("classification")).to_be_checked()  # suggested by the target
    expect(task).to_contain_text("suggested")
    expect(page.get_by_label("Primary metric")).to_have_value("")  # the default metric
    screenshot(page, "automl-wizard-3-task")
    next_step(page)
    page.get_by_label("Time budget (seconds)").fill("60")
    page.locator("details.advanced-settings summary").click()
    page.get_by_label("Max trials (empty: no limit)").fill(MAX_TRIALS)
    screenshot(page, "automl-wizard-4-settings")


def completed_job_page(page: Page, studio: Studio) -> dict:
    """Run → the job page, polled by the page until the job completes; the job (API)."""
    page.get_by_test_id("automl-run").click()
    page.wait_for_url("**/automl/jobs/*", timeout=30_000)
    job_id = page.url.rstrip("/").rsplit("/", 1)[-1]
    status = page.get_by_test_id("job-status")
    expect(status).to_be_visible(timeout=20_000)
    deadline = time.monotonic() + 150
    while status.get_attribute("data-status") in ("queued", "running"):
        assert time.monotonic() < deadline, f"AutoML job {job_id} did not finish in the page"
        page.wait_for_timeout(1000)
    job = studio.api(f"/automl/jobs/{job_id}")
    assert status.get_attribute("data-status") == "completed", job["error"]
    assert job["status"] == "completed"
    settings = job["settings"]
    assert settings["max_trials"] == int(MAX_TRIALS) and settings["time_budget_s"] == 60
    assert job["dataset"] == DATASET and job["target"] == TARGET
    assert job["task"] == "classification"
    return job


def assert_shows_the_result(page: Page, job: dict) -> None:
    """Best model, leaderboard, guardrails and charts as the API has them."""
    result = job["result"]
    expect(page.get_by_test_id("best-estimator")).to_have_text(result["best_estimator"])
    shown = float(page.get_by_test_id("best-metric").inner_text())
    assert abs(shown - result["best_metric"]) <= 5e-5, (shown, result["best_metric"])
    assert result["metric"] == "auc"  # the default for two classes
    expect(page.get_by_role("region", name="Best model")).to_contain_text("auc")

    leaderboard = page.get_by_test_id("leaderboard")
    rows = result["leaderboard"]
    expect(leaderboard.locator("tbody tr")).to_have_count(len(rows))
    trials = [r for r in rows if r["trial"] != ENSEMBLE_TRIAL]
    completed = [r for r in trials if r["status"] == "completed"]
    assert 1 <= len(completed) and len(trials) <= int(MAX_TRIALS)
    for row in completed:
        expect(leaderboard.get_by_test_id(f"trial-{row['trial']}")).to_contain_text(row["family"])
    if any(r["trial"] == ENSEMBLE_TRIAL for r in rows):
        ensemble = leaderboard.get_by_test_id(f"trial-{ENSEMBLE_TRIAL}")
        expect(ensemble).to_contain_text("ensemble")
        expect(ensemble).to_contain_text("members={")  # the members' weights, readable
    best = leaderboard.locator("tbody tr.leaderboard-best")
    expect(best).to_have_count(1)
    expect(best).to_contain_text(result["best_estimator"])

    assert result["guardrails"]
    for guardrail in result["guardrails"]:
        badge = page.get_by_test_id(f"guardrail-{guardrail['name']}").locator(".guardrail-badge")
        expect(badge).to_have_attribute("data-status", guardrail["status"])

    top = result["feature_importance"][0]
    expect(page.get_by_test_id(f"importance-{top['feature']}")).to_contain_text(top["feature"])

    matrix = page.get_by_test_id("confusion-matrix")
    expect(matrix).to_contain_text("malignant")
    counts = [int(c) for c in matrix.locator("tbody td").all_inner_texts()]
    assert counts == [n for row in result["charts"]["confusion_matrix"]["matrix"] for n in row]
    roc = page.get_by_test_id("chart-roc")
    expect(roc.locator("canvas, svg").first).to_be_visible(timeout=20_000)
    box = roc.bounding_box()
    assert box and box["width"] > 100 and box["height"] > 100


def deploy(page: Page, studio: Studio, job: dict) -> dict:
    """Deploy (dialog) → the endpoint page, healthy; the endpoint (API)."""
    page.get_by_role("button", name="Deploy", exact=True).click()
    dialog = page.get_by_role("dialog", name="Deploy best model")
    dialog.get_by_label("Endpoint name").fill(ENDPOINT)
    screenshot(page, "automl-deploy-dialog")
    dialog.get_by_role("button", name="Deploy").click()
    page.wait_for_url(f"**/endpoints/{ENDPOINT}", timeout=60_000)
    expect(page.get_by_test_id("endpoint-status")).to_have_text("healthy", timeout=30_000)
    screenshot(page, "automl-endpoint")
    endpoint = studio.api(f"/endpoints/{ENDPOINT}")
    inputs = {c["name"] for c in endpoint["signature"]["inputs"]["input1"]}
    assert TARGET not in inputs and len(inputs) == 30  # the label column is not asked for
    return endpoint


def first_rows(studio: Studio, job: dict) -> list[dict]:
    version = job["dataset_version"]
    preview = studio.api(f"/datasets/{DATASET}/versions/{version}/preview?rows={TESTED_ROWS}")
    return preview["rows"]


def answers_of_the_test_tab(page: Page, requests: list[dict]) -> list[dict[str, str]]:
    """The Test tab's Raw JSON with ``requests``: the rows it shows."""
    page.get_by_role("tab", name="Test").click()
    page.get_by_label("Raw JSON").check()
    body = {"Inputs": {"input1": requests}, "GlobalParameters": {}}
    page.get_by_label("Request body").fill(json.dumps(body))
    page.get_by_role("button", name="Test", exact=True).click()
    result = page.get_by_test_id("test-result").locator("table")
    expect(result.locator("tbody tr")).to_have_count(len(requests), timeout=30_000)
    screenshot(page, "automl-endpoint-test")
    return table_rows(result)


def open_in_designer(page: Page, job: dict) -> str:
    """The job page → Use in designer → the new pipeline on the canvas; its name."""
    page.get_by_role("button", name="Use in designer").click()
    page.wait_for_url("**/pipelines/*", timeout=30_000)
    pipeline = page.url.rstrip("/").rsplit("/", 1)[-1]
    assert pipeline == f"{job['name']}-designer"
    for node, title in (("model", "Saved Trained Model"), ("score", "Score Model")):
        expect(page.locator(f'.react-flow__node[data-id="{node}"]')).to_contain_text(
            title, timeout=20_000
        )
    screenshot(page, "automl-designer")
    return pipeline


def designer_scores(page: Page, studio: Studio, pipeline: str) -> list[dict]:
    """Submit the pipeline in the designer; Score Model's rows (API), in dataset order."""
    page.get_by_test_id("submit-run").click()
    page.get_by_test_id("submit-confirm").click()
    status = page.get_by_test_id("run-status")
    expect(status).to_have_attribute("data-status", "completed", timeout=120_000)
    run = studio.api(f"/runs?pipeline={pipeline}&limit=1")["runs"][0]
    assert run["status"] == "completed"
    scored = studio.api(f"/runs/{run['run_id']}/steps/score/outputs/scored_dataset?rows=1000")
    return scored["rows"]


def assert_same_predictions(answered: list[dict[str, str]], scored: list[dict]) -> None:
    labels = [row[LABELS] for row in answered]
    assert labels == [row[LABELS] for row in scored[: len(answered)]]
    assert {"malignant", "benign"} <= set(labels)  # both classes among the tested rows
    for row, expected in zip(answered, scored, strict=False):
        assert abs(float(row[PROBABILITIES]) - expected[PROBABILITIES]) < SAME_PROBABILITY


def test_the_automl_wizard_path(studio, page):
    fill_the_wizard(page, studio)
    job = completed_job_page(page, studio)
    assert_shows_the_result(page, job)
    screenshot(page, "automl-job")
    page.get_by_role("region", name="Guardrails").scroll_into_view_if_needed()
    screenshot(page, "automl-job-leaderboard")
    job_page = page.url

    deploy(page, studio, job)
    requests = [{k: v for k, v in row.items() if k != TARGET} for row in first_rows(studio, job)]
    answered = answers_of_the_test_tab(page, requests)

    page.goto(job_page)
    expect(page.get_by_test_id("job-status")).to_have_attribute("data-status", "completed")
    pipeline = open_in_designer(page, job)
    scored = designer_scores(page, studio, pipeline)
    assert len(scored) == 569
    assert_same_predictions(answered, scored)

    page.get_by_role("navigation").get_by_role("link", name="AutoML").click()
    listed = page.get_by_test_id(f"automl-job-{job['id']}")
    expect(listed).to_contain_text(job["name"], timeout=20_000)
    expect(listed.locator("[data-status]")).to_have_attribute("data-status", "completed")
    expect(listed).to_contain_text(job["result"]["best_estimator"])
