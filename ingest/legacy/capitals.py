"""TCVN3 text with no font information: lines typed in capitals come out in capitals.

TCVN3 has no capital toned letters. A heading typed with Caps Lock is upper-case ASCII plus the
small toned letters ("KÕ HO¹CH"), and only an "H" font would have drawn those upper case;
a .txt file has no font, so the line itself must tell. A line is in capitals when it has no
small ASCII letter nor a small letter TCVN3 has a capital for (ă â ê ô ơ ư đ), has a toned
letter, and shows capitals beyond a first letter: a word of two or more capital ASCII letters
with a toned letter ("HO¹CH"), or two such words without ("ñY BAN NH¢N D¢N"). "Së KH&§T"
(Sở KH&ĐT) stays as it is: "KH&§T" is the only capital word and has no toned letter.

>>> plain_text_to_unicode("KÕ HO¹CH\\nSë KH&§T\\nñY BAN NH¢N D¢N", "tcvn3")
'KẾ HOẠCH\\nSở KH&ĐT\\nỦY BAN NHÂN DÂN'
"""
from __future__ import annotations

import unicodedata
from functools import cache

import regex

from ingest.legacy.convert import CHARMAPS, to_unicode
from ingest.legacy.syllables import TONE_MARKS

SMALL_ASCII = regex.compile(r"[a-z]")


@cache
def _letter_kinds() -> tuple[frozenset[str], frozenset[str]]:
    """(TCVN3 codes of toned letters, codes of small letters that have a TCVN3 capital)."""
    converted = dict(CHARMAPS["tcvn3"].pairs)
    toned = frozenset(code for code, letter in converted.items() if set(unicodedata.normalize("NFD", letter)) & TONE_MARKS)
    capitals = set(converted.values())
    small = frozenset(code for code, letter in converted.items() if letter.islower() and letter.upper() in capitals)
    return toned, small


def typed_in_capitals(line: str) -> bool:
    """Whether a TCVN3 line (before conversion) was typed in capitals (see the module docstring)."""
    toned, small = _letter_kinds()
    if SMALL_ASCII.search(line) or any(ch in small for ch in line) or not any(ch in toned for ch in line):
        return False
    capital_words = [word for word in line.split() if sum("A" <= ch <= "Z" for ch in word) >= 2]
    return any(ch in toned for word in capital_words for ch in word) or len(capital_words) >= 2


def plain_text_to_unicode(text: str, encoding: str) -> str:
    """Legacy text that carries no font -> NFC Unicode; TCVN3 line by line, lines typed in capitals upper-cased."""
    if encoding != "tcvn3":
        return to_unicode(text, encoding)
    lines = (to_unicode(line, encoding).upper() if typed_in_capitals(line) else to_unicode(line, encoding) for line in text.split("\n"))
    return "\n".join(lines)
