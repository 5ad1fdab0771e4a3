"""Content-addressed cache keys and the explained decision to reuse or re-run a step.

A key is a sha256 over the component id and version, the canonical JSON of the step's
params, the content hashes of its inputs (by port) and the component's fingerprint (facts
read from outside the inputs, such as a file's modification time).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass

from kumi.core.contracts import ArtifactStore, CacheEntry, CacheIndex
from kumi.core.params import Params

KEY_FORMAT = "kumi-step-cache/1"


def canonical_params(params: Params) -> str:
    """The params as canonical JSON (sorted keys, no spaces)."""
    return json.dumps(
        params.model_dump(mode="json"), sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )


def cache_key(
    component_id: str,
    component_version: str,
    params: Params,
    input_hashes: Mapping[str, str],
    fingerprint: str | None,
) -> str:
    """The step's cache key (hex sha256)."""
    material = {
        "format": KEY_FORMAT,
        "component": component_id,
        "version": component_version,
        "params": canonical_params(params),
        "inputs": dict(sorted(input_hashes.items())),
        "fingerprint": fingerprint,
    }
    return hashlib.sha256(json.dumps(material, sort_keys=True).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class CacheDecision:
    """Whether a step's stored outputs are reused, and why (shown to users)."""

    reuse: bool
    reason: str
    entry: CacheEntry | None = None


def decide(
    key: str,
    *,
    cache: CacheIndex,
    store: ArtifactStore,
    cacheable: bool,
    regenerate: bool,
) -> CacheDecision:
    """Reuse only a cached result whose every output artifact still exists."""
    if not cacheable:
        return CacheDecision(False, "re-run: component is not cacheable")
    if regenerate:
        return CacheDecision(False, "re-run: regenerate_output set")
    entry = cache.get(key)
    if entry is None:
        return CacheDecision(False, "re-run: no cached result for these inputs")
    source = f"run {entry.source_run_id} step {entry.source_node_id}"
    if not all(store.exists(ref.key) for ref in entry.outputs.values()):
        return CacheDecision(False, f"re-run: cached outputs of {source} are no longer stored")
    return CacheDecision(
        True, f"reused: same component version, params and inputs as {source}", entry
    )
