"""Small text helpers shared by the parsers: whitespace folding, case, labels.

>>> fold("  Sở   Nội\\nvụ ")
'Sở Nội vụ'
>>> person_name_case("TRẦN HỮU THẾ")
'Trần Hữu Thế'
"""
from __future__ import annotations

import unicodedata

import regex

# Roman numerals I..XXXIX as they number plan chapters and appendix groups (never empty)
ROMAN = r"(?:(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3}))"


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
