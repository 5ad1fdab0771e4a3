"""Model Scoring components."""
