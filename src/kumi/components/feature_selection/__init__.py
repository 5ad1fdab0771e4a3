"""Feature Selection components."""
