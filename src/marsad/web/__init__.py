"""The analyst web UI: built assets live in static/ (source and build script under web/ at the repo root)."""
