"""Fixtures for storage tests: a real throwaway PostgreSQL cluster and workspaces on both
SQLite and PostgreSQL.

The cluster is started once per session with ``initdb`` + ``pg_ctl`` from PATH (or
/usr/lib/postgresql/*/bin) in a temporary folder, listening only on a unix socket there.
As root (which initdb refuses) the binaries run as the existing unprivileged user
``postgres`` or ``nobody``. Tests needing it are skipped only when the binaries are absent.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlalchemy as sa

from kumi.storage import Workspace, create_database_engine, upgrade_schema

_UNPRIVILEGED_USERS = ("postgres", "nobody")


@pytest.fixture(autouse=True)
def _no_workspace_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests choose their own database and artifact locations."""
    for name in ("KUMI_DATABASE_URL", "KUMI_ARTIFACT_URI", "MLFLOW_TRACKING_URI"):
        monkeypatch.delenv(name, raising=False)


@dataclass(frozen=True)
class PostgresServer:
    socket_dir: Path
    port: int
    user: str = "kumi"

    def url(self, database: str) -> str:
        return f"postgresql://{self.user}@/{database}?host={self.socket_dir}&port={self.port}"


def _binary(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _runner() -> tuple[list[str], pwd.struct_passwd | None]:
    """How to run the server binaries: directly, or as an unprivileged user when root."""
    if os.geteuid() != 0:
        return [], None
    for name in _UNPRIVILEGED_USERS:
        try:
            account = pwd.getpwnam(name)
        except KeyError:
            continue
        return ["runuser", "-u", name, "--"], account
    pytest.skip("running as root and no unprivileged user (postgres/nobody) to run initdb")


def _run(command: list[str], cwd: Path) -> None:
    done = subprocess.run(command, check=False, capture_output=True, text=True, cwd=cwd)
    if done.returncode != 0:
        log = (cwd / "log").read_text() if (cwd / "log").exists() else ""
        pytest.fail(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}\n{log}")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    initdb, pg_ctl = _binary("initdb"), _binary("pg_ctl")
    if initdb is None or pg_ctl is None:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) are not installed")
    prefix, account = _runner()
    root = Path(tempfile.mkdtemp(prefix="kumi-pg-"))
    if account is not None:
        os.chown(root, account.pw_uid, account.pw_gid)
    data, port = root / "data", _free_port()
    initialise = [*prefix, initdb, "-D", str(data), "-U", "kumi", "--auth=trust", "-E", "UTF8"]
    options = f"-k {root} -p {port} -c listen_addresses='' -c fsync=off"
    start = [*prefix, pg_ctl, "-D", str(data), "-l", str(root / "log"), "-o", options]
    try:
        _run([*initialise, "--no-sync"], root)
        _run([*start, "-w", "-t", "60", "start"], root)
    except BaseException:
        shutil.rmtree(root, ignore_errors=True)
        raise
    try:
        yield PostgresServer(root, port)
    finally:
        stop = [*prefix, pg_ctl, "-D", str(data), "-m", "immediate", "-w", "stop"]
        subprocess.run(stop, check=False, capture_output=True, cwd=root)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> Iterator[str]:
    """A fresh, empty database on the throwaway cluster, dropped after the test."""
    name = f"kumi_{uuid.uuid4().hex[:12]}"
    admin = create_database_engine(postgres_server.url("postgres"))
    with admin.connect() as connection:
        connection.execution_options(isolation_level="AUTOCOMMIT")
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield postgres_server.url(name)
    finally:
        with admin.connect() as connection:
            connection.execution_options(isolation_level="AUTOCOMMIT")
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The metadata database of a test: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'meta.db'}"
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture
def bare_workspace(tmp_path: Path, database_url: str) -> Iterator[Workspace]:
    """A workspace with its schema but without the sample datasets (faster)."""
    engine = create_database_engine(database_url)
    upgrade_schema(engine)
    root = tmp_path / "ws"
    root.mkdir()
    workspace = Workspace(root, database_url, str(root / "artifacts"), engine)
    try:
        yield workspace
    finally:
        workspace.close()


def _files_under(root: Path) -> list[str]:
    if not root.exists():
        return []
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


@pytest.fixture
def stored_state() -> Callable[[Workspace], tuple[list[str], list[tuple[object, ...]]]]:
    """What a workspace holds: every artifact file (staging leftovers included) and every
    dataset row, to prove a failed operation changed nothing."""

    def state(workspace: Workspace) -> tuple[list[str], list[tuple[object, ...]]]:
        engine = create_database_engine(workspace.database_url)
        with engine.connect() as connection:
            rows = connection.execute(
                sa.text(
                    "SELECT d.name, v.version, v.content_hash, v.artifact_key FROM datasets d "
                    "LEFT JOIN dataset_versions v ON v.dataset_id = d.id "
                    "ORDER BY d.name, v.version"
                )
            ).all()
        engine.dispose()
        return _files_under(Path(workspace.artifact_uri)), [tuple(r) for r in rows]

    return state
