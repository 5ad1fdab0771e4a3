"""Options shared by CLI commands."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
import yaml

from kumi.core import InvalidParameterError
from kumi.storage.workspace import DEFAULT_WORKSPACE, Workspace

WorkspaceOption = Annotated[
    Path,
    typer.Option("--workspace", "-w", help="Workspace folder.", envvar="KUMI_WORKSPACE"),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print one JSON document.")]
DEFAULT_WORKSPACE_PATH = Path(DEFAULT_WORKSPACE)


def open_workspace(path: Path) -> Workspace:
    """Open (or create) the workspace at ``path``."""
    return Workspace.open(path)


def parse_assignments(pairs: list[str] | None) -> dict[str, Any]:
    """``["k=v", ...]`` → ``{k: v}`` with YAML scalars (``seed=7`` is the number 7)."""
    values: dict[str, Any] = {}
    for pair in pairs or []:
        name, sep, raw = pair.partition("=")
        if not sep or not name.strip():
            raise InvalidParameterError(
                f"--param '{pair}' is not of the form name=value (e.g. --param seed=7).",
                details={"param": pair},
            )
        try:
            values[name.strip()] = yaml.safe_load(raw) if raw.strip() else ""
        except yaml.YAMLError:
            values[name.strip()] = raw
    return values
