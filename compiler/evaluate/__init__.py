"""The reference evaluator: validates a profile and defines the meaning of every construct."""
