"""Text -> parse tree -> surface blocks."""
