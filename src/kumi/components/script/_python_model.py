"""A model written by the user: a class ``AzureMLModel`` with ``train`` and ``predict``.

The class is created by running the user's script in this process; trained models keep
the script and the fitted instance (cloudpickle stores the instance's class by value).
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from kumi.components._learning.columns import SCORED_LABELS, append_scores
from kumi.components._learning.labels import plain_values, sorted_classes
from kumi.core import (
    ColumnRole,
    InvalidInputError,
    InvalidParameterError,
    ModelKind,
    StepFailedError,
    Table,
    TrainedModel,
    UntrainedModel,
)

CLASS_NAME = "AzureMLModel"
SCRIPT_NAME = "python_model_script"
MAX_CLASSES = 20


@dataclass(frozen=True)
class PythonScriptLearner(UntrainedModel):
    """The untrained user model. Its task is decided by the label when trained."""

    source: str
    learner_id: str = "create_python_model"
    kind: ModelKind = ModelKind.MULTICLASS_CLASSIFIER

    def describe(self) -> dict[str, Any]:
        return {"learner_id": self.learner_id, "kind": "python_model", "source": self.source}

    def fit(self, table: Table, label_column: str | None) -> PythonScriptModel:
        if label_column is None:
            raise InvalidInputError(
                "A Python model needs a label column; train it with Train Model."
            )
        table = table.with_label(label_column)
        rows = table.frame[table.frame[label_column].notna()]
        features = [c for c in table.columns if table.role(c) == ColumnRole.FEATURE]
        label = plain_values(rows[label_column])
        instance = _user_call(lambda: new_instance(self.source), "creating AzureMLModel")
        _user_call(lambda: instance.train(rows[features].copy(), label.copy()), "train")
        kind = _task_of(label)
        classes = sorted_classes(label, label_column) if kind != ModelKind.REGRESSOR else None
        return PythonScriptModel(self.learner_id, kind, label_column, features, classes, instance)


@dataclass(eq=False)
class PythonScriptModel(TrainedModel):
    """A trained user model; ``predict(df)`` returns the score columns as a DataFrame."""

    learner_id: str
    kind: ModelKind
    label_column: str | None
    feature_columns_: list[str]
    classes_: list[Any] | None
    model_: Any

    def describe(self) -> dict[str, Any]:
        return {
            "learner_id": self.learner_id,
            "kind": self.kind.value,
            "label_column": self.label_column,
            "feature_columns": self.feature_columns_,
            "classes": self.classes_,
        }

    def score(self, table: Table) -> Table:
        table.require_columns(self.feature_columns_, purpose="the Python model's features")
        features = table.frame[self.feature_columns_].copy()
        result = _user_call(lambda: self.model_.predict(features), "predict")
        if not isinstance(result, pd.DataFrame) or len(result) != len(features):
            raise InvalidParameterError(
                f"AzureMLModel.predict must return a pandas DataFrame with one row per input "
                f"row ({len(features)}), e.g. with a '{SCORED_LABELS}' column; it returned "
                f"{type(result).__name__}"
                + (f" with {len(result)} rows." if isinstance(result, pd.DataFrame) else "."),
                details={"parameter": "python_script"},
            )
        scores = {str(c): pd.Series(result[c].to_numpy(), index=table.frame.index) for c in result}
        return append_scores(table, scores, label_column=self.label_column)


def new_instance(source: str) -> Any:
    """Run the script and instantiate its ``AzureMLModel``."""
    namespace: dict[str, Any] = {"__name__": SCRIPT_NAME}
    exec(compile(source, SCRIPT_NAME, "exec"), namespace)
    model_class = namespace.get(CLASS_NAME)
    if not isinstance(model_class, type):
        raise InvalidParameterError(
            f"python_script must define a class {CLASS_NAME} with train(df_train, df_label) "
            "and predict(df) methods.",
            details={"parameter": "python_script"},
        )
    return model_class()


def check_model_script(source: str) -> None:
    """Run the script and create one instance, so that mistakes show before training."""
    _user_call(lambda: new_instance(source), "creating AzureMLModel")


def _user_call(call: Any, what: str) -> Any:
    try:
        return call()
    except (InvalidParameterError, InvalidInputError):
        raise
    except Exception as error:
        frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == SCRIPT_NAME]
        text = "".join(traceback.format_list(frames) + traceback.format_exception_only(error))
        line = frames[-1].lineno if frames else None
        where = f" (script line {line})" if line else ""
        raise StepFailedError(
            f"The Python model failed in {what}{where}: {type(error).__name__}: {error}\n{text}",
            details={"line": line, "traceback": text, "method": what},
        ) from None


def _task_of(label: pd.Series) -> ModelKind:
    values = label.to_numpy()
    numeric = pd.api.types.is_numeric_dtype(label.dtype) and not pd.api.types.is_bool_dtype(
        label.dtype
    )
    distinct = label.nunique()
    if numeric and (distinct > MAX_CLASSES or not np.all(np.mod(values, 1) == 0)):
        return ModelKind.REGRESSOR
    return ModelKind.BINARY_CLASSIFIER if distinct <= 2 else ModelKind.MULTICLASS_CLASSIFIER
