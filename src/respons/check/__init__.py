"""Checking regimes: diagnostics, their codes and renderers, and the semantic rules."""
