"""The document type a number's code names ("226/KH-UBND" -> Kế hoạch) or a header line
announces ("KẾ HOẠCH" -> Kế hoạch), by the vocabulary of ``parsers/data/document_types.yaml``."""
from __future__ import annotations

import unicodedata

import regex

from parsers.references.numbers import NUMBER, normalize_number
from parsers.references.vocabulary import canonical_type, lookup_code, vocabulary, word_pattern


def type_from_match(match: regex.Match) -> tuple[str | None, bool]:
    """(type named by the number's code, whether the code is an agency rather than a type)."""
    voc = vocabulary()
    if match.group("party_code"):
        found = lookup_code(match.group("party_code"), voc["party_codes"])
        return found, False
    found = lookup_code(match.group("state_code"), voc["state_codes"])
    # An unknown first code without a year is the sending agency of a letter ("6459/BNV-CCHC");
    # with a year ("163/2024/QH15") it is a legislature's act whose type the number does not say.
    return found, found is None and not match.group("year")


def doc_type_from_number(number: str) -> str | None:
    """The document type a number's code names, or None.

    >>> doc_type_from_number("226/KH-UBND"), doc_type_from_number("12094/BNV-CCHC")
    ('Kế hoạch', 'Công văn')
    >>> doc_type_from_number("932/QĐ-TTg"), doc_type_from_number("23-CT/TU")
    ('Quyết định', 'Chỉ thị')
    >>> doc_type_from_number("163/2024/QH15") is None, doc_type_from_number("/KH-UBND") is None
    (True, True)
    """
    text = normalize_number(number)
    match = NUMBER.fullmatch(text)
    if not match:
        return None
    found, is_agency = type_from_match(match)
    if found:
        return found
    return vocabulary()["agency_letter"] if is_agency else None


def doc_type_from_heading(text: str) -> str | None:
    """The document type a header line announces, or None.

    The line must be the type word alone, in capitals (markdown emphasis and spacing ignored),
    optionally with a qualifier ("KẾ HOẠCH HÀNH ĐỘNG"); a letter's "V/v ..." subject line
    announces a Công văn. A body line or table cell "Kế hoạch" is not a heading.

    >>> doc_type_from_heading("KẾ HOẠCH"), doc_type_from_heading("  **QUYẾT ĐỊNH** ")
    ('Kế hoạch', 'Quyết định')
    >>> doc_type_from_heading("V/v hướng dẫn xây dựng kế hoạch"), doc_type_from_heading("CÔNG VĂN")
    ('Công văn', 'Công văn')
    >>> doc_type_from_heading("Kế hoạch") is None, doc_type_from_heading("I. MỤC ĐÍCH, YÊU CẦU") is None
    (True, True)
    """
    voc = vocabulary()
    line = regex.sub(r"[*_#`]+", " ", unicodedata.normalize("NFC", text or ""))
    line = regex.sub(r"\s+", " ", line).strip()
    for prefix, name in voc["heading_prefixes"]:
        if regex.match(rf"{regex.escape(prefix)}(?:[\s.:]|$)", line, flags=regex.IGNORECASE):
            return name
    letters = [c for c in line if c.isalpha()]
    if not letters or any(c.islower() for c in letters):
        return None
    # the whole line first: "THÔNG TƯ LIÊN TỊCH" is a type of its own, "KẾ HOẠCH LIÊN TỊCH" a Kế hoạch
    if found := canonical_type(line):
        return found
    for qualifier in voc["qualifiers"]:
        line = regex.sub(rf"\s+{word_pattern(qualifier)}$", "", line, flags=regex.IGNORECASE)
    return canonical_type(line)
