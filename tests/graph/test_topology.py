"""Topological order and cycle finding."""

from __future__ import annotations

from kumi.graph import find_cycles, topological_order


def test_order_follows_links_and_keeps_document_order_for_ties():
    nodes = ["c", "a", "b", "d"]
    ordered, left = topological_order(nodes, [("a", "b"), ("b", "c")])
    assert ordered == ["a", "b", "c", "d"]  # a released node goes before later ones
    assert ordered.index("a") < ordered.index("b") < ordered.index("c")
    assert left == []
    assert topological_order(["x", "y", "z"], [])[0] == ["x", "y", "z"]


def test_every_disjoint_cycle_is_found_but_not_the_nodes_after_them():
    nodes = ["a", "b", "c", "after", "p", "q", "free"]
    links = [("a", "b"), ("b", "c"), ("c", "a"), ("c", "after"), ("p", "q"), ("q", "p")]
    ordered, left = topological_order(nodes, links)
    assert ordered == ["free"]
    assert set(left) == {"a", "b", "c", "after", "p", "q"}
    assert find_cycles(nodes, links) == [["a", "b", "c"], ["p", "q"]]


def test_no_cycles_in_a_dag():
    assert find_cycles(["a", "b"], [("a", "b")]) == []
