"""Printing for the CLI: rich tables for people, one JSON document for machines, and
KumiError → a clear message with a non-zero exit code."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

import typer
from rich.console import Console
from rich.table import Table as RichTable

from kumi.core import KumiError

console = Console()
err_console = Console(stderr=True)

EXIT_FAILED = 1
EXIT_BAD_INPUT = 2


def print_json(value: Any) -> None:
    """Write ``value`` as one JSON document on stdout."""
    sys.stdout.write(json.dumps(value, indent=2, default=str) + "\n")


def print_rows(title: str, columns: list[str], rows: list[list[Any]]) -> None:
    """A rich table of ``rows``."""
    table = RichTable(title=title, show_lines=False)
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    console.print(table)


def fail(error: KumiError, *, as_json: bool) -> NoReturn:
    """Report ``error`` and exit with the bad-input code."""
    if as_json:
        print_json(error.to_dict())
    else:
        problems = error.details.get("problems", [])
        headline = f"{len(problems)} problem(s):" if problems else error.message
        err_console.print(f"[bold red]error[/] ({error.code}): {headline}")
        for problem in problems:
            where = " ".join(
                f"{key}={problem[key]}"
                for key in ("node", "port", "parameter", "edge")
                if problem.get(key)
            )
            err_console.print(f"  - {problem.get('message', problem)}  [dim]{where}[/]")
    raise typer.Exit(EXIT_BAD_INPUT)


@contextmanager
def reporting_errors(*, as_json: bool = False) -> Iterator[None]:
    """Turn a KumiError raised inside the block into a clear message and exit code 2."""
    try:
        yield
    except KumiError as error:
        fail(error, as_json=as_json)
