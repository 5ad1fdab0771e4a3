"""Server-sent events read from the lines of a streamed answer."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Event:
    """One server-sent event: its name and its data text."""

    name: str
    data: str


def parse_events(lines: Iterable[str]) -> Iterator[Event]:
    """Events in the order they come; a blank line ends each one."""
    name, data = "message", list[str]()
    for line in lines:
        if not line:
            if data:
                yield Event(name, "\n".join(data))
            name, data = "message", []
            continue
        field, _, value = line.partition(":")
        value = value.removeprefix(" ")
        if field == "event":
            name = value
        elif field == "data":
            data.append(value)
    if data:
        yield Event(name, "\n".join(data))
