"""Fitted tree ensembles (scikit-learn forests, LightGBM, XGBoost) read into a TreeTable.

Each reader also says how the summed scores become predictions (``link``) and whether the
library compares features in float32 (scikit-learn forests and XGBoost do: their ONNX
input is rounded to float32 first, then compared with the exact thresholds in double).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from kumi.automl.onnx.trees import TreeTable
from kumi.core.errors import NotDerivableError

Link = Literal["identity", "sigmoid", "softmax", "exp"]


@dataclass
class ReadTrees:
    table: TreeTable
    link: Link
    float32_input: bool


def read_forest(forest: Any, n_classes: int) -> ReadTrees:
    """A RandomForest / ExtraTrees classifier (``n_classes`` ≥ 2) or regressor (0): the
    mean over trees of the leaf's class fractions or value."""
    table = TreeTable(targets=max(1, n_classes))
    count = len(forest.estimators_)
    for number, estimator in enumerate(forest.estimators_):
        _sklearn_tree(table, number, estimator.tree_, count, n_classes)
    return ReadTrees(table, "identity", float32_input=True)


def _sklearn_tree(table: TreeTable, number: int, tree: Any, count: int, n_classes: int) -> None:
    left, right = tree.children_left, tree.children_right
    leaves = left == -1
    nodes = np.arange(tree.node_count)
    table.tree_ids.extend([number] * tree.node_count)
    table.node_ids.extend(nodes.tolist())
    table.features.extend(np.where(leaves, 0, tree.feature).tolist())
    table.modes.extend(np.where(leaves, "LEAF", "BRANCH_LEQ").tolist())
    table.thresholds.extend(np.where(leaves, 0.0, tree.threshold).tolist())
    table.true_ids.extend(np.where(leaves, 0, left).tolist())
    table.false_ids.extend(np.where(leaves, 0, right).tolist())
    values = tree.value[leaves, 0, :]
    if n_classes:
        values = values / values.sum(axis=1, keepdims=True)
    leaf_nodes = nodes[leaves]
    for target in range(values.shape[1]):
        table.leaf_tree_ids.extend([number] * len(leaf_nodes))
        table.leaf_node_ids.extend(leaf_nodes.tolist())
        table.leaf_targets.extend([target] * len(leaf_nodes))
        table.leaf_weights.extend((values[:, target] / count).tolist())


LIGHTGBM_LINKS: dict[str, Link] = {
    "binary": "sigmoid",
    "cross_entropy": "sigmoid",
    "multiclass": "softmax",
    "regression": "identity",
    "regression_l1": "identity",
    "huber": "identity",
    "fair": "identity",
    "quantile": "identity",
    "mape": "identity",
    "poisson": "exp",
    "gamma": "exp",
    "tweedie": "exp",
}


def read_lightgbm(model: Any) -> ReadTrees:
    """A fitted LGBMClassifier / LGBMRegressor, limited to its best iteration like predict."""
    dump = model.booster_.dump_model()
    objective, *options = str(dump["objective"]).split()
    if objective not in LIGHTGBM_LINKS:
        raise _unsupported("LightGBM objective", objective, sorted(LIGHTGBM_LINKS))
    per_iteration = int(dump["num_tree_per_iteration"])
    scale = _sigmoid_scale(options) if LIGHTGBM_LINKS[objective] == "sigmoid" else 1.0
    if dump.get("average_output"):
        scale /= max(1, len(dump["tree_info"]) // per_iteration)
    table = TreeTable(targets=per_iteration)
    for number, tree in enumerate(dump["tree_info"]):
        _lightgbm_tree(table, number, tree["tree_structure"], number % per_iteration, scale)
    return ReadTrees(table, LIGHTGBM_LINKS[objective], float32_input=False)


def _sigmoid_scale(options: list[str]) -> float:
    for option in options:
        if option.startswith("sigmoid:"):
            return float(option.split(":", 1)[1])
    return 1.0


def _lightgbm_tree(
    table: TreeTable, number: int, root: dict[str, Any], target: int, scale: float
) -> None:
    ids = iter(range(1 << 30))
    stack = [(root, next(ids))]
    while stack:
        node, node_id = stack.pop()
        if "leaf_value" in node:
            table.leaf(number, node_id, {target: scale * float(node["leaf_value"])})
            continue
        left, right = next(ids), next(ids)
        feature = int(node["split_feature"])
        if node["decision_type"] == "<=":
            table.split(number, node_id, feature, "BRANCH_LEQ", float(node["threshold"]))
            table.link(len(table.node_ids) - 1, left, right)
        else:
            categories = [int(c) for c in str(node["threshold"]).split("||")]
            current = node_id
            for position, category in enumerate(categories):
                following = right if position == len(categories) - 1 else next(ids)
                table.split(number, current, feature, "BRANCH_EQ", float(category))
                table.link(len(table.node_ids) - 1, left, following)
                current = following
        stack.append((node["left_child"], left))
        stack.append((node["right_child"], right))


XGBOOST_LINKS: dict[str, Link] = {
    "binary:logistic": "sigmoid",
    "multi:softprob": "softmax",
    "multi:softmax": "softmax",
    "reg:squarederror": "identity",
    "reg:absoluteerror": "identity",
    "reg:pseudohubererror": "identity",
    "reg:squaredlogerror": "identity",
    "reg:logistic": "sigmoid",
    "count:poisson": "exp",
    "reg:gamma": "exp",
    "reg:tweedie": "exp",
}


def read_xgboost(model: Any) -> ReadTrees:
    """A fitted XGBClassifier / XGBRegressor (gbtree), limited to ``best_iteration``."""
    booster = model.get_booster()
    best = getattr(model, "best_iteration", None)
    if best is not None:
        booster = booster[: best + 1]
    learner = json.loads(bytes(booster.save_raw("json")))["learner"]
    objective = learner["objective"]["name"]
    if objective not in XGBOOST_LINKS or learner["gradient_booster"]["name"] != "gbtree":
        raise _unsupported("XGBoost objective", objective, sorted(XGBOOST_LINKS))
    trees_model = learner["gradient_booster"]["model"]
    groups = trees_model["tree_info"]
    targets = max(1, int(learner["learner_model_param"]["num_class"]))
    table = TreeTable(targets=targets)
    for number, tree in enumerate(trees_model["trees"]):
        _xgboost_tree(table, number, tree, int(groups[number]))
    table.base = _xgboost_base(learner["learner_model_param"]["base_score"], objective, targets)
    return ReadTrees(table, XGBOOST_LINKS[objective], float32_input=True)


def _xgboost_tree(table: TreeTable, number: int, tree: dict[str, Any], target: int) -> None:
    if any(int(kind) != 0 for kind in tree.get("split_type", [])):
        raise NotDerivableError(
            "An XGBoost model with categorical splits has no ONNX form here; train it on "
            "ordinal codes (enable_categorical=False).",
            details={"problems": ["xgboost categorical splits"]},
        )
    left = np.asarray(tree["left_children"])
    right = np.asarray(tree["right_children"])
    leaves = left == -1
    conditions = np.asarray(tree["split_conditions"], dtype=np.float32).astype(np.float64)
    nodes = np.arange(len(left))
    table.tree_ids.extend([number] * len(left))
    table.node_ids.extend(nodes.tolist())
    table.features.extend(np.where(leaves, 0, tree["split_indices"]).tolist())
    table.modes.extend(np.where(leaves, "LEAF", "BRANCH_LT").tolist())
    table.thresholds.extend(np.where(leaves, 0.0, conditions).tolist())
    table.true_ids.extend(np.where(leaves, 0, left).tolist())
    table.false_ids.extend(np.where(leaves, 0, right).tolist())
    leaf_nodes = nodes[leaves]
    table.leaf_tree_ids.extend([number] * len(leaf_nodes))
    table.leaf_node_ids.extend(leaf_nodes.tolist())
    table.leaf_targets.extend([target] * len(leaf_nodes))
    table.leaf_weights.extend(conditions[leaves].tolist())


def _xgboost_base(text: str, objective: str, targets: int) -> np.ndarray:
    """The intercept in margin space (XGBoost stores probabilities / means for some links)."""
    values = np.asarray([float(v) for v in text.strip("[]").split(",")], dtype=np.float32)
    base = np.broadcast_to(values.astype(np.float64), (targets,)).copy()
    if XGBOOST_LINKS[objective] == "sigmoid" and targets == 1:
        return np.log(base / (1.0 - base))
    if XGBOOST_LINKS[objective] == "exp":
        return np.log(base)
    return base


def _unsupported(what: str, name: str, choices: list[str]) -> NotDerivableError:
    return NotDerivableError(
        f"{what} '{name}' has no ONNX form here; use one of {', '.join(choices)}.",
        details={"problems": [f"{what} {name}"], "choices": choices},
    )
