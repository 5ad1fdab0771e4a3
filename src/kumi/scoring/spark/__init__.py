"""Scoring and training on Apache Spark (the optional ``kumi[spark]`` extra)."""
