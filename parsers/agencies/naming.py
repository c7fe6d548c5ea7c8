"""Canonical names: rebuilding a name from tokens, dropping qualifiers, the identity key.

"Các cơ quan có liên quan." is named "Các cơ quan"; "Sở Văn hoá,  Thể thao và Du lịch" and
"sở văn hóa, thể thao và du lịch" share one :func:`canonical_key`.
"""
from __future__ import annotations

import unicodedata

import regex

from parsers.agencies.text import PreparedText, prepare, retone
from parsers.agencies.tokens import Token, tokenize
from parsers.agencies.vocabulary import vocabulary

# Spaces a rebuilt name must not have: before a closing mark ("Bảo Lộc ," -> "Bảo Lộc,").
_SPACE_BEFORE_CLOSING = regex.compile(r"\s+(?P<mark>[,.;:)])")


def render(text: PreparedText, toks: list[Token], kept: list[int]) -> str:
    """The normalised text of the kept tokens, spacing as in the cell, gaps as one space."""
    out: list[str] = []
    prev = None
    for i in kept:
        if prev is not None and i == prev + 1:
            out.append(text.norm[toks[prev].end : toks[i].end])
        else:
            out.append((" " if out else "") + toks[i].text)
        prev = i
    rendered = " ".join("".join(out).split())
    return _SPACE_BEFORE_CLOSING.sub(r"\g<mark>", rendered).replace("( ", "(")


def strip_qualifiers(name: str) -> str:
    """Drop trailing qualifiers ("có liên quan", "trên địa bàn tỉnh") and punctuation.

    >>> strip_qualifiers("Các cơ quan có liên quan.")
    'Các cơ quan'
    """
    changed = True
    while changed:
        changed = False
        name = name.rstrip(" ,.;:-–&/")
        keys = [t.key for t in tokenize(name)]
        if len(keys) > 1 and keys[-1] == "và":  # a name never ends in "và"
            name = name[: tokenize(name)[-1].start]
            changed = True
            continue
        for qualifier, collective_only in vocabulary().qualifiers:
            if collective_only:
                continue
            n = len(qualifier)
            if len(keys) >= n and tuple(keys[-n:]) == qualifier:
                cut = tokenize(name)[-n].start
                name = name[:cut]
                changed = True
                break
    return name.rstrip(" ,.;:-–")


def level_named(text: str) -> str | None:
    """The level named by the last level phrase or administrative unit in a text.

    >>> level_named("Phòng Nội vụ các huyện, thị xã"), level_named("Các đơn vị cấp tỉnh")
    ('district', 'province')
    """
    v = vocabulary()
    toks = tokenize(prepare(text).norm) if text else []
    level = None
    i = 0
    while i < len(toks):
        found = v.levels.match(toks, i, len(toks)) or v.units.match(toks, i, len(toks))
        if found is None:
            i += 1
            continue
        level = found.value.get("level") or level
        i = found.end  # "thị xã" is one unit, not "thị" + "xã"
    return level


def final_name(name: str) -> str:
    """A read name as published: whitespace folded, no space before a closing mark,
    capitalised, NFC ("các cơ quan , địa phương" -> "Các cơ quan, địa phương")."""
    name = _SPACE_BEFORE_CLOSING.sub(r"\g<mark>", " ".join(name.split()))
    return unicodedata.normalize("NFC", name[:1].upper() + name[1:])


def canonical_key(name: str) -> str:
    """The identity key of a canonical name: NFC, traditional tone placement, whitespace
    folded, casefolded (marks kept).

    >>> canonical_key("Sở Văn hoá,  Thể thao và Du lịch") == canonical_key("sở văn hóa, thể thao và du lịch")
    True
    >>> canonical_key("Sở Nội vụ") == canonical_key("Sở Nội Vụ"), canonical_key("Sở Nội vụ") == canonical_key("Sở Nội Vu")
    (True, False)
    """
    return " ".join(retone(unicodedata.normalize("NFC", name)).split()).casefold()
