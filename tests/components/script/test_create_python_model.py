"""Create Python Model: a learner written in Python, trained and scored like built-ins."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import cloudpickle
import numpy as np
import pandas as pd
import pytest

from kumi.core import (
    SCORED_LABELS,
    SCORED_PROBABILITIES,
    ColumnRole,
    InvalidParameterError,
    StepFailedError,
    Table,
)

THRESHOLD_MODEL = textwrap.dedent(
    """
    import pandas as pd


    class AzureMLModel:
        def __init__(self):
            self.cut = None

        def train(self, df_train, df_label):
            self.cut = df_train.loc[df_label == 1, "x"].min()

        def predict(self, df):
            return pd.DataFrame({"Scored Labels": (df["x"] >= self.cut).astype(int)})
    """
)


@pytest.fixture
def table() -> Table:
    x = np.arange(20, dtype=float)
    return Table.of(pd.DataFrame({"x": x, "y": (x >= 12).astype(int)}), label="y")


def train(run, source: str, table: Table):
    learner = run("create_python_model", {"python_script": source})["untrained_model"]
    return run("train_model", {"label_column": "y"}, untrained_model=learner, dataset=table)[
        "trained_model"
    ]


def test_train_score_and_evaluate_a_python_model(run, table) -> None:
    model = train(run, THRESHOLD_MODEL, table)
    assert model.feature_columns_ == ["x"]
    assert model.classes_ == [0, 1]
    scored = run("score_model", trained_model=model, dataset=table)["scored_dataset"]
    assert (scored.frame[SCORED_LABELS] == scored.frame["y"]).all()
    assert scored.role(SCORED_LABELS) == ColumnRole.SCORE
    report = run("evaluate_model", scored_dataset=scored)["evaluation_results"]
    assert report.metrics["accuracy"] == 1.0


def test_default_template_trains_on_mixed_data(run) -> None:
    from kumi.testing import example

    learner = run("create_python_model")["untrained_model"]
    model = run(
        "train_model", {"label_column": "label"}, untrained_model=learner, dataset=example("table")
    )
    scored = run("score_model", trained_model=model["trained_model"], dataset=example("table"))
    assert {SCORED_LABELS, SCORED_PROBABILITIES} <= set(scored["scored_dataset"].columns)


def test_trained_python_model_scores_the_same_in_a_fresh_process(run, table, tmp_path) -> None:
    model = train(run, THRESHOLD_MODEL, table)
    (tmp_path / "model.pkl").write_bytes(cloudpickle.dumps(model))
    (tmp_path / "table.pkl").write_bytes(cloudpickle.dumps(table))
    code = textwrap.dedent(
        f"""
        import pathlib, cloudpickle
        folder = pathlib.Path({str(tmp_path)!r})
        model = cloudpickle.loads((folder / "model.pkl").read_bytes())
        table = cloudpickle.loads((folder / "table.pkl").read_bytes())
        (folder / "scored.pkl").write_bytes(cloudpickle.dumps(model.score(table).frame))
        """
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)
    again = cloudpickle.loads((tmp_path / "scored.pkl").read_bytes())
    pd.testing.assert_frame_equal(again, model.score(table).frame)


def test_error_in_train_reports_the_script_line(run, table) -> None:
    source = THRESHOLD_MODEL.replace('"x"].min()', '"missing"].min()')
    with pytest.raises(StepFailedError, match="train") as info:
        train(run, source, table)
    assert info.value.details["line"] == 10


def test_script_without_the_class_is_refused_at_once(run) -> None:
    with pytest.raises(InvalidParameterError, match="AzureMLModel"):
        run("create_python_model", {"python_script": "x = 1\n"})


def test_syntax_error_names_the_line(run) -> None:
    with pytest.raises(InvalidParameterError, match="line 2"):
        run("create_python_model", {"python_script": "import pandas\nclass AzureMLModel(:\n"})


def test_predict_returning_the_wrong_rows_is_explained(run, table) -> None:
    source = THRESHOLD_MODEL.replace(
        'return pd.DataFrame({"Scored Labels": (df["x"] >= self.cut).astype(int)})',
        "return [1, 2]",
    )
    model = train(run, source, table)
    with pytest.raises(InvalidParameterError, match="must return a pandas DataFrame"):
        run("score_model", trained_model=model, dataset=table)
