"""The issue date printed right after a number: "... 108/2014/NĐ-CP ngày 20/11/2014".

``date_after(text, pos)`` reads "ngày 20/11/2014" or "ngày 20 tháng 11 năm 2014" starting at
``pos`` (a comma, a doubled "ngày", a line break or a page-number line may come first) and
gives ``(datetime.date(2014, 11, 20), end offset)``, or ``(None, pos)`` when no valid date follows.
"""
from __future__ import annotations

import datetime

import regex

# Whitespace, where a page break in extracted PDF text may also leave a line holding only the
# page number ("ngày⏎19⏎22/8/2025"). A digit can only be eaten by the page-line branch, so the
# repetition stays linear (no form feed or newline can be split two ways that both go on).
_GAP = r"(?: \s | \n [ \t]* \d{1,3} [ \t]* (?=\n) )*"
_DATE_AFTER = regex.compile(
    rf"""
    \G
    [ \t\u00a0]*+ [,(]? {_GAP}
    (?i:ngày) (?: \s+ (?i:ngày) )?          # "ngày ngày 13/8/2020" (typo) reads once
    {_GAP}
    (?:
        (?P<day>\d{{1,2}}) \s? (?P<sep>[/.\-]) \s? (?P<month>\d{{1,2}}) \s? (?P=sep) \s? (?P<year>\d{{4}})
      |
        (?P<day>\d{{1,2}}) \s+ (?i:tháng) \s+ (?P<month>\d{{1,2}}) \s* ,? \s* (?i:năm) \s+ (?P<year>\d{{4}})
    )
    # the year takes four digits: a footnote marker glued on ("năm 20257") is left out
    """,
    regex.VERBOSE,
)


_LOOKAHEAD = 300  # characters searched for "ngày ..." after a number


def date_after(text: str, pos: int) -> tuple[datetime.date | None, int]:
    """(date, end offset) of "ngày ..." starting at ``pos``, or (None, pos)."""
    # bounded, so that a long text with many numbers stays linear; a date is never far away
    match = _DATE_AFTER.match(text, pos, min(len(text), pos + _LOOKAHEAD))
    if not match:
        return None, pos
    try:
        day = datetime.date(int(match.group("year")), int(match.group("month")), int(match.group("day")))
    except ValueError:
        return None, pos
    return day, match.end()
