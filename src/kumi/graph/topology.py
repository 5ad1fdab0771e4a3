"""Graph order: topological sort (stable in document order) and cycle finding."""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def predecessors(nodes: Sequence[str], links: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """``{node: [upstream nodes]}`` for ``(source, target)`` links between known nodes."""
    known = set(nodes)
    preds: dict[str, list[str]] = {n: [] for n in nodes}
    for source, target in links:
        if source in known and target in known and source not in preds[target]:
            preds[target].append(source)
    return preds


def topological_order(
    nodes: Sequence[str], links: Iterable[tuple[str, str]]
) -> tuple[list[str], list[str]]:
    """``(ordered, left_over)``: nodes in dependency order (ties keep document order)
    and the nodes that could not be ordered because they lie on or after a cycle."""
    preds = predecessors(nodes, links)
    succs: dict[str, list[str]] = {n: [] for n in nodes}
    for node, ups in preds.items():
        for up in ups:
            succs[up].append(node)
    waiting = {n: len(preds[n]) for n in nodes}
    position = {n: i for i, n in enumerate(nodes)}
    ready = sorted((n for n in nodes if waiting[n] == 0), key=position.__getitem__)
    ordered: list[str] = []
    while ready:
        node = ready.pop(0)
        ordered.append(node)
        released = []
        for down in succs[node]:
            waiting[down] -= 1
            if waiting[down] == 0:
                released.append(down)
        ready = sorted([*ready, *released], key=position.__getitem__)
    done = set(ordered)
    return ordered, [n for n in nodes if n not in done]


def find_cycles(nodes: Sequence[str], links: Iterable[tuple[str, str]]) -> list[list[str]]:
    """Each distinct cycle as its nodes in flow order (``[a, b, c]`` for a→b→c→a),
    starting with the one written first in ``nodes``."""
    links = list(links)
    _, left_over = topological_order(nodes, links)
    remaining = set(left_over)
    preds = {
        n: [p for p in ups if p in remaining]
        for n, ups in predecessors(nodes, links).items()
        if n in remaining
    }
    seen: set[str] = set()
    cycles: list[list[str]] = []
    for start in left_over:
        path: list[str] = []
        index: dict[str, int] = {}
        node = start
        while node not in index and node not in seen:
            index[node] = len(path)
            path.append(node)
            node = preds[node][0]
        if node in index:
            cycle = list(reversed(path[index[node] :]))
            first = cycle.index(min(cycle, key=nodes.index))
            cycles.append(cycle[first:] + cycle[:first])
        seen.update(path)
    return cycles
