"""Scoring: the real-time runtime of deployed inference pipelines."""
