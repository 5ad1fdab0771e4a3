"""An AutoML model as a kumi trained model: what the designer's Score Model consumes (the
AutoML module's output, "Use in designer" and endpoints deployed from a job)."""

from __future__ import annotations

from typing import Any

from kumi.automl.model import AutoMLModel
from kumi.automl.packaging import AutoMLScorer
from kumi.components._learning.columns import append_scores
from kumi.core import ModelKind, Table, TrainedModel
from kumi.core.errors import ColumnNotFoundError


class AutoMLTrainedModel(TrainedModel):
    """Scores tables with an AutoML model under Azure's score column names."""

    learner_id = "automl"

    def __init__(self, model: AutoMLModel, label_column: str, best_estimator: str = "") -> None:
        self.model = model
        self.label_column = label_column
        self.best_estimator = best_estimator
        self.feature_columns_ = list(model.input_columns)
        self.classes_ = None if model.task == "regression" else list(model.classes_)
        if model.task == "regression":
            self.kind = ModelKind.REGRESSOR
        elif len(self.classes_ or ()) == 2:
            self.kind = ModelKind.BINARY_CLASSIFIER
        else:
            self.kind = ModelKind.MULTICLASS_CLASSIFIER

    def score(self, table: Table) -> Table:
        missing = [c for c in self.feature_columns_ if c not in table.columns]
        if missing:
            raise ColumnNotFoundError(
                f"The AutoML model needs column(s) {', '.join(map(repr, missing))} that are not "
                "in the dataset; score a table with the columns the model was trained on.",
                details={"missing": missing, "expected": self.feature_columns_},
            )
        scores = AutoMLScorer(self.model).score_frame(table.frame)
        series = {str(name): scores[name] for name in scores.columns}
        return append_scores(table, series, label_column=self.label_column)

    def describe(self) -> dict[str, Any]:
        return {
            "learner": self.learner_id,
            "kind": self.kind.value,
            "best_estimator": self.best_estimator,
            "label_column": self.label_column,
            "features": self.feature_columns_,
            "classes": self.classes_,
            "members": [
                {"family": m.family, "weight": m.weight, "params": m.params}
                for m in self.model.members
            ],
        }
