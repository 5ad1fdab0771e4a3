"""Anomaly detection learners."""
