"""Tokens of a prepared text: words (letters and digits) and single punctuation marks.

"Sở Nội vụ, Sở Tư pháp" is the tokens "Sở" "Nội" "vụ" "," "Sở" "Tư" "pháp"; the readers
work on token indices and keep each token's offsets in the prepared text.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

_TOKEN = regex.compile(r"[\p{L}\p{N}]+|[^\s\p{L}\p{N}]")

# Separators between agencies inside a piece.
SEPARATORS = {",", "và", "/", ".", "+", "•"}


@dataclass(frozen=True)
class Token:
    """One word or punctuation mark at ``start:end`` of the prepared text."""

    text: str
    start: int
    end: int

    @property
    def key(self) -> str:
        return self.text.casefold()

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def is_capitalised(self) -> bool:
        return self.text[0].isupper() or self.text[0].isdigit()


def tokenize(norm: str) -> list[Token]:
    """Words and punctuation marks of a prepared text."""
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(norm)]
