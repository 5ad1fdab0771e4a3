"""One-vs-All and One-vs-One: a multiclass learner made of binary learners."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, Literal

from sklearn.multiclass import OneVsOneClassifier, OneVsRestClassifier

from kumi.components._learning.learner import Estimator, EstimatorFactory, SklearnLearner
from kumi.core import InvalidInputError, ModelKind, UntrainedModel

Strategy = Literal["one_vs_all", "one_vs_one"]


@dataclass(frozen=True)
class MulticlassFactory:
    """Builds the binary estimator and wraps it in a one-vs-rest or one-vs-one ensemble."""

    strategy: Strategy
    binary: EstimatorFactory

    def __call__(self, values: Mapping[str, Any]) -> Estimator:
        inner = self.binary(values)
        wrapper = OneVsRestClassifier if self.strategy == "one_vs_all" else OneVsOneClassifier
        return Estimator(wrapper(inner.model), inner.featurizer)


def as_multiclass(binary: UntrainedModel, learner_id: str, strategy: Strategy) -> SklearnLearner:
    """A multiclass learner training one ``binary`` model per class (one_vs_all) or per
    pair of classes (one_vs_one)."""
    if not isinstance(binary, SklearnLearner) or binary.kind != ModelKind.BINARY_CLASSIFIER:
        raise InvalidInputError(
            f"'{learner_id}' needs a built-in two-class learner (e.g. Two-Class Logistic "
            f"Regression) on its input, got '{binary.learner_id}' ({binary.kind.value}).",
            details={"port": "untrained_binary_classification_model", "got": binary.learner_id},
        )
    return replace(
        binary,
        learner_id=learner_id,
        kind=ModelKind.MULTICLASS_CLASSIFIER,
        factory=MulticlassFactory(strategy, binary.factory),
        wraps=binary,
    )
