"""`python -m kumi` runs the CLI."""

from kumi.cli import main

main()
