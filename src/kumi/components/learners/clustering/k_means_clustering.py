"""K-Means Clustering."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

import numpy as np
from pydantic import Field
from sklearn.cluster import KMeans

from kumi.components._learning.featurizer import FeaturizerOptions
from kumi.components._learning.learner import Estimator
from kumi.components._learning.learner_component import LearnerComponent
from kumi.core import Category, ModelKind, Params


class KMeansClusteringParams(Params):
    number_of_centroids: int = Field(2, ge=2, le=10000, description="Clusters to find.")
    initialization: Literal["k_means_plus_plus", "random", "first_n"] = Field(
        "k_means_plus_plus",
        description="Initial centres: k-means++ spreading, random rows, or the first N rows.",
    )
    random_number_seed: int = Field(0, ge=0, description="Seed of the random generator.")
    metric: Literal["euclidean", "cosine"] = Field(
        "euclidean", description="Distance between rows and centres."
    )
    normalize_features: bool = Field(True, description="Scale numeric features to [0, 1].")
    iterations: int = Field(100, ge=1, le=100000, description="Most refinement iterations.")


def first_rows(data: np.ndarray, n_clusters: int, random_state: Any) -> np.ndarray:
    """K-means initialization with the first ``n_clusters`` rows."""
    return np.asarray(data[:n_clusters])


def k_means(values: Mapping[str, Any]) -> Estimator:
    """K-means; with the cosine metric rows are scaled to unit length first. Random
    initialization keeps the best of 10 starts."""
    init = values["initialization"]
    model = KMeans(
        n_clusters=int(values["number_of_centroids"]),
        init=first_rows
        if init == "first_n"
        else "k-means++"
        if init == "k_means_plus_plus"
        else "random",
        n_init=10 if init == "random" else 1,
        max_iter=int(values["iterations"]),
        random_state=int(values["random_number_seed"]),
    )
    options = FeaturizerOptions(
        scaling="min_max" if values["normalize_features"] else "none",
        unit_norm=values["metric"] == "cosine",
    )
    return Estimator(model, options)


class KMeansClustering(LearnerComponent[KMeansClusteringParams]):
    id = "k_means_clustering"
    name = "K-Means Clustering"
    category = Category.CLUSTERING
    description = (
        "Groups rows into a chosen number of clusters around centres (train with Train "
        "Clustering Model, score with Assign Data to Clusters)."
    )
    Params = KMeansClusteringParams
    kind = ModelKind.CLUSTERER
    factory = staticmethod(k_means)
