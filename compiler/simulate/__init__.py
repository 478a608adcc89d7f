"""Population simulation: synthetic applicant populations and budget figures in DuckDB."""
