"""kumi.core.readers: every supported format reads, every bad input names the file."""

from __future__ import annotations

import gzip
import http.server
import sqlite3
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import fsspec
import pandas as pd
import pytest

from kumi.core.errors import DataFormatError
from kumi.core.readers import database_url_of, detect_format, read_sql, read_table

FRAME = pd.DataFrame(
    {"age": [31, 45, 27], "city": ["Oslo", "Lima", float("nan")], "x": [1.5, 2.0, 3.25]}
)


def _problem(excinfo: pytest.ExceptionInfo[DataFormatError]) -> str:
    return str(excinfo.value.details["problem"])


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.csv", "csv"),
        ("dir/A.CSV.gz", "csv"),
        ("b.tsv", "tsv"),
        ("c.parquet", "parquet"),
        ("d.jsonl", "jsonl"),
        ("d.ndjson.bz2", "jsonl"),
        ("https://host/data/e.csv?sig=abc", "csv"),
    ],
)
def test_detect_format_from_extension(name: str, expected: str) -> None:
    assert detect_format(name) == expected


def test_detect_format_unknown_extension_names_the_file() -> None:
    with pytest.raises(DataFormatError, match=r"book\.xlsx"):
        detect_format("book.xlsx")


def test_read_csv_tsv_parquet_jsonl_round_trip(tmp_path: Path) -> None:
    FRAME.to_csv(tmp_path / "t.csv", index=False)
    FRAME.to_csv(tmp_path / "t.tsv", sep="\t", index=False)
    FRAME.to_parquet(tmp_path / "t.parquet")
    FRAME.to_json(tmp_path / "t.jsonl", orient="records", lines=True)
    for name in ("t.csv", "t.tsv", "t.parquet", "t.jsonl"):
        pd.testing.assert_frame_equal(read_table(tmp_path / name), FRAME, check_dtype=False)


def test_read_gzip_csv_and_explicit_format(tmp_path: Path) -> None:
    path = tmp_path / "t.csv.gz"
    path.write_bytes(gzip.compress(FRAME.to_csv(index=False).encode()))
    pd.testing.assert_frame_equal(read_table(path), FRAME)
    odd = tmp_path / "t.data"
    FRAME.to_csv(odd, index=False)
    pd.testing.assert_frame_equal(read_table(odd, file_format="csv"), FRAME)


def test_without_header_columns_are_numbered(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("1,a\n2,b\n")
    frame = read_table(path, has_header=False)
    assert list(frame.columns) == ["col1", "col2"]
    assert frame["col1"].tolist() == [1, 2]


def test_quoted_delimiters_and_newlines_are_not_ragged(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text('a,b\n"x,y",1\n"two\nlines",2\n')
    assert read_table(path)["a"].tolist() == ["x,y", "two\nlines"]


def test_explicit_encoding_reads_latin1(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes("name\nJosé\n".encode("latin-1"))
    assert read_table(path, encoding="latin-1")["name"].tolist() == ["José"]


def test_memory_url(tmp_path: Path) -> None:
    with fsspec.open("memory://readers/t.csv", "w") as handle:
        handle.write(FRAME.to_csv(index=False))
    pd.testing.assert_frame_equal(read_table("memory://readers/t.csv"), FRAME)


@pytest.fixture
def http_root(tmp_path: Path) -> Iterator[str]:
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_http_url_and_missing_http_url(tmp_path: Path, http_root: str) -> None:
    FRAME.to_csv(tmp_path / "t.csv", index=False)
    pd.testing.assert_frame_equal(read_table(f"{http_root}/t.csv"), FRAME)
    with pytest.raises(DataFormatError, match=r"missing\.csv") as excinfo:
        read_table(f"{http_root}/missing.csv")
    assert _problem(excinfo) == "not_found"


# -- bad input ------------------------------------------------------------------------------
def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DataFormatError, match=r"nope\.csv.*does not exist") as excinfo:
        read_table(tmp_path / "nope.csv")
    assert _problem(excinfo) == "not_found"


def test_folder_is_not_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "data.csv"
    folder.mkdir()
    with pytest.raises(DataFormatError, match="folder"):
        read_table(folder)


@pytest.mark.parametrize("content", [b"", b"  \n\n"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(content)
    with pytest.raises(DataFormatError, match=r"empty\.csv.*is empty") as excinfo:
        read_table(path)
    assert _problem(excinfo) == "empty"


@pytest.mark.parametrize(("body", "line"), [("a,b\n1,2\n3,4,5\n", 3), ("a,b,c\n1,2,3\n4,5\n", 3)])
def test_ragged_rows_name_the_line(tmp_path: Path, body: str, line: int) -> None:
    path = tmp_path / "ragged.csv"
    path.write_text(body)
    with pytest.raises(DataFormatError, match=rf"ragged\.csv.*line {line}") as excinfo:
        read_table(path)
    assert excinfo.value.details["line"] == line


def test_wrong_encoding_says_which_to_pass(tmp_path: Path) -> None:
    path = tmp_path / "latin.csv"
    path.write_bytes("name,n\nJosé,1\n".encode("cp1252"))
    with pytest.raises(DataFormatError, match=r"latin\.csv.*encoding='cp1252'") as excinfo:
        read_table(path)
    assert excinfo.value.details["suggested_encoding"] == "cp1252"


def test_utf16_file_suggests_utf16(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_bytes("a,b\n1,2\n".encode("utf-16"))
    with pytest.raises(DataFormatError, match="utf-16"):
        read_table(path)
    assert read_table(path, encoding="utf-16")["b"].tolist() == [2]


def test_unknown_encoding(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("a\n1\n")
    with pytest.raises(DataFormatError, match="klingon"):
        read_table(path, encoding="klingon")


@pytest.mark.parametrize(
    ("name", "body", "duplicates"),
    [
        ("dup.csv", "a,b,a,c,c\n1,2,3,4,5\n", ["a", "c"]),
        ("dup.jsonl", '{"a": 1, "a": 2}\n', ["a"]),
    ],
)
def test_duplicate_column_names_are_named(
    tmp_path: Path, name: str, body: str, duplicates: list[str]
) -> None:
    path = tmp_path / name
    path.write_text(body)
    with pytest.raises(DataFormatError, match=rf"{name}.*duplicate column names: 'a'") as excinfo:
        read_table(path)
    assert excinfo.value.details["columns"] == duplicates


def test_binary_garbage_is_not_a_table(tmp_path: Path) -> None:
    path = tmp_path / "image.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(DataFormatError, match=r"image\.csv.*binary") as excinfo:
        read_table(path)
    assert _problem(excinfo) == "not_a_table"


def test_csv_is_not_parquet(tmp_path: Path) -> None:
    path = tmp_path / "fake.parquet"
    path.write_text("a,b\n1,2\n")
    with pytest.raises(DataFormatError, match=r"fake\.parquet.*not a parquet table"):
        read_table(path)


def test_truncated_parquet(tmp_path: Path) -> None:
    path = tmp_path / "cut.parquet"
    FRAME.to_parquet(path)
    data = path.read_bytes()
    path.write_bytes(data[:12] + data[-8:])
    with pytest.raises(DataFormatError, match=r"cut\.parquet"):
        read_table(path)


@pytest.mark.parametrize(
    ("body", "line"),
    [('[{"a": 1},\n {"a": 2}]\n', 1), ('{"a": 1}\n[1, 2]\n', 2), ('{"a": 1}\n{"a": \n', 2)],
)
def test_json_that_is_not_json_lines(tmp_path: Path, body: str, line: int) -> None:
    path = tmp_path / "data.json"
    path.write_text(body)
    with pytest.raises(DataFormatError, match=rf"data\.json.*line {line}") as excinfo:
        read_table(path)
    assert _problem(excinfo) == "not_json_lines"


def test_unreachable_url() -> None:
    with pytest.raises(DataFormatError, match="nowhere"):
        read_table("memory://nowhere/t.csv")
    with pytest.raises(DataFormatError, match="unknownscheme"):
        read_table("unknownscheme://host/t.csv")


# -- SQL ------------------------------------------------------------------------------------
@pytest.fixture
def sqlite_db(tmp_path: Path) -> str:
    path = tmp_path / "shop.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE sales (id INTEGER, amount REAL, region TEXT)")
        connection.executemany(
            "INSERT INTO sales VALUES (?, ?, ?)", [(1, 9.5, "N"), (2, 3.0, "S"), (3, 4.5, "N")]
        )
    return f"sqlite:///{path}"


def test_read_sql(sqlite_db: str) -> None:
    frame = read_sql(sqlite_db, "SELECT region, SUM(amount) AS total FROM sales GROUP BY region")
    assert frame.to_dict("list") == {"region": ["N", "S"], "total": [14.0, 3.0]}


def test_bad_sql_names_the_database(sqlite_db: str) -> None:
    with pytest.raises(DataFormatError, match=r"shop\.db.*no such table") as excinfo:
        read_sql(sqlite_db, "SELECT * FROM nope")
    assert _problem(excinfo) == "sql_error"


def test_sql_duplicate_columns(sqlite_db: str) -> None:
    with pytest.raises(DataFormatError, match="duplicate column names: 'id'"):
        read_sql(sqlite_db, "SELECT id, id FROM sales")


def test_bad_database_urls(tmp_path: Path) -> None:
    with pytest.raises(DataFormatError, match="not a url"):
        read_sql("not a url", "SELECT 1")
    with pytest.raises(DataFormatError, match="nodialect"):
        read_sql("nodialect://host/db", "SELECT 1")
    missing = tmp_path / "missing.db"
    with pytest.raises(DataFormatError, match=r"missing\.db.*does not exist"):
        read_sql(f"sqlite:///{missing}", "SELECT 1")
    assert not missing.exists()


def test_unreachable_postgres_hides_password() -> None:
    with pytest.raises(DataFormatError) as excinfo:
        read_sql("postgresql://me:s3cret@127.0.0.1:1/db", "SELECT 1")
    assert "s3cret" not in excinfo.value.message
    assert "127.0.0.1" in excinfo.value.message


def test_postgres_urls_use_psycopg3() -> None:
    assert database_url_of("postgresql://u@h/db").drivername == "postgresql+psycopg"
    assert database_url_of("postgresql+psycopg://u@h/db").drivername == "postgresql+psycopg"
    assert database_url_of("sqlite:///x.db").drivername == "sqlite"
