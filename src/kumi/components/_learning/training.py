"""What the trainers share: the label column parameter and checks of the learner's task."""

from __future__ import annotations

from kumi.components._learning.labels import SUPERVISED
from kumi.core import InvalidInputError, ModelKind, Table, UntrainedModel

_TRAINER_OF = {
    ModelKind.CLUSTERER: "Train Clustering Model",
    ModelKind.ANOMALY_DETECTOR: "Train Anomaly Detection Model",
}


def label_column_of(table: Table, chosen: str | None, component: str) -> str:
    """``chosen`` if set (checked to exist), else the table's label column."""
    if chosen:
        table.require_columns([chosen], purpose="the label")
        return chosen
    if table.label is None:
        raise InvalidInputError(
            f"{component} needs a label column: set the label_column parameter, or mark the "
            "label column with Edit Metadata.",
            details={"parameter": "label_column", "columns": table.columns[:50]},
        )
    return table.label


def require_kind(model: UntrainedModel, allowed: tuple[ModelKind, ...], component: str) -> None:
    """A clear error when ``model`` is a learner of another task than ``allowed``."""
    if model.kind in allowed:
        return
    right = _TRAINER_OF.get(model.kind, "Train Model")
    raise InvalidInputError(
        f"{component} cannot train '{model.learner_id}' ({model.kind.value}); connect it to "
        f"{right} instead.",
        details={"learner": model.learner_id, "kind": model.kind.value, "use": right},
    )


def require_supervised(model: UntrainedModel, component: str) -> None:
    """Only classification and regression learners."""
    require_kind(model, SUPERVISED, component)
