"""Is a word one written Vietnamese syllable? The test behind :func:`ingest.legacy.guess_encoding`.

The onsets, rhymes and spelling rules are data (``parsers/data/vietnamese_syllables.yaml``); a
word is a syllable when, with its one tone mark taken off, it is an onset followed by a rhyme
the onset may be spelled before ("kẻ" and "cả", never "cẻ" or "kả").

>>> [is_syllable(w) for w in ("Nghiêng", "quyết", "KẾ", "KÕ", "hoaïch", "tiếến", "KHẹT")]
[True, True, True, False, False, False, False]
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

from parsers.vocab import load

# The five tone marks as combining characters (huyền, sắc, ngã, hỏi, nặng); the vowel marks
# (circumflex, breve, horn) are part of the letter and stay.
TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")


@dataclass(frozen=True)
class _Spelling:
    onsets: tuple[str, ...]
    rhymes: frozenset[str]
    front_vowel_onsets: frozenset[str]
    back_vowel_onsets: frozenset[str]
    front_vowels: tuple[str, ...]

    def allows(self, onset: str, rhyme: str) -> bool:
        if rhyme not in self.rhymes:
            return False
        front = rhyme.startswith(self.front_vowels)
        return not (onset in self.front_vowel_onsets and not front or onset in self.back_vowel_onsets and front)


@cache
def _spelling() -> _Spelling:
    data = load("vietnamese_syllables")
    return _Spelling(("", *data["onsets"]), frozenset(data["rhymes"]), frozenset(data["front_vowel_onsets"]),
                     frozenset(data["back_vowel_onsets"]), tuple(data["front_vowels"]))


def _written_case(word: str) -> bool:
    """lower, Capitalized or UPPER: a misread legacy word often mixes them ("KHẹT" is TCVN3 read from VNI)."""
    return word.islower() or word.isupper() or word[:1].isupper() and word[1:].islower()


@cache
def is_syllable(word: str) -> bool:
    """``word`` (NFC or not, in one of the cases words are written in) is onset + rhyme with at most one tone mark."""
    if not _written_case(word):
        return False
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(ch in TONE_MARKS for ch in decomposed) > 1:
        return False
    toneless = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in TONE_MARKS))
    spelling = _spelling()
    return any(toneless.startswith(onset) and spelling.allows(onset, toneless[len(onset):]) for onset in spelling.onsets)
