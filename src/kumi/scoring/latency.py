"""Latency histograms: log-spaced buckets (O(1) to record), mergeable across processes,
read back as percentiles."""

from __future__ import annotations

import math
from collections.abc import Mapping

SMALLEST_MS = 0.05
"""Upper bound of the first bucket."""
GROWTH = 1.2
"""Each bucket is this much wider than the one before (percentiles within ~10 %)."""
BUCKETS = 80
_LOG_GROWTH = math.log(GROWTH)


def bucket_of(ms: float) -> int:
    """The bucket a latency of ``ms`` milliseconds falls in."""
    if ms <= SMALLEST_MS:
        return 0
    return min(BUCKETS - 1, 1 + int(math.log(ms / SMALLEST_MS) / _LOG_GROWTH))


def bucket_ms(bucket: int) -> float:
    """A representative latency of ``bucket`` (its geometric middle)."""
    if bucket <= 0:
        return SMALLEST_MS
    return SMALLEST_MS * GROWTH ** (bucket - 0.5)


def percentile(histogram: Mapping[str, int] | Mapping[int, int], q: float) -> float | None:
    """The ``q`` quantile (0..1) in milliseconds; None when the histogram is empty."""
    counts = sorted((int(bucket), count) for bucket, count in histogram.items() if count)
    total = sum(count for _, count in counts)
    if not total:
        return None
    rank = q * total
    seen = 0
    for bucket, count in counts:
        seen += count
        if seen >= rank:
            return round(bucket_ms(bucket), 3)
    return round(bucket_ms(counts[-1][0]), 3)


def merge(histograms: list[Mapping[str, int]]) -> dict[str, int]:
    """The sum of ``histograms``."""
    merged: dict[str, int] = {}
    for histogram in histograms:
        for bucket, count in histogram.items():
            merged[str(bucket)] = merged.get(str(bucket), 0) + count
    return merged
