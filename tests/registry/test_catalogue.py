"""The whole catalogue is registered, named as the design's contract says."""

from __future__ import annotations

import pytest

from kumi.core import PortType
from kumi.registry import default_registry

CATALOGUE = """
enter_data_manually import_data export_data dataset
add_columns add_rows apply_math_operation apply_sql_transformation clean_missing_data
clip_values convert_to_csv convert_to_indicator_values edit_metadata group_data_into_bins
join_data normalize_data partition_and_sample remove_duplicate_rows smote
select_columns_in_dataset select_columns_transform split_data
filter_based_feature_selection permutation_feature_importance summarize_data
two_class_logistic_regression two_class_boosted_decision_tree two_class_decision_forest
two_class_support_vector_machine two_class_averaged_perceptron two_class_neural_network
multiclass_logistic_regression multiclass_boosted_decision_tree multiclass_decision_forest
multiclass_neural_network one_vs_all_multiclass one_vs_one_multiclass
linear_regression boosted_decision_tree_regression decision_forest_regression
fast_forest_quantile_regression neural_network_regression poisson_regression
k_means_clustering pca_based_anomaly_detection
train_model train_clustering_model train_anomaly_detection_model tune_model_hyperparameters
cross_validate_model score_model apply_transformation assign_data_to_clusters evaluate_model
execute_python_script create_python_model web_service_input web_service_output
""".split()


def test_every_catalogue_module_is_registered() -> None:
    missing = set(CATALOGUE) - set(default_registry().ids())
    assert not missing, f"missing components: {sorted(missing)}"


@pytest.mark.parametrize("component_id", CATALOGUE)
def test_id_is_the_snake_case_of_the_display_name(component_id: str) -> None:
    cls = default_registry().get(component_id)
    words = cls.name.lower().replace("-", " ").replace(".", "").split()
    assert "_".join(words) in (component_id, component_id.replace("one_vs_", "one_vs._"))


def ports(component_id: str) -> tuple[dict[str, PortType], dict[str, PortType]]:
    cls = default_registry().get(component_id)
    return {p.name: p.type for p in cls.inputs}, {p.name: p.type for p in cls.outputs}


def params(component_id: str) -> set[str]:
    return set(default_registry().get(component_id).Params.model_fields)


def test_design_contract_names() -> None:
    assert ports("split_data") == (
        {"dataset": PortType.TABLE},
        {"results_dataset1": PortType.TABLE, "results_dataset2": PortType.TABLE},
    )
    assert {
        "fraction_of_rows_in_the_first_output_dataset",
        "randomized_split",
        "random_seed",
        "stratified_split",
        "stratification_key_column",
    } <= params("split_data")
    assert ports("train_model") == (
        {"untrained_model": PortType.UNTRAINED_MODEL, "dataset": PortType.TABLE},
        {"trained_model": PortType.TRAINED_MODEL},
    )
    assert "label_column" in params("train_model")
    assert ports("score_model") == (
        {"trained_model": PortType.TRAINED_MODEL, "dataset": PortType.TABLE},
        {"scored_dataset": PortType.TABLE},
    )
    assert ports("evaluate_model") == (
        {"scored_dataset": PortType.TABLE, "scored_dataset_to_compare": PortType.TABLE},
        {"evaluation_results": PortType.EVALUATION_REPORT},
    )
    assert ports("import_data")[1] == {"results_dataset": PortType.TABLE}
    assert {"path", "database_url", "query"} <= params("import_data")
    assert ports("dataset")[1] == {"dataset": PortType.TABLE}
    assert {"name", "version"} <= params("dataset")


def test_every_learner_outputs_untrained_model() -> None:
    for cls in default_registry().all():
        if "Machine Learning Algorithms" in str(cls.category) or cls.id.endswith("detection"):
            assert [p.name for p in cls.outputs] == ["untrained_model"], cls.id
