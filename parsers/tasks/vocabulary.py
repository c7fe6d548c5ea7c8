"""Header words of task tables (parsers/data/task_table.yaml): which role a header cell names,
and the "Nội dung:" prefix a group title may carry."""
from __future__ import annotations

from functools import cache

import regex

from parsers.textutil import fold
from parsers.vocab import load


@cache
def _vocab():
    data = load("task_table")
    phrases = []
    for role, entry in data["roles"].items():
        for phrase in entry["phrases"]:
            pattern = regex.escape(phrase.casefold()).replace(r"\ ", r"\s*")
            phrases.append((len(phrase), role, regex.compile(rf"(?<!\w){pattern}(?!\w)")))
    phrases.sort(key=lambda p: -p[0])
    return phrases


@cache
def group_title_prefix() -> regex.Pattern:
    """'Nội dung: ' in front of a group title (parsers/data/task_table.yaml)."""
    return regex.compile(load("task_table")["group_title_prefix"]["pattern"], regex.IGNORECASE)


def header_role(text: str | None) -> str | None:
    """The role a header cell names: the role of the longest vocabulary phrase it contains.

    >>> header_role("Kết quả thực hiện"), header_role("Thời gian (Năm 2026)"), header_role("Ghi chú")
    ('output', 'deadline', None)
    """
    key = (fold(text) or "").casefold()
    if not key or len(key) > 80:
        return None
    for _length, role, pattern in _vocab():
        if pattern.search(key):
            return role
    return None
