"""Group numbers misread by OCR: the label a group row should carry when the printed "II" came
back as "H" (the serifs of a bold numeral touch at scan resolution).

A group row's label that is no Roman numeral, read after group "I", is "II" when it is one of the
ways OCR misreads "II" (parsers/data/task_table.yaml, ``roman_misreadings``). Only the numeral the
sequence expects is tried, and a label that is a numeral is never touched, so tables typed in
Word or read from a text layer keep their labels as printed. The one exception is a numeral
that lost a stroke ("III" read "II"): a group labelled as the group above it, with the group
below two numerals further on ("II", "II", "IV"), is the numeral between
(:func:`parsers.textutil.skipped_numerals`, which section headings use too).

>>> next_numeral("I"), next_numeral("III.2"), next_numeral("B"), next_numeral(None)
('II', 'IV', None, 'I')
>>> misread_as("HI", "III"), misread_as("VH", "VII"), misread_as("H", "III"), misread_as("III", "III")
(True, True, False, False)
"""
from __future__ import annotations

from functools import cache

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

