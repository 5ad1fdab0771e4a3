"""What to try next: the families' portfolios first (interleaved, cheap and strong first),
then Optuna's TPE per family, the family chosen by cost-aware allocation.

Results become visible to proposals in a controlled way: in deterministic mode, proposal
``i`` sees exactly the trials numbered below ``i - n_jobs + 1`` (waiting for them if need
be), so the sequence does not depend on which worker finished first.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import optuna
from optuna.trial import TrialState

from kumi.automl.families._base import Family
from kumi.automl.search.allocation import FamilyRecord, choose_family
from kumi.automl.trials import TrialResult

FAMILY_ORDER = ("lightgbm", "elastic_net", "xgboost", "extra_trees", "random_forest", "mlp", "knn")
"""Portfolio order: strong and cheap families first, so good models exist early."""
TPE_STARTUP_TRIALS = 4
MIN_TRIALS_TO_PRUNE = 3
FRESH_ATTEMPTS = 8
"""How often TPE is asked again when it proposes parameters the family has tried already
(small spaces, e.g. k-nearest neighbours' one integer, repeat themselves)."""


@dataclass(frozen=True)
class Proposal:
    family: Family
    params: dict[str, Any]
    prune_above: tuple[float, ...]


class Proposer:
    """Proposals for trial numbers 0, 1, 2 ... (ask in order)."""

    def __init__(
        self,
        families: Sequence[Family],
        task: str,
        shape: tuple[int, dict[str, int]],
        *,
        seed: int,
        window: int | None,
        greater_is_better: bool,
    ) -> None:
        n_rows, n_features = shape
        self._families = {f.name: f for f in _ordered(families)}
        self._task, self._n_rows, self._window = task, n_rows, window
        self._sign = -1.0 if greater_is_better else 1.0
        self._queue = _interleaved(self._families.values(), task, n_rows, n_features)
        optuna.logging.set_verbosity(optuna.logging.WARNING)
        self._studies = {name: _study(seed + i) for i, name in enumerate(self._families)}
        self._asked: dict[int, tuple[str, optuna.trial.Trial]] = {}
        self._finished: dict[int, tuple[TrialResult, float]] = {}
        self._seen: set[int] = set()
        self.records = {name: FamilyRecord() for name in self._families}
        self._fold_losses: dict[str, list[list[float]]] = {name: [] for name in self._families}
        self._tried: set[str] = set()

    def record(self, result: TrialResult, cost: float) -> None:
        """A finished trial (any status) and what it cost."""
        self._finished[result.number] = (result, cost)
        if self._window is None:
            self._see(lambda number: True)

    def ready(self, number: int) -> bool:
        """Whether proposal ``number`` can be made now (deterministic mode may wait)."""
        if self._window is None:
            return True
        needed = range(max(0, number - self._window + 1))
        if any(n not in self._finished for n in needed):
            return False
        horizon = number - self._window + 1
        self._see(lambda n: n < horizon)
        return True

    def propose(self, number: int, remaining: float, affordable: set[str]) -> Proposal | None:
        """Proposal ``number`` (call :meth:`ready` first); None when nothing is worth it."""
        while self._queue:
            family, params = self._queue.pop(0)
            if family.name in affordable:
                self._ask(number, family, fixed=params)
                self._tried.add(_key(family, params))
                return Proposal(family, params, ())
        name = choose_family(self.records, remaining, affordable)
        if name is None:
            return None
        family = self._families[name]
        params = self._fresh(number, family)
        return Proposal(family, params, self._prune_thresholds(name))

    def _fresh(self, number: int, family: Family) -> dict[str, Any]:
        """TPE's proposal, asked again (the repeat told as failed) while it repeats a tried
        one, up to FRESH_ATTEMPTS times."""
        for _ in range(FRESH_ATTEMPTS):
            params = self._ask(number, family)
            if _key(family, params) not in self._tried:
                break
            name, trial = self._asked.pop(number)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                self._studies[name].tell(trial, state=TrialState.FAIL)
        self._tried.add(_key(family, params))
        return params

    def _ask(self, number: int, family: Family, fixed: dict[str, Any] | None = None) -> dict:
        study = self._studies[family.name]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if fixed is not None:
                study.enqueue_trial(fixed, skip_if_exists=False)
            trial = study.ask()
            params = family.suggest(trial, self._task, self._n_rows)  # type: ignore[arg-type]
        self._asked[number] = (family.name, trial)
        return params

    def _see(self, visible: Any) -> None:
        for number in sorted(self._finished):
            if number in self._seen or not visible(number):
                continue
            self._seen.add(number)
            result, cost = self._finished[number]
            self._tell(number, result)
            self.records[result.family].add(result.loss if result.ok else None, cost)
            if result.ok:
                self._fold_losses[result.family].append(_running_losses(result, self._sign))

    def _tell(self, number: int, result: TrialResult) -> None:
        name, trial = self._asked.pop(number, (None, None))
        if trial is None or name is None:
            return
        study = self._studies[name]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if result.ok:
                study.tell(trial, result.loss)
            elif result.status == "pruned" and result.fold_values:
                trial.report(_running_losses(result, self._sign)[-1], len(result.fold_values) - 1)
                study.tell(trial, state=TrialState.PRUNED)
            else:
                study.tell(trial, state=TrialState.FAIL)

    def _prune_thresholds(self, name: str) -> tuple[float, ...]:
        """Per fold step, the median running loss of the family's completed trials."""
        done = self._fold_losses[name]
        if len(done) < MIN_TRIALS_TO_PRUNE or len(done[0]) < 2:
            return ()
        steps = len(done[0]) - 1
        return tuple(float(np.nanmedian([d[s] for d in done])) for s in range(steps))


def _running_losses(result: TrialResult, sign: float) -> list[float]:
    """Mean fold loss over the first 1, 2, ... folds (``sign`` turns values into losses)."""
    values = np.asarray(result.fold_values, dtype="float64") * sign
    counts = np.cumsum(~np.isnan(values))
    return list(np.nancumsum(values) / np.maximum(counts, 1))


def _key(family: Family, params: dict[str, Any]) -> str:
    return family.name + json.dumps(params, sort_keys=True, default=str)


def _ordered(families: Sequence[Family]) -> list[Family]:
    rank = {name: i for i, name in enumerate(FAMILY_ORDER)}
    return sorted(families, key=lambda f: (rank.get(f.name, len(rank)), f.name))


def _interleaved(
    families: Any, task: str, n_rows: int, n_features: dict[str, int]
) -> list[tuple[Family, dict[str, Any]]]:
    lists = [[(f, p) for p in f.portfolio(task, n_rows, n_features[f.encoding])] for f in families]
    longest = max((len(x) for x in lists), default=0)
    return [x[i] for i in range(longest) for x in lists if i < len(x)]


def _study(seed: int) -> optuna.Study:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        sampler = optuna.samplers.TPESampler(
            seed=seed, n_startup_trials=TPE_STARTUP_TRIALS, multivariate=True
        )
    return optuna.create_study(direction="minimize", sampler=sampler)
