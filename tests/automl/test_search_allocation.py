"""Cost-aware family choice."""

from kumi.automl.search.allocation import FamilyRecord, choose_family


def _record(losses, costs):
    record = FamilyRecord()
    for loss, cost in zip(losses, costs, strict=True):
        record.add(loss, cost)
    return record


def test_a_cheap_improving_family_beats_a_slow_stalled_best():
    records = {
        "slow": _record([-0.90, -0.95, -0.95, -0.95], [10, 10, 10, 10]),
        "fast": _record([-0.90, -0.93, -0.94], [1, 1, 1]),
    }
    assert choose_family(records, 100.0, {"slow", "fast"}) == "fast"


def test_the_best_family_goes_on_while_it_keeps_improving():
    records = {
        "best": _record([-0.90, -0.95, -0.96], [1, 1, 1]),
        "poor": _record([-0.60, -0.61, -0.61], [1, 1, 1]),
    }
    assert choose_family(records, 100.0, {"best", "poor"}) == "best"


def test_hopeless_and_unaffordable_families_are_left_out():
    records = {
        "best": _record([-0.95], [1]),
        "poor": _record([-0.50, -0.50, -0.50], [5, 5, 5]),
    }
    assert choose_family(records, 10.0, {"poor"}) is None
    assert choose_family(records, 10.0, {"best", "poor"}) == "best"
    assert choose_family({"none": FamilyRecord()}, 10.0, {"none"}) is None


def _pruned(record, count, cost):
    for _ in range(count):
        record.add(None, cost)
    return record


def test_a_cheap_family_that_stopped_improving_does_not_starve_the_best():
    """Hundreds of cheap linear trials once took a whole budget from the better trees."""
    trees = _record([-0.910, -0.915, -0.912, -0.905, -0.910], [5, 5, 5, 5, 5])
    linear = _record([-0.50, -0.84, -0.845, -0.849], [0.1, 0.1, 0.1, 0.1])
    records = {"trees": trees, "linear": _pruned(linear, 100, 0.1)}
    assert choose_family(records, 40.0, {"trees", "linear"}) == "trees"
    assert choose_family(records, 40.0, {"linear"}) is None


def test_a_family_behind_that_improves_quickly_gets_its_turn():
    records = {
        "trees": _record([-0.910, -0.915, -0.912, -0.913], [5, 5, 5, 5]),
        "linear": _record([-0.80, -0.88, -0.90], [0.5, 0.5, 0.5]),
    }
    assert choose_family(records, 40.0, {"trees", "linear"}) == "linear"
