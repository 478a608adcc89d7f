"""The result structure of the shared vocabulary (defined in the runtime)."""

from .runtime import SOURCE_ORDER, ItemResult, PaymentResult, Result

__all__ = ["SOURCE_ORDER", "ItemResult", "PaymentResult", "Result"]
