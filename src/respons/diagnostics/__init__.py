"""Diagnostics: what respons says about an input — the one `Diagnostic` type, the catalogue
of codes with their severities and explanations, "did you mean", and the renderers (text,
JSON, GitHub annotations, SARIF). Every layer reports through it, so it imports nothing of
respons but the model's spans and the terminal's escaping."""
