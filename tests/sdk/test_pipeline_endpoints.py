"""Pipeline endpoints and schedules through the client."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from kumi.core.errors import InvalidInputError, InvalidParameterError, NotFoundError
from tests.api.test_pipeline_endpoints_api import copy_pipeline


@pytest.fixture(scope="module")
def endpoint(client, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("sdk-endpoints")
    pd.DataFrame({"id": [1, 2, 3], "amount": [1.0, 5.0, 9.0]}).to_csv(
        folder / "in.csv", index=False
    )
    client.pipelines.create(
        copy_pipeline("sdk-batch", folder / "in.csv", folder / "default.parquet")
    )
    published = client.pipeline_endpoints.publish("sdk-batch", "sdk-batch", description="Copy.")
    assert published["default_version"] == 1
    return folder


@pytest.mark.slow
def test_submit_and_wait(client, endpoint: Path) -> None:
    output = endpoint / "out.parquet"
    answer = client.pipeline_endpoints.submit(
        "sdk-batch", "sdk", {"output_path": str(output), "min_amount": 2}, tags={"by": "sdk"}
    )
    run = client.runs.wait(answer["run_id"], timeout=120)
    assert run["status"] == "completed", run
    assert pd.read_parquet(output)["id"].tolist() == [2, 3]
    (record,) = client.pipeline_endpoints.runs("sdk-batch")
    assert record["run_id"] == answer["Id"] and record["trigger"] == "api"


def test_versions_and_errors(client, endpoint: Path) -> None:
    second = client.pipeline_endpoints.publish("sdk-batch", "sdk-batch", set_default=True)
    assert second["default_version"] == 2
    assert client.pipeline_endpoints.set_default("sdk-batch", 1)["default_version"] == 1
    assert "sdk-batch" in {e["name"] for e in client.pipeline_endpoints.list()}
    with pytest.raises(NotFoundError):
        client.pipeline_endpoints.get("nope")
    with pytest.raises(InvalidParameterError, match="min_amount"):
        client.pipeline_endpoints.submit("sdk-batch", "sdk", {"min_amount": "many"})
    with pytest.raises(NotFoundError, match="version 5"):
        client.pipeline_endpoints.submit("sdk-batch", "sdk", version=5)


def test_schedules(client, endpoint: Path) -> None:
    schedule = client.schedules.create("sdk-batch", "weekly", "0 3 * * 1", timezone="UTC")
    assert schedule["endpoint"] == "sdk-batch" and schedule["paused"] is False
    assert client.schedules.pause(schedule["id"])["paused"] is True
    assert client.schedules.resume(schedule["id"])["paused"] is False
    assert [s["id"] for s in client.schedules.list("sdk-batch")] == [schedule["id"]]
    with pytest.raises(InvalidInputError, match="five fields"):
        client.schedules.create("sdk-batch", "bad", "whenever")
    client.schedules.delete(schedule["id"])
    with pytest.raises(NotFoundError):
        client.schedules.get(schedule["id"])
    client.pipeline_endpoints.delete("sdk-batch")
    with pytest.raises(NotFoundError):
        client.pipeline_endpoints.runs("sdk-batch")
