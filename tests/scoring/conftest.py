"""Fixtures shared with the tracking tests: the penguins table and its fitted steps."""

from tests.tracking.conftest import fitted_steps, penguins

__all__ = ["fitted_steps", "penguins"]
