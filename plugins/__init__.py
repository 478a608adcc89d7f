"""Backend plugins: each receives the checked model and returns files."""
