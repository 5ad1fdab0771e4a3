"""Calendar parts of int64 seconds since the epoch, by integer arithmetic only.

One algorithm (days → civil date, after H. Hinnant's public-domain description) written
against a tiny arithmetic interface, run once on numpy arrays and once as ONNX nodes, so
Python and the graph agree exactly.
"""

from __future__ import annotations

from typing import Any, Protocol

import numpy as np

from kumi.tracking.onnx.builder import INT64, GraphBuilder

PARTS = ("year", "month", "day", "dayofweek", "dayofyear", "hour", "minute")
DAY = 86_400


class Arithmetic(Protocol):
    """int64 operations; division and modulo floor toward minus infinity here."""

    def add(self, a: Any, b: Any) -> Any: ...
    def sub(self, a: Any, b: Any) -> Any: ...
    def mul(self, a: Any, b: int) -> Any: ...
    def div(self, a: Any, b: int) -> Any: ...
    def mod(self, a: Any, b: int) -> Any: ...
    def less(self, a: Any, b: int) -> Any: ...
    def zero(self, a: Any) -> Any: ...
    def where(self, condition: Any, a: Any, b: Any) -> Any: ...
    def flag(self, condition: Any) -> Any: ...


class NumpyArithmetic:
    def add(self, a: Any, b: Any) -> Any:
        return a + b

    def sub(self, a: Any, b: Any) -> Any:
        return a - b

    def mul(self, a: Any, b: int) -> Any:
        return a * b

    def div(self, a: Any, b: int) -> Any:
        return np.floor_divide(a, b)

    def mod(self, a: Any, b: int) -> Any:
        return np.mod(a, b)

    def less(self, a: Any, b: int) -> Any:
        return a < b

    def zero(self, a: Any) -> Any:
        return a == 0

    def where(self, condition: Any, a: Any, b: Any) -> Any:
        return np.where(condition, a, b)

    def flag(self, condition: Any) -> Any:
        return condition.astype(np.int64)


class OnnxArithmetic:
    """The same operations as graph nodes (int64 Div truncates, so it is only used on
    non-negative values; Mod with fmod=0 floors like numpy)."""

    def __init__(self, builder: GraphBuilder) -> None:
        self.builder = builder

    def _value(self, b: Any) -> str:
        return self.builder.constant([b], np.int64) if isinstance(b, int) else str(b)

    def add(self, a: Any, b: Any) -> Any:
        return self.builder.node("Add", [a, self._value(b)])

    def sub(self, a: Any, b: Any) -> Any:
        return self.builder.node("Sub", [a, self._value(b)])

    def mul(self, a: Any, b: int) -> Any:
        return self.builder.node("Mul", [a, self._value(b)])

    def div(self, a: Any, b: int) -> Any:
        return self.builder.node("Div", [a, self._value(b)])

    def mod(self, a: Any, b: int) -> Any:
        return self.builder.node("Mod", [a, self._value(b)], fmod=0)

    def less(self, a: Any, b: int) -> Any:
        return self.builder.node("Less", [a, self._value(b)])

    def zero(self, a: Any) -> Any:
        return self.builder.node("Equal", [a, self._value(0)])

    def where(self, condition: Any, a: Any, b: Any) -> Any:
        return self.builder.where(condition, self._value(a), self._value(b))

    def flag(self, condition: Any) -> Any:
        return self.builder.cast(condition, INT64)


def calendar_parts(ops: Arithmetic, seconds: Any) -> dict[str, Any]:
    """Each of ``PARTS`` (UTC) for the timestamps ``seconds``."""
    clock = ops.mod(seconds, DAY)
    days = ops.div(ops.sub(seconds, clock), DAY)
    year, month, day, march_day = _civil(ops, ops.add(days, 719_468))
    return {
        "year": year,
        "month": month,
        "day": day,
        "dayofweek": ops.mod(ops.add(days, 3), 7),
        "dayofyear": _day_of_year(ops, year, month, march_day),
        "hour": ops.div(clock, 3600),
        "minute": ops.div(ops.mod(clock, 3600), 60),
    }


def _civil(ops: Arithmetic, z: Any) -> tuple[Any, Any, Any, Any]:
    """Year, month, day and day-of-year counted from March 1 for day number ``z`` ≥ 0
    (days since 0000-03-01)."""
    era = ops.div(z, 146_097)
    doe = ops.sub(z, ops.mul(era, 146_097))
    yoe = ops.div(
        ops.sub(
            ops.add(ops.sub(doe, ops.div(doe, 1460)), ops.div(doe, 36_524)), ops.div(doe, 146_096)
        ),
        365,
    )
    doy = ops.sub(doe, ops.sub(ops.add(ops.mul(yoe, 365), ops.div(yoe, 4)), ops.div(yoe, 100)))
    mp = ops.div(ops.add(ops.mul(doy, 5), 2), 153)
    day = ops.add(ops.sub(doy, ops.div(ops.add(ops.mul(mp, 153), 2), 5)), 1)
    month = ops.where(ops.less(mp, 10), ops.add(mp, 3), ops.sub(mp, 9))
    year = ops.add(ops.add(yoe, ops.mul(era, 400)), ops.flag(ops.less(month, 3)))
    return year, month, day, doy


def _day_of_year(ops: Arithmetic, year: Any, month: Any, march_day: Any) -> Any:
    """1-based day of the year: March 1 is day 60 (61 in leap years)."""
    leap = ops.sub(
        ops.add(ops.flag(ops.zero(ops.mod(year, 4))), ops.flag(ops.zero(ops.mod(year, 400)))),
        ops.flag(ops.zero(ops.mod(year, 100))),
    )
    from_march = ops.add(ops.add(march_day, 60), leap)
    return ops.where(ops.less(month, 3), ops.sub(march_day, 305), from_march)
