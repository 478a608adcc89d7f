"""Checks over the model: names, types and units (typecheck), fidelity to the source (quotes)."""
