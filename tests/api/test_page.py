"""The built page is served at / (any page route gets index.html); API paths never are."""

from __future__ import annotations

from fastapi.testclient import TestClient

from kumi.api import ApiSettings, create_app
from tests.api.conftest import assert_error


def page_client(tmp_path, built: bool) -> TestClient:
    static = tmp_path / "static"
    if built:
        (static / "assets").mkdir(parents=True)
        (static / "index.html").write_text("<html><title>kumi</title></html>")
        (static / "assets" / "app.js").write_text("console.log('kumi')")
    settings = ApiSettings(workspace=tmp_path / "ws", static_dir=static, track=False)
    return TestClient(create_app(settings), raise_server_exceptions=False)


def test_page_routes_get_the_page_and_assets_are_served(tmp_path):
    with page_client(tmp_path, built=True) as client:
        for path in ("/", "/pipelines/credit", "/runs/abc"):
            answer = client.get(path)
            assert answer.status_code == 200 and "<title>kumi</title>" in answer.text
        assert client.get("/assets/app.js").text == "console.log('kumi')"
        assert_error(client.get("/api/pipelines/x/nothing/here"), 404, "not_found")
        assert client.get("/openapi.json").json()["info"]["title"] == "kumi"


def test_an_unbuilt_page_says_how_to_build_it(tmp_path):
    with page_client(tmp_path, built=False) as client:
        error = assert_error(client.get("/"), 503, "page_not_built")
        assert "npm run build" in error["message"]
        assert client.get("/api/health").status_code == 200
