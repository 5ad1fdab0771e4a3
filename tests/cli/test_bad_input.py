"""The issue's bad-input list through the CLI: a clear message naming the file, column,
node or port, a non-zero exit code, and nothing stored before is changed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import SAMPLE_PIPELINES
from typer.testing import CliRunner

from kumi.cli import app

pytestmark = pytest.mark.slow
runner = CliRunner()


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bad") / "ws"
    good = path.parent / "good.csv"
    good.write_text("x,y\n1,a\n2,b\n")
    assert (
        runner.invoke(app, ["datasets", "add", "stable", str(good), "-w", str(path)]).exit_code == 0
    )
    return path


def add(workspace: Path, file: Path, *extra: str):  # type: ignore[no-untyped-def]
    return runner.invoke(
        app, ["datasets", "add", "stable", str(file), "-w", str(workspace), *extra]
    )


def assert_unchanged(workspace: Path) -> None:
    shown = runner.invoke(app, ["datasets", "show", "stable", "-w", str(workspace), "--json"])
    payload = json.loads(shown.stdout)
    assert payload["version"] == 1 and payload["preview"] == [
        {"x": 1, "y": "a"},
        {"x": 2, "y": "b"},
    ]


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("empty.csv", b"", "empty"),
        ("latin.csv", "name,city\nJosé,Málaga\n".encode("latin-1"), "encoding"),
        ("dupes.csv", b"a,b,a\n1,2,3\n", "'a'"),
        ("ragged.csv", b"a,b\n1,2\n3,4,5,6\n", "ragged.csv"),
    ],
)
def test_bad_files_are_rejected_naming_the_file(
    workspace: Path, tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    file = tmp_path / name
    file.write_bytes(content)
    result = add(workspace, file)
    assert result.exit_code == 2
    assert name in result.output and expected in result.output
    assert_unchanged(workspace)


def test_unknown_label_column_is_rejected(workspace: Path, tmp_path: Path) -> None:
    file = tmp_path / "more.csv"
    file.write_text("x,y\n3,c\n")
    result = add(workspace, file, "--label", "target")
    assert result.exit_code == 2 and "'target'" in result.output
    assert_unchanged(workspace)


def pipeline_with(tmp_path: Path, old: str, new: str) -> Path:
    text = (SAMPLE_PIPELINES / "breast-cancer.yaml").read_text()
    assert old in text
    path = tmp_path / "pipeline.yaml"
    path.write_text(text.replace(old, new))
    return path


def test_missing_label_column_names_the_column(workspace: Path, tmp_path: Path) -> None:
    path = pipeline_with(tmp_path, "{label_column: diagnosis}", "{label_column: outcome}")
    result = runner.invoke(app, ["run", str(path), "-w", str(workspace)])
    assert result.exit_code != 0 and "outcome" in result.output


def test_parameter_out_of_bounds_names_node_and_parameter(workspace: Path, tmp_path: Path) -> None:
    path = pipeline_with(
        tmp_path,
        'fraction_of_rows_in_the_first_output_dataset: "${parameters.train_fraction}"',
        "fraction_of_rows_in_the_first_output_dataset: 1.5",
    )
    result = runner.invoke(app, ["run", str(path), "-w", str(workspace)])
    assert result.exit_code == 2
    assert (
        "split" in result.output and "fraction_of_rows_in_the_first_output_dataset" in result.output
    )


def test_text_in_a_numeric_only_module_fails_that_step(workspace: Path, tmp_path: Path) -> None:
    text_csv = tmp_path / "text.csv"
    text_csv.write_text("amount,comment\n1,fine\n2,odd\n3,good\n")
    document = tmp_path / "normalize-text.yaml"
    document.write_text(
        f"""
schema_version: 1
name: normalize-text
nodes:
  - {{id: data, component: import_data, params: {{path: "{text_csv}"}}}}
  - id: normalize
    component: normalize_data
    params: {{columns_to_transform: {{names: [amount, comment]}}}}
edges:
  - {{from: data.results_dataset, to: normalize.dataset}}
"""
    )
    result = runner.invoke(app, ["run", str(document), "-w", str(workspace), "--json"])
    assert result.exit_code != 0
    text = result.output
    assert "comment" in text
    if result.exit_code == 1:
        steps = {s["id"]: s["status"] for s in json.loads(result.stdout)["steps"]}
        assert steps == {"data": "completed", "normalize": "failed"}
