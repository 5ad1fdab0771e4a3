"""Reading user tables (CSV, TSV, Parquet, JSON lines, SQL queries) with clear errors.

Every failure is a :class:`~kumi.core.errors.DataFormatError` that names the file (or the
database) and says how to fix the input; ``details`` carries ``source`` and ``problem``.
Local paths and any fsspec URL (``http(s)://``, ``s3://``, ``memory://`` ...) are accepted;
``.gz``/``.bz2``/``.xz``/``.zst`` compression is inferred from the name.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Collection
from pathlib import Path
from typing import Any, Final

import fsspec
import numpy as np
import pandas as pd
import pyarrow as pa
import sqlalchemy as sa
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

from kumi.core.errors import DataFormatError

FORMATS: Final = ("csv", "tsv", "parquet", "jsonl")
_EXTENSIONS: Final = {
    ".csv": "csv",
    ".txt": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
}
_COMPRESSIONS: Final = (".gz", ".bz2", ".xz", ".zst")
_SNIFF_BYTES: Final = 8192
_PARQUET_MAGIC: Final = b"PAR1"


def detect_format(source: str | Path) -> str:
    """The table format of ``source`` from its extension: "csv", "tsv", "parquet" or "jsonl"
    (a compression suffix such as ``.gz`` is looked through)."""
    name = str(source).split("?", 1)[0].split("#", 1)[0].rstrip("/").lower()
    for suffix in _COMPRESSIONS:
        name = name.removesuffix(suffix)
    file_format = _EXTENSIONS.get(Path(name).suffix)
    if file_format is None:
        raise DataFormatError(
            f"Cannot tell the format of '{source}' from its extension. Name the file "
            "*.csv, *.tsv, *.parquet or *.jsonl, or pass file_format="
            "'csv' | 'tsv' | 'parquet' | 'jsonl'.",
            details={"source": str(source), "problem": "unknown_format"},
        )
    return file_format


def read_table(
    source: str | Path,
    *,
    file_format: str = "auto",
    encoding: str = "utf-8",
    has_header: bool = True,
    text_columns: Collection[str] = (),
) -> pd.DataFrame:
    """Read a table from a local path or fsspec URL. Without a header row the columns are
    named ``col1 .. colN``. ``text_columns`` of a CSV/TSV file are read as text as written
    (leading zeros kept). Raises DataFormatError naming ``source`` on any bad input."""
    resolved = detect_format(source) if file_format == "auto" else file_format
    if resolved not in FORMATS:
        raise DataFormatError(
            f"Unknown file_format '{file_format}' for '{source}'. Use one of: auto, "
            f"{', '.join(FORMATS)}.",
            details={"source": str(source), "problem": "unknown_format"},
        )
    data = _read_bytes(source)
    _check_content(data, source, resolved, encoding)
    if resolved == "parquet":
        frame = _parse_parquet(data, source)
    elif resolved == "jsonl":
        frame = _parse_jsonl(_decode(data, source, encoding), source)
    else:
        delimiter = "\t" if resolved == "tsv" else ","
        frame = _parse_delimited(
            data, source, delimiter, encoding, has_header, text_columns=text_columns
        )
    _check_unique_columns(frame.columns, source)
    return _missing_as_nan(frame)


def read_sql(database_url: str, query: str) -> pd.DataFrame:
    """Run ``query`` on the database at ``database_url`` (a SQLAlchemy URL; ``postgresql://``
    uses psycopg 3) and return the result. Bad URLs and bad SQL raise DataFormatError."""
    url = database_url_of(database_url)
    shown = url.render_as_string(hide_password=True)
    if not query.strip():
        raise DataFormatError(
            f"The SQL query for '{shown}' is empty. Pass a SELECT statement.",
            details={"source": shown, "problem": "empty_query"},
        )
    _require_sqlite_file(url, shown)
    try:
        engine = sa.create_engine(url)
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:
        raise _bad_database_url(shown, exc) from exc
    try:
        with engine.connect() as connection:
            frame = pd.read_sql_query(sa.text(query), connection)
    except SQLAlchemyError as exc:
        raise DataFormatError(
            f"The SQL query on '{shown}' failed: {_first_line(exc)}. Check the query, the "
            "table and column names, and that the database is reachable.",
            details={"source": shown, "problem": "sql_error", "query": query},
        ) from exc
    finally:
        engine.dispose()
    _check_unique_columns(frame.columns, shown)
    return _missing_as_nan(frame)


def database_url_of(database_url: str) -> URL:
    """Parse a SQLAlchemy URL, choosing the psycopg 3 driver for bare ``postgresql://``."""
    try:
        url = make_url(database_url)
    except ArgumentError as exc:
        raise _bad_database_url(database_url.rsplit("@", maxsplit=1)[-1], exc) from exc
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url


def _require_sqlite_file(url: URL, shown: str) -> None:
    """Refuse a SQLite URL naming a missing file (SQLAlchemy would create an empty one)."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return
    if not url.database.startswith("file:") and not Path(url.database).exists():
        raise DataFormatError(
            f"SQLite database file '{url.database}' does not exist. Check the path in "
            f"'{shown}' (sqlite:///relative.db or sqlite:////absolute/path.db).",
            details={"source": shown, "problem": "not_found"},
        )


# -- reading bytes -----------------------------------------------------------------------
def _read_bytes(source: str | Path) -> bytes:
    text = str(source)
    if "://" not in text:
        path = Path(text).expanduser()
        if not path.exists():
            raise DataFormatError(
                f"File '{source}' does not exist. Check the path (relative paths start at "
                f"'{Path.cwd()}').",
                details={"source": text, "problem": "not_found"},
            )
        if path.is_dir():
            raise DataFormatError(
                f"'{source}' is a folder, not a file. Pass the path of one table file.",
                details={"source": text, "problem": "is_directory"},
            )
        text = str(path)
    try:
        with fsspec.open(text, mode="rb", compression="infer") as handle:
            data: bytes = handle.read()
    except FileNotFoundError as exc:
        raise DataFormatError(
            f"'{source}' does not exist or cannot be reached. Check the URL.",
            details={"source": str(source), "problem": "not_found"},
        ) from exc
    except (OSError, ValueError, ImportError, EOFError) as exc:
        raise DataFormatError(
            f"Could not read '{source}': {_first_line(exc)}. Check the URL (scheme, host, "
            "credentials) or the file's compression.",
            details={"source": str(source), "problem": "unreadable"},
        ) from exc
    except Exception as exc:  # network clients raise their own error types
        raise DataFormatError(
            f"Could not download '{source}': {type(exc).__name__}: {_first_line(exc)}. "
            "Check the URL and that the server is reachable.",
            details={"source": str(source), "problem": "unreadable"},
        ) from exc
    return data


def _check_content(data: bytes, source: str | Path, file_format: str, encoding: str) -> None:
    if not data.strip():
        raise DataFormatError(
            f"File '{source}' is empty. Export the table again with a header row and data rows.",
            details={"source": str(source), "problem": "empty"},
        )
    head = data[:_SNIFF_BYTES]
    if file_format == "parquet":
        if not (head.startswith(_PARQUET_MAGIC) and data.endswith(_PARQUET_MAGIC)):
            raise _not_a_table(source, file_format, "it does not start and end with PAR1")
        return
    if head.startswith(_PARQUET_MAGIC):
        raise _not_a_table(source, file_format, "it is a Parquet file; pass file_format='parquet'")
    utf16 = head.startswith((b"\xff\xfe", b"\xfe\xff")) or "16" in encoding or "32" in encoding
    if b"\x00" in head and not utf16:
        raise _not_a_table(source, file_format, "it holds binary data, not text")


def _decode(data: bytes, source: str | Path, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except LookupError as exc:
        raise DataFormatError(
            f"Unknown encoding '{encoding}' for '{source}'. Use e.g. 'utf-8', 'latin-1', "
            "'cp1252' or 'utf-16'.",
            details={"source": str(source), "problem": "unknown_encoding", "encoding": encoding},
        ) from exc
    except UnicodeDecodeError as exc:
        raise _wrong_encoding(data, source, encoding, exc) from exc


def _wrong_encoding(
    data: bytes, source: str | Path, encoding: str, exc: UnicodeDecodeError
) -> DataFormatError:
    suggestion = _guess_encoding(data, encoding)
    return DataFormatError(
        f"File '{source}' is not valid {encoding} text (byte {exc.start}: "
        f"{data[exc.start : exc.start + 1]!r}). It looks like {suggestion}; pass "
        f"encoding='{suggestion}'.",
        details={
            "source": str(source),
            "problem": "wrong_encoding",
            "encoding": encoding,
            "suggested_encoding": suggestion,
            "byte_offset": exc.start,
        },
    )


def _guess_encoding(data: bytes, tried: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    candidates = [c for c in ("utf-8", "cp1252") if c.replace("-", "") != tried.replace("-", "")]
    for candidate in candidates:
        try:
            data.decode(candidate)
        except UnicodeDecodeError:
            continue
        return candidate
    return "latin-1"


# -- parsing ------------------------------------------------------------------------------
def _parse_delimited(
    data: bytes,
    source: str | Path,
    delimiter: str,
    encoding: str,
    has_header: bool,
    *,
    text_columns: Collection[str] = (),
) -> pd.DataFrame:
    text = _decode(data, source, encoding)
    _check_rectangular(text, source, delimiter, has_header)
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            sep=delimiter,
            header=0 if has_header else None,
            skipinitialspace=False,
            dtype={name: str for name in text_columns} if has_header else None,
        )
    except pd.errors.EmptyDataError as exc:
        raise DataFormatError(
            f"File '{source}' has no columns. Export the table again with a header row.",
            details={"source": str(source), "problem": "empty"},
        ) from exc
    except (pd.errors.ParserError, ValueError) as exc:
        kind = "tab" if delimiter == "\t" else "comma"
        raise DataFormatError(
            f"File '{source}' is not a well-formed {kind}-separated table: "
            f"{_first_line(exc)}. Every row must have as many fields as the header; quote "
            "fields that contain the delimiter.",
            details={"source": str(source), "problem": "malformed"},
        ) from exc
    if not has_header:
        frame.columns = [f"col{i + 1}" for i in range(frame.shape[1])]
    return frame


def _check_rectangular(text: str, source: str | Path, delimiter: str, has_header: bool) -> None:
    """Every record has as many fields as the first one; header names are unique."""
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        records = (r for r in reader if r)
        first = next(records, None)
        if first is None:
            return
        if has_header:
            _check_unique_columns(first, source)
        for record in records:
            if len(record) != len(first):
                raise _ragged(source, reader.line_num, len(record), len(first), has_header)
    except csv.Error as exc:
        raise DataFormatError(
            f"File '{source}' is not a well-formed delimited table near line "
            f"{reader.line_num}: {exc}. Check the quoting of that line.",
            details={"source": str(source), "problem": "malformed", "line": reader.line_num},
        ) from exc


def _ragged(
    source: str | Path, line: int, fields: int, expected: int, has_header: bool
) -> DataFormatError:
    first = "the header" if has_header else "the first row"
    return DataFormatError(
        f"File '{source}' is malformed: line {line} has {fields} fields but {first} has "
        f"{expected}. Make every row have {expected} fields (quote values that contain the "
        "delimiter), or pick the right format (csv or tsv).",
        details={
            "source": str(source),
            "problem": "ragged_rows",
            "line": line,
            "fields": fields,
            "expected_fields": expected,
        },
    )


def _parse_parquet(data: bytes, source: str | Path) -> pd.DataFrame:
    try:
        return pd.read_parquet(io.BytesIO(data))
    except (pa.ArrowException, OSError, ValueError) as exc:
        raise _not_a_table(source, "parquet", _first_line(exc)) from exc


def _parse_jsonl(text: str, source: str | Path) -> pd.DataFrame:
    records: list[dict[str, Any]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line, object_pairs_hook=_unique_keys)
        except json.JSONDecodeError as exc:
            raise _bad_json_line(source, number, f"it is not valid JSON ({exc.msg})") from exc
        except _DuplicateKeyError as exc:
            raise _duplicate_columns(source, exc.names) from exc
        if not isinstance(record, dict):
            kind = type(record).__name__
            raise _bad_json_line(source, number, f"it is a JSON {kind}, not an object")
        records.append(record)
    return pd.DataFrame.from_records(records)


def _missing_as_nan(frame: pd.DataFrame) -> pd.DataFrame:
    """Missing values in text columns are NaN whatever the format (JSON/SQL null, Arrow null)."""
    for name in frame.select_dtypes(include="object").columns:
        frame[name] = frame[name].where(frame[name].notna(), np.nan)
    return frame


class _DuplicateKeyError(ValueError):
    def __init__(self, names: list[str]) -> None:
        super().__init__(", ".join(names))
        self.names = names


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    duplicates = [k for k, n in Counter(k for k, _ in pairs).items() if n > 1]
    if duplicates:
        raise _DuplicateKeyError(duplicates)
    return dict(pairs)


# -- errors -------------------------------------------------------------------------------
def _check_unique_columns(columns: Any, source: str | Path) -> None:
    duplicates = [str(c) for c, n in Counter(str(c) for c in columns).items() if n > 1]
    if duplicates:
        raise _duplicate_columns(source, duplicates)


def _duplicate_columns(source: str | Path, names: list[str]) -> DataFormatError:
    quoted = ", ".join(f"'{n}'" for n in names)
    return DataFormatError(
        f"'{source}' has duplicate column names: {quoted}. Rename the columns so that each "
        "name appears once.",
        details={"source": str(source), "problem": "duplicate_columns", "columns": names},
    )


def _bad_json_line(source: str | Path, number: int, why: str) -> DataFormatError:
    return DataFormatError(
        f"'{source}' is not JSON lines: line {number} is not one JSON object per line "
        f'({why}). Write one object such as {{"a": 1, "b": "x"}} per line.',
        details={"source": str(source), "problem": "not_json_lines", "line": number},
    )


def _not_a_table(source: str | Path, file_format: str, why: str) -> DataFormatError:
    return DataFormatError(
        f"'{source}' is not a {file_format} table: {why}. Check that the file is the table "
        "you meant, or pass the right file_format.",
        details={"source": str(source), "problem": "not_a_table", "file_format": file_format},
    )


def _bad_database_url(shown: str, exc: Exception) -> DataFormatError:
    return DataFormatError(
        f"Cannot connect with database URL '{shown}': {_first_line(exc)}. Use a SQLAlchemy "
        "URL such as 'sqlite:///path/to/file.db' or 'postgresql://user:pw@host/db', and "
        "install the driver it names.",
        details={"source": shown, "problem": "bad_database_url"},
    )


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0].rstrip(".")
