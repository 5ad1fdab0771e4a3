"""Model Evaluation components."""
