"""The operations of Apply Math Operation, by category, keyed by Azure's names in snake_case.

Each operation works on float64 arrays: unary ones take the column, binary ones the column
and a second argument (a constant, another column, or the rounding precision in digits).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
from scipy import special

Array = np.ndarray


@dataclass(frozen=True)
class MathOperation:
    """One operation: Azure's display name (used in result column names), the function,
    whether it takes a second argument, and whether it returns True/False."""

    label: str
    function: Callable[..., Array]
    binary: bool = False
    boolean: bool = False


def _unary(label: str, function: Callable[[Array], Array]) -> MathOperation:
    return MathOperation(label, function)


def _binary(label: str, function: Callable[[Array, Array], Array]) -> MathOperation:
    return MathOperation(label, function, binary=True)


def _compare(label: str, function: Callable[[Array, Array], Array]) -> MathOperation:
    return MathOperation(label, function, binary=True, boolean=True)


def _integral_only(x: Array, function: Callable[[Array], Array]) -> Array:
    """``function`` on whole non-negative numbers, missing elsewhere."""
    valid = np.isfinite(x) & (x >= 0) & (x == np.floor(x))
    result = np.full(x.shape, np.nan)
    result[valid] = function(x[valid].astype("int64"))
    return result


def _nth_root(x: Array, n: Array) -> Array:
    odd = np.isfinite(n) & (n == np.round(n)) & (np.mod(n, 2) == 1)
    return np.where(odd, np.sign(x) * np.abs(x) ** (1.0 / n), x ** (1.0 / n))


def _polygamma(x: Array, n: Array) -> Array:
    n = np.broadcast_to(n, x.shape).astype("float64")
    valid = np.isfinite(n) & (n >= 0) & (n == np.floor(n))
    result = np.full(x.shape, np.nan)
    result[valid] = special.polygamma(n[valid].astype("int64"), x[valid])
    return result


def _scaled(rounder: Callable[[Array], Array]) -> Callable[[Array, Array], Array]:
    """A rounding function applied at ``digits`` decimal places."""
    return lambda x, digits: rounder(x * 10.0**digits) / 10.0**digits


def _away_from_zero(rounder: Callable[[Array], Array]) -> Callable[[Array], Array]:
    return lambda x: np.sign(x) * rounder(np.abs(x))


def _to_even(x: Array) -> Array:
    return np.sign(x) * np.ceil(np.abs(x) / 2.0) * 2.0


def _to_odd(x: Array) -> Array:
    magnitude = np.ceil((np.abs(x) + 1.0) / 2.0) * 2.0 - 1.0
    return np.where(x < 0, -magnitude, magnitude)


def _degrees_in(function: Callable[[Array], Array]) -> Callable[[Array], Array]:
    return lambda x: function(np.radians(x))


def _degrees_out(function: Callable[[Array], Array]) -> Callable[[Array], Array]:
    return lambda x: np.degrees(function(x))


def _reciprocal_of(function: Callable[[Array], Array]) -> Callable[[Array], Array]:
    return lambda x: 1.0 / function(x)


def _of_reciprocal(function: Callable[[Array], Array]) -> Callable[[Array], Array]:
    return lambda x: function(1.0 / x)


BASIC: dict[str, MathOperation] = {
    "abs": _unary("Abs", np.abs),
    "atan2": _binary("Atan2", np.arctan2),
    "conj": _unary("Conj", lambda x: np.real(np.conj(x))),
    "cube_root": _unary("CubeRoot", np.cbrt),
    "double_factorial": _unary("DoubleFactorial", lambda x: _integral_only(x, special.factorial2)),
    "eps": _unary("Eps", lambda x: np.spacing(np.abs(x))),
    "exp": _unary("Exp", np.exp),
    "exp2": _binary("Exp2", lambda t, x: x * np.exp2(t)),
    "exp_minus1": _unary("ExpMinus1", np.expm1),
    "factorial": _unary("Factorial", lambda x: special.factorial(x, exact=False)),
    "hypotenuse": _binary("Hypotenuse", np.hypot),
    "ln": _unary("Ln", np.log),
    "ln_plus1": _unary("LnPlus1", np.log1p),
    "log": _binary("Log", lambda x, base: np.log(x) / np.log(base)),
    "log10": _unary("Log10", np.log10),
    "log2": _unary("Log2", np.log2),
    "nth_root": _binary("NthRoot", _nth_root),
    "pow": _binary("Pow", np.power),
    "sqrt": _unary("Sqrt", np.sqrt),
    "sqrt_pi": _unary("SqrtPi", lambda x: np.sqrt(x * np.pi)),
    "square": _unary("Square", np.square),
}

COMPARE: dict[str, MathOperation] = {
    "equal_to": _compare("EqualTo", np.equal),
    "greater_than": _compare("GreaterThan", np.greater),
    "greater_than_or_equal_to": _compare("GreaterThanOrEqualTo", np.greater_equal),
    "less_than": _compare("LessThan", np.less),
    "less_than_or_equal_to": _compare("LessThanOrEqualTo", np.less_equal),
    "not_equal_to": _compare("NotEqualTo", np.not_equal),
    "pair_max": _binary("PairMax", np.maximum),
    "pair_min": _binary("PairMin", np.minimum),
}

OPERATIONS: dict[str, MathOperation] = {
    "add": _binary("Add", np.add),
    "divide": _binary("Divide", np.divide),
    "multiply": _binary("Multiply", np.multiply),
    "subtract": _binary("Subtract", np.subtract),
}

ROUNDING: dict[str, MathOperation] = {
    "ceiling": _binary("Ceiling", _scaled(np.ceil)),
    "ceiling_power2": _unary(
        "CeilingPower2", lambda x: np.where(x > 0, np.exp2(np.ceil(np.log2(x))), np.nan)
    ),
    "floor": _binary("Floor", _scaled(np.floor)),
    "mod": _binary("Mod", np.mod),
    "quotient": _binary("Quotient", lambda x, d: np.trunc(x / d)),
    "remainder": _binary("Remainder", lambda x, d: x - d * np.round(x / d)),
    "round_digits": _binary("RoundDigits", _scaled(_away_from_zero(lambda v: np.floor(v + 0.5)))),
    "round_down": _binary("RoundDown", _scaled(np.trunc)),
    "round_up": _binary("RoundUp", _scaled(_away_from_zero(np.ceil))),
    "to_even": _unary("ToEven", _to_even),
    "to_odd": _unary("ToOdd", _to_odd),
    "truncate": _binary("Truncate", _scaled(np.trunc)),
}

SPECIAL: dict[str, MathOperation] = {
    "beta": _binary("Beta", special.beta),
    "elliptic_integral_e": _unary("EllipticIntegralE", special.ellipe),
    "elliptic_integral_k": _unary("EllipticIntegralK", special.ellipk),
    "erf": _unary("Erf", special.erf),
    "erfc": _unary("Erfc", special.erfc),
    "erf_scaled": _unary("ErfScaled", special.erfcx),
    "erf_inverse": _unary("ErfInverse", special.erfinv),
    "exponential_integral_ein": _unary("ExponentialIntegralEin", special.expi),
    "gamma": _unary("Gamma", special.gamma),
    "gamma_ln": _unary("GammaLn", special.gammaln),
    "gamma_regularized_p": _binary("GammaRegularizedP", special.gammainc),
    "gamma_regularized_p_inverse": _binary("GammaRegularizedPInverse", special.gammaincinv),
    "gamma_regularized_q": _binary("GammaRegularizedQ", special.gammaincc),
    "gamma_regularized_q_inverse": _binary("GammaRegularizedQInverse", special.gammainccinv),
    "poly_gamma": _binary("PolyGamma", _polygamma),
}

TRIGONOMETRIC: dict[str, MathOperation] = {
    "acos": _unary("Acos", np.arccos),
    "acos_degree": _unary("AcosDegree", _degrees_out(np.arccos)),
    "acosh": _unary("Acosh", np.arccosh),
    "acot": _unary("Acot", _of_reciprocal(np.arctan)),
    "acot_degrees": _unary("AcotDegrees", _degrees_out(_of_reciprocal(np.arctan))),
    "acoth": _unary("Acoth", _of_reciprocal(np.arctanh)),
    "acsc": _unary("Acsc", _of_reciprocal(np.arcsin)),
    "acsc_degrees": _unary("AcscDegrees", _degrees_out(_of_reciprocal(np.arcsin))),
    "asec": _unary("Asec", _of_reciprocal(np.arccos)),
    "asec_degrees": _unary("AsecDegrees", _degrees_out(_of_reciprocal(np.arccos))),
    "asech": _unary("Asech", _of_reciprocal(np.arccosh)),
    "asin": _unary("Asin", np.arcsin),
    "asin_degrees": _unary("AsinDegrees", _degrees_out(np.arcsin)),
    "asinh": _unary("Asinh", np.arcsinh),
    "atan": _unary("Atan", np.arctan),
    "atan_degrees": _unary("AtanDegrees", _degrees_out(np.arctan)),
    "atanh": _unary("Atanh", np.arctanh),
    "cos": _unary("Cos", np.cos),
    "cos_degrees": _unary("CosDegrees", _degrees_in(np.cos)),
    "cosh": _unary("Cosh", np.cosh),
    "cot": _unary("Cot", _reciprocal_of(np.tan)),
    "cot_degrees": _unary("CotDegrees", _degrees_in(_reciprocal_of(np.tan))),
    "coth": _unary("Coth", _reciprocal_of(np.tanh)),
    "csc": _unary("Csc", _reciprocal_of(np.sin)),
    "csc_degrees": _unary("CscDegrees", _degrees_in(_reciprocal_of(np.sin))),
    "csch": _unary("Csch", _reciprocal_of(np.sinh)),
    "degrees_to_radians": _unary("DegreesToRadians", np.radians),
    "sec": _unary("Sec", _reciprocal_of(np.cos)),
    "a_sec_degrees": _unary("aSecDegrees", _degrees_in(_reciprocal_of(np.cos))),
    "a_sech": _unary("aSech", _reciprocal_of(np.cosh)),
    "sign": _unary("Sign", np.sign),
    "sin": _unary("Sin", np.sin),
    "sinc": _unary("Sinc", np.sinc),
    "sin_degrees": _unary("SinDegrees", _degrees_in(np.sin)),
    "sinh": _unary("Sinh", np.sinh),
    "tan": _unary("Tan", np.tan),
    "tan_degrees": _unary("TanDegrees", _degrees_in(np.tan)),
    "tanh": _unary("Tanh", np.tanh),
}

CATEGORIES: dict[str, dict[str, MathOperation]] = {
    "basic": BASIC,
    "compare": COMPARE,
    "operations": OPERATIONS,
    "rounding": ROUNDING,
    "special": SPECIAL,
    "trigonometric": TRIGONOMETRIC,
}

# Parameter enums built from the tables above, so names are declared once.
MathCategory = Literal["basic", "compare", "operations", "rounding", "special", "trigonometric"]
BasicMathFunction: Any = Literal[tuple(BASIC)]
ComparisonFunction: Any = Literal[tuple(COMPARE)]
ArithmeticOperation: Any = Literal[tuple(OPERATIONS)]
RoundingOperation: Any = Literal[tuple(ROUNDING)]
SpecialMathFunction: Any = Literal[tuple(SPECIAL)]
TrigonometricFunction: Any = Literal[tuple(TRIGONOMETRIC)]
