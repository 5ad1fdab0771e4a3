"""What the search learns from, written once to disk and memory-mapped by every worker."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import cloudpickle
import numpy as np

from kumi.automl.featurize import Encoding
from kumi.automl.metrics import Metric
from kumi.automl.validation import Fold, ValidationPlan

_META = "meta.pkl"


@dataclass(frozen=True)
class SearchData:
    """Featurized float64 matrices per encoding and the encoded target.

    ``X[encoding]`` holds the rows of the training table (row order of ``y``). For a user
    validation table, ``X_valid``/``y_valid`` hold its rows, and the plan's fold indexes them
    for validation (a holdout plan may pass them too, when its validation rows were
    featurized separately). ``categorical`` lists the trees-encoding columns holding
    category codes. ``n_classes`` is 0 for regression.
    """

    X: Mapping[Encoding, np.ndarray]
    y: np.ndarray
    plan: ValidationPlan
    metric: Metric
    n_classes: int = 0
    categorical: Sequence[int] = ()
    X_valid: Mapping[Encoding, np.ndarray] | None = None
    y_valid: np.ndarray | None = None
    encodings: tuple[Encoding, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "encodings", tuple(self.X))

    @property
    def task(self) -> str:
        return self.metric.task

    @property
    def n_rows(self) -> int:
        return len(self.y)

    def n_features(self, encoding: Encoding) -> int:
        return int(self.X[encoding].shape[1])

    def fold_rows(
        self, fold: Fold, encoding: Encoding
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """``(X_train, y_train, X_valid, y_valid)`` of one fold."""
        train = self.X[encoding]
        valid = train if self.X_valid is None else self.X_valid[encoding]
        y_valid = self.y if self.y_valid is None else self.y_valid
        return train[fold.train], self.y[fold.train], valid[fold.valid], y_valid[fold.valid]

    def scored_target(self) -> np.ndarray:
        """The targets the trial predictions line up with (all rows for k-fold)."""
        if self.plan.out_of_fold:
            return self.y
        y_valid = self.y if self.y_valid is None else self.y_valid
        return y_valid[self.plan.folds[0].valid]

    def save(self, folder: Path) -> Path:
        """Write the matrices as .npy files and the rest as a pickle into ``folder``."""
        folder.mkdir(parents=True, exist_ok=True)
        arrays = {"y": self.y, "y_valid": self.y_valid}
        arrays |= {f"X_{e}": m for e, m in self.X.items()}
        arrays |= {f"X_valid_{e}": m for e, m in (self.X_valid or {}).items()}
        for name, array in arrays.items():
            if array is not None:
                np.save(folder / f"{name}.npy", np.ascontiguousarray(array))
        meta = {
            "plan": self.plan,
            "metric": self.metric,
            "n_classes": self.n_classes,
            "categorical": list(self.categorical),
            "encodings": list(self.X),
            "has_valid": self.X_valid is not None,
        }
        (folder / _META).write_bytes(cloudpickle.dumps(meta))
        return folder

    @classmethod
    def load(cls, folder: Path) -> SearchData:
        """The data ``save`` wrote, its matrices memory-mapped read-only."""
        meta = cloudpickle.loads((folder / _META).read_bytes())

        def array(name: str) -> np.ndarray:
            return np.load(folder / f"{name}.npy", mmap_mode="r")

        encodings = meta["encodings"]
        has_valid = meta["has_valid"]
        return cls(
            X={e: array(f"X_{e}") for e in encodings},
            y=np.load(folder / "y.npy"),
            plan=meta["plan"],
            metric=meta["metric"],
            n_classes=meta["n_classes"],
            categorical=meta["categorical"],
            X_valid={e: array(f"X_valid_{e}") for e in encodings} if has_valid else None,
            y_valid=np.load(folder / "y_valid.npy") if has_valid else None,
        )
