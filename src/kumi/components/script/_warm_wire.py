"""Framing of calls to a warm script process: an 8-byte length, then a pickle. Imports
nothing from kumi (the script process loads it as a plain module)."""

from __future__ import annotations

import pickle
import struct
from typing import IO, Any

_HEADER = struct.Struct("<Q")


def read_message(stream: IO[bytes]) -> Any:
    """One length-prefixed pickle from ``stream``; EOFError when it is closed."""
    header = stream.read(_HEADER.size)
    if len(header) < _HEADER.size:
        raise EOFError
    size = _HEADER.unpack(header)[0]
    data = stream.read(size)
    if len(data) < size:
        raise EOFError
    return pickle.loads(data)


def write_message(stream: IO[bytes], value: Any) -> None:
    """Send ``value`` as one length-prefixed pickle."""
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()
