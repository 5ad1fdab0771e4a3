"""Data Transformation components."""
