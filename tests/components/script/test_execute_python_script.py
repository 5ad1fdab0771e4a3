"""Execute Python Script runs the user's code in its own process."""

from __future__ import annotations

import io
import logging
import os
import textwrap
import time
import zipfile

import pandas as pd
import pytest

from kumi.core import (
    ColumnRole,
    FileArtifact,
    InvalidParameterError,
    StepFailedError,
    StepTimeoutError,
    Table,
)


def script(body: str) -> dict[str, str]:
    return {"python_script": textwrap.dedent(body)}


@pytest.fixture
def people() -> Table:
    frame = pd.DataFrame({"name": ["ann", "bob", "cy"], "age": [31, 45, 27], "y": [1, 0, 1]})
    return Table.of(frame, label="y")


def test_two_inputs_two_outputs_and_roles_kept(run, people) -> None:
    other = Table.of(pd.DataFrame({"k": [1, 2]}))
    params = script(
        """
        import pandas as pd

        def azureml_main(dataframe1=None, dataframe2=None):
            older = dataframe1.assign(age=dataframe1["age"] + 1)
            return older, pd.DataFrame({"rows": [len(dataframe1) + len(dataframe2)]})
        """
    )
    out = run("execute_python_script", params, dataset1=people, dataset2=other)
    result = out["result_dataset"]
    assert list(result.frame["age"]) == [32, 46, 28]
    assert result.role("y") == ColumnRole.LABEL
    assert out["result_dataset2"].frame.to_dict("list") == {"rows": [5]}


def test_default_template_passes_the_first_table_through(run, people) -> None:
    out = run("execute_python_script", dataset1=people)
    pd.testing.assert_frame_equal(out["result_dataset"].frame, people.frame)
    assert out["result_dataset2"].frame.empty


def test_printed_lines_go_to_the_step_log(run, people, caplog) -> None:
    params = script(
        """
        import sys

        def azureml_main(dataframe1=None, dataframe2=None):
            print("rows:", len(dataframe1))
            print("careful", file=sys.stderr)
            return dataframe1
        """
    )
    with caplog.at_level(logging.INFO, logger="kumi.step"):
        run("execute_python_script", params, dataset1=people)
    messages = [(r.levelno, r.getMessage()) for r in caplog.records]
    assert (logging.INFO, "rows: 3") in messages
    assert (logging.WARNING, "careful") in messages


def test_runs_in_a_separate_process(run, people) -> None:
    params = script(
        """
        import os
        import pandas as pd

        def azureml_main(dataframe1=None, dataframe2=None):
            return pd.DataFrame({"pid": [os.getpid()]})
        """
    )
    out = run("execute_python_script", params, dataset1=people)
    assert out["result_dataset"].frame["pid"][0] != os.getpid()


def test_exception_reports_the_line_of_the_users_script(run, people) -> None:
    params = script(
        """
        def average_age(frame):
            return frame["age"].sum() / 0 if False else frame["salary"].mean()

        def azureml_main(dataframe1=None, dataframe2=None):
            return average_age(dataframe1)
        """
    )
    with pytest.raises(StepFailedError) as info:
        run("execute_python_script", params, dataset1=people)
    error = info.value
    assert error.details["line"] == 3
    assert "KeyError: 'salary'" in error.message
    assert 'File "script.py", line 6, in azureml_main' in error.details["traceback"]
    assert "site-packages" not in error.details["traceback"]


def test_syntax_error_is_a_parameter_error_with_the_line(run, people) -> None:
    params = script(
        """
        def azureml_main(dataframe1=None, dataframe2=None):
            return dataframe1,,
        """
    )
    with pytest.raises(InvalidParameterError, match="line 3") as info:
        run("execute_python_script", params, dataset1=people)
    assert info.value.details["line"] == 3


def test_timeout_stops_the_script(run, people) -> None:
    params = script(
        """
        import time

        def azureml_main(dataframe1=None, dataframe2=None):
            time.sleep(60)
        """
    )
    started = time.monotonic()
    with pytest.raises(StepTimeoutError, match="timeout_seconds"):
        run("execute_python_script", {**params, "timeout_seconds": 2}, dataset1=people)
    assert time.monotonic() - started < 20


@pytest.mark.parametrize("returned", ["42", "[dataframe1, dataframe1, dataframe1]", "(1, 2)"])
def test_returning_something_else_than_data_frames_is_explained(run, people, returned) -> None:
    params = script(
        f"""
        def azureml_main(dataframe1=None, dataframe2=None):
            return {returned}
        """
    )
    with pytest.raises(InvalidParameterError, match="must return a pandas DataFrame"):
        run("execute_python_script", params, dataset1=people)


def test_missing_entry_point_is_explained(run, people) -> None:
    params = script("def main(df):\n    return df\n")
    with pytest.raises(InvalidParameterError, match="azureml_main"):
        run("execute_python_script", params, dataset1=people)


def test_script_bundle_is_importable(run, people) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("helpers.py", "def double(x):\n    return 2 * x\n")
    bundle = FileArtifact("bundle.zip", buffer.getvalue(), "application/zip")
    params = script(
        """
        import os
        from helpers import double

        def azureml_main(dataframe1=None, dataframe2=None):
            assert os.path.isdir("Script Bundle")
            return dataframe1.assign(age=double(dataframe1["age"]))
        """
    )
    out = run("execute_python_script", params, dataset1=people, script_bundle=bundle)
    assert list(out["result_dataset"].frame["age"]) == [62, 90, 54]


def test_unstorable_result_is_explained(run, people) -> None:
    params = script(
        """
        import pandas as pd

        def azureml_main(dataframe1=None, dataframe2=None):
            return pd.DataFrame({"mixed": [1, "two", 3.0]})
        """
    )
    with pytest.raises(InvalidParameterError, match="one type"):
        run("execute_python_script", params, dataset1=people)
