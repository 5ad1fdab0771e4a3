"""Model Training components."""
