"""Reading the published source texts."""
