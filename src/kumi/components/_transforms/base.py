"""Base of the fitted column transformations (Azure's ``TD-`` nodes).

A transformation is configured in its constructor, learns in :meth:`fit` (state in
attributes ending in ``_``: plain numbers and column lists) and replays in :meth:`apply`.
Label columns seen while fitting may be absent when applying (new data to score has no
label); any other missing column is a clear error.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar, Self

from kumi.core import ColumnRole, NotFittedError, Table, Transformation


class ColumnTransformation(Transformation):
    """A transformation fitted on a list of columns of a table."""

    source_component: str = ""
    display_name: ClassVar[str] = ""

    def __init__(self, columns: Sequence[str]) -> None:
        self.columns = list(columns)

    def fit(self, table: Table) -> Self:
        """Learn from ``table``; returns ``self``."""
        table.require_columns(self.columns, purpose=self.display_name)
        self.columns_ = list(self.columns)
        self.optional_columns_ = [c for c in self.columns if table.role(c) == ColumnRole.LABEL]
        self._fit(table)
        return self

    def apply(self, table: Table) -> Table:
        if not hasattr(self, "columns_"):
            raise NotFittedError(
                f"The {self.display_name} transformation is not fitted; fit it on a table "
                "before applying it.",
                details={"transformation": self.source_component},
            )
        return self._apply(table, self.present_columns(table))

    def present_columns(self, table: Table) -> list[str]:
        """Fitted columns found in ``table``; a missing non-label column is an error."""
        required = [c for c in self.columns_ if c not in self.optional_columns_]
        table.require_columns(required, purpose=f"the {self.display_name} transformation")
        return [c for c in self.columns_ if c in table.columns]

    def fitted_state(self) -> dict[str, Any]:
        """Everything learned while fitting (attributes ending in ``_``)."""
        return {k: v for k, v in vars(self).items() if k.endswith("_")}

    def _fit(self, table: Table) -> None:
        """Learn state from ``table`` (columns already checked)."""

    def _apply(self, table: Table, columns: list[str]) -> Table:
        raise NotImplementedError
