"""The `kumi` command line."""

from kumi.cli.app import app


def main() -> None:
    """Entry point of the `kumi` script."""
    app()


__all__ = ["app", "main"]
