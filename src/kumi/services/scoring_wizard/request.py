"""What the wizard asks: score a table with a model into a new table."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, Field

from kumi.core.errors import InvalidInputError
from kumi.scoring.registered import RegisteredOnnx

TARGET_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")


class MappingRequest(BaseModel):
    """A table and a model: the wizard proposes the column mapping and checks it."""

    database: str = Field(description="A DuckDB file path or a postgresql:// URL.")
    table: str = Field(description="The table (or view) to score.")
    model: str = Field(description="A registered model, 'name' or 'name:version'.")
    mapping: dict[str, str | None] | None = Field(
        None, description="Model input → table column; None: matched by name."
    )


class ScoringJobRequest(MappingRequest):
    """A scoring run: the table's rows and their scores written to table ``target``."""

    target: str = Field(description="The output table (replaced if it exists).")
    score_columns: list[str] | None = Field(
        None, description="The score columns to write; None: every one the model answers."
    )
    output: Literal["table", "view"] = Field(
        "table",
        description="A table of scores written now, or (PostgreSQL) a view scoring the rows "
        "inside the server each time it is read.",
    )


def check_target(target: str, source_table: str) -> None:
    """InvalidInputError unless ``target`` is a plain table name other than the source's."""
    if not TARGET_NAME.match(target):
        raise InvalidInputError(
            f"Output table name '{target}' is not a plain name; use letters, digits and "
            "underscores (at most 63, not starting with a digit), e.g. 'scored_rows'.",
            details={"target": target},
        )
    if target == source_table:
        raise InvalidInputError(
            f"The output table cannot be the scored table '{source_table}'; give a new name, "
            f"e.g. '{source_table}_scored'.",
            details={"target": target},
        )


def check_output(output: str, postgres: bool) -> None:
    """InvalidInputError for a view outside PostgreSQL (only its server runs the model)."""
    if output == "view" and not postgres:
        raise InvalidInputError(
            "A DuckDB view cannot score rows (the model runs outside the database file); "
            "choose a table, or use a PostgreSQL database with kumi_predict for a view.",
            details={"output": output},
        )


def chosen_score_columns(model: RegisteredOnnx, wanted: list[str] | None) -> list[str]:
    """The score columns to write: ``wanted`` (checked against the model's) or all."""
    return [column for column, _ in model.chosen_outputs(wanted)]
