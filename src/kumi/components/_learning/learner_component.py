"""Base of the learner components: parameters in, a :class:`SklearnLearner` out.

A learner's ``Params`` holds one field per Azure parameter; a field named ``<name>_range``
holds the values Tune Model Hyperparameters sweeps for parameter ``<name>``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, Literal, TypeVar

from pydantic import Field

from kumi.components._learning.learner import Estimator, SklearnLearner
from kumi.core import (
    Component,
    Inputs,
    ModelKind,
    OutputPort,
    Outputs,
    Params,
    PortType,
    RunContext,
)

RANGE_SUFFIX = "_range"
TrainerMode = Literal["single_parameter", "parameter_range"]


class LearnerParams(Params):
    """Parameters every tunable learner has."""

    create_trainer_mode: TrainerMode = Field(
        "single_parameter",
        description="single_parameter: train with the values below; parameter_range: sweep "
        "the *_range values with Tune Model Hyperparameters.",
    )


P = TypeVar("P", bound=Params)


class LearnerComponent(Component[P]):
    """A learner: no inputs, one ``untrained_model`` output built from the params."""

    kind: ClassVar[ModelKind]
    factory: ClassVar[Callable[..., Estimator]]
    non_negative_label: ClassVar[bool] = False
    outputs = (OutputPort("untrained_model", PortType.UNTRAINED_MODEL),)

    def run(self, params: P, inputs: Inputs, ctx: RunContext) -> Outputs:
        return {"untrained_model": self.learner(params)}

    def learner(self, params: P) -> SklearnLearner:
        """The configured learner for ``params``."""
        values: dict[str, Any] = params.model_dump(by_alias=True)
        mode = str(values.pop("create_trainer_mode", "single_parameter"))
        space = {
            name.removesuffix(RANGE_SUFFIX): tuple(values.pop(name))
            for name in [n for n in values if n.endswith(RANGE_SUFFIX)]
        }
        return SklearnLearner(
            learner_id=self.id,
            kind=self.kind,
            parameters=values,
            factory=type(self).factory,
            parameter_space=space,
            trainer_mode=mode,
            non_negative_label=self.non_negative_label,
        )
