"""Which legacy encoding, if any, text with no font information is in.

Each word is read twice: as Unicode, and converted from the candidate encoding. Legacy text
read as Unicode has few Vietnamese syllables ("KÕ ho¹ch") and many once converted ("Kế hoạch");
Unicode text converted loses syllables ("có" -> "cú" at best, "đã" -> "đ·"). Only words the
conversion changes are compared, so ASCII words, numbers and names weigh nothing.

>>> guess_encoding("KÕ ho¹ch triÓn khai"), guess_encoding("Kế hoạch triển khai"), guess_encoding("Plan 2026")
('tcvn3', None, None)
"""
from __future__ import annotations

from collections import Counter

import regex

from ingest.legacy.convert import CHARMAPS, to_unicode
from ingest.legacy.syllables import is_syllable

# Punctuation that may wrap a word ("(KÕ", "ho¹ch,"). Only ASCII and the General Punctuation
# block: Latin-1 signs such as "«", "»", "·" and "¸" are letters in TCVN3 and must stay.
_PUNCTUATION = r"[[\p{ASCII}--[\p{L}\p{N}\s]]\u2000-\u206f]"
WRAPPING_PUNCTUATION = regex.compile(rf"^{_PUNCTUATION}+|{_PUNCTUATION}+$", regex.V1)
# A guess needs this many more syllables after conversion than before, and that gain must be
# this share of the changed words: one stray "µm" in a Unicode text must not flip it.
MIN_SYLLABLE_GAIN = 2
MIN_GAIN_SHARE = 0.3


def guess_encoding(text: str) -> str | None:
    """"tcvn3" or "vni" when converting from it clearly makes more Vietnamese syllables, else None.

    When both encodings gain as much (a few letters such as VNI "Chæ" also read as TCVN3 "Chỉ"),
    the text does not tell, and None leaves it as it is.
    """
    words = Counter(WRAPPING_PUNCTUATION.sub("", token) for token in text.split())
    best, best_gain, tied = None, 0, False
    for encoding in CHARMAPS:
        changed = gain = 0
        for word, count in words.items():
            converted = to_unicode(word, encoding)
            if converted == word:
                continue
            changed += count
            gain += count * (is_syllable(converted) - is_syllable(word))
        if gain >= max(MIN_SYLLABLE_GAIN, MIN_GAIN_SHARE * changed):
            tied = gain == best_gain
            if gain > best_gain:
                best, best_gain = encoding, gain
    return None if tied else best
