"""Select Columns Transform: a frozen column list that tolerates a missing label."""

from __future__ import annotations

import cloudpickle
import pandas as pd
import pytest

from kumi.core import ColumnNotFoundError, Table


def test_replays_the_columns_in_order_and_skips_an_absent_label(run) -> None:
    chosen = Table.of(pd.DataFrame({"b": [1], "a": [2], "y": [0]}), label="y")
    transformation = run("select_columns_transform", {}, dataset=chosen)["output_transformation"]
    transformation = cloudpickle.loads(cloudpickle.dumps(transformation))
    new = Table.of(pd.DataFrame({"a": [5], "z": [6], "b": [7], "y": [1]}), label="y")
    assert transformation.apply(new).columns == ["b", "a", "y"]
    to_score = Table.of(pd.DataFrame({"a": [5], "b": [7]}))
    assert transformation.apply(to_score).columns == ["b", "a"]
    with pytest.raises(ColumnNotFoundError, match="'b'"):
        transformation.apply(Table.of(pd.DataFrame({"a": [5], "y": [1]})))


def test_convert_to_csv_round_trips(run) -> None:
    table = Table.of(pd.DataFrame({"a": [1.5, None], "b": ["x, y", "z"]}))
    artifact = run("convert_to_csv", {}, dataset=table)["results_dataset"]
    assert artifact.filename == "data.csv" and artifact.media_type == "text/csv"
    assert artifact.content.decode().splitlines()[0] == "a,b"
    from io import BytesIO

    pd.testing.assert_frame_equal(pd.read_csv(BytesIO(artifact.content)), table.frame)
