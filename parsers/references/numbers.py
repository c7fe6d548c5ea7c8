"""The document number itself: the regex that finds one and ``normalize_number``.

A number needs a letter code after its serial: "695/QĐ-TTg", "108/2014/NĐ-CP", "23-CT/TU" are
numbers; "15/3/2021", "Quý IV/2021" and "Mẫu số 08" are not. ``NUMBER`` names its parts for
the callers: ``serial``, ``year`` and ``state_code``/``state_more`` in the state shape,
``party_code`` in the Party shape (for "108/2014/NĐ-CP": serial "108", year "2014", state_code "NĐ").
"""
from __future__ import annotations

import unicodedata

import regex

_SPACE = r"[ \t\u00a0]"
_HYPHEN = r"[-\u2010\u2011\u2012\u2013]"  # printed dashes; normalize_number maps them to "-"
_UPPER = r"[A-ZĐÐ]"  # Ð (U+00D0) is a common stand-in for Đ in PDFs and old fonts

# One code unit: capitals, each optionally followed by ONE lower-case letter ("TTg", "CTr",
# "QĐi", "QyĐ"), then digits for a legislature ("QH15"). Two lower-case letters in a row make
# a word, not a code, so "12/QĐ-UBND Ban ..." stops before "Ban".
_CODE_UNIT = rf"(?:{_UPPER}[a-z]?)+\d*"
# A code joins units with "&" ("KTVB&QLXLVPHC", "TT&TT") and must not run on into a word.
_CODE = rf"{_CODE_UNIT}(?:&{_CODE_UNIT})*(?![\p{{L}}\p{{N}}&])"


def _separator(symbol: str) -> str:
    """A separator with stray spacing on ONE side only: "71/NQ -CP", "10- CTr/TU", "117/QĐ-⏎UBND".

    Spaces on both sides (" - ") separate phrases, not the parts of a number.
    """
    line_break = rf"{_SPACE}*\n{_SPACE}*"
    return rf"(?:{_SPACE}{{1,2}}{symbol}|{symbol}(?:{_SPACE}{{1,2}}|{line_break})?)"


NUMBER = regex.compile(
    rf"""
    (?:
        (?<=(?i:số))        # glued to its "số" ("số1234/QĐ-UBND"), a typing slip
      |
        # not the tail of a longer token: a word, a date "15/3/2021", "1.234", a standard "06:2022/BXD"
        (?<![\p{{L}}\p{{N}}/.\-_&\u2010-\u2013]) (?<!\d:)
    )
    (?P<serial>\d{{1,6}}(?:\.\d{{1,2}})?)   # "66.2/2025/NQ-CP": a resolution numbered within another
    (?:
        # Party shape: 23-CT/TU, 10-CTr/TU, 441-QĐ/TU
        {_separator(_HYPHEN)} (?P<party_code>{_CODE})
        {_separator('/')} {_CODE}
        (?: {_separator(_HYPHEN)} {_CODE} )*
      |
        # State shape: 695/QĐ-TTg, 108/2014/NĐ-CP, 163/2024/QH15, 57/NQ/TW, 6459/BNV-CCHC
        (?: {_separator('/')} (?P<year>\d{{4}}) (?!\d) )?
        {_separator('/')} (?P<state_code>{_CODE})
        (?P<state_more> {_separator(f'(?:{_HYPHEN}|/)')} {_CODE} )*
    )
    """,
    regex.VERBOSE,
)


def normalize_number(number: str) -> str:
    """The number without spaces, with "Đ" for "Ð" (U+00D0) and "-" for printed dashes; NFC.

    >>> normalize_number("71/NQ -CP"), normalize_number("10- CTr/TU"), normalize_number("37/QÐ-UBND")
    ('71/NQ-CP', '10-CTr/TU', '37/QĐ-UBND')
    >>> normalize_number("117/QĐ-\\nUBND")
    '117/QĐ-UBND'
    """
    text = unicodedata.normalize("NFC", number)
    text = regex.sub(r"\s+", "", text)
    text = text.replace("\u00d0", "Đ")
    return regex.sub(_HYPHEN, "-", text)
