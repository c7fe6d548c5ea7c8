"""Small text helpers shared by the parsers: whitespace folding, case, labels.

>>> fold("  Sở   Nội\\nvụ ")
'Sở Nội vụ'
>>> is_roman("XIV"), is_roman("IC")
(True, False)
>>> person_name_case("TRẦN HỮU THẾ")
'Trần Hữu Thế'
"""
from __future__ import annotations

import unicodedata

import regex

# Roman numerals I..XXXIX as they number plan chapters and appendix groups
ROMAN = r"(?:X{0,3}(?:IX|IV|V?I{0,3}))"
_ROMAN_FULL = regex.compile(rf"^{ROMAN}$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold(text: str | None) -> str | None:
    """NFC, every run of whitespace (line breaks, tabs, NBSP) one space, stripped; '' gives None."""
    if text is None:
        return None
    folded = regex.sub(r"[\s\u00a0\u200b\ufeff]+", " ", nfc(text)).strip()
    return folded or None


def is_roman(label: str) -> bool:
    return bool(label) and bool(_ROMAN_FULL.match(label))


def roman_value(label: str) -> int:
    """'XIV' -> 14 (label must be a Roman numeral)."""
    total, prev = 0, 0
    for ch in reversed(label):
        value = _ROMAN_VALUES[ch]
        total += -value if value < prev else value
        prev = max(prev, value)
    return total


def is_upper_text(text: str) -> bool:
    """All cased letters upper case (and there are some): 'KẾ HOẠCH' yes, 'Kế hoạch' no."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(not c.islower() for c in letters)


def person_name_case(text: str) -> str:
    """'NGUYỄN NGỌC PHÚC' -> 'Nguyễn Ngọc Phúc' (every word capitalised)."""
    return " ".join(w[:1].upper() + w[1:].lower() for w in text.split())


def sentence_case(text: str) -> str:
    """'PHÓ CHỦ TỊCH' -> 'Phó chủ tịch' (first letter only; callers fix proper nouns)."""
    lowered = text.lower()
    return lowered[:1].upper() + lowered[1:]


def casefold_key(text: str) -> str:
    """Comparison key: folded, casefolded, NFC."""
    return (fold(text) or "").casefold()
