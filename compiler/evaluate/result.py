"""The result of one calculation, with exactly the structure fixed in the shared vocabulary."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .money import fmt

SOURCE_ORDER = ("central", "province", "city", "county", "unspecified")


def ordered(funding: dict[str, Decimal]) -> dict[str, str]:
    return {k: fmt(funding[k]) or "0.00" for k in SOURCE_ORDER if k in funding}


@dataclass(frozen=True)
class ItemResult:
    id: str
    article: str
    title: str
    min: Decimal | None  # None: undetermined
    max: Decimal | None
    funding: dict[str, Decimal]
    trace: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article": self.article,
            "title": self.title,
            "min": fmt(self.min),
            "max": fmt(self.max),
            "funding": ordered(self.funding),
            "trace": list(self.trace),
        }


@dataclass(frozen=True)
class PaymentResult:
    article: str
    stage: str
    min: Decimal | None
    max: Decimal | None

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "stage": self.stage, "min": fmt(self.min),
                "max": fmt(self.max)}


@dataclass(frozen=True)
class Result:
    policy: str
    as_of: dt.date
    in_force: bool
    excluded: bool
    exclusions: tuple[str, ...]
    items: tuple[ItemResult, ...]
    total_min: Decimal
    total_max: Decimal | None
    funding: dict[str, Decimal]
    payments: tuple[PaymentResult, ...]
    notes: tuple[str, ...] = field(default=())  # validity and exclusion reasons, for text output

    def to_dict(self) -> dict[str, Any]:
        return {
            "policy": self.policy,
            "as_of": self.as_of.isoformat(),
            "in_force": self.in_force,
            "excluded": self.excluded,
            "exclusions": list(self.exclusions),
            "items": [i.to_dict() for i in self.items],
            "total": {"min": fmt(self.total_min), "max": fmt(self.total_max)},
            "funding": ordered(self.funding),
            "payments": [p.to_dict() for p in self.payments],
        }

    def item(self, item_id: str) -> ItemResult | None:
        return next((i for i in self.items if i.id == item_id), None)
