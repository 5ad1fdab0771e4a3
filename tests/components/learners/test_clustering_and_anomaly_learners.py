"""K-Means finds separated groups; PCA-based anomaly detection ranks outliers highest."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import adjusted_rand_score, roc_auc_score

from kumi.core import SCORED_LABELS, SCORED_PROBABILITIES, InvalidInputError, Table


def blobs(seed: int = 0) -> tuple[Table, np.ndarray]:
    rng = np.random.default_rng(seed)
    centres = np.array([[0, 0], [10, 10], [0, 10]])
    group = np.repeat([0, 1, 2], 30)
    points = centres[group] + rng.normal(scale=0.5, size=(90, 2))
    return Table.of(pd.DataFrame({"x": points[:, 0], "y": points[:, 1]})), group


@pytest.mark.parametrize("initialization", ["k_means_plus_plus", "random", "first_n"])
def test_k_means_recovers_separated_groups(initialization, run) -> None:
    table, group = blobs()
    params = {"number_of_centroids": 3, "initialization": initialization}
    if initialization == "first_n":
        order = np.r_[0, 30, 60, 1:30, 31:60, 61:90]
        table, group = Table.of(table.frame.iloc[order].reset_index(drop=True)), group[order]
    learner = run("k_means_clustering", params)["untrained_model"]
    out = run("train_clustering_model", untrained_model=learner, dataset=table)
    result = out["results_dataset"].frame
    assert adjusted_rand_score(group, result["Assignments"]) == 1.0
    distances = result[[f"DistancesToClusterCenter no.{k}" for k in range(3)]].to_numpy()
    assert (distances.argmin(axis=1) == result["Assignments"]).all()


def test_assign_data_to_clusters_scores_new_rows(run) -> None:
    table, _ = blobs()
    learner = run("k_means_clustering", {"number_of_centroids": 3})["untrained_model"]
    model = run("train_clustering_model", untrained_model=learner, dataset=table)["trained_model"]
    new = Table.of(pd.DataFrame({"x": [0.1, 9.9], "y": [0.2, 10.1]}))
    params = {"check_for_append_or_uncheck_for_result_only": False}
    result = run("assign_data_to_clusters", params, trained_model=model, dataset=new)
    frame = result["results_dataset"].frame
    assert list(frame.columns) == [
        "Assignments",
        *(f"DistancesToClusterCenter no.{k}" for k in range(3)),
    ]
    assert frame["Assignments"].nunique() == 2


def test_pca_anomaly_detection_ranks_outliers_highest(run) -> None:
    rng = np.random.default_rng(4)
    t = rng.normal(size=300)
    normal = np.column_stack([t, 2 * t, -t]) + rng.normal(scale=0.05, size=(300, 3))
    outliers = rng.normal(scale=3, size=(10, 3))
    data = np.vstack([normal, outliers])
    truth = np.r_[np.zeros(300), np.ones(10)].astype(int)
    frame = pd.DataFrame(data, columns=["a", "b", "c"]).assign(is_anomaly=truth)
    table = Table.of(frame, label="is_anomaly")
    learner = run("pca_based_anomaly_detection", {"number_of_components_to_use_in_pca": 1})
    normal_rows = table.derive(frame[truth == 0])
    trainer = run(
        "train_anomaly_detection_model",
        untrained_model=learner["untrained_model"],
        dataset=normal_rows,
    )
    model = trainer["trained_model"]
    assert "is_anomaly" not in model.feature_columns_
    scored = run("score_model", trained_model=model, dataset=table)["scored_dataset"].frame
    assert roc_auc_score(truth, scored[SCORED_PROBABILITIES]) > 0.99
    assert scored[SCORED_LABELS].isin([0, 1]).all()
    assert scored[SCORED_LABELS][truth == 1].mean() > 0.8
    assert scored[SCORED_LABELS][truth == 0].mean() < 0.05


def test_clustering_learner_is_refused_by_train_model(run) -> None:
    table, _ = blobs()
    learner = run("k_means_clustering")["untrained_model"]
    with pytest.raises(InvalidInputError, match="Train Clustering Model"):
        run("train_model", {"label_column": "x"}, untrained_model=learner, dataset=table)
