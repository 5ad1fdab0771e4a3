"""Regression learners."""
