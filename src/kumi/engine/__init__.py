"""Running pipelines: planner, codecs, content-addressed cache, executors and hooks."""

from kumi.engine.background_hooks import BackgroundHooks
from kumi.engine.cache import CacheDecision, cache_key, canonical_params, decide
from kumi.engine.codecs import (
    Snapshot,
    hash_files,
    load_output,
    load_snapshot,
    load_table_head,
    load_value,
    save_snapshot,
    save_value,
)
from kumi.engine.columns import ColumnStore, column_digest
from kumi.engine.engine import Engine, RunHandle
from kumi.engine.executors import DEFAULT_PRELOAD, InlineExecutor, ProcessExecutor, StepExecutor
from kumi.engine.hooks import RunHooks
from kumi.engine.memory import MemoryCacheIndex
from kumi.engine.plan import ExecutionPlan, PlannedStep, plan
from kumi.engine.results import RunResult, RunStatus, StepResult, StepStatus
from kumi.engine.saved import StoreValueLoader
from kumi.engine.valuecache import ValueCache
from kumi.engine.worker import StepOutcome, StepTask, publish

__all__ = [
    "DEFAULT_PRELOAD",
    "BackgroundHooks",
    "CacheDecision",
    "ColumnStore",
    "Engine",
    "ExecutionPlan",
    "InlineExecutor",
    "MemoryCacheIndex",
    "PlannedStep",
    "ProcessExecutor",
    "RunHandle",
    "RunHooks",
    "RunResult",
    "RunStatus",
    "Snapshot",
    "StepExecutor",
    "StepOutcome",
    "StepResult",
    "StepStatus",
    "StepTask",
    "StoreValueLoader",
    "ValueCache",
    "cache_key",
    "canonical_params",
    "column_digest",
    "decide",
    "hash_files",
    "load_output",
    "load_snapshot",
    "load_table_head",
    "load_value",
    "plan",
    "publish",
    "save_snapshot",
    "save_value",
]
