"""Small, real, public sample datasets registered in every new workspace, and sample
pipelines over them (``pipelines/*.yaml``) saved there too.

``SAMPLES`` maps a dataset name to its :class:`Sample`: the CSV file shipped in
``kumi/samples/data``, its label column, categorical columns, columns to ignore, task and
description. Sources and licences are in ``data/README.md``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal

DATA_DIR: Final = Path(__file__).parent / "data"
PIPELINES_DIR: Final = Path(__file__).parent / "pipelines"
"""Sample pipeline documents (YAML) over the sample datasets, saved in every new workspace."""
FIRST_RUN_PIPELINE: Final = PIPELINES_DIR / "breast-cancer.yaml"
"""The sample pipeline `kumi up` runs once in a new workspace."""

Task = Literal["binary_classification", "multiclass_classification", "regression"]


@dataclass(frozen=True)
class Sample:
    """A sample dataset file and how to register it."""

    name: str
    file: Path
    label: str
    task: Task
    description: str
    categorical: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()


SAMPLES: Final[dict[str, Sample]] = {
    sample.name: sample
    for sample in (
        Sample(
            name="breast-cancer",
            file=DATA_DIR / "breast-cancer.csv",
            label="diagnosis",
            task="binary_classification",
            categorical=("diagnosis",),
            description="Wisconsin diagnostic breast cancer: 569 tumours, 30 cell-nucleus "
            "measurements; predict diagnosis (malignant or benign).",
        ),
        Sample(
            name="penguins",
            file=DATA_DIR / "penguins.csv",
            label="species",
            task="multiclass_classification",
            description="Palmer penguins: 344 penguins, bill/flipper/mass measurements, island "
            "and sex (with missing values); predict species (Adelie, Chinstrap, Gentoo).",
            categorical=("species", "island", "sex"),
        ),
        Sample(
            name="diabetes",
            file=DATA_DIR / "diabetes.csv",
            label="disease_progression",
            task="regression",
            description="Diabetes: 442 patients, age, sex, BMI, blood pressure and six blood "
            "serum measurements; predict disease progression one year after baseline.",
            categorical=("sex",),
        ),
        Sample(
            name="iris",
            file=DATA_DIR / "iris.csv",
            label="species",
            task="multiclass_classification",
            description="Fisher's iris: 150 flowers, sepal and petal sizes; predict species.",
            categorical=("species",),
        ),
        Sample(
            name="sklearn-estimator-docs",
            file=DATA_DIR / "sklearn-estimator-docs.csv",
            label="estimator_type",
            task="multiclass_classification",
            description="Text: the first paragraph of each scikit-learn estimator's docstring; "
            "predict the estimator type (classifier, regressor, cluster, transformer).",
            categorical=("estimator_type",),
            ignore=("estimator",),
        ),
    )
}

__all__ = ["DATA_DIR", "SAMPLES", "Sample", "Task"]
