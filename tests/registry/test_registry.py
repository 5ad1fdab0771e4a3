from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

import pytest

from kumi.core import Category, Component, NotFoundError, OutputPort, PortType
from kumi.registry import ComponentRegistry, PluginWarning, default_registry
from kumi.registry.discovery import plugin_components


def test_builtin_discovery_and_lookup() -> None:
    registry = default_registry()
    assert "select_columns_in_dataset" in registry
    assert registry.get("select_columns_in_dataset").name == "Select Columns in Dataset"
    with pytest.raises(NotFoundError) as info:
        registry.get("select_column_in_dataset")
    assert "select_columns_in_dataset" in info.value.details["suggestions"]


def test_manifest_is_json_with_ports_and_param_schema() -> None:
    manifest = json.loads(json.dumps(default_registry().manifest()))
    entry = next(m for m in manifest if m["id"] == "select_columns_in_dataset")
    assert entry["inputs"][0] == {
        "name": "dataset",
        "type": "table",
        "optional": False,
        "description": "",
    }
    assert entry["params_schema"]["type"] == "object"


def _install_fake_plugin(tmp_path: Path, body: str, target: str) -> None:
    pkg = tmp_path / "kumi_fake_plugin.py"
    pkg.write_text(textwrap.dedent(body))
    dist = tmp_path / "kumi_fake_plugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: kumi-fake-plugin\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text(f"[kumi.components]\nfake = {target}\n")
    sys.path.insert(0, str(tmp_path))


def test_entry_point_plugin_is_discovered(tmp_path: Path) -> None:
    _install_fake_plugin(
        tmp_path,
        """
        from kumi.core import Category, Component, OutputPort, PortType
        class Hello(Component):
            id = "hello_plugin"
            name = "Hello Plugin"
            category = Category.DATA_TRANSFORMATION
            description = "A plugin."
            outputs = (OutputPort("result", PortType.TABLE),)
        """,
        "kumi_fake_plugin:Hello",
    )
    try:
        ids = [c.id for c in plugin_components() if c.__module__ == "kumi_fake_plugin"]
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("kumi_fake_plugin", None)
    assert ids == ["hello_plugin"]


def test_broken_plugin_is_a_warning_naming_it(tmp_path: Path) -> None:
    _install_fake_plugin(tmp_path, "raise RuntimeError('boom')\n", "kumi_fake_plugin:Nope")
    try:
        with pytest.warns(PluginWarning, match="'fake'.*boom"):
            found = [c for c in plugin_components() if c.__module__ == "kumi_fake_plugin"]
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("kumi_fake_plugin", None)
    assert found == []


def test_duplicate_ids_keep_the_first_with_a_warning() -> None:
    class A(Component):
        id = "dup"
        name = "A"
        category = Category.DATA_TRANSFORMATION
        description = "a"
        outputs = (OutputPort("o", PortType.TABLE),)

    class B(A):
        id = "dup"

    with pytest.warns(PluginWarning, match="'dup' is defined twice"):
        registry = ComponentRegistry([A, B])
    assert registry.get("dup") is A
