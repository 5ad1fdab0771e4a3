"""The scoring wizard: a database (DuckDB file or PostgreSQL URL) → a table → a registered
model → a checked column mapping → a scored output table, run in the background with its
progress, and the SQL that does the same by hand."""

from kumi.services.scoring_wizard.databases import (
    Column,
    is_postgres,
    list_tables,
    preview,
    table_columns,
)
from kumi.services.scoring_wizard.jobs import ScoringJob, ScoringJobs
from kumi.services.scoring_wizard.mapping import MappingCheck, auto_mapping, check_mapping
from kumi.services.scoring_wizard.model_store import StoreModelRequest, store_model
from kumi.services.scoring_wizard.models import list_models, load_model, model_json
from kumi.services.scoring_wizard.request import MappingRequest, ScoringJobRequest
from kumi.services.scoring_wizard.runner import (
    ScoringPlan,
    frame_json,
    generated_sql,
    mapping_checks,
    plan_scoring,
    write_scores,
)

__all__ = [
    "Column",
    "MappingCheck",
    "MappingRequest",
    "ScoringJob",
    "ScoringJobRequest",
    "ScoringJobs",
    "ScoringPlan",
    "StoreModelRequest",
    "auto_mapping",
    "check_mapping",
    "frame_json",
    "generated_sql",
    "is_postgres",
    "list_models",
    "list_tables",
    "load_model",
    "mapping_checks",
    "model_json",
    "plan_scoring",
    "preview",
    "store_model",
    "table_columns",
    "write_scores",
]
