"""Data Input and Output components, and the registered-dataset component."""
