"""The built-in module library, one component per file, grouped by palette category."""
