"""A training run becomes a service, in the page: the sample pipeline's run → Create
inference pipeline → Real-time → Deploy → the Test tab scores like Score Model did in the
training run; Batch → Publish → a curl POST writes scored rows to the datastore; a schedule on
a pipeline endpoint fires and is paused from the Endpoints page."""

from __future__ import annotations

import json
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pytest
from playwright.sync_api import Locator, Page, expect

from tests.browser.conftest import Studio, screenshot

PIPELINE = "breast-cancer-diagnosis"  # saved in every new workspace; `kumi up` runs it once
REALTIME = "bc-diagnosis"
BATCH = "bc-batch-scoring"
SCHEDULED = "bc-scheduled-scoring"
LABELS = "Scored Labels"
PROBABILITIES = "Scored Probabilities"
SAME = 1e-6  # features and probabilities: the page's/datastore's values vs the training run's


@dataclass(frozen=True)
class Training:
    """The completed training run and the rows its Score Model step scored."""

    run_id: str
    features: list[str]
    scored: list[dict]
    """Score Model's output (normalized features, label, Scored Labels/Probabilities)."""
    requests: list[dict]
    """The same rows as a client sends them: raw feature values, no label."""


def call(studio: Studio, method: str, path: str, body: dict | None = None) -> dict:
    request = urllib.request.Request(
        f"{studio.url}/api{path}",
        method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers={"content-type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as answer:
        return json.loads(answer.read() or b"null")


def settled_status(studio: Studio, run_id: str, seconds: float = 120) -> str:
    deadline = time.monotonic() + seconds
    while (status := studio.api(f"/runs/{run_id}")["status"]) in ("queued", "running"):
        assert time.monotonic() < deadline, f"run {run_id} still {status}"
        time.sleep(0.2)
    return status


def features_of(rows: list[dict], features: list[str]) -> np.ndarray:
    return np.array([[float(row[f]) for f in features] for row in rows])


def matches(found: np.ndarray, wanted: np.ndarray) -> list[int | None]:
    """For each row of ``wanted``, the index of the row of ``found`` with the same feature
    values (within SAME), or None."""
    distance = np.abs(found[None, :, :] - wanted[:, None, :]).max(axis=2)
    nearest = distance.argmin(axis=1)
    return [int(n) if distance[i, n] < SAME else None for i, n in enumerate(nearest)]


def assert_scored_like_training(training: Training, rows: list[dict]) -> int:
    """Every row of ``rows`` that the training run scored too (same normalized features)
    has its Scored Labels and Scored Probabilities; the number of such rows."""
    training_features = features_of(training.scored, training.features)
    compared = 0
    for row, index in zip(rows, matches(training_features, features_of(rows, training.features))):
        if index is None:
            continue
        expected = training.scored[index]
        assert row[LABELS] == expected[LABELS], (row, expected)
        assert abs(float(row[PROBABILITIES]) - expected[PROBABILITIES]) < SAME, (row, expected)
        compared += 1
    return compared


@pytest.fixture(scope="module")
def training(studio: Studio) -> Training:
    runs = studio.api(f"/runs?pipeline={PIPELINE}&limit=1")["runs"]
    if not runs or settled_status(studio, runs[0]["run_id"]) != "completed":
        runs = [studio.api("/runs", {"pipeline": PIPELINE})]
        assert settled_status(studio, runs[0]["run_id"]) == "completed"
    run_id = runs[0]["run_id"]
    scored = studio.api(f"/runs/{run_id}/steps/score/outputs/scored_dataset?rows=1000")
    features = [c["name"] for c in scored["columns"] if c["role"] == "feature"]
    # The raw rows behind the scored (cleaned, normalized, split) ones: Normalize Data keeps
    # the row order of the dataset, so a scored row's place among the normalized rows is its
    # place in the dataset.
    normalized = studio.api(f"/runs/{run_id}/steps/normalize/outputs/transformed_dataset?rows=1000")
    raw = studio.api(f"/runs/{run_id}/steps/data/outputs/dataset?rows=1000")["rows"]
    assert len(normalized["rows"]) == len(raw) == 569
    places = matches(
        features_of(normalized["rows"], features), features_of(scored["rows"], features)
    )
    assert None not in places and len(set(places)) == len(scored["rows"]) == 171
    requests = [{f: raw[place][f] for f in features} for place in places]
    return Training(run_id, features, scored["rows"], requests)


def open_trained_pipeline(page: Page, studio: Studio, training: Training) -> None:
    page.goto(f"{studio.url}/pipelines/{PIPELINE}")  # the designer shows its newest run
    expect(page.get_by_test_id("run-status")).to_have_attribute(
        "data-status", "completed", timeout=20_000
    )
    assert studio.api(f"/runs?pipeline={PIPELINE}&limit=1")["runs"][0]["run_id"] == training.run_id


def create_inference_pipeline(page: Page, kind: str) -> None:
    page.get_by_role("button", name="Create inference pipeline ▾").click()
    page.get_by_role("menuitem", name=kind, exact=True).click()


def table_rows(table: Locator) -> list[dict[str, str]]:
    """The rows of an HTML table as {header: cell text}."""
    return table.evaluate(
        """table => {
          const names = [...table.querySelectorAll('thead th')].map(th => th.textContent);
          return [...table.querySelectorAll('tbody tr')].map(tr => Object.fromEntries(
            [...tr.querySelectorAll('td')].map((td, i) => [names[i], td.textContent])));
        }"""
    )


def test_a_real_time_endpoint_deployed_in_the_page_scores_like_the_training_run(
    studio, page, training
):
    open_trained_pipeline(page, studio, training)
    create_inference_pipeline(page, "Real-time")
    page.wait_for_url(f"**/pipelines/{PIPELINE}-real-time", timeout=30_000)
    for node, title in (
        ("web_service_input", "Web Service Input"),
        ("web_service_output", "Web Service Output"),
    ):
        expect(page.locator(f'.react-flow__node[data-id="{node}"]')).to_contain_text(
            title, timeout=20_000
        )
    screenshot(page, "inference-realtime-pipeline")

    page.get_by_role("button", name="Deploy", exact=True).click()
    dialog = page.get_by_role("dialog", name="Deploy real-time endpoint")
    dialog.get_by_label("Endpoint name").fill(REALTIME)
    screenshot(page, "inference-deploy-dialog")
    dialog.get_by_role("button", name="Deploy").click()
    page.wait_for_url(f"**/endpoints/{REALTIME}", timeout=60_000)
    expect(page.get_by_test_id("endpoint-status")).to_have_text("healthy", timeout=20_000)
    screenshot(page, "endpoint-details")
    endpoint = studio.api(f"/endpoints/{REALTIME}")
    assert endpoint["training_run_id"] == training.run_id
    assert endpoint["pipeline"] == f"{PIPELINE}-real-time"
    inputs = {c["name"] for c in endpoint["signature"]["inputs"]["input1"]}
    assert inputs == set(training.features)  # the label column is not asked for

    # The Test tab's form, filled from the input example.
    page.get_by_role("tab", name="Test").click()
    page.get_by_role("button", name="Test", exact=True).click()
    result = page.get_by_test_id("test-result").locator("table")
    expect(result.locator("tbody tr")).to_have_count(1, timeout=20_000)
    from_form = table_rows(result)[0]
    assert from_form[LABELS] in {"malignant", "benign"}
    assert 0 <= float(from_form[PROBABILITIES]) <= 1
    assert_scored_like_training(training, [from_form])  # when the example was a test row
    # Raw JSON: every row the training run scored, as a client would send it.
    page.get_by_label("Raw JSON").check()
    body = {"Inputs": {"input1": training.requests}, "GlobalParameters": {}}
    page.get_by_label("Request body").fill(json.dumps(body))
    page.get_by_role("button", name="Test", exact=True).click()
    expect(result.locator("tbody tr")).to_have_count(len(training.requests), timeout=20_000)
    screenshot(page, "endpoint-test")
    assert assert_scored_like_training(training, table_rows(result)) == len(training.scored)

    # The Consume tab's curl sample, pasted into a shell, scores the input example.
    page.get_by_role("tab", name="Consume").click()
    expect(page.get_by_label("Scoring URI", exact=True)).to_have_value(endpoint["scoring_uri"])
    sample = page.get_by_test_id("sample-code")
    expect(sample).to_contain_text("curl -X POST", timeout=20_000)
    screenshot(page, "endpoint-consume")
    pasted = subprocess.run(
        ["bash", "-c", sample.inner_text() + " --silent --show-error --fail-with-body"],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    by_curl = json.loads(pasted.stdout)["Results"]["output1"]
    assert len(by_curl) == len(endpoint["input_example"]["Inputs"]["input1"])
    assert by_curl[0][LABELS] == from_form[LABELS]
    assert abs(by_curl[0][PROBABILITIES] - float(from_form[PROBABILITIES])) < SAME

    page.get_by_role("tab", name="Monitoring").click()
    requests = page.get_by_test_id("endpoint-metrics").locator("dd").first
    expect(requests).to_have_text("3", timeout=20_000)  # form, raw JSON, curl
    screenshot(page, "endpoint-monitoring")
    page.get_by_role("tab", name="Logs").click()
    expect(page.get_by_test_id("endpoint-logs")).to_be_visible(timeout=20_000)
    screenshot(page, "endpoint-logs")


def test_a_batch_endpoint_published_in_the_page_and_called_by_curl_writes_scored_rows(
    studio, page, training
):
    open_trained_pipeline(page, studio, training)
    create_inference_pipeline(page, "Batch")
    page.wait_for_url(f"**/pipelines/{PIPELINE}-batch", timeout=30_000)
    expect(page.locator('.react-flow__node[data-id="export"]')).to_contain_text(
        "Export Data", timeout=20_000
    )
    screenshot(page, "inference-batch-pipeline")
    page.get_by_role("button", name="Publish", exact=True).click()
    dialog = page.get_by_role("dialog", name="Publish pipeline")
    dialog.get_by_label("New endpoint name").fill(BATCH)
    dialog.get_by_role("button", name="Publish").click()
    page.wait_for_url(f"**/pipeline-endpoints/{BATCH}", timeout=30_000)
    submit_uri = studio.api(f"/pipeline-endpoints/{BATCH}")["submit_uri"]
    expect(page.get_by_text(f"POST {submit_uri}")).to_be_visible(timeout=20_000)

    request = {
        "ExperimentName": "scored-by-curl",
        "ParameterAssignments": {
            "dataset_name": "breast-cancer",
            "output_path": "datastore://curl-scored/{run_id}/scored.parquet",
        },
    }
    posted = subprocess.run(
        ["curl", "--silent", "--show-error", "--write-out", "\n%{http_code}", "-X", "POST",
         submit_uri, "-H", "content-type: application/json", "-d", json.dumps(request)],
        capture_output=True, text=True, timeout=30, check=True,
    )  # fmt: skip
    answer, code = posted.stdout.rsplit("\n", 1)
    assert code == "202", posted.stdout
    run_id = json.loads(answer)["run_id"]
    assert settled_status(studio, run_id) == "completed"
    run = studio.api(f"/runs/{run_id}")
    assert run["experiment"] == "scored-by-curl" and run["pipeline_name"] == f"{PIPELINE}-batch"

    written = studio.workspace / "datastore" / "curl-scored" / run_id / "scored.parquet"
    assert written.is_file()
    scored = pd.read_parquet(written)
    assert len(scored) == 569  # every row of the breast-cancer dataset
    rows = scored.to_dict("records")
    assert assert_scored_like_training(training, rows) == len(training.scored)

    page.reload()
    runs = page.get_by_role("table", name="Runs triggered")
    expect(runs.get_by_role("link", name=run_id[:8])).to_be_visible(timeout=20_000)
    expect(runs).to_contain_text("api")
    screenshot(page, "pipeline-endpoint")


def schedule_now(studio: Studio, schedule_id: str) -> dict:
    (schedule,) = [s for s in studio.api("/schedules")["schedules"] if s["id"] == schedule_id]
    return schedule


@pytest.fixture
def scheduled_endpoint(studio: Studio, training: Training) -> str:
    """A pipeline endpoint of the run's batch pipeline (published over the API)."""
    name = f"{PIPELINE}-scheduled-batch"
    studio.api(f"/runs/{training.run_id}/inference-pipelines", {"kind": "batch", "name": name})
    studio.api("/pipeline-endpoints", {"name": SCHEDULED, "pipeline": name})
    return SCHEDULED


def test_a_schedule_made_in_the_page_fires_and_is_paused_from_the_endpoints_page(
    studio, page, scheduled_endpoint
):
    page.goto(f"{studio.url}/pipeline-endpoints/{scheduled_endpoint}")
    form = page.get_by_role("form", name="Create schedule")
    form.get_by_label("Schedule name").fill("every-minute")
    form.get_by_label("Cron").fill("* * * * *")
    form.get_by_role("button", name="Create schedule").click()
    schedules = page.get_by_role("table", name="Schedules")
    expect(schedules).to_contain_text("every-minute", timeout=20_000)
    (schedule,) = [
        s for s in studio.api("/schedules")["schedules"] if s["endpoint"] == scheduled_endpoint
    ]
    assert schedule["cron"] == "* * * * *" and not schedule["paused"]
    screenshot(page, "schedule-created")
    try:
        deadline = time.monotonic() + 75  # the next minute, plus the scheduler's 5 s look
        while not (run_id := schedule_now(studio, schedule["id"])["last_run_id"]):
            assert time.monotonic() < deadline, "the schedule did not fire"
            time.sleep(1)
        assert settled_status(studio, run_id) == "completed"
        triggered = studio.api(f"/pipeline-endpoints/{scheduled_endpoint}/runs")["runs"]
        assert [(r["run_id"], r["trigger"]) for r in triggered] == [(run_id, "schedule")]

        page.reload()
        row = page.get_by_test_id(f"schedule-{schedule['id']}")
        expect(row.locator(f'a[href="/runs/{run_id}"]')).to_be_visible(timeout=20_000)
        screenshot(page, "schedule-fired")

        # By the navigation: the address /endpoints itself is answered by the endpoint
        # server (see test_the_endpoints_pages_open_by_their_address).
        page.get_by_role("navigation").get_by_role("link", name="Endpoints").click()
        page.wait_for_url("**/endpoints")
        row = page.get_by_test_id(f"schedule-{schedule['id']}")
        row.get_by_role("button", name="Pause every-minute").click()
        expect(row.get_by_role("button", name="Resume every-minute")).to_be_visible(timeout=20_000)
        screenshot(page, "schedules-paused")
        assert schedule_now(studio, schedule["id"])["paused"] is True
    finally:  # a schedule left running would start runs under the other tests
        call(studio, "PATCH", f"/schedules/{schedule['id']}", {"paused": True})


def test_the_endpoints_pages_open_by_their_address(studio, page):
    answer = page.goto(f"{studio.url}/endpoints")
    assert answer is not None and answer.headers["content-type"].startswith("text/html")
    expect(page.get_by_role("heading", name="Endpoints", exact=True)).to_be_visible(timeout=10_000)
