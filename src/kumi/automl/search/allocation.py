"""Cost-aware choice of the family to search next (after FLAML's estimated cost for
improvement).

Each family's record holds its trial losses and costs in trial order. Every family's
estimated cost to improve (ECI) is at least the larger of what its last improvement took
and what it has spent since (at least one trial's cost). A family behind the best loss
also needs the time its recent improvement speed takes to close twice the gap: a cheap
family that stopped improving grows expensive, however fast its first trials improved.
The family with the lowest ECI goes next; a family behind the best whose ECI exceeds what
is left of the budget is dropped once it has had a few trials.
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

    def improvements(self) -> list[tuple[float, float]]:
        """(cost spent, loss) at each completed trial that lowered the family's best loss."""
        found: list[tuple[float, float]] = []
        for loss, spent in zip(self.losses, self.completed_costs, strict=True):
            if not found or loss < found[-1][1]:
                found.append((spent, loss))
        return found

    def base_cost(self) -> float:
        """The larger of the cost of its last improvement and the cost since (≥ one trial)."""
        found = self.improvements()
        previous = found[-2][0] if len(found) > 1 else 0.0
        last = found[-1][0]
        return max(last - previous, sum(self.costs) - last, self.mean_cost)

    def recent_speed(self) -> float:
        """Loss gained by its last improvement per cost spent since the one before it: 0
        when no trial improved on its first, infinite after a single trial (not known yet)."""
        found = self.improvements()
        if len(found) < 2:
            return float("inf") if len(self.costs) < 2 else 0.0
        (before, old_loss), (_, new_loss) = found[-2], found[-1]
        return (old_loss - new_loss) / max(sum(self.costs) - before, 1e-9)


def estimated_cost_to_improve(record: FamilyRecord, best: float) -> float:
    """The ECI of one family with at least one completed trial."""
    base = record.base_cost()
    gap = min(record.losses) - best
    speed = record.recent_speed()
    if gap <= 0:
        return base
    if speed <= 0:
        return float("inf")
    return max(2 * gap / speed, base)


def choose_family(
    records: Mapping[str, FamilyRecord], remaining: float, affordable: set[str]
) -> str | None:
    """The family to try next among ``affordable`` ones (None: none worth a trial);
    ``remaining`` is in the same unit as the costs."""
    scored = {n: r for n, r in records.items() if r.losses and n in affordable}
    if not scored:
        return None
    best = min(min(r.losses) for r in records.values() if r.losses)
    eci = {n: estimated_cost_to_improve(r, best) for n, r in scored.items()}
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
