"""`kumi components list|show`."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from kumi.cli.output import console, print_json, print_rows, reporting_errors
from kumi.registry import default_registry, describe_component

app = typer.Typer(help="Browse the module library.", no_args_is_help=True)

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON.")]


@app.command("list")
def list_components(
    category: Annotated[str | None, typer.Option(help="Only this category.")] = None,
    as_json: JsonOption = False,
) -> None:
    """List every component, grouped by palette category."""
    components = [
        c
        for c in default_registry().all()
        if category is None or str(c.category).lower().startswith(category.lower())
    ]
    if as_json:
        print_json([{"id": c.id, "name": c.name, "category": str(c.category)} for c in components])
        return
    rows = [[str(c.category), c.name, c.id] for c in components]
    print_rows(f"{len(rows)} components", ["category", "name", "id"], rows)


@app.command("show")
def show_component(
    component_id: Annotated[str, typer.Argument(help="Component id, e.g. split_data.")],
    as_json: JsonOption = False,
) -> None:
    """Show a component's ports and parameters."""
    with reporting_errors(as_json=as_json):
        entry = describe_component(default_registry().get(component_id))
    if as_json:
        print_json(entry)
        return
    console.print(f"[bold]{entry['name']}[/] ({entry['id']}) — {entry['category']}")
    console.print(entry["description"])
    for direction in ("inputs", "outputs"):
        for port in entry[direction]:
            optional = " (optional)" if port.get("optional") else ""
            console.print(f"  {direction[:-1]} [cyan]{port['name']}[/]: {port['type']}{optional}")
    for name, spec in entry["params_schema"].get("properties", {}).items():
        default = json.dumps(spec.get("default")) if "default" in spec else "required"
        console.print(f"  param [green]{name}[/] = {default}  {spec.get('description', '')}")
