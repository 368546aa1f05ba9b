"""Photos: re-encoded small, without metadata, cached by content between builds (docs/content.md)."""
