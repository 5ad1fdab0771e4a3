"""Shared learning machinery of the learner, training, scoring and evaluation components."""

from kumi.components._learning.evaluation import detect_task, evaluate
from kumi.components._learning.featurizer import FeaturizerOptions
from kumi.components._learning.frame import FeatureSchema
from kumi.components._learning.learner import Estimator, SklearnLearner
from kumi.components._learning.trained import SklearnTrainedModel

__all__ = [
    "Estimator",
    "FeatureSchema",
    "FeaturizerOptions",
    "SklearnLearner",
    "SklearnTrainedModel",
    "detect_task",
    "evaluate",
]
