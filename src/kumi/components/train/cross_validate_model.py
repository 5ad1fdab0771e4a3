"""Cross Validate Model: k-fold cross-validation of a learner on a labelled dataset."""

from __future__ import annotations

import numpy as np
import pandas as pd
from pandas.api import types as ptypes
from pydantic import Field

from kumi.components._learning.columns import FOLD_NUMBER
from kumi.components._learning.folds import CrossValidation, cross_validate, random_folds
from kumi.components._learning.training import label_column_of, require_supervised
from kumi.components._transforms.folds import FOLD_COLUMN
from kumi.core import (
    Category,
    ColumnName,
    ColumnRole,
    Component,
    InputPort,
    Inputs,
    OutputPort,
    Outputs,
    Params,
    PortType,
    RunContext,
    Table,
    UntrainedModel,
)


class CrossValidateModelParams(Params):
    label_column: ColumnName | None = Field(
        None, description="Column to predict (unset: the column marked as label)."
    )
    random_seed: int = Field(0, ge=0, description="Seed of the assignment of rows to folds.")
    number_of_folds: int = Field(
        10,
        ge=2,
        le=1000,
        description="Folds (k); a 'Fold' column from Partition and Sample is used instead.",
    )


class CrossValidateModel(Component[CrossValidateModelParams]):
    id = "cross_validate_model"
    name = "Cross Validate Model"
    category = Category.MODEL_SCORING_EVALUATION
    description = (
        "Splits the dataset into folds, trains on all folds but one and scores that one, for "
        "each fold; outputs every row's out-of-fold scores and the metrics of each fold."
    )
    Params = CrossValidateModelParams
    inputs = (
        InputPort("untrained_model", PortType.UNTRAINED_MODEL),
        InputPort("dataset", PortType.TABLE),
    )
    outputs = (
        OutputPort("scored_results", PortType.TABLE),
        OutputPort("evaluation_results_by_fold", PortType.TABLE),
    )
    example_params = {"label_column": "label", "number_of_folds": 4}

    def run(self, params: CrossValidateModelParams, inputs: Inputs, ctx: RunContext) -> Outputs:
        learner = inputs.untrained_model("untrained_model")
        table = inputs.table("dataset")
        require_supervised(learner, self.name)
        label = label_column_of(table, params.label_column, self.name)
        folds = _folds(learner, table, label, params, ctx)
        result = cross_validate(learner, table, label, folds)
        return {
            "scored_results": result.scored,
            "evaluation_results_by_fold": Table.of(_by_fold(result, learner.learner_id)),
        }


def _folds(
    learner: UntrainedModel,
    table: Table,
    label: str,
    params: CrossValidateModelParams,
    ctx: RunContext,
) -> np.ndarray:
    """Folds assigned by Partition and Sample (its ignored 'Fold' column), else random."""
    if FOLD_COLUMN in table.columns and table.role(FOLD_COLUMN) == ColumnRole.IGNORE:
        preset = table.frame[FOLD_COLUMN]
        if preset.notna().all() and ptypes.is_integer_dtype(preset.dtype):
            ctx.log(f"Using the {preset.nunique()} folds of column '{FOLD_COLUMN}'.")
            return preset.to_numpy(dtype="int64")
    ctx.log(f"Cross-validating {learner.learner_id} with {params.number_of_folds} folds.")
    return random_folds(learner, table, label, params.number_of_folds, params.random_seed)


def _by_fold(result: CrossValidation, learner_id: str) -> pd.DataFrame:
    """One row per fold, then the mean and standard deviation of each metric."""
    frame = pd.DataFrame(result.fold_metrics)
    summary = pd.DataFrame([frame.mean(), frame.std(ddof=0)]).reset_index(drop=True)
    folds = [str(n) for n in result.fold_ids]
    labels = [*folds, "Mean", "Standard Deviation"]
    sizes = [*result.fold_sizes, int(np.sum(result.fold_sizes)), int(np.sum(result.fold_sizes))]
    table = pd.concat([frame, summary], ignore_index=True)
    table.insert(0, "Model", learner_id)
    table.insert(0, "Number of examples in fold", sizes)
    table.insert(0, FOLD_NUMBER, labels)
    return table
