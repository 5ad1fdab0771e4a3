"""Statistical Functions components."""
