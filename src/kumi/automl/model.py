"""The model an AutoML job hands out: featurizers, members (a trial's fold estimators,
averaged) and how members combine (weighted voting or a linear meta-model)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import cloudpickle
import numpy as np
import onnx
import pandas as pd

from kumi.automl.data import TaskData
from kumi.automl.ensemble import LinearMeta, stack_features
from kumi.automl.featurize import Encoding
from kumi.automl.onnx.combine import model_to_onnx
from kumi.automl.onnx.estimators import class_positions
from kumi.automl.settings import Task
from kumi.automl.trials import TrialResult
from kumi.automl.validation import ValidationPlan
from kumi.core.errors import ColumnNotFoundError, InvalidInputError, InvalidParameterError
from kumi.tracking.onnx.builder import GraphBuilder


class FeaturizerLike(Protocol):
    """What a model needs of a fitted featurizer (kumi.automl.featurize.Featurizer)."""

    input_columns_: list[str]

    def transform(self, frame: pd.DataFrame) -> np.ndarray: ...
    def onnx_inputs(self) -> list[tuple[str, int]]: ...
    def onnx_feed(self, frame: pd.DataFrame) -> dict[str, np.ndarray]: ...
    def to_onnx(self, builder: GraphBuilder, inputs: Mapping[str, str]) -> str: ...


@dataclass
class Member:
    """One trial in the model: its fold estimators (averaged) and its voting weight."""

    trial: int
    family: str
    params: dict[str, Any]
    encoding: Encoding
    weight: float
    estimators: list[Any] = field(default_factory=list)

    def predict(self, matrix: np.ndarray, n_classes: int) -> np.ndarray:
        """The mean over fold estimators: probabilities (rows, n_classes) | values (rows,)."""
        if n_classes:
            parts = [_probabilities(e, matrix, n_classes) for e in self.estimators]
        else:
            parts = [np.asarray(e.predict(matrix), np.float64).reshape(-1) for e in self.estimators]
        return np.mean(parts, axis=0)


def _probabilities(estimator: Any, matrix: np.ndarray, n_classes: int) -> np.ndarray:
    probabilities = np.asarray(estimator.predict_proba(matrix), np.float64)
    positions = class_positions(estimator, n_classes)
    if positions is None:
        return probabilities
    full = np.zeros((len(matrix), n_classes))
    full[:, positions] = probabilities
    return full


class AutoMLModel:
    """A scikit-learn-like model over raw tables: ``predict``, ``predict_proba`` and
    ``classes_`` (original labels) for classification; picklable; ``to_onnx`` gives one
    graph from the raw columns to ``label`` and ``probabilities`` | ``variable``."""

    def __init__(
        self,
        task: Task,
        members: Sequence[Member],
        featurizers: Mapping[Encoding, FeaturizerLike],
        *,
        classes: np.ndarray | None = None,
        meta: LinearMeta | None = None,
        input_columns: Sequence[str] | None = None,
    ) -> None:
        if not members:
            raise InvalidInputError("A model needs at least one member.", details={})
        if task == "classification" and (classes is None or len(classes) < 2):
            raise InvalidInputError(
                "A classification model needs its classes (at least two).", details={}
            )
        self.task = task
        self.members = list(members)
        self.featurizers = dict(featurizers)
        self.meta = meta
        self._classes = None if classes is None else np.asarray(classes)
        columns = input_columns or [c for f in self.featurizers.values() for c in f.input_columns_]
        self.input_columns = list(dict.fromkeys(columns))

    @property
    def classes_(self) -> np.ndarray:
        if self._classes is None:
            raise AttributeError("a regression model has no classes_")
        return self._classes

    @property
    def n_classes(self) -> int:
        return 0 if self._classes is None else len(self._classes)

    def member_predictions(self, frame: pd.DataFrame) -> list[np.ndarray]:
        """Each member's fold-averaged predictions (the metric's form), in member order."""
        self._check_columns(frame)
        matrices = {enc: np.asarray(f.transform(frame)) for enc, f in self.featurizers.items()}
        return [m.predict(matrices[m.encoding], self.n_classes) for m in self.members]

    def _scores(self, frame: pd.DataFrame) -> np.ndarray:
        predictions = self.member_predictions(frame)
        if self.meta is not None:
            return self.meta.predict(stack_features(predictions))
        weights = np.asarray([m.weight for m in self.members], np.float64)
        return np.tensordot(weights / weights.sum(), np.stack(predictions), axes=1)

    def predict_proba(self, frame: pd.DataFrame) -> np.ndarray:
        """Class probabilities (rows, n_classes), columns in ``classes_`` order."""
        if self.task != "classification":
            raise InvalidParameterError(
                "predict_proba is for classification models; use predict for regression.",
                details={"task": self.task},
            )
        return self._scores(frame)

    def predict(self, frame: pd.DataFrame) -> np.ndarray:
        """Original class labels (classification) | predicted values (regression)."""
        if self.task == "classification":
            return self.classes_[np.argmax(self.predict_proba(frame), axis=1)]
        return np.asarray(self._scores(frame), np.float64)

    def to_onnx(self) -> onnx.ModelProto:
        """One ONNX graph: an input per raw column → featurizers → members → ensemble."""
        return model_to_onnx(self)

    def onnx_feed(self, frame: pd.DataFrame) -> dict[str, np.ndarray]:
        """The graph's inputs from a raw table (see each featurizer's ``onnx_feed``)."""
        self._check_columns(frame)
        feed: dict[str, np.ndarray] = {}
        for featurizer in self.featurizers.values():
            feed.update(featurizer.onnx_feed(frame))
        return feed

    def _check_columns(self, frame: pd.DataFrame) -> None:
        if not isinstance(frame, pd.DataFrame):
            raise InvalidInputError(
                f"The model scores a pandas DataFrame, not {type(frame).__name__}.",
                details={"type": type(frame).__name__},
            )
        missing = [c for c in self.input_columns if c not in frame.columns]
        if missing:
            raise ColumnNotFoundError(
                f"Column(s) {', '.join(map(str, missing))} are missing; the model was "
                "trained on them, so score a table that has them.",
                details={"missing": missing, "columns": self.input_columns},
            )

    def __repr__(self) -> str:
        kind = "stacking" if self.meta is not None else "voting"
        names = ", ".join(f"{m.family}#{m.trial}" for m in self.members)
        return f"AutoMLModel({self.task}, {kind}: {names})"


def build_model(
    trials_by_number: Mapping[int, TrialResult],
    weights: Mapping[int, float],
    featurizers: Mapping[Encoding, FeaturizerLike],
    data: TaskData,
    plan: ValidationPlan,
    *,
    meta: LinearMeta | None = None,
) -> AutoMLModel:
    """The model of the trials in ``weights`` (trial number → weight; for stacking, the
    members in the meta-model's order), loading each trial's fold estimators."""
    members = [
        _member(trials_by_number[number], weight, plan) for number, weight in weights.items()
    ]
    used = {m.encoding for m in members}
    chosen = {enc: f for enc, f in featurizers.items() if enc in used}
    absent = used - set(chosen)
    if absent:
        raise InvalidInputError(
            f"No featurizer for encoding(s) {sorted(absent)}; pass one per encoding used.",
            details={"missing": sorted(absent)},
        )
    raw = {c for f in chosen.values() for c in f.input_columns_}
    columns = [str(c) for c in data.features.columns if c in raw]
    return AutoMLModel(
        data.task, members, chosen, classes=data.classes, meta=meta, input_columns=columns
    )


def _member(trial: TrialResult, weight: float, plan: ValidationPlan) -> Member:
    if trial.model_path is None or not Path(trial.model_path).exists():
        raise InvalidInputError(
            f"Trial {trial.number} ({trial.family}) has no saved models; only completed "
            "trials can be ensemble members.",
            details={"trial": trial.number, "status": trial.status},
        )
    with Path(trial.model_path).open("rb") as file:
        estimators = list(cloudpickle.load(file))
    if len(estimators) != len(plan.folds):
        raise InvalidInputError(
            f"Trial {trial.number} saved {len(estimators)} model(s) but the plan has "
            f"{len(plan.folds)} fold(s); the trial's file does not belong to this plan.",
            details={"trial": trial.number, "models": len(estimators), "folds": len(plan.folds)},
        )
    return Member(
        trial.number, trial.family, dict(trial.params), trial.encoding, weight, estimators
    )
