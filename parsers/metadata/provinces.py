"""Provinces and centrally-run cities (parsers/data/provinces.yaml): which one a text names, and
whether it is a "tỉnh" or a "thành phố" ("Hà Nội" -> "thành phố", "Lâm Đồng" -> "tỉnh")."""
from __future__ import annotations

from functools import cache

import regex

from parsers.vocab import load


@cache
def _provinces() -> list[tuple[regex.Pattern, str, str]]:
    out = []
    for p in load("provinces")["provinces"]:
        names = [p["name"], *p.get("aliases", [])]
        alternatives = "|".join(regex.escape(n).replace(r"\ ", r"\s+").replace(r"\-", r"\s*[-–]\s*") for n in sorted(names, key=len, reverse=True))
        out.append((regex.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", regex.IGNORECASE), p["name"], p["kind"]))
    return out


def find_province(text: str | None) -> str | None:
    """The first province or centrally-run city named after "tỉnh"/"thành phố" (else anywhere).

    >>> find_province("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG")
    'Lâm Đồng'
    >>> find_province("tỉnh Thừa Thiên Huế") , find_province("Sở Nội vụ") is None
    ('Thừa Thiên Huế', True)
    """
    if not text:
        return None
    hits = []
    for pattern, name, _kind in _provinces():
        for m in pattern.finditer(text):
            hits.append((m.start(), -(m.end() - m.start()), name))
    return min(hits)[2] if hits else None


def province_kind(name: str) -> str:
    """'Lâm Đồng' -> 'tỉnh', 'Hà Nội' -> 'thành phố': the word before the name in a body's name."""
    return next(kind for _p, n, kind in _provinces() if n == name)
