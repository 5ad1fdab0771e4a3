"""Group Data into Bins' fitted transformation: bin edges per column (plain numbers)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import Literal

import numpy as np
import pandas as pd

from kumi.components._transforms.base import ColumnTransformation
from kumi.components._transforms.output_mode import OutputMode, combine_results
from kumi.core import InvalidParameterError, Table

BinningMode = Literal["quantiles", "equal_width", "custom_edges"]
QuantileNormalization = Literal["percent", "p_quantile", "quantile_index"]
RESULT_SUFFIX = "_quantized"


class BinningTransformation(ColumnTransformation):
    """Maps numbers to 1-based bin indices with the inner edges in ``edges_`` (a value equal
    to an edge falls in the lower bin, so edge ``0`` makes bins ``<= 0`` and ``> 0``).
    Quantile bins may be reported as percent (100*i/n), p-quantile (i/n) or index (i)."""

    source_component = "group_data_into_bins"
    display_name = "Group Data into Bins"

    def __init__(
        self,
        columns: Sequence[str],
        *,
        mode: BinningMode = "quantiles",
        number_of_bins: int = 10,
        custom_edges: Sequence[float] = (),
        normalization: QuantileNormalization = "percent",
        output_mode: OutputMode = "append",
        categorical: bool = True,
    ) -> None:
        super().__init__(columns)
        self.mode = mode
        self.number_of_bins = number_of_bins
        self.custom_edges = list(custom_edges)
        self.normalization = normalization
        self.output_mode = output_mode
        self.categorical = categorical

    def _fit(self, table: Table) -> None:
        table.require_numeric(self.columns, purpose=self.display_name)
        self.edges_: dict[str, list[float]] = {}
        for column in self.columns:
            values = table.frame[column].astype("float64").dropna()
            self.edges_[column] = self._inner_edges(values)

    def _inner_edges(self, values: pd.Series) -> list[float]:
        if self.mode == "custom_edges":
            return [float(e) for e in self.custom_edges]
        if values.empty:
            return []
        if self.mode == "quantiles":
            probabilities = np.linspace(0, 1, self.number_of_bins + 1)[1:-1]
            edges = np.quantile(values.to_numpy(), probabilities)
        else:
            edges = np.linspace(values.min(), values.max(), self.number_of_bins + 1)[1:-1]
        return [float(e) for e in np.unique(edges)]

    def _apply(self, table: Table, columns: list[str]) -> Table:
        table.require_numeric(columns, purpose=self.display_name)
        results = [
            (c, f"{c}{RESULT_SUFFIX}", self.bin_values(c, table.frame[c].astype("float64")))
            for c in columns
        ]
        return combine_results(table, results, self.output_mode, categorical=self.categorical)

    def bin_values(self, column: str, values: pd.Series) -> pd.Series:
        """The bin of each value of one fitted column (missing stays missing)."""
        edges = np.asarray(self.edges_[column], dtype="float64")
        index = np.searchsorted(edges, values.to_numpy(), side="left") + 1
        result = pd.Series(index.astype("float64"), index=values.index).where(values.notna())
        if self.mode == "quantiles" and self.normalization != "quantile_index":
            scale = 100.0 if self.normalization == "percent" else 1.0
            return result * scale / (len(edges) + 1)
        return result.astype("int64") if result.notna().all() else result


def parse_edges(text: str) -> list[float]:
    """``"0, 10, 20"`` → ``[0.0, 10.0, 20.0]``; must be numbers in ascending order."""
    try:
        edges = [float(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise InvalidParameterError(
            f"Bin edges '{text}' are not a comma-separated list of numbers (e.g. '0, 10, 20').",
            details={"parameter": "comma_separated_list_of_bin_edges"},
        ) from None
    if not edges or any(b <= a for a, b in pairwise(edges)):
        raise InvalidParameterError(
            f"Bin edges '{text}' must hold at least one number, in strictly ascending order "
            "(e.g. '0, 10, 20').",
            details={"parameter": "comma_separated_list_of_bin_edges"},
        )
    return edges
