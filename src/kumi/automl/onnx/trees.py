"""Tree ensembles as one ONNX ``TreeEnsembleRegressor`` with double thresholds.

Every tree library is read into the same flat table (:class:`TreeTable`); the operator
compares in double (``*_as_tensor`` attributes, ai.onnx.ml 3) and accumulates leaves in
double, then hands out float32 scores. To keep that last rounding small, scores are centred
(the ensemble returns ``score - centre``; the centre is added back in double).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from onnx import numpy_helper

from kumi.tracking.onnx.builder import DOUBLE, GraphBuilder

ML_DOMAIN = "ai.onnx.ml"


@dataclass
class TreeTable:
    """Nodes and leaves of all trees of one model; ``targets`` scores per row."""

    targets: int
    tree_ids: list[int] = field(default_factory=list)
    node_ids: list[int] = field(default_factory=list)
    features: list[int] = field(default_factory=list)
    modes: list[str] = field(default_factory=list)
    thresholds: list[float] = field(default_factory=list)
    true_ids: list[int] = field(default_factory=list)
    false_ids: list[int] = field(default_factory=list)
    leaf_tree_ids: list[int] = field(default_factory=list)
    leaf_node_ids: list[int] = field(default_factory=list)
    leaf_targets: list[int] = field(default_factory=list)
    leaf_weights: list[float] = field(default_factory=list)
    base: np.ndarray | None = None
    """Per-target score added to the trees' sum (zeros when None)."""

    def split(self, tree: int, node: int, feature: int, mode: str, threshold: float) -> None:
        """A decision node; its children are set later with :meth:`link`."""
        self.tree_ids.append(tree)
        self.node_ids.append(node)
        self.features.append(feature)
        self.modes.append(mode)
        self.thresholds.append(float(threshold))
        self.true_ids.append(0)
        self.false_ids.append(0)

    def link(self, position: int, true_id: int, false_id: int) -> None:
        self.true_ids[position] = true_id
        self.false_ids[position] = false_id

    def leaf(self, tree: int, node: int, values: dict[int, float]) -> None:
        """A leaf adding ``values`` (target → weight) to the row's scores."""
        self.split(tree, node, 0, "LEAF", 0.0)
        for target, weight in values.items():
            self.leaf_tree_ids.append(tree)
            self.leaf_node_ids.append(node)
            self.leaf_targets.append(target)
            self.leaf_weights.append(float(weight))


def emit_trees(builder: GraphBuilder, matrix: str, table: TreeTable) -> str:
    """Add the ensemble fed by the DOUBLE ``matrix``; a DOUBLE [N, targets] score tensor."""
    base = np.zeros(table.targets) if table.base is None else np.asarray(table.base, float)
    centre = base + _mean_leaf_sum(table)
    scores = builder.node(
        "TreeEnsembleRegressor",
        [matrix],
        domain=ML_DOMAIN,
        n_targets=table.targets,
        aggregate_function="SUM",
        post_transform="NONE",
        nodes_treeids=table.tree_ids,
        nodes_nodeids=table.node_ids,
        nodes_featureids=table.features,
        nodes_modes=table.modes,
        nodes_values_as_tensor=_tensor(table.thresholds),
        nodes_truenodeids=table.true_ids,
        nodes_falsenodeids=table.false_ids,
        nodes_missing_value_tracks_true=[0] * len(table.node_ids),
        target_treeids=table.leaf_tree_ids,
        target_nodeids=table.leaf_node_ids,
        target_ids=table.leaf_targets,
        target_weights_as_tensor=_tensor(table.leaf_weights),
        base_values_as_tensor=_tensor(base - centre),
    )
    centred = builder.cast(scores, DOUBLE)
    return builder.node("Add", [centred, builder.constant(centre.reshape(1, -1), np.float64)])


def _mean_leaf_sum(table: TreeTable) -> np.ndarray:
    """Per target, the sum over trees of the tree's mean leaf weight (a typical score)."""
    if not table.leaf_weights:
        return np.zeros(table.targets)
    trees = np.asarray(table.leaf_tree_ids)
    targets = np.asarray(table.leaf_targets)
    weights = np.asarray(table.leaf_weights)
    sums = np.zeros((trees.max() + 1, table.targets))
    counts = np.zeros_like(sums)
    np.add.at(sums, (trees, targets), weights)
    np.add.at(counts, (trees, targets), 1.0)
    return np.divide(sums, counts, out=np.zeros_like(sums), where=counts > 0).sum(axis=0)


def _tensor(values: list[float]) -> object:
    return numpy_helper.from_array(np.asarray(values, dtype=np.float64))
