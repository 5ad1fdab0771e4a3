"""The README stays true: its pipeline document and Python example are the same pipeline
and validate; the files its commands name exist."""

from __future__ import annotations

import re

import yaml

from kumi.graph import PipelineDocument, validate_pipeline
from kumi.registry import default_registry
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text()


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.S)


def test_yaml_document_and_python_builder_agree_and_validate() -> None:
    document = PipelineDocument.model_validate(yaml.safe_load(_blocks("yaml")[0]))
    namespace: dict[str, object] = {}
    exec(_blocks("python")[0], namespace)  # the README's own example
    built = namespace["document"]
    assert isinstance(built, PipelineDocument)
    assert built.model_dump(exclude={"description"}) == document.model_dump(exclude={"description"})
    assert validate_pipeline(document, default_registry()) == []


def test_files_named_by_commands_exist() -> None:
    commands = "\n".join(_blocks("bash"))
    paths = set(re.findall(r"(?:samples|src)/[\w./-]+\.(?:yaml|csv)", commands + README))
    assert paths, "the README names sample files"
    for path in paths:
        assert (ROOT / path).exists(), f"README names {path}, which does not exist"
