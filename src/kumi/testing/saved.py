"""A loader of "stored" outputs over the standard examples (for tests without a store)."""

from __future__ import annotations

from kumi.core import NotFoundError, OutputRef
from kumi.testing.examples import example

EXAMPLE_KEY_PREFIX = "examples/"


class ExampleSavedValues:
    """Resolves ``OutputRef(key="examples/<name>", ...)`` to the standard example
    ``<name>``; any other key is not found."""

    def load(self, ref: OutputRef) -> object:
        if not ref.key.startswith(EXAMPLE_KEY_PREFIX):
            raise NotFoundError(
                f"Stored output '{ref.key}' not found; example keys look like "
                f"'{EXAMPLE_KEY_PREFIX}binary_trained_model'.",
                details={"key": ref.key},
            )
        return example(ref.key.removeprefix(EXAMPLE_KEY_PREFIX))
