"""kumi: a self-hosted machine-learning studio."""

__version__ = "0.1.0"

__all__ = ["__version__"]
