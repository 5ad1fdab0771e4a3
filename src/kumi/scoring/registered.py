"""A registered model's ONNX graph, read from the workspace's MLflow registry by
``name[:version]`` (no version: the newest), with what SQL and Spark scoring need of it."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mlflow.exceptions import MlflowException
from mlflow.models import Model

from kumi.core.errors import InvalidInputError, NotFoundError
from kumi.scoring.onnx_runner import OnnxRunner
from kumi.tracking.client import tracking_client

ONNX_FLAVOR = "onnx"


@dataclass(frozen=True)
class ModelRef:
    """``name`` and an optional version, as written ``name[:version]``."""

    name: str
    version: int | None = None

    @classmethod
    def parse(cls, text: str) -> ModelRef:
        written = str(text).strip()
        name, colon, version = written.partition(":")
        name = name.strip()
        if not name:
            raise InvalidInputError(
                f"'{text}' names no model; write MODEL = 'name' or 'name:version'.",
                details={"model": text},
            )
        if not colon:
            return cls(name)
        if not version.strip().isdigit() or int(version) < 1:
            raise InvalidInputError(
                f"'{text}': the version after ':' must be a whole number from 1, e.g. '{name}:1'.",
                details={"model": text},
            )
        return cls(name, int(version))

    def __str__(self) -> str:
        return self.name if self.version is None else f"{self.name}:{self.version}"


@dataclass(frozen=True)
class RegisteredOnnx:
    """A registered model version's ONNX bytes, signature and scoring spec."""

    name: str
    version: int
    model_bytes: bytes
    signature: dict[str, Any]
    description: str
    spec: dict[str, Any]

    @property
    def input_columns(self) -> list[tuple[str, str]]:
        """(column, kind: number | text | datetime) the model reads."""
        return [(i["column"], i["kind"]) for i in self.spec["inputs"]]

    @property
    def output_columns(self) -> list[tuple[str, str]]:
        """(score column, type: double | bigint | boolean | text) the model answers."""
        return [(o["column"], o["type"]) for o in self.spec["outputs"]]

    def chosen_outputs(self, wanted: Sequence[str] | None) -> list[tuple[str, str]]:
        """(score column, type) of the score columns ``wanted`` (None: all of them);
        InvalidInputError for none chosen or one the model does not answer."""
        available = dict(self.output_columns)
        if wanted is None:
            return list(self.output_columns)
        unknown = [c for c in wanted if c not in available]
        answered = ", ".join(available)
        if unknown:
            raise InvalidInputError(
                f"Model '{self.name}:{self.version}' has no score column '{unknown[0]}' "
                f"('{unknown[0]}' is not one of {answered}); choose among them.",
                details={"score_columns": list(wanted), "available": list(available)},
            )
        if not wanted:
            raise InvalidInputError(
                f"No score column was chosen; choose at least one of {answered}.",
                details={"score_columns": [], "available": list(available)},
            )
        return [(c, available[c]) for c in dict.fromkeys(wanted)]

    def runner(self, threads: int = 1) -> OnnxRunner:
        return OnnxRunner(self.model_bytes, threads=threads)


def load_registered_onnx(ref: ModelRef | str, tracking_uri: str) -> RegisteredOnnx:
    """The ONNX graph of a registered model version; NotFoundError for an unknown model or
    version, InvalidInputError when the version has no ONNX flavor."""
    ref = ref if isinstance(ref, ModelRef) else ModelRef.parse(ref)
    client = tracking_client(tracking_uri)
    versions = _versions(client, ref.name)
    number = ref.version or max(versions)
    if number not in versions:
        raise NotFoundError(
            f"Model '{ref.name}' has no version {number}; it has "
            f"{', '.join(str(v) for v in sorted(versions))}.",
            details={"model": ref.name, "version": number, "versions": sorted(versions)},
        )
    found = versions[number]
    path = Path(found.source)
    description = _model_description(path, f"{ref.name}:{number}")
    flavor = description.flavors.get(ONNX_FLAVOR)
    if flavor is None:
        raise InvalidInputError(
            f"Model '{ref.name}:{number}' has no ONNX form (one of its steps does not export), "
            "so it cannot be scored in SQL or Spark; score it through its endpoint instead.",
            details={"model": ref.name, "version": number},
        )
    model_bytes = (path / flavor["data"]).read_bytes()
    runner = OnnxRunner(model_bytes)
    return RegisteredOnnx(
        name=ref.name,
        version=number,
        model_bytes=model_bytes,
        signature=_signature(description),
        description=found.description or "",
        spec=runner.spec,
    )


def _versions(client: Any, name: str) -> dict[int, Any]:
    try:
        found = client.search_model_versions(f"name = '{name.replace(chr(39), chr(92) + chr(39))}'")
    except MlflowException:
        found = []
    versions = {int(v.version): v for v in found if v.name == name}
    if not versions:
        raise NotFoundError(
            f"No registered model is named '{name}'; register one (AutoML's register, or "
            "deploy an endpoint) or check the name.",
            details={"model": name},
        )
    return versions


def _model_description(path: Path, shown: str) -> Model:
    try:
        return Model.load(str(path / "MLmodel"))
    except (OSError, MlflowException):
        raise NotFoundError(
            f"The files of model '{shown}' are gone from {path}; register it again.",
            details={"model": shown, "path": str(path)},
        ) from None


def _signature(description: Model) -> dict[str, Any]:
    signature = description.signature
    if signature is None:
        return {"inputs": [], "outputs": []}
    return {
        "inputs": json.loads(signature.inputs.to_json()) if signature.inputs else [],
        "outputs": json.loads(signature.outputs.to_json()) if signature.outputs else [],
    }
