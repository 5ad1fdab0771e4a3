"""Enumerations shared by every layer: port types, column types, column roles, categories."""

from __future__ import annotations

from enum import StrEnum


class PortType(StrEnum):
    """What flows along an edge. Only ports of the same type connect."""

    TABLE = "table"
    UNTRAINED_MODEL = "untrained_model"
    TRAINED_MODEL = "trained_model"
    TRANSFORMATION = "transformation"
    EVALUATION_REPORT = "evaluation_report"
    FILE = "file"


class ColumnType(StrEnum):
    """Logical column types (Azure designer's String, Integer, Double, Boolean, DateTime)."""

    STRING = "string"
    INTEGER = "integer"
    DOUBLE = "double"
    BOOLEAN = "boolean"
    DATETIME = "datetime"


class ColumnRole(StrEnum):
    """What a column is for in learning."""

    FEATURE = "feature"
    LABEL = "label"
    IGNORE = "ignore"
    SCORE = "score"


class Category(StrEnum):
    """Palette groups, in the order the page shows them."""

    DATASETS = "Datasets"
    DATA_INPUT_OUTPUT = "Data Input and Output"
    DATA_TRANSFORMATION = "Data Transformation"
    FEATURE_SELECTION = "Feature Selection"
    STATISTICAL_FUNCTIONS = "Statistical Functions"
    CLASSIFICATION = "Machine Learning Algorithms/Classification"
    REGRESSION = "Machine Learning Algorithms/Regression"
    CLUSTERING = "Machine Learning Algorithms/Clustering"
    ANOMALY_DETECTION = "Anomaly Detection"
    MODEL_TRAINING = "Model Training"
    MODEL_SCORING_EVALUATION = "Model Scoring & Evaluation"
    PYTHON_LANGUAGE = "Python Language"
    WEB_SERVICE = "Web Service"


class ModelKind(StrEnum):
    """The task a (trained or untrained) model solves."""

    BINARY_CLASSIFIER = "binary_classifier"
    MULTICLASS_CLASSIFIER = "multiclass_classifier"
    REGRESSOR = "regressor"
    QUANTILE_REGRESSOR = "quantile_regressor"
    CLUSTERER = "clusterer"
    ANOMALY_DETECTOR = "anomaly_detector"


SCORED_LABELS = "Scored Labels"
SCORED_PROBABILITIES = "Scored Probabilities"
