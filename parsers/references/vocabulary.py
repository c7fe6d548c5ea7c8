"""The type vocabulary of ``parsers/data/document_types.yaml`` as lookup tables and regexes.

``vocabulary()`` builds, once: the code tables ("QĐ" -> "Quyết định"; a Party number reads
"TT" as "Thông tri"), the type word that may stand right before a number ("Nghị quyết số",
"Chương trình hành động số"), a titled type with its title ("Luật Doanh nghiệp số"), and the
words after which a number is no citation. ``canonical_type("NGHỊ\\nQUYẾT")`` gives "Nghị quyết".
"""
from __future__ import annotations

import unicodedata
from functools import cache

import regex

from parsers import vocab


def word_pattern(words: str) -> str:
    """A vocabulary phrase as a regex: any whitespace between words, Ð/ð accepted for đ."""
    pieces = []
    for char in words:
        if char.isspace():
            pieces.append(r"\s+")
        elif char in "đĐ":
            pieces.append("[đĐÐð]")
        else:
            pieces.append(regex.escape(char))
    return regex.sub(r"(?:\\s\+)+", r"\\s+", "".join(pieces))


def _alternation(phrases) -> str:
    """Longest first, so "Thông tư liên tịch" wins over "Thông tư" and "Pháp lệnh" over "Lệnh"."""
    return "|".join(word_pattern(p) for p in sorted(set(phrases), key=len, reverse=True))


@cache
def vocabulary():
    """Lookup tables built once from the YAML."""
    data = vocab.load("document_types")
    types = data["types"]
    names = [t["name"] for t in types]
    by_key = {regex.sub(r"\s+", " ", n).casefold(): n for n in names}
    state_codes = {a: t["name"] for t in types for a in t.get("abbreviations") or []}
    party_codes = dict(state_codes)
    party_codes.update({a: t["name"] for t in types for a in t.get("party_abbreviations") or []})
    agency_letter = next((t["name"] for t in types if t.get("agency_letter")), None)
    titled = [t["name"] for t in types if t.get("titled")]
    heading_prefixes = [(p, t["name"]) for t in types for p in t.get("heading_prefixes") or []]
    qualifiers = [q["words"] for q in data.get("qualifiers") or []]
    not_citation = [w["words"] for w in data.get("not_citation_words") or []]

    # The type word right before the number: "Nghị quyết số", "Kế hoạch 58-KH/TU",
    # "Chương trình hành động số", "các Quyết định: số".
    type_before = regex.compile(
        rf"""
        (?<![\p{{L}}\p{{N}}])
        (?P<type> (?i:{_alternation(names)}) )
        (?: \s+ (?i:{_alternation(qualifiers) if qualifiers else '(?!)'}) )?
        \s*+ :?
        (?: \s*+ (?i:số) \s*+ :? )?
        \s*+ \Z
        """,
        regex.VERBOSE,
    )
    # A titled type: "Luật Phòng, chống ma túy số 73/2021/QH14". The title starts with a
    # capital and holds no digit, clause break or bracket, so it cannot reach back past
    # another citation.
    titled_before = regex.compile(
        rf"""
        (?<![\p{{L}}\p{{N}}])
        (?P<type> (?i:{_alternation(titled) if titled else '(?!)'}) )
        \s+ (?P<title> \p{{Lu}} [^\d;:\n()\[\]]{{0,150}}? )
        \s+ (?i:số) \s* :? \s* \Z
        """,
        regex.VERBOSE,
    )
    # Another type word, capitalised as a citation would be, inside a would-be title means
    # the title belongs to a different citation: "Luật Thi đua và Kế hoạch số 12/KH-UBND".
    type_in_title = regex.compile(rf"(?<![\p{{L}}])(?:{_alternation(names)})(?![\p{{L}}])")
    excluded_before = regex.compile(
        rf"""
        (?<![\p{{L}}\p{{N}}])
        (?i:{_alternation(not_citation) if not_citation else '(?!)'})
        \s*+ (?: (?i:số) \s*+ )? :? \s*+ \Z
        """,
        regex.VERBOSE,
    )
    return {
        "by_key": by_key,
        "state_codes": state_codes,
        "party_codes": party_codes,
        "agency_letter": agency_letter,
        "heading_prefixes": heading_prefixes,
        "qualifiers": qualifiers,
        "type_before": type_before,
        "titled_before": titled_before,
        "type_in_title": type_in_title,
        "excluded_before": excluded_before,
    }


def canonical_type(printed: str) -> str | None:
    """The vocabulary name for a type word as printed: "NGHỊ\\nQUYẾT" -> "Nghị quyết"."""
    key = regex.sub(r"\s+", " ", unicodedata.normalize("NFC", printed)).replace("Ð", "Đ").replace("ð", "đ")
    return vocabulary()["by_key"].get(key.casefold())


def lookup_code(code: str, table: dict[str, str]) -> str | None:
    """Exact code first, then ignoring case ("CTR" is CTr); Ð counts as Đ."""
    code = code.replace("Ð", "Đ")
    if code in table:
        return table[code]
    return _folded(tuple(table.items())).get(code.casefold())


@cache
def _folded(items: tuple[tuple[str, str], ...]) -> dict[str, str]:
    return {k.casefold(): v for k, v in items}
