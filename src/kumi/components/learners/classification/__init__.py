"""Classification learners."""
