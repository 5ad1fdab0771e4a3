"""Regenerate the sample datasets in src/kumi/samples/data/ from data shipped in PyPI packages.

Needs scikit-learn (bundled datasets and estimator docstrings) and palmerpenguins (bundled
penguins.csv); nothing is downloaded. Run from the repository root:

    pip install palmerpenguins && python scripts/generate_samples.py
"""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pandas as pd
from palmerpenguins import load_penguins
from sklearn import datasets
from sklearn.utils import all_estimators

DATA_DIR = Path(__file__).resolve().parents[1] / "src" / "kumi" / "samples" / "data"


def breast_cancer() -> pd.DataFrame:
    """Wisconsin diagnostic breast cancer: 30 cell-nucleus measurements, diagnosis label."""
    bunch = datasets.load_breast_cancer(as_frame=True)
    frame = bunch.frame.drop(columns="target")
    frame["diagnosis"] = [bunch.target_names[t] for t in bunch.target]
    return frame


def penguins() -> pd.DataFrame:
    """Palmer penguins: measurements, island and sex (with missing values), species label."""
    return load_penguins()


def diabetes() -> pd.DataFrame:
    """Diabetes progression one year after baseline, unscaled (sex as 1/2)."""
    bunch = datasets.load_diabetes(as_frame=True, scaled=False)
    frame = bunch.frame.rename(columns={"target": "disease_progression"})
    frame["sex"] = frame["sex"].astype(int)
    return frame


def iris() -> pd.DataFrame:
    """Fisher's iris: four measurements, species label."""
    bunch = datasets.load_iris(as_frame=True)
    frame = bunch.frame.drop(columns="target")
    frame.columns = [c.replace(" (cm)", "_cm").replace(" ", "_") for c in frame.columns]
    frame["species"] = [bunch.target_names[t] for t in bunch.target]
    return frame


def estimator_docs() -> pd.DataFrame:
    """First paragraph of every scikit-learn estimator's docstring, labelled with the
    estimator's type (the first of classifier, regressor, cluster, transformer it is)."""
    kinds: dict[str, tuple[str, type]] = {}
    for kind in ("classifier", "regressor", "cluster", "transformer"):
        for name, cls in all_estimators(type_filter=kind):
            kinds.setdefault(name, (kind, cls))
    rows = []
    for name, (kind, cls) in sorted(kinds.items()):
        text = _first_paragraph(inspect.getdoc(cls) or "")
        if text:
            rows.append({"estimator": name, "text": text, "estimator_type": kind})
    return pd.DataFrame(rows)


def _first_paragraph(doc: str) -> str:
    """The summary line and the paragraph after it, on one line."""
    paragraphs = [p for p in re.split(r"\n\s*\n", doc.strip()) if p.strip()]
    return re.sub(r"\s+", " ", " ".join(paragraphs[:2])).strip()


SAMPLES = {
    "breast-cancer.csv": breast_cancer,
    "penguins.csv": penguins,
    "diabetes.csv": diabetes,
    "iris.csv": iris,
    "sklearn-estimator-docs.csv": estimator_docs,
}


def main() -> None:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    for file_name, build in SAMPLES.items():
        frame = build()
        path = DATA_DIR / file_name
        frame.to_csv(path, index=False, float_format="%.6g", lineterminator="\n")
        print(f"{path.name}: {len(frame)} rows x {frame.shape[1]} columns, {path.stat().st_size} B")


if __name__ == "__main__":
    main()
