"""Python Language components."""
