"""client.inference: derive and preview inference pipelines of a finished run."""

from __future__ import annotations

from typing import Any

import pytest

from kumi.core import NotFoundError
from kumi.sdk import Client

pytestmark = pytest.mark.slow


def test_create_saves_and_preview_does_not(client: Client, finished_run: dict[str, Any]) -> None:
    run_id = finished_run["run_id"]
    preview = client.inference.preview(run_id, kind="batch")
    assert preview["kind"] == "batch" and "output_path" in preview["pipeline"]["parameters"]
    created = client.inference.create(run_id, name="sdk-real-time")
    assert created["kind"] == "realtime" and created["training_run_id"] == run_id
    saved = client.pipelines.get("sdk-real-time")
    assert saved["document"] == created["pipeline"]["document"]
    nodes = {n["id"]: n["component"] for n in saved["document"]["nodes"]}
    assert nodes["web_service_input"] == "web_service_input" and "split" not in nodes


def test_unknown_run_raises_the_same_error_class(client: Client) -> None:
    with pytest.raises(NotFoundError):
        client.inference.create("no-such-run")
