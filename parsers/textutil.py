"""Small text helpers shared by the parsers: whitespace folding, case, labels.

>>> fold("  Sở   Nội\\nvụ ")
'Sở Nội vụ'
>>> person_name_case("TRẦN HỮU THẾ")
'Trần Hữu Thế'
>>> roman_numeral(14), roman_value("XIV"), roman_value("H")
('XIV', 14, None)
"""
from __future__ import annotations

import unicodedata

import regex

# Roman numerals I..XXXIX as they number plan chapters and appendix groups (never empty)
ROMAN = r"(?:(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3}))"
ROMAN_DIGITS = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold(text: str | None) -> str | None:
    """NFC, every run of whitespace (line breaks, tabs, NBSP) one space, stripped; '' gives None."""
    if text is None:
        return None
    folded = regex.sub(r"[\s\u00a0\u200b\ufeff]+", " ", nfc(text)).strip()
    return folded or None


def is_upper_text(text: str) -> bool:
    """All cased letters upper case (and there are some): 'KẾ HOẠCH' yes, 'Kế hoạch' no."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(not c.islower() for c in letters)


def person_name_case(text: str) -> str:
    """'NGUYỄN NGỌC PHÚC' -> 'Nguyễn Ngọc Phúc' (every word capitalised)."""
    return " ".join(w[:1].upper() + w[1:].lower() for w in text.split())


def roman_numeral(n: int) -> str:
    """The number in upper-case Roman numerals: 4 -> 'IV'."""
    out = []
    for value, digits in ROMAN_DIGITS:
        count, n = divmod(n, value)
        out.append(digits * count)
    return "".join(out)


def roman_value(text: str) -> int | None:
    """The number a Roman numeral of :data:`ROMAN`'s range stands for; None for anything else."""
    return next((n for n in range(1, 40) if roman_numeral(n) == text), None)
