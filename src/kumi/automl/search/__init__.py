"""The model search: portfolio configurations, then Optuna per family, in worker processes."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from kumi.automl.families._base import Family
from kumi.automl.search.data import SearchData
from kumi.automl.search.evaluate import TrialSpec, evaluate, predictions
from kumi.automl.search.scheduler import Search
from kumi.automl.settings import AutoMLSettings
from kumi.automl.trials import TrialResult


def run_search(  # noqa: PLR0917 (the shared interface)
    data: SearchData,
    families: Sequence[Family],
    settings: AutoMLSettings,
    deadline: float,
    work_dir: Path,
    on_trial: Callable[[TrialResult], None] | None = None,
    cancel: threading.Event | None = None,
) -> list[TrialResult]:
    """Search until ``deadline`` (``time.monotonic()``), ``max_trials`` or ``exit_score``;
    every trial's record in trial order (``on_trial`` hears of each as it ends).

    ``settings`` gives ``n_jobs`` (worker processes), ``seed``, ``trial_timeout_s``
    (default: a third of the time left), ``max_trials`` and ``exit_score``; the families
    are already filtered by ``allowed_models``/``blocked_models`` (see
    :func:`kumi.automl.families.select_families`). Setting ``cancel`` ends the search like
    the deadline does (running trials are stopped and recorded as such).
    """
    work_dir.mkdir(parents=True, exist_ok=True)
    return Search(
        data,
        families,
        settings,
        deadline=deadline,
        work_dir=work_dir,
        on_trial=on_trial,
        cancel=cancel,
    ).run()


__all__ = ["SearchData", "TrialSpec", "evaluate", "predictions", "run_search"]
