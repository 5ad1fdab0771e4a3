"""AutoML: featurization, data guardrails, parallel model search, ensembles, MLflow + ONNX."""

from kumi.automl.data import TaskData, prepare
from kumi.automl.fit import Progress, fit
from kumi.automl.metrics import Metric, default_metric, get_metric
from kumi.automl.model import AutoMLModel
from kumi.automl.result import AutoMLResult
from kumi.automl.settings import AutoMLSettings, ColumnOverride
from kumi.automl.trials import TrialResult
from kumi.automl.validation import Fold, ValidationPlan, make_plan

__all__ = [
    "AutoMLModel",
    "AutoMLResult",
    "AutoMLSettings",
    "ColumnOverride",
    "Fold",
    "Metric",
    "Progress",
    "TaskData",
    "TrialResult",
    "ValidationPlan",
    "default_metric",
    "fit",
    "get_metric",
    "make_plan",
    "prepare",
]
