"""The featurizing front of every learner pipeline: impute, scale and one-hot encode."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import MinMaxScaler, Normalizer, OneHotEncoder, StandardScaler

from kumi.components._learning.frame import FeatureSchema

Scaling = Literal["none", "standard", "min_max"]


@dataclass(frozen=True)
class FeaturizerOptions:
    """How a learner wants its features prepared."""

    impute_numeric: bool = True
    """Replace missing numbers by the column median (off for estimators that take NaN)."""
    scaling: Scaling = "none"
    unit_norm: bool = False
    """Scale each row to unit length after encoding (projection to the unit sphere)."""
    unknown_categories: Literal["ignore", "error"] = "ignore"
    """What scoring does with a category never seen in training."""


def build_featurizer(schema: FeatureSchema, options: FeaturizerOptions) -> list[tuple[str, Any]]:
    """The pipeline steps turning a model frame into a dense numeric matrix."""
    branches: list[tuple[str, Any, list[str]]] = []
    if schema.numeric:
        branches.append(("numeric", _numeric_steps(options), list(schema.numeric)))
    if schema.categorical:
        branches.append(("categorical", _categorical_steps(options), list(schema.categorical)))
    columns = ColumnTransformer(branches, remainder="drop", sparse_threshold=0.0)
    steps: list[tuple[str, Any]] = [("featurize", columns)]
    if options.unit_norm:
        steps.append(("unit_norm", Normalizer(norm="l2")))
    return steps


def _numeric_steps(options: FeaturizerOptions) -> Any:
    steps: list[tuple[str, Any]] = []
    if options.impute_numeric:
        steps.append(("impute", SimpleImputer(strategy="median", keep_empty_features=True)))
    if options.scaling == "standard":
        steps.append(("scale", StandardScaler()))
    elif options.scaling == "min_max":
        steps.append(("scale", MinMaxScaler()))
    return Pipeline(steps) if steps else "passthrough"


def _categorical_steps(options: FeaturizerOptions) -> Pipeline:
    return Pipeline(
        [
            ("impute", SimpleImputer(strategy="most_frequent", keep_empty_features=True)),
            (
                "one_hot",
                OneHotEncoder(handle_unknown=options.unknown_categories, sparse_output=False),
            ),
        ]
    )
