"""The output row: one normalized time phrase of a deadline cell, and the kinds it can have.

For example "Quý IV/2020" gives ``Deadline("quarter", date(2020, 10, 1), date(2020, 12, 31),
"2020-Q4", "Quý IV/2020")``.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass


KINDS = ("date", "before", "month", "quarter", "half", "year", "range",
         "recurring", "relative", "by_reference", "unknown")


@dataclass(frozen=True)
class Deadline:
    """One normalized time phrase of a deadline cell."""

    kind: str            # one of KINDS
    start: datetime.date | None
    end: datetime.date | None
    value: str | None    # TIMEX3-style ("2025-10-31", "2020-Q4", "2021-H1", "2021", "2026-06")
    raw: str             # the phrase as printed (a substring of the whitespace-folded cell)
