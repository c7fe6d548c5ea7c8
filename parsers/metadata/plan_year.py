"""The plan's year and, for a multi-year plan, its period, read from the title."""
from __future__ import annotations

import regex

YEAR = regex.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
# "giai đoạn 2026 - 2030", "2021-2025": a plan that covers several years
PERIOD = regex.compile(r"(?<!\d)(?P<a>(?:19|20)\d{2})\s*[-–—]\s*(?P<b>(?:19|20)\d{2})(?!\d)")


def plan_year_and_period(title: str | None, issue_year: int | None) -> tuple[int | None, tuple[int, int] | None]:
    """The plan's year: the first year in the title, else the issue year; the period if the title spans years.

    >>> plan_year_and_period("Cải cách hành chính giai đoạn 2026 - 2030", 2026)
    (2026, (2026, 2030))
    >>> plan_year_and_period("Kế hoạch tuyên truyền", 2025)
    (2025, None)
    """
    period = None
    if title and (m := PERIOD.search(title)):
        period = (int(m["a"]), int(m["b"]))
    if title and (m := YEAR.search(title)):
        return int(m.group(0)), period
    return issue_year, period
