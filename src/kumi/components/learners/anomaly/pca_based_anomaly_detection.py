"""PCA-Based Anomaly Detection."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import Field

from kumi.components._learning.anomaly import PcaAnomalyDetector
from kumi.components._learning.featurizer import FeaturizerOptions
from kumi.components._learning.learner import Estimator
from kumi.components._learning.learner_component import LearnerComponent
from kumi.core import Category, ModelKind, Params


class PcaBasedAnomalyDetectionParams(Params):
    number_of_components_to_use_in_pca: int = Field(
        2, ge=1, le=10000, description="Principal components describing normal rows."
    )
    oversampling_parameter_for_randomized_pca: int = Field(
        2, ge=0, le=1000, description="Extra random directions used by randomized PCA."
    )
    enable_input_feature_mean_normalization: bool = Field(
        False, description="Standardize features (zero mean, unit variance) first."
    )
    random_number_seed: int = Field(0, ge=0, description="Seed of the random generator.")


def pca_anomaly(values: Mapping[str, Any]) -> Estimator:
    """Randomized PCA; the anomaly score is the normalized reconstruction error."""
    model = PcaAnomalyDetector(
        n_components=int(values["number_of_components_to_use_in_pca"]),
        oversampling=int(values["oversampling_parameter_for_randomized_pca"]),
        random_state=int(values["random_number_seed"]),
    )
    normalize = bool(values["enable_input_feature_mean_normalization"])
    return Estimator(model, FeaturizerOptions(scaling="standard" if normalize else "none"))


class PcaBasedAnomalyDetection(LearnerComponent[PcaBasedAnomalyDetectionParams]):
    id = "pca_based_anomaly_detection"
    name = "PCA-Based Anomaly Detection"
    category = Category.ANOMALY_DETECTION
    description = (
        "Learns the principal components of normal rows; rows far from them score as "
        "anomalies (Scored Labels 1, Scored Probabilities near 1)."
    )
    Params = PcaBasedAnomalyDetectionParams
    kind = ModelKind.ANOMALY_DETECTOR
    factory = staticmethod(pca_anomaly)
