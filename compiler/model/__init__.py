"""The typed model of a policy: frozen dataclasses, each node with its span and article."""
