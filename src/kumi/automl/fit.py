"""``kumi.automl.fit``: featurize, check guardrails, search, ensemble, and report — all within
the time budget."""

from __future__ import annotations

import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from kumi.automl.data import prepare
from kumi.automl.families import select_families
from kumi.automl.featurize import detect_columns
from kumi.automl.guardrails import check_guardrails
from kumi.automl.metrics import get_metric
from kumi.automl.packaging import open_workspace
from kumi.automl.preparation import featurize_for_search
from kumi.automl.result import AutoMLResult, build_result
from kumi.automl.search import run_search
from kumi.automl.selection import choose_best
from kumi.automl.settings import AutoMLSettings
from kumi.automl.tracking import log_to_mlflow
from kumi.automl.trials import TrialResult
from kumi.automl.validation import make_plan
from kumi.core.errors import RunCanceledError
from kumi.storage.workspace import Workspace

Progress = Callable[[dict[str, Any]], None]
"""Hears ``{"phase", "elapsed_s", ...}`` as the job goes (a finished trial adds ``"trial"``:
its leaderboard row)."""

FINISH_SHARE = 0.08
"""Share of the budget kept after the search for ensembling and the report."""
FINISH_MIN_S = 0.5


def fit(
    df: pd.DataFrame,
    target: str,
    *,
    task: str = "classification",
    time_budget_s: float = 60.0,
    metric: str | None = None,
    n_jobs: int | None = None,
    seed: int = 0,
    validation: str | int | float = "auto",
    validation_data: pd.DataFrame | None = None,
    featurization: str | dict[str, Any] = "auto",
    allowed_models: Sequence[str] | None = None,
    blocked_models: Sequence[str] = (),
    trial_timeout_s: float | None = None,
    max_trials: int | None = None,
    exit_score: float | None = None,
    ensembling: str = "voting",
    workspace: Workspace | Path | str | None = None,
    experiment: str | None = None,
    on_progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> AutoMLResult:
    """Search models for ``target`` in ``df`` within ``time_budget_s`` seconds.

    Returns the result: ``best_model`` (``predict``/``predict_proba``/``classes_``/
    ``to_onnx``), ``leaderboard``, ``best_estimator``, guardrails, charts, ``save``,
    ``register``. With ``workspace`` (or ``experiment``), the job is logged to the
    workspace's MLflow as one parent run with a child run per trial. Setting ``cancel``
    (from another thread) stops the search: RunCanceledError (every finished trial was
    already reported through ``on_progress``).
    """
    started = time.monotonic()
    values = {
        "target": target,
        "task": task,
        "time_budget_s": time_budget_s,
        "metric": metric,
        "seed": seed,
        "trial_timeout_s": trial_timeout_s,
        "max_trials": max_trials,
        "exit_score": exit_score,
        "allowed_models": list(allowed_models) if allowed_models is not None else None,
        "blocked_models": list(blocked_models),
        "validation": validation,
        "featurization": featurization,
        "ensembling": ensembling,
    }
    if n_jobs is not None:
        values["n_jobs"] = n_jobs
    settings = AutoMLSettings.of(**values)
    job = _Job(settings, started, on_progress, cancel or threading.Event())
    result = job.run(df, validation_data)
    if workspace is not None or experiment is not None:
        _track(result, workspace, experiment or f"automl-{target}")
    return result


class _Job:
    """One fit: the steps in order, with the clock and the progress reports."""

    def __init__(
        self,
        settings: AutoMLSettings,
        started: float,
        on_progress: Progress | None,
        cancel: threading.Event,
    ) -> None:
        self.settings = settings
        self.cancel = cancel
        self.started = started
        self.deadline = started + settings.time_budget_s
        self._on_progress = on_progress

    def report(self, phase: str, **facts: Any) -> None:
        if self._on_progress is not None:
            elapsed = round(time.monotonic() - self.started, 2)
            self._on_progress({"phase": phase, "elapsed_s": elapsed, **facts})

    def run(self, df: pd.DataFrame, validation_data: pd.DataFrame | None) -> AutoMLResult:
        settings = self.settings
        data = prepare(df, settings.target, settings.task)
        valid = None
        if validation_data is not None:
            valid = prepare(validation_data, settings.target, settings.task, data.classes)
        metric = get_metric(settings.metric, settings.task, data.n_classes)
        plan = make_plan(data, settings.validation, settings.seed, valid.n_rows if valid else None)
        chosen = select_families(settings.task, settings.allowed_models, settings.blocked_models)
        self.report("featurizing", rows=data.n_rows, plan=plan.description)
        columns = detect_columns(data.features, settings.featurization)
        guardrails = check_guardrails(data, columns, plan)
        encodings = sorted({family.encoding for family in chosen}, key=_trees_first)
        prepared = featurize_for_search(
            data, valid, columns, encodings, plan, metric, settings.seed
        )
        self._stop_if_canceled(0)
        self.report("searching", guardrails=[g.name for g in guardrails if g.status == "alerted"])
        with tempfile.TemporaryDirectory(prefix="kumi-automl-") as work_dir:
            trials = run_search(
                prepared.search,
                chosen,
                settings,
                self._search_deadline(),
                Path(work_dir),
                on_trial=self._trial_done,
                cancel=self.cancel,
            )
            self._stop_if_canceled(len(trials))
            self.report("ensembling", trials=len(trials))
            best = choose_best(trials, prepared, data, plan, settings, metric)
        self.report("finishing", best=best.name)
        result = build_result(
            best_model=best.model,
            best_estimator=best.name,
            trials=trials,
            ensemble=best.ensemble,
            metric=metric,
            settings=settings,
            guardrails=guardrails,
            featurization=prepared.featurizers[encodings[0]].summary(),
            validation_features=prepared.validation_features,
            validation_y=prepared.search.scored_target(),
            validation_predictions=best.predictions,
        )
        self.report("completed", best=best.name, best_metric=result.best_metric)
        return result

    def _stop_if_canceled(self, trials: int) -> None:
        if self.cancel.is_set():
            raise RunCanceledError(
                f"The AutoML job was canceled after {trials} trial(s); start it again to "
                "finish the search.",
                details={"trials": trials},
            )

    def _search_deadline(self) -> float:
        budget = self.settings.time_budget_s
        return self.deadline - max(FINISH_MIN_S, FINISH_SHARE * budget)

    def _trial_done(self, trial: TrialResult) -> None:
        self.report("searching", trial=trial.row())


def _trees_first(encoding: str) -> int:
    return 0 if encoding == "trees" else 1


def _track(result: AutoMLResult, workspace: Workspace | Path | str | None, experiment: str) -> None:
    opened = workspace if isinstance(workspace, Workspace) else open_workspace(workspace)
    try:
        log_to_mlflow(
            result,
            opened.tracking_uri,
            experiment,
            artifact_location=opened.mlflow_artifact_uri,
        )
    finally:
        if opened is not workspace:
            opened.close()


__all__ = ["Progress", "fit"]
