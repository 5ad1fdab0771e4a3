"""Linear Regression."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, Literal

from pydantic import Field
from sklearn.linear_model import LinearRegression as OrdinaryLeastSquares
from sklearn.linear_model import Ridge, SGDRegressor

from kumi.components._learning.featurizer import FeaturizerOptions
from kumi.components._learning.learner import Estimator
from kumi.components._learning.learner_component import LearnerComponent, LearnerParams
from kumi.core import Category, ModelKind

Weight = Annotated[float, Field(ge=0.0)]
Rate = Annotated[float, Field(gt=0.0)]
Epochs = Annotated[int, Field(ge=1, le=100000)]


class LinearRegressionParams(LearnerParams):
    solution_method: Literal["ordinary_least_squares", "online_gradient_descent"] = Field(
        "ordinary_least_squares", description="Closed-form least squares or gradient descent."
    )
    l2_regularization_weight: Weight = Field(0.001, description="Weight of the L2 penalty.")
    include_intercept_term: bool = Field(True, description="Fit a constant term.")
    learning_rate: Rate = Field(0.1, description="Initial step size (gradient descent).")
    number_of_training_epochs: Epochs = Field(10, description="Passes (gradient descent).")
    normalize_features: bool = Field(True, description="Standardize features (gradient descent).")
    decrease_learning_rate: bool = Field(True, description="Shrink steps as training goes on.")
    average_final_hypothesis: bool = Field(True, description="Average the weights of all steps.")
    random_number_seed: int = Field(0, ge=0, description="Seed of the random generator.")
    l2_regularization_weight_range: list[Weight] = Field([0.001, 0.01, 0.1], min_length=1)
    learning_rate_range: list[Rate] = Field([0.025, 0.05, 0.1], min_length=1)
    number_of_training_epochs_range: list[Epochs] = Field([1, 10, 100], min_length=1)


def linear_regression(values: Mapping[str, Any]) -> Estimator:
    """Ridge (or plain least squares when the L2 weight is 0), or SGD regression."""
    l2 = float(values["l2_regularization_weight"])
    intercept = bool(values["include_intercept_term"])
    if values["solution_method"] == "ordinary_least_squares":
        model = Ridge(alpha=l2, fit_intercept=intercept) if l2 > 0 else None
        return Estimator(model or OrdinaryLeastSquares(fit_intercept=intercept))
    model = SGDRegressor(
        alpha=l2,
        fit_intercept=intercept,
        eta0=float(values["learning_rate"]),
        learning_rate="invscaling" if values["decrease_learning_rate"] else "constant",
        max_iter=int(values["number_of_training_epochs"]),
        tol=None,
        average=bool(values["average_final_hypothesis"]),
        random_state=int(values["random_number_seed"]),
    )
    scaled = bool(values["normalize_features"])
    return Estimator(model, FeaturizerOptions(scaling="standard" if scaled else "none"))


class LinearRegression(LearnerComponent[LinearRegressionParams]):
    id = "linear_regression"
    name = "Linear Regression"
    category = Category.REGRESSION
    description = (
        "A linear model of a numeric label, by ordinary least squares (with an L2 penalty) or "
        "online gradient descent."
    )
    Params = LinearRegressionParams
    kind = ModelKind.REGRESSOR
    factory = staticmethod(linear_regression)
