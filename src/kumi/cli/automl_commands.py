"""`kumi automl DATASET --target COL ...`: run an AutoML job in this process with a live
display (recorded in the workspace, so the page shows it); `kumi automl jobs|show ID`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import ValidationError
from typer.core import TyperGroup

from kumi.cli.automl_progress import AutoMLProgress
from kumi.cli.options import DEFAULT_WORKSPACE_PATH, JsonOption, WorkspaceOption, open_workspace
from kumi.cli.output import (
    EXIT_FAILED,
    console,
    err_console,
    print_json,
    print_rows,
    reporting_errors,
)
from kumi.core import InvalidParameterError
from kumi.services import automl_jobs
from kumi.storage.workspace import Workspace

DATA_SUFFIXES = (".csv", ".tsv", ".parquet", ".pq")
RUN = "run"


class DefaultRunGroup(TyperGroup):
    """Runs ``run`` when the first argument is not a sub-command, so that
    ``kumi automl DATASET ...`` means ``kumi automl run DATASET ...``."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:  # typer's click Context
        if args and args[0] not in self.commands and args[0] not in ctx.help_option_names:
            args = [RUN, *args]
        return super().parse_args(ctx, args)


app = typer.Typer(
    cls=DefaultRunGroup,
    help="Run AutoML jobs (kumi automl DATASET --target COL) and inspect them.",
    no_args_is_help=True,
)

CommaList = Annotated[
    str | None, typer.Option(help="Comma-separated model families, e.g. lightgbm,xgboost.")
]


@app.command(RUN)
def run_job(
    dataset: Annotated[str, typer.Argument(help="Registered dataset name, or a CSV/Parquet file.")],
    target: Annotated[str, typer.Option("--target", "-t", help="Column to predict.")],
    task: Annotated[str, typer.Option(help="classification or regression.")] = "classification",
    time_budget: Annotated[float, typer.Option(help="Seconds the search may take.")] = 60.0,
    metric: Annotated[str | None, typer.Option(help="Primary metric (default: task's).")] = None,
    n_jobs: Annotated[int | None, typer.Option(help="Trials at once (default: cores).")] = None,
    validation: Annotated[str, typer.Option(help="auto, folds (5) or a fraction (0.2).")] = "auto",
    blocked_models: CommaList = None,
    allowed_models: CommaList = None,
    register: Annotated[str | None, typer.Option(help="Register the best model so.")] = None,
    name: Annotated[str | None, typer.Option(help="Job name (default automl-DATA-N).")] = None,
    workspace: WorkspaceOption = DEFAULT_WORKSPACE_PATH,
    as_json: JsonOption = False,
) -> None:
    """Search models for TARGET in DATASET; exits 0 only if the job completed."""
    with reporting_errors(as_json=as_json), open_workspace(workspace) as ws:
        request = {
            "dataset": _dataset_name(ws, dataset),
            "target": target,
            "task": task,
            "metric": metric,
            "time_budget_s": time_budget,
            "n_jobs": n_jobs,
            "validation": parse_validation(validation),
            "allowed_models": parse_names(allowed_models),
            "blocked_models": parse_names(blocked_models) or [],
            "name": name,
            "register_model": register,
        }
        job = _follow(ws, _create(ws, request), time_budget, as_json)
    _report(job, as_json)
    if job.get("status") != "completed":
        raise typer.Exit(EXIT_FAILED)


@app.command("jobs")
def list_jobs(
    workspace: WorkspaceOption = DEFAULT_WORKSPACE_PATH, as_json: JsonOption = False
) -> None:
    """List AutoML jobs, newest first."""
    with reporting_errors(as_json=as_json), open_workspace(workspace) as ws:
        jobs = [_plain(j) for j in automl_jobs.list_jobs(ws)]
    if as_json:
        print_json({"jobs": jobs})
        return
    columns = ["id", "name", "dataset", "task", "metric", "status", "best", "created"]
    print_rows("AutoML jobs", columns, [_summary_row(j) for j in jobs])


@app.command("show")
def show_job(
    job_id: Annotated[str, typer.Argument(help="Job id (kumi automl jobs lists them).")],
    workspace: WorkspaceOption = DEFAULT_WORKSPACE_PATH,
    as_json: JsonOption = False,
) -> None:
    """Show one AutoML job: status, best model, leaderboard, guardrails."""
    with reporting_errors(as_json=as_json), open_workspace(workspace) as ws:
        job = _plain(automl_jobs.get_job(ws, job_id))
    _report(job, as_json)


def parse_validation(text: str) -> str | int | float:
    """``auto``, a number of folds (``5``) or a holdout fraction (``0.2``)."""
    value = text.strip().lower()
    if value == "auto":
        return value
    try:
        return int(value)
    except ValueError:
        pass
    try:
        return float(value)
    except ValueError:
        raise InvalidParameterError(
            f"--validation '{text}' is not valid; use auto, a number of folds (e.g. 5) or a "
            "holdout fraction (e.g. 0.2).",
            details={"validation": text},
        ) from None


def parse_names(text: str | None) -> list[str] | None:
    """``"a, b"`` → ``["a", "b"]`` (None stays None)."""
    if text is None:
        return None
    return [part.strip() for part in text.split(",") if part.strip()]


def _dataset_name(ws: Workspace, dataset: str) -> str:
    """A registered dataset's name; a CSV/Parquet path is registered first (as its stem)."""
    path = Path(dataset)
    if path.suffix.lower() not in DATA_SUFFIXES:
        return dataset
    if not path.is_file():
        raise InvalidParameterError(
            f"No file '{dataset}'; give an existing CSV/Parquet file or a registered dataset "
            "name (kumi datasets list).",
            details={"dataset": dataset},
        )
    record = ws.datasets.register(path.stem, path, description="Registered by kumi automl.")
    err_console.print(f"registered dataset [bold]{record.name}[/] version {record.version}")
    return record.name


def _create(ws: Workspace, request: dict[str, Any]) -> dict[str, Any]:
    """The new job, its request checked by the service (bad input: InvalidParameterError)."""
    service = automl_jobs
    try:
        body = service.AutoMLJobRequest.model_validate(request)
    except ValidationError as error:
        problems = [f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors()]
        raise InvalidParameterError(
            "The AutoML options are not valid: "
            + "; ".join(problems)
            + ". See kumi automl --help.",
            details={"problems": problems},
        ) from None
    return _plain(service.create_job(ws, body))


def _follow(ws: Workspace, job: dict[str, Any], budget_s: float, as_json: bool) -> dict[str, Any]:
    """Run the job here, showing its progress on stderr; the finished job."""
    if not as_json:
        err_console.print(f"AutoML job [bold]{job['name']}[/] ({job['id']})")
    progress = AutoMLProgress(err_console, budget_s, job.get("metric"))
    progress.start()
    try:
        return _plain(automl_jobs.run_job(ws, job["id"], on_progress=progress))
    finally:
        progress.stop()


def _report(job: dict[str, Any], as_json: bool) -> None:
    if as_json:
        print_json(job)
        return
    colour = {"completed": "green", "failed": "red"}.get(str(job.get("status")), "yellow")
    console.print(
        f"job [bold]{job.get('name')}[/] ({job.get('id')}) [{colour}]{job.get('status')}[/]"
    )
    if job.get("error"):
        console.print(f"  [red]{job['error'].get('message')}[/]")
    result = job.get("result") or {}
    if result:
        console.print(
            f"best: [bold]{result.get('best_estimator')}[/] "
            f"{result.get('metric')} {_number(result.get('best_metric'))}"
        )
    rows = [
        [r.get("rank"), r.get("trial"), r.get("family"), r.get("status"), _number(r.get("metric"))]
        for r in (job.get("leaderboard") or [])[:10]
    ]
    if rows:
        print_rows("leaderboard", ["rank", "trial", "family", "status", "metric"], rows)
    alerts = [g for g in result.get("guardrails", []) if g.get("status") == "alerted"]
    for guardrail in alerts:
        console.print(f"[yellow]guardrail {guardrail['name']}[/]: {guardrail.get('description')}")
    if job.get("registered_model"):
        model = job["registered_model"]
        console.print(f"registered model {model.get('name')} version {model.get('version')}")


def _summary_row(job: dict[str, Any]) -> list[Any]:
    best = (job.get("progress") or {}).get("best_metric")
    return [
        job.get("id"),
        job.get("name"),
        job.get("dataset"),
        job.get("task"),
        job.get("metric"),
        job.get("status"),
        _number(best),
        job.get("created_at"),
    ]


def _number(value: Any) -> str:
    return "" if value is None else f"{float(value):.4f}"


def _plain(job: Any) -> dict[str, Any]:
    """A job as its JSON object (the service may answer a record with ``to_dict``)."""
    return dict(job) if isinstance(job, dict) else dict(job.to_dict())
