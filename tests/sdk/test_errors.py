"""Error answers come back as kumi's exceptions; no server is a clear error too."""

from __future__ import annotations

import httpx
import pytest
import yaml

from kumi.core.errors import (
    ConflictError,
    InvalidParameterError,
    KumiError,
    NotFoundError,
    PipelineValidationError,
)
from kumi.sdk import ApiError, Client, ServerUnreachableError
from tests.sdk.conftest import SAMPLE


def sample(name: str) -> dict:
    return {**yaml.safe_load(SAMPLE.read_text()), "name": name}


def answering(response: httpx.Response) -> Client:
    return Client("http://kumi.test", transport=httpx.MockTransport(lambda request: response))


def test_not_found_is_not_found_error_with_the_servers_message(client):
    with pytest.raises(NotFoundError) as raised:
        client.datasets.get("no-such-dataset")
    assert raised.value.code == "not_found" and "no-such-dataset" in raised.value.message
    with pytest.raises(NotFoundError, match="train_model"):
        client.components.get("train_modle")


def test_invalid_pipeline_and_invalid_parameter_keep_their_classes_and_details(client):
    broken = sample("sdk-broken")
    broken["edges"].append({"from": "data.dataset", "to": "nowhere.dataset"})
    with pytest.raises(PipelineValidationError, match="nowhere") as raised:
        client.runs.submit(document=broken)
    assert raised.value.details["problems"]
    with pytest.raises(InvalidParameterError):
        client.runs.submit(document=sample("sdk-p"), parameters={"nope": 1})


def test_a_taken_name_is_conflict_error(client):
    client.pipelines.create(sample("sdk-taken"))
    with pytest.raises(ConflictError, match="exists already"):
        client.pipelines.create(sample("sdk-taken"))


def test_codes_without_a_class_are_api_errors_with_status_code_and_details(client):
    with pytest.raises(ApiError) as raised:
        client.datasets.preview("breast-cancer", version=1, rows=0)
    assert (raised.value.status, raised.value.code) == (422, "invalid_request")
    assert raised.value.details["problems"][0]["where"] == "query.rows"
    teapot = {"error": {"code": "teapot", "message": "I am a teapot.", "details": {"x": 1}}}
    with pytest.raises(ApiError) as raised, answering(httpx.Response(418, json=teapot)) as odd:
        odd.health()
    error = raised.value
    assert isinstance(error, KumiError)
    assert (error.status, error.code, error.message, error.details) == (
        418,
        "teapot",
        "I am a teapot.",
        {"x": 1},
    )
    assert error.to_dict()["error"]["code"] == "teapot" and ApiError.code == "api_error"


def test_an_answer_not_in_the_error_shape_is_an_api_error_naming_the_status():
    with pytest.raises(ApiError, match=r"502.*Bad gateway") as raised:
        answering(httpx.Response(502, text="Bad gateway")).health()
    assert raised.value.code == "http_502"


def test_no_server_says_to_start_one_with_kumi_up():
    with pytest.raises(ServerUnreachableError, match="kumi up") as raised:
        Client("http://127.0.0.1:9", timeout=2).datasets.list()
    assert raised.value.code == "server_unreachable"
    assert raised.value.details == {"url": "http://127.0.0.1:9"}


def test_a_server_too_slow_to_answer_says_how_to_wait_longer():
    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)

    client = Client("http://kumi.test", transport=httpx.MockTransport(slow))
    with pytest.raises(ServerUnreachableError, match="timeout="):
        client.runs.list()
