"""The metadata schema: migrations equal the ORM models, upgrades are cheap and serialized."""

from __future__ import annotations

import multiprocessing
import time
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy.orm import sessionmaker

from kumi.core.errors import ConfigurationError
from kumi.storage import create_database_engine, upgrade_schema
from kumi.storage.database import _alembic_config, head_revision
from kumi.storage.orm import Base, utc_now
from kumi.storage.runs import RunRepository

TABLES = {
    "alembic_version",
    "automl_jobs",
    "cache_entries",
    "dataset_versions",
    "datasets",
    "endpoint_metrics",
    "endpoints",
    "experiments",
    "pipeline_endpoint_runs",
    "pipeline_endpoint_versions",
    "pipeline_endpoints",
    "pipelines",
    "run_contents",
    "run_steps",
    "runs",
    "schedules",
}


def test_migrations_create_exactly_the_orm_schema(database_url: str) -> None:
    engine = create_database_engine(database_url)
    assert upgrade_schema(engine) is None
    assert set(sa.inspect(engine).get_table_names()) == TABLES
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
    engine.dispose()


def test_second_upgrade_is_a_fast_no_op(database_url: str) -> None:
    engine = create_database_engine(database_url)
    upgrade_schema(engine)
    started = time.perf_counter()
    assert upgrade_schema(engine) == head_revision()
    assert time.perf_counter() - started < 0.5
    engine.dispose()


def test_database_from_a_newer_kumi_is_refused(database_url: str) -> None:
    engine = create_database_engine(database_url)
    upgrade_schema(engine)
    with engine.begin() as connection:
        connection.execute(sa.text("UPDATE alembic_version SET version_num = '9999_future'"))
    try:
        with pytest.raises(ConfigurationError, match="9999_future"):
            upgrade_schema(engine)
    finally:
        engine.dispose()


def test_unreachable_postgres_is_a_configuration_error() -> None:
    engine = create_database_engine("postgresql://kumi:secret@127.0.0.1:1/kumi")
    with pytest.raises(ConfigurationError, match=r"127\.0\.0\.1") as excinfo:
        upgrade_schema(engine)
    assert "secret" not in excinfo.value.message
    engine.dispose()


def test_unknown_driver_is_a_configuration_error() -> None:
    with pytest.raises(ConfigurationError, match="nodriver"):
        create_database_engine("nodriver://host/db")


def _upgrade_in_child(url: str, queue: multiprocessing.Queue[object]) -> None:
    try:
        engine = create_database_engine(url)
        queue.put(upgrade_schema(engine))
        engine.dispose()
    except BaseException as exc:  # reported to the parent
        queue.put(repr(exc))


def test_two_processes_upgrading_at_once(database_url: str) -> None:
    context = multiprocessing.get_context("spawn")
    queue: multiprocessing.Queue[object] = context.Queue()
    children = [context.Process(target=_upgrade_in_child, args=(database_url, queue)) for _ in "ab"]
    for child in children:
        child.start()
    results = sorted([queue.get(timeout=60), queue.get(timeout=60)], key=str)
    for child in children:
        child.join(timeout=60)
    # exactly one found an empty database; the other waited and found it current
    assert results == sorted([None, head_revision()], key=str)


def test_sqlite_file_uses_wal_and_foreign_keys(tmp_path: Path) -> None:
    engine = create_database_engine(f"sqlite:///{tmp_path / 'x' / 'meta.db'}")
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    engine.dispose()


def test_upgrade_keeps_the_documents_of_existing_runs(database_url: str) -> None:
    engine = create_database_engine(database_url)
    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "0002")
        connection.execute(
            sa.text(
                "INSERT INTO experiments (name, description, created_at) VALUES ('old', '', :now)"
            ),
            {"now": utc_now()},
        )
        connection.execute(
            sa.text(
                "INSERT INTO runs (id, experiment_id, pipeline_name, document, parameters, "
                "status, metrics, created_at, updated_at) SELECT 'r1', id, 'p', :document, "
                ":parameters, 'completed', '{}', :now, :now FROM experiments"
            ),
            {"document": '{"nodes": [1, 2]}', "parameters": '{"k": 3}', "now": utc_now()},
        )
        connection.execute(
            sa.text(
                "INSERT INTO run_steps (run_id, node_id, component_id, status, cached, "
                "outputs, updated_at) VALUES ('r1', 'n', 'c', 'completed', false, '{}', :now)"
            ),
            {"now": utc_now()},
        )
    assert upgrade_schema(engine) == "0002"
    runs = RunRepository(sessionmaker(engine))
    run = runs.get("r1")
    assert (run.document, run.parameters, run.experiment) == ({"nodes": [1, 2]}, {"k": 3}, "old")
    assert [step.node_id for step in runs.steps("r1")] == ["n"]
    runs.delete("r1")
    with engine.connect() as connection:
        assert connection.execute(sa.text("SELECT count(*) FROM run_contents")).scalar() == 0
    engine.dispose()
