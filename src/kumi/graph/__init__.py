"""Pipeline documents: the saved model, migrations, validation and the Python builder."""

from kumi.graph.builder import NodeHandle, PipelineBuilder, PortHandle
from kumi.graph.document import (
    EdgeSpec,
    NodeSpec,
    PipelineDocument,
    PortRef,
    Position,
    load_pipeline,
)
from kumi.graph.migrations import CURRENT_SCHEMA_VERSION, MIGRATIONS, migrate
from kumi.graph.parameters import references, resolve_parameters, substitute
from kumi.graph.problems import PROBLEM_CODES, Problem
from kumi.graph.schemas import DATASET_COMPONENT, column_parameter_ports
from kumi.graph.topology import find_cycles, topological_order
from kumi.graph.validation import GraphFacts, analyze, ensure_valid, validate_pipeline

__all__ = [
    "CURRENT_SCHEMA_VERSION",
    "DATASET_COMPONENT",
    "MIGRATIONS",
    "PROBLEM_CODES",
    "EdgeSpec",
    "GraphFacts",
    "NodeHandle",
    "NodeSpec",
    "PipelineBuilder",
    "PipelineDocument",
    "PortHandle",
    "PortRef",
    "Position",
    "Problem",
    "analyze",
    "column_parameter_ports",
    "ensure_valid",
    "find_cycles",
    "load_pipeline",
    "migrate",
    "references",
    "resolve_parameters",
    "substitute",
    "topological_order",
    "validate_pipeline",
]
