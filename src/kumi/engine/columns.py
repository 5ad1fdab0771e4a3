"""Column chunks: the columns of stored tables, each kept once in an artifact store.

A stored table lists its columns by digest; a column equal to one already stored (a column
a step passed through unchanged, or produced again) is not written again. Each chunk is an
uncompressed Arrow IPC file ``column.arrow`` under ``columns/<hh>/<digest>``, holding one
field named ``values``; the table's own schema gives the column its name and metadata.

The digest is xxh3-128 over the column's type, length, offset, null count and Arrow
buffers, read in place: hashing a column costs far less than writing it.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyarrow as pa
import xxhash

from kumi.core.contracts import ArtifactStore

CHUNK_PREFIX = "columns"
CHUNK_FILE = "column.arrow"
_FIELD = "values"


def column_digest(column: pa.ChunkedArray) -> str:
    """A digest of the column's content (equal columns built the same way agree)."""
    h = xxhash.xxh3_128()
    h.update(f"{column.type}\0{len(column)}\0{column.num_chunks}\0".encode())
    for chunk in column.chunks:
        _hash_array(h, chunk)
    return h.hexdigest()


def _hash_array(h: xxhash.xxh3_128, array: pa.Array) -> None:
    h.update(f"{array.offset}\0{len(array)}\0{array.null_count}\0".encode())
    if isinstance(array, pa.DictionaryArray):
        _hash_array(h, array.indices)
        _hash_array(h, array.dictionary)
        return
    for buffer in array.buffers():
        if buffer is None:
            h.update(b"\1")
        else:
            h.update(len(buffer).to_bytes(8, "little"))
            h.update(memoryview(buffer))


class ColumnStore:
    """Writes and reads column chunks in ``store``; new chunks are staged in ``scratch``."""

    def __init__(self, store: ArtifactStore, scratch: Path | None = None) -> None:
        self.store = store
        self.scratch = scratch

    @staticmethod
    def key(digest: str) -> str:
        return f"{CHUNK_PREFIX}/{digest[:2]}/{digest}"

    def put_all(self, columns: Sequence[pa.ChunkedArray]) -> list[str]:
        """Store each column (new ones written in parallel); return their digests in order."""
        digests = [column_digest(column) for column in columns]
        self.write(columns, digests)
        return digests

    def write(
        self,
        columns: Sequence[pa.ChunkedArray],
        digests: Sequence[str],
        *,
        threads: int | None = None,
    ) -> None:
        """Store the columns (with their digests) not stored yet, in up to ``threads``
        parallel threads (default: one per core; Arrow and file writes release the GIL)."""
        jobs = list(zip(columns, digests, strict=True))
        threads = min(len(jobs), threads or os.cpu_count() or 1)
        if threads <= 1:
            for column, digest in jobs:
                self._write_one(column, digest)
            return
        with ThreadPoolExecutor(threads, thread_name_prefix="kumi-columns") as pool:
            list(pool.map(lambda job: self._write_one(*job), jobs))

    def put(self, column: pa.ChunkedArray) -> str:
        """Store ``column`` unless an equal one is stored already; return its digest."""
        digest = column_digest(column)
        self._write_one(column, digest)
        return digest

    def _write_one(self, column: pa.ChunkedArray, digest: str) -> None:
        key = self.key(digest)
        if self.store.exists(key):
            return
        if self.scratch is not None:
            self.scratch.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix="column-", dir=self.scratch))
        try:
            schema = pa.schema([pa.field(_FIELD, column.type)])
            with (
                pa.OSFile(str(staging / CHUNK_FILE), "wb") as sink,
                pa.ipc.new_file(sink, schema) as writer,
            ):
                writer.write_table(pa.Table.from_arrays([column], schema=schema))
            self.store.put_dir(staging, key)
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    def get(self, digest: str) -> pa.ChunkedArray:
        """The stored column (memory-mapped where the store is local)."""
        path = self.store.get_dir(self.key(digest)) / CHUNK_FILE
        return pa.ipc.open_file(pa.memory_map(str(path))).read_all().column(0)
