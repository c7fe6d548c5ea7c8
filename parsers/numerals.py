"""Roman numerals misread by OCR, for task groups and chapter headings alike: the label a row
or heading should carry when the printed "II" came back as "H" (the serifs of a bold numeral
touch at scan resolution).

A label that is no Roman numeral, read after "I", is "II" when it is one of the ways OCR misreads
"II" (parsers/data/task_table.yaml, ``roman_misreadings``). Only the numeral the sequence expects
is tried, and a label that is a numeral is never touched, so text typed in Word or read from a
text layer keeps its labels as printed. The one exception is a numeral that lost a stroke ("III"
read "II"): a label repeating the one above, with the one below two numerals further on ("II",
"II", "IV"), is the numeral between (:func:`skipped_numerals`).

>>> next_numeral("I"), next_numeral("III.2"), next_numeral("B"), next_numeral(None)
('II', 'IV', None, 'I')
>>> misread_as("HI", "III"), misread_as("VH", "VII"), misread_as("H", "III"), misread_as("III", "III")
(True, True, False, False)
"""
from __future__ import annotations

from functools import cache

import regex

from parsers.textutil import roman_numeral, roman_value
from parsers.vocab import load


def next_numeral(previous_label: str | None) -> str | None:
    """The Roman numeral after a group's label ("III.2" counts as "III"), "I" before the first group; None after a letter."""
    if previous_label is None:
        return "I"
    value = roman_value(previous_label.split(".")[0])
    return roman_numeral(value + 1) if value else None


@cache
def _pieces() -> tuple[tuple[str, tuple[str, ...]], ...]:
    entries = load("task_table")["roman_misreadings"]["pieces"]
    return tuple((entry["printed"], tuple(entry["read_as"])) for entry in entries)


@cache
def _readings(numeral: str) -> frozenset[str]:
    """Every way OCR may read ``numeral``: each piece as printed or as one of its misreadings."""
    if not numeral:
        return frozenset({""})
    out = {numeral[0] + rest for rest in _readings(numeral[1:])}
    for printed, read_as in _pieces():
        if numeral.startswith(printed):
            out.update(read + rest for read in read_as for rest in _readings(numeral[len(printed):]))
    return frozenset(out)


def misread_as(label: str, numeral: str) -> bool:
    """Whether ``label``, being no Roman numeral, is a misreading of ``numeral``."""
    return roman_value(label) is None and label in _readings(numeral)


# What OCR may make of a Roman numeral's strokes ("II" as "H", "I" as "1" or "l", "I." as "IL.")
ROMAN_LIKE_PIECE = r"[IVXLHM1l|]{1,6}"
ROMAN_LIKE = regex.compile(rf"^{ROMAN_LIKE_PIECE}$")


def skipped_numerals(labels: list[str]) -> dict[int, str]:
    """Positions of Roman labels the sequence around them corrects, with the numeral it calls for.

    OCR drops or bends a stroke of a bold serif numeral ("III" read "II", "I." read "IL."): a
    label that repeats the one above, or is no numeral but looks like one, is the numeral
    between its neighbours when the label below is two after the one above (the first label's
    "above" is 0).

    >>> skipped_numerals(["I", "II", "II", "IV"]), skipped_numerals(["IL", "II", "III"])
    ({2: 'III'}, {0: 'I'})
    >>> skipped_numerals(["I", "II", "II"]), skipped_numerals(["I", "II", "II", "III"]), skipped_numerals(["A", "A", "C"])
    ({}, {}, {})
    """
    values = [roman_value(label) for label in labels]
    fixes = {}
    for i in range(len(labels) - 1):
        above = values[i - 1] if i else 0
        misread = values[i] == above if i else False
        unreadable = values[i] is None and ROMAN_LIKE.match(labels[i]) is not None
        if above is not None and (misread or unreadable) and values[i + 1] == above + 2:
            fixes[i] = roman_numeral(above + 1)
    return fixes
