"""Loading stored step outputs by reference, for components that freeze them."""

from __future__ import annotations

from kumi.core.contracts import ArtifactStore, OutputRef
from kumi.core.errors import NotFoundError
from kumi.engine.codecs import load_output


class StoreValueLoader:
    """A :class:`~kumi.core.contracts.SavedValueLoader` over an artifact store
    (picklable: it travels to worker processes with the store)."""

    def __init__(self, store: ArtifactStore) -> None:
        self.store = store

    def load(self, ref: OutputRef) -> object:
        """The stored value; NotFoundError naming the key when it is gone."""
        if not self.store.exists(ref.key):
            raise NotFoundError(
                f"Saved output '{ref.key}' is no longer in the artifact store; derive the "
                "pipeline again from a run whose outputs are kept.",
                details={"key": ref.key, "content_hash": ref.content_hash},
            )
        return load_output(self.store, ref)
