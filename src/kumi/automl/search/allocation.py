"""Cost-aware choice of the family to search next.

Each family's record holds its trial losses and costs in trial order. A family's estimated
cost to improve (ECI) is, for the family holding the best loss, twice what it has spent
since its last improvement (at least one trial's cost); for any other family, the time its
improvement speed needs to close the gap to the best loss. The family with the lowest ECI
goes next; a family whose ECI exceeds what is left of the budget is dropped once it has had
a few trials.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

MIN_TRIALS_BEFORE_DROP = 3


@dataclass
class FamilyRecord:
    losses: list[float] = field(default_factory=list)
    """Losses of its completed trials, in trial order."""
    costs: list[float] = field(default_factory=list)
    """Cost of each trial in trial order (completed or not)."""
    completed_costs: list[float] = field(default_factory=list)
    """Cost spent before each completed trial finished (cumulative, parallel to losses)."""

    def add(self, loss: float | None, cost: float) -> None:
        self.costs.append(cost)
        if loss is not None:
            self.losses.append(loss)
            self.completed_costs.append(sum(self.costs))

    @property
    def mean_cost(self) -> float:
        return sum(self.costs) / max(len(self.costs), 1)

    @property
    def speed(self) -> float:
        """Loss gained per unit of cost since its first completed trial (0: none yet)."""
        if len(self.losses) < 2:
            return 0.0
        return max(self.losses[0] - min(self.losses), 0.0) / max(sum(self.costs), 1e-9)

    def since_improvement(self) -> float:
        best = self.losses.index(min(self.losses))
        return sum(self.costs) - self.completed_costs[best]


def estimated_cost_to_improve(record: FamilyRecord, best: float, fallback_speed: float) -> float:
    """The ECI of one family with at least one completed trial."""
    own = min(record.losses)
    if own <= best:
        return max(2 * record.since_improvement(), record.mean_cost)
    speed = record.speed or fallback_speed
    if speed <= 0:
        return float("inf")
    return max((own - best) / speed, record.mean_cost)


def choose_family(
    records: Mapping[str, FamilyRecord], remaining: float, affordable: set[str]
) -> str | None:
    """The family to try next among ``affordable`` ones (None: none worth a trial);
    ``remaining`` is in the same unit as the costs."""
    scored = {n: r for n, r in records.items() if r.losses and n in affordable}
    if not scored:
        return None
    best = min(min(r.losses) for r in records.values() if r.losses)
    fallback = max((r.speed for r in records.values()), default=0.0)
    eci = {n: estimated_cost_to_improve(r, best, fallback) for n, r in scored.items()}
    kept = {
        n: e
        for n, e in eci.items()
        if e <= remaining
        or len(records[n].costs) < MIN_TRIALS_BEFORE_DROP
        or min(records[n].losses) <= best
    }
    if not kept:
        return None
    return min(sorted(kept), key=lambda n: kept[n])
