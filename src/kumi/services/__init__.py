"""Use cases shared by the CLI and the API: running pipelines, registering data."""

from kumi.services.pipeline_runs import RunSummary, merge_parameters, run_pipeline, workspace_engine
from kumi.services.run_recorder import RunRecorder

__all__ = ["RunRecorder", "RunSummary", "merge_parameters", "run_pipeline", "workspace_engine"]
