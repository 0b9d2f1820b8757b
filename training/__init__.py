"""Synthetic and hand-written training data for the relation classifier (issue 3)."""
