"""The public component contract suite and standard example inputs.

Plugin authors check their components with::

    from kumi.testing import check_component
    check_component(MyComponent)
"""

from kumi.testing.checks import CHECKS, check_component, component_checks
from kumi.testing.datasets import ExampleDatasets
from kumi.testing.examples import (
    EXAMPLE_NAMES,
    example,
    example_inputs_for,
    run_component,
    run_component_class,
)
from kumi.testing.saved import ExampleSavedValues

__all__ = [
    "CHECKS",
    "EXAMPLE_NAMES",
    "ExampleDatasets",
    "ExampleSavedValues",
    "check_component",
    "component_checks",
    "example",
    "example_inputs_for",
    "run_component",
    "run_component_class",
]
