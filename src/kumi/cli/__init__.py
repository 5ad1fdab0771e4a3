"""The `kumi` command line."""

import logging

from kumi.cli.app import app


def main() -> None:
    """Entry point of the `kumi` script."""
    logging.getLogger("mlflow").setLevel(logging.WARNING)
    app()


__all__ = ["app", "main"]
