"""Opening a DuckDB file from several threads at once, as concurrent studio requests do."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import duckdb
import pytest

from kumi.core.errors import InvalidInputError
from kumi.scoring.sql.duckdb_connection import connected


def test_threads_opening_and_closing_one_file_do_not_collide(tmp_path: Path) -> None:
    path = tmp_path / "shop.duckdb"
    with duckdb.connect(str(path)) as setup:
        setup.execute("CREATE TABLE t AS SELECT 1 AS a")

    def read_many(_: int) -> int:
        total = 0
        for _ in range(300):
            with connected(path) as connection:
                row = connection.execute("SELECT a FROM t").fetchone()
                assert row is not None
                total += row[0]
        return total

    with ThreadPoolExecutor(max_workers=6) as pool:
        totals = list(pool.map(read_many, range(6)))
    assert totals == [300] * 6


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.duckdb"
    path.write_text("not a database")
    with pytest.raises(InvalidInputError, match="Cannot open the DuckDB database"):
        with connected(path):
            pass
