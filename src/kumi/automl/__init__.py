"""AutoML: featurization, data guardrails, parallel model search, ensembles, MLflow + ONNX."""

from kumi.automl.data import TaskData, prepare
from kumi.automl.metrics import Metric, default_metric, get_metric
from kumi.automl.settings import AutoMLSettings, ColumnOverride
from kumi.automl.trials import TrialResult
from kumi.automl.validation import Fold, ValidationPlan, make_plan

__all__ = [
    "AutoMLSettings",
    "ColumnOverride",
    "Fold",
    "Metric",
    "TaskData",
    "TrialResult",
    "ValidationPlan",
    "default_metric",
    "get_metric",
    "make_plan",
    "prepare",
]
