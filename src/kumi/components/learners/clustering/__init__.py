"""Clustering learners."""
