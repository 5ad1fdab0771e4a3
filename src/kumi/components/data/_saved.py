"""Shared parts of the Saved ... components: a stored step output frozen into a pipeline."""

from __future__ import annotations

from pydantic import Field

from kumi.core import (
    PORT_VALUE_TYPES,
    Component,
    ConfigurationError,
    Inputs,
    InvalidInputError,
    InvalidParameterError,
    OutputRef,
    Outputs,
    Params,
    PortType,
    RunContext,
)


class SavedOutputParams(Params):
    key: str = Field("", description="Artifact-store key of the stored output.")
    content_hash: str = Field("", description="Content hash of the stored output.")
    port_type: str = Field("", description="Port type of the stored output.")
    source: str = Field("", description="Where it came from (e.g. a run and step port).")


def load_saved(params: SavedOutputParams, ctx: RunContext, expected: PortType) -> object:
    """The stored value ``params`` points to, loaded through the run's loader."""
    if not params.key.strip() or not params.content_hash.strip():
        raise InvalidParameterError(
            "No stored output chosen; set 'key' and 'content_hash' (derive an inference "
            "pipeline from a completed run to fill them).",
            details={"parameters": ["key", "content_hash"], "node": ctx.node_id},
        )
    if params.port_type and params.port_type != expected.value:
        raise InvalidParameterError(
            f"Stored output '{params.key}' is a {params.port_type}, not a {expected.value}; "
            "use the Saved component of its type.",
            details={"port_type": params.port_type, "expected": expected.value},
        )
    if ctx.saved is None:
        raise ConfigurationError(
            "This step loads a stored output but the run has no artifact store; run the "
            "pipeline through a workspace (kumi run --workspace DIR).",
            details={"node": ctx.node_id, "key": params.key},
        )
    value = ctx.saved.load(OutputRef(params.key, params.content_hash, expected.value))
    shown = f" ({params.source})" if params.source else ""
    ctx.log(f"Loaded stored {expected.value} {params.content_hash[:12]}{shown}")
    return value


class SavedOutputComponent(Component[SavedOutputParams]):
    """A component with one output port that loads the stored value of that port's type."""

    Params = SavedOutputParams

    def run(self, params: SavedOutputParams, inputs: Inputs, ctx: RunContext) -> Outputs:
        port = self.outputs[0]
        value = load_saved(params, ctx, port.type)
        if not isinstance(value, PORT_VALUE_TYPES[port.type]):
            raise InvalidInputError(
                f"Stored output '{params.key}' is not a {port.type.value}; check its port type.",
                details={"key": params.key, "node": ctx.node_id},
            )
        return {port.name: value}

    def fingerprint(self, params: SavedOutputParams, ctx: RunContext) -> str | None:
        """The content hash identifies the stored value."""
        return params.content_hash or None
