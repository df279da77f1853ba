"""Cross-cutting infrastructure (auth, settings)."""
