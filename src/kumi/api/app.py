"""The studio's FastAPI application: REST API under ``/api`` and the page at ``/``."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from kumi.api.errors import error_body, install_error_handlers
from kumi.api.routers import (
    automl,
    components,
    datasets,
    endpoints,
    health,
    inference,
    pipeline_endpoints,
    pipelines,
    runs,
    schedules,
    scoring,
)
from kumi.api.settings import ApiSettings
from kumi.graph import load_pipeline
from kumi.registry import ComponentRegistry, default_registry
from kumi.samples import FIRST_RUN_PIPELINE
from kumi.services import workspace_engine
from kumi.services.automl_jobs import BACKGROUND, fail_interrupted_jobs
from kumi.services.run_queue import RunQueue
from kumi.services.scheduler import Scheduler
from kumi.services.scoring_wizard import ScoringJobs
from kumi.storage.workspace import Workspace

API_PREFIX = "/api"
SERVED_ELSEWHERE = ("api",)
"""First path segments the page never answers."""
ROUTERS = (
    health.router,
    components.router,
    datasets.router,
    pipelines.router,
    runs.router,
    inference.router,
    pipeline_endpoints.router,
    schedules.router,
    endpoints.router,
    automl.router,
    scoring.router,
)


def create_app(
    settings: ApiSettings | None = None, *, registry: ComponentRegistry | None = None
) -> FastAPI:
    """The studio app over the workspace of ``settings`` (opened at start-up)."""
    settings = settings or ApiSettings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        workspace = Workspace.open(settings.workspace)
        fail_interrupted_jobs(workspace)
        engine = workspace_engine(workspace, registry=app.state.registry)
        queue = RunQueue(workspace, engine, track=settings.track).start()
        app.state.workspace, app.state.run_queue = workspace, queue
        app.state.first_run = None
        if settings.first_run and workspace.created:
            app.state.first_run = queue.submit(load_pipeline(FIRST_RUN_PIPELINE))
        scheduler = Scheduler(workspace, queue, interval_s=settings.scheduler_interval_s).start()
        app.state.scheduler = scheduler
        try:
            yield
        finally:
            scheduler.close()
            BACKGROUND.stop_all(workspace)
            queue.close()
            engine.close()
            workspace.close()

    app = FastAPI(
        title="kumi",
        description="Designer pipelines, datasets and runs of a kumi workspace.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.registry = registry or default_registry()
    app.state.scoring_jobs = ScoringJobs()
    install_error_handlers(app)
    api = APIRouter(prefix=API_PREFIX)
    for router in ROUTERS:
        api.include_router(router)
    app.include_router(api)
    _serve_page(app, settings)
    return app


def _serve_page(app: FastAPI, settings: ApiSettings) -> None:
    """The built page at ``/`` (any other path not under /api gets index.html: the page
    routes itself); a clear answer when the page was not built."""
    index = settings.static_dir / "index.html"
    assets = settings.static_dir / "assets"
    if assets.is_dir():
        app.mount("/assets", StaticFiles(directory=assets), name="assets")

    @app.get("/{path:path}", include_in_schema=False, response_model=None)
    def page(path: str) -> FileResponse | JSONResponse:
        if path.split("/", 1)[0] in SERVED_ELSEWHERE:
            return JSONResponse(
                error_body("not_found", f"No route /{path}; see /docs."), status_code=404
            )
        candidate = (settings.static_dir / path).resolve()
        if path and candidate.is_file() and settings.static_dir.resolve() in candidate.parents:
            return FileResponse(candidate)
        if index.is_file():
            return FileResponse(index)
        return JSONResponse(
            error_body(
                "page_not_built",
                "The page is not built in this installation. Reinstall kumi with "
                "`pip install -e .` (it builds the page), or run `npm run build` in frontend/.",
            ),
            status_code=503,
        )
