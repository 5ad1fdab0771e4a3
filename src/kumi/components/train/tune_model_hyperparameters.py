"""Tune Model Hyperparameters: sweep a learner's parameter ranges and keep the best model."""

from __future__ import annotations

from typing import Any

import pandas as pd
from pydantic import Field

from kumi.components._learning.evaluation import evaluate
from kumi.components._learning.folds import cross_validate, random_folds
from kumi.components._learning.learner import SklearnLearner
from kumi.components._learning.sweep import (
    ClassificationMetric,
    RegressionMetric,
    SweepMode,
    candidates,
    ranking_metric,
    sort_key,
)
from kumi.components._learning.training import label_column_of, require_supervised
from kumi.core import (
    Category,
    ColumnName,
    Component,
    InputPort,
    Inputs,
    InvalidInputError,
    ModelKind,
    OutputPort,
    Outputs,
    Params,
    PortType,
    RunContext,
    Table,
    UntrainedModel,
)

CROSS_VALIDATION_FOLDS = 3


class TuneModelHyperparametersParams(Params):
    specify_parameter_sweeping_mode: SweepMode = Field(
        "random_sweep", description="Try every combination, or a random subset."
    )
    maximum_number_of_runs_on_random_sweep: int = Field(
        5, ge=1, le=10000, description="Combinations tried by a random sweep."
    )
    random_seed: int = Field(0, ge=0, description="Seed of the sweep and of the folds.")
    label_column: ColumnName | None = Field(
        None, description="Column to predict (unset: the column marked as label)."
    )
    metric_for_measuring_performance_for_classification: ClassificationMetric = "accuracy"
    metric_for_measuring_performance_for_regression: RegressionMetric = "mean_absolute_error"


class TuneModelHyperparameters(Component[TuneModelHyperparametersParams]):
    id = "tune_model_hyperparameters"
    name = "Tune Model Hyperparameters"
    category = Category.MODEL_TRAINING
    description = (
        "Trains a learner with each combination of its parameter ranges, ranks the runs on "
        "the validation dataset (or by 3-fold cross-validation without one) and outputs the "
        "best model trained on all training rows."
    )
    Params = TuneModelHyperparametersParams
    inputs = (
        InputPort("untrained_model", PortType.UNTRAINED_MODEL),
        InputPort("training_dataset", PortType.TABLE),
        InputPort("validation_dataset", PortType.TABLE, optional=True),
    )
    outputs = (
        OutputPort("sweep_results", PortType.TABLE),
        OutputPort("trained_best_model", PortType.TRAINED_MODEL),
    )
    example_params = {"label_column": "label", "maximum_number_of_runs_on_random_sweep": 3}

    def run(
        self, params: TuneModelHyperparametersParams, inputs: Inputs, ctx: RunContext
    ) -> Outputs:
        learner = _tunable(inputs.untrained_model("untrained_model"), self.name)
        training = inputs.table("training_dataset")
        validation = inputs.optional_table("validation_dataset")
        label = label_column_of(training, params.label_column, self.name)
        metric = ranking_metric(
            learner.kind,
            params.metric_for_measuring_performance_for_classification,
            params.metric_for_measuring_performance_for_regression,
        )
        space = learner.parameter_space
        runs = candidates(
            space,
            params.specify_parameter_sweeping_mode,
            params.maximum_number_of_runs_on_random_sweep,
            params.random_seed,
        )
        rows = []
        for number, values in enumerate(runs, start=1):
            ctx.progress(number / (len(runs) + 1), f"run {number} of {len(runs)}")
            metrics = _run(learner.with_parameters(values), training, validation, label, params)
            rows.append({**values, **metrics})
        rows.sort(key=lambda row: sort_key(metric, float(row.get(metric, float("nan")))))
        best = {name: rows[0][name] for name in space}
        ctx.log(f"Best of {len(rows)} runs by {metric}: {best}")
        model = learner.with_parameters(best).fit(training, label)
        return {"sweep_results": Table.of(pd.DataFrame(rows)), "trained_best_model": model}


def _tunable(model: UntrainedModel, component: str) -> SklearnLearner:
    require_supervised(model, component)
    if (
        not isinstance(model, SklearnLearner)
        or not model.parameter_space
        or model.kind == ModelKind.QUANTILE_REGRESSOR
    ):
        raise InvalidInputError(
            f"{component} sweeps the parameter ranges of built-in classification and "
            f"regression learners; '{model.learner_id}' has none. Train it with Train Model.",
            details={"learner": model.learner_id},
        )
    return model


def _run(
    learner: SklearnLearner,
    training: Table,
    validation: Table | None,
    label: str,
    params: TuneModelHyperparametersParams,
) -> dict[str, Any]:
    if validation is None:
        folds = random_folds(learner, training, label, CROSS_VALIDATION_FOLDS, params.random_seed)
        return cross_validate(learner, training, label, folds).mean_metrics()
    validation.require_columns([label], purpose="the label of the validation dataset")
    scored = learner.fit(training, label).score(validation.with_label(label))
    return evaluate(scored, "validation_dataset").metrics
