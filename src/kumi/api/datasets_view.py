"""Tables as JSON for the page: columns with types and roles, rows as objects."""

from __future__ import annotations

import json
from typing import Any

import pandas as pd

from kumi.core.table import Table


def rows_json(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as JSON-safe objects: missing values as null, times as ISO text."""
    records: list[dict[str, Any]] = json.loads(
        frame.to_json(orient="records", date_format="iso", default_handler=str)
    )
    return records


def table_preview(table: Table) -> dict[str, Any]:
    """A (head of a) table: ``columns`` (name, type, role ...) and ``rows``."""
    return {"columns": table.schema().to_list(), "rows": rows_json(table.frame)}
