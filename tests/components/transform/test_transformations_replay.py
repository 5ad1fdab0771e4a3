"""Every fitted transformation: applying it to the training data reproduces the step's
output, also after a cloudpickle round trip (as between engine processes)."""

from __future__ import annotations

import cloudpickle
import pandas as pd
import pytest

from kumi.components._transforms import ColumnTransformation
from kumi.core import NotFittedError
from kumi.testing import example

CASES = [
    (
        "clean_missing_data",
        {"cleaning_mode": "replace_with_mode"},
        "cleaned_dataset",
        "cleaning_transformation",
    ),
    (
        "clean_missing_data",
        {"cleaning_mode": "remove_entire_row"},
        "cleaned_dataset",
        "cleaning_transformation",
    ),
    (
        "normalize_data",
        {"transformation_method": "lognormal"},
        "transformed_dataset",
        "transformation_function",
    ),
    (
        "group_data_into_bins",
        {"binning_mode": "equal_width"},
        "quantized_dataset",
        "binning_transformation",
    ),
    ("convert_to_indicator_values", {}, "results_dataset", "indicator_values_transformation"),
]


@pytest.mark.parametrize(("component", "params", "data_port", "transformation_port"), CASES)
def test_apply_reproduces_training_output(
    run, component, params, data_port, transformation_port
) -> None:
    table = example("table")
    outputs = run(component, params, dataset=table)
    transformation = cloudpickle.loads(cloudpickle.dumps(outputs[transformation_port]))
    replayed = transformation.apply(table)
    pd.testing.assert_frame_equal(replayed.frame, outputs[data_port].frame)
    assert replayed.roles == outputs[data_port].roles
    state = transformation.fitted_state()
    assert state["columns_"] and all(key.endswith("_") for key in state)


def test_unfitted_transformation_says_so() -> None:
    from kumi.components._transforms import NormalizeTransformation

    unfitted: ColumnTransformation = NormalizeTransformation(["age"], "zscore")
    with pytest.raises(NotFittedError, match="not fitted"):
        unfitted.apply(example("numeric_table"))
