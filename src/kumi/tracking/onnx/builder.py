"""A small ONNX graph builder: unique tensor names, cached constants, absorbed sub-models."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

import onnx
from onnx import TensorProto, compose, helper, numpy_helper

OPSET = 17
ML_OPSET = 3
TARGET_OPSET = {"": OPSET, "ai.onnx.ml": ML_OPSET}
MICROSOFT_DOMAIN = "com.microsoft"
"""onnxruntime's contributed operators (e.g. Tokenizer)."""
DOUBLE = TensorProto.DOUBLE
FLOAT = TensorProto.FLOAT
INT64 = TensorProto.INT64
STRING = TensorProto.STRING
BOOL = TensorProto.BOOL


class GraphBuilder:
    """Collects nodes, constants, inputs and outputs of one graph."""

    def __init__(self, reserved: Sequence[str] = ()) -> None:
        self.nodes: list[onnx.NodeProto] = []
        self.initializers: list[onnx.TensorProto] = []
        self.inputs: list[onnx.ValueInfoProto] = []
        self.outputs: list[onnx.ValueInfoProto] = []
        self._taken = set(reserved)
        self._constants: dict[tuple[str, str], str] = {}
        self._count = 0

    def fresh(self, hint: str = "t") -> str:
        """A tensor name not used yet."""
        while True:
            self._count += 1
            name = f"_{hint}{self._count}"
            if name not in self._taken:
                self._taken.add(name)
                return name

    def is_taken(self, name: str) -> bool:
        return name in self._taken

    def constant(self, values: Any, dtype: Any) -> str:
        """A constant tensor (cached by value), as a 1-D array unless ``values`` has a shape."""
        array = np.asarray(values, dtype=dtype)
        key = (array.dtype.str + str(array.shape), repr(array.tolist()))
        if key not in self._constants:
            name = self.fresh("c")
            self.initializers.append(numpy_helper.from_array(array, name))
            self._constants[key] = name
        return self._constants[key]

    def node(self, op: str, inputs: Sequence[str], *, domain: str = "", **attrs: Any) -> str:
        """Add a one-output node; returns its output tensor."""
        output = self.fresh(op.lower()[:6])
        self.nodes.append(helper.make_node(op, list(inputs), [output], domain=domain, **attrs))
        return output

    def add_input(self, name: str, elem_type: int) -> str:
        self._taken.add(name)
        self.inputs.append(helper.make_tensor_value_info(name, elem_type, [None, 1]))
        return name

    def add_output(self, name: str, tensor: str, elem_type: int) -> None:
        """Expose ``tensor`` as graph output ``name`` (through Identity when renamed)."""
        if tensor != name:
            self.nodes.append(helper.make_node("Identity", [tensor], [name]))
        self._taken.add(name)
        self.outputs.append(helper.make_tensor_value_info(name, elem_type, [None, 1]))

    def absorb(self, model: onnx.ModelProto, feed: str) -> list[str]:
        """Copy ``model``'s graph in (names prefixed), fed by ``feed``; its output tensors."""
        prefix = self.fresh("m") + "_"
        graph = compose.add_prefix(model, prefix).graph
        (graph_input,) = graph.input
        self.nodes.append(helper.make_node("Identity", [feed], [graph_input.name]))
        self.nodes.extend(graph.node)
        self.initializers.extend(graph.initializer)
        return [output.name for output in graph.output]

    def build(self, name: str) -> onnx.ModelProto:
        graph = helper.make_graph(
            self.nodes, name, self.inputs, self.outputs, initializer=self.initializers
        )
        opsets = [helper.make_opsetid("", OPSET), helper.make_opsetid("ai.onnx.ml", ML_OPSET)]
        if any(node.domain == MICROSOFT_DOMAIN for node in self.nodes):
            opsets.append(helper.make_opsetid(MICROSOFT_DOMAIN, 1))  # onnxruntime's Tokenizer
        model = helper.make_model(graph, opset_imports=opsets, producer_name="kumi")
        model.ir_version = 8
        onnx.checker.check_model(model)
        return model

    # -- common idioms --------------------------------------------------------------------
    def where(self, condition: str, when_true: str, when_false: str) -> str:
        return self.node("Where", [condition, when_true, when_false])

    def cast(self, tensor: str, to: int) -> str:
        return self.node("Cast", [tensor], to=to)

    def text_codes(
        self, tensor: str, keys: Sequence[str], codes: Sequence[int], default: int
    ) -> str:
        """int64 code of each string (``default`` for strings not among ``keys``)."""
        return self.node(
            "LabelEncoder",
            [tensor],
            domain="ai.onnx.ml",
            keys_strings=list(keys),
            values_int64s=list(codes),
            default_int64=default,
        )
