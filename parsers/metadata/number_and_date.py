"""The document number ("Số: 226/KH-UBND") and the issue date ("Lâm Đồng, ngày 05 tháng 3 năm
2026", "31/12/2020") as printed, and their cleaned values; a draft leaves both blank, giving None."""
from __future__ import annotations

import datetime as dt

import regex

from parsers.references import normalize_number

# "Số: 226/KH-UBND", "Số:     /KH-UBND" (blank draft number), "Số: 329 /BC-UBND"
NUMBER_LINE = regex.compile(r"(?m)^\s*Số\s*:?\s*(?P<number>[\w\s./-]*?/\s*[\w.&Đđ-]+(?:-[\w.&Đđ]+)*)")
# "ngày 24 tháng 11 năm 2025"; the day and month may be left blank in a draft
DATE_WORDS = regex.compile(r"ngày\s*(?P<d>\d{1,2})?\s*tháng\s*(?P<m>\d{1,2})?\s*năm\s*(?P<y>\d{4})", regex.IGNORECASE)
DATE_SLASH = regex.compile(r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})")


def parse_date(text: str | None) -> dt.date | None:
    """'Hà Nội, ngày 24 tháng 11 năm 2025' or '31/12/2020' -> date; a blank day or an impossible date -> None.

    >>> parse_date("Lâm Đồng, ngày    tháng 3 năm 2026") is None
    True
    """
    if not text:
        return None
    m = DATE_WORDS.search(text) or DATE_SLASH.search(text)
    if not m or not m["d"] or not m["m"]:
        return None
    try:
        return dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None


def clean_number(raw: str | None) -> str | None:
    """'329 /BC-UBND' -> '329/BC-UBND'; '   /KH-UBND' (blank draft number) -> None."""
    if not raw:
        return None
    number = normalize_number(regex.sub(r"\s+", "", raw))
    return number if regex.match(r"^\w", number) and "/" in number else None
