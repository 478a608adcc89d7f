"""The language server for policy files (``policyc lsp``)."""
