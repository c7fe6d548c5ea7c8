"""The phrases of ``parsers/data/deadlines.yaml`` as regex pieces and lookup tables.

For example the ``quarter_numbers`` section gives the alternation ``(?:(?<!\\w)iii(?!\\w)|(?<!\\w)ii(?!\\w)|...)``
over the matching key and the table ``{"iii": 3, "3": 3, ...}`` to read a matched numeral back.
"""
from __future__ import annotations

import unicodedata

import regex

from parsers.deadlines.text import match_key
from parsers.vocab import load


def _phrase_regex(phrase: str, fills: dict[str, str], glued: bool = False) -> str:
    """One vocabulary phrase as a regex over the matching key (whole words, flexible spaces);
    ``glued`` lets it follow a digit directly ("8h30")."""
    key = match_key(unicodedata.normalize("NFC", str(phrase).strip()))
    parts = []
    for word in key.split():
        if word.startswith("{") and word.endswith("}") and word[1:-1] in fills:
            parts.append(fills[word[1:-1]])
        else:
            parts.append(regex.escape(word))
    body = r"\s+".join(parts)
    head = r"(?<![^\W\d])" if glued else r"(?<!\w)" if key[:1].isalnum() else ""
    tail = r"(?![^\W\d])" if glued else r"(?!\w)" if key[-1:].isalnum() or key.endswith("}") else ""
    return f"{head}{body}{tail}"


def alternation(phrases, fills: dict[str, str] | None = None, glued: bool = False) -> str:
    """Non-capturing alternation of phrases, longest first (so 'đến hết' beats 'đến')."""
    unique = sorted({str(p) for p in phrases}, key=lambda p: (-len(p), p))
    if not unique:
        return r"(?!)"
    return "(?:" + "|".join(_phrase_regex(p, fills or {}, glued) for p in unique) + ")"


def section_phrases(section: str) -> list[str]:
    """Every phrase of a YAML section, e.g. "quarter_numbers" -> ["I", "1", "II", "2", ...]."""
    return [p for entry in load("deadlines")[section] for p in entry.get("phrases", [])]


def phrase_table(section: str, field_name: str) -> dict[str, object]:
    """Folded phrase -> the entry's field, e.g. quarter numeral 'iv' -> 4."""
    table = {}
    for entry in load("deadlines")[section]:
        for phrase in entry.get("phrases", []):
            table[" ".join(match_key(str(phrase)).split())] = entry[field_name]
    return table


def lookup(table: dict[str, object], matched: str):
    """The value of a matched phrase, spaces folded as in the table, e.g. "năm  liền kề" -> 1."""
    return table.get(" ".join(matched.split()))
