"""Each number token of a text with what is printed around it, before lists are settled.

For "Căn cứ Quyết định số 304, 305/QĐ-STC ngày 30/8/2025" ``find_citations`` gives one ``Citation``
with members 304/QĐ-STC and 305/QĐ-STC, word type "Quyết định", code type "Quyết định" and the
date 2025-08-30. A number after a "not a citation" word ("Mẫu số 08/KH") or a bare one-code
number ("tỷ lệ 2/II") that no type word or "số" announces is left out. ``titled_type`` finds a
titled type word further back ("Luật Doanh nghiệp số 59/2020/QH14" is a Luật).
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass

import regex

from parsers.references.dates import date_after
from parsers.references.doc_types import type_from_match
from parsers.references.numbers import NUMBER, normalize_number
from parsers.references.vocabulary import canonical_type, vocabulary

_LOOKBACK = 200  # characters searched for a type word or title before a number

# A list of bare serials that share the code of the number after them:
# "số 304, 305 và 306/QĐ-STC" cites 304/QĐ-STC, 305/QĐ-STC and 306/QĐ-STC.
_SERIES_BEFORE = regex.compile(
    r"""
    (?i:số) \s*+ :? \s*+
    (?P<series> \d{1,6} (?: \s*+ (?:,|và) \s*+ \d{1,6} )* )
    \s*+ (?:,|và) \s*+ \Z
    """,
    regex.VERBOSE,
)
_SERIAL = regex.compile(r"\d{1,6}")
_SO_BEFORE = regex.compile(r"(?<![\p{L}\p{N}])(?i:số)\s*+:?\s*+\Z")


@dataclass
class Citation:
    """One number token (with the bare serials listed before it) while types and dates settle."""

    members: list[tuple[str, int, int]]  # (ref_number, raw start, raw end)
    head: int                            # where the citation's numbers start (after "số")
    word_type: str | None
    word_start: int | None
    code_type: str | None
    is_agency: bool
    number_end: int
    date: datetime.date | None
    end: int                             # after the date if any, else after the number


def find_citations(text: str) -> list[Citation]:
    """Every number token in the text with its own type word, code type and date, in order."""
    voc = vocabulary()
    found = []
    for match in NUMBER.finditer(text):
        start = match.start()
        suffix = text[match.end("serial"):match.end()]
        members = []
        series = _SERIES_BEFORE.search(text[max(0, start - _LOOKBACK):start])
        if series:
            offset = max(0, start - _LOOKBACK) + series.start("series")
            for serial in _SERIAL.finditer(series.group("series")):
                members.append((normalize_number(serial.group() + suffix), offset + serial.start(), offset + serial.end()))
        head = members[0][1] if members else start
        members.append((normalize_number(match.group()), start, match.end()))

        window_start = max(0, head - _LOOKBACK)
        window = text[window_start:head]
        if voc["excluded_before"].search(window):
            continue
        word_type = word_start = None
        typed = voc["type_before"].search(window)
        if typed:
            word_type = canonical_type(typed.group("type"))
            word_start = window_start + typed.start()
        # A bare "2/II" or "5/CT" (one code, no year, no issuer) is as often a ratio or a label
        # as a letter; it counts only when a type word or "số" announces it ("Số: 12/UBND").
        single_code = match.group("state_code") and not match.group("year") and not match.group("state_more")
        if single_code and not typed and not _SO_BEFORE.search(window):
            continue
        code_type, is_agency = type_from_match(match)
        date, date_end = date_after(text, match.end())
        found.append(Citation(members, head, word_type, word_start, code_type, is_agency,
                              match.end(), date, date_end if date else match.end()))
    return found


def titled_type(text: str, head: int) -> tuple[str | None, int | None]:
    """A titled type word before "số" ("Luật Doanh nghiệp số ..."), with its offset."""
    voc = vocabulary()
    window_start = max(0, head - _LOOKBACK)
    # the nearest titled word whose title holds no other type word:
    # "Luật Đất đai và Luật Nhà ở số 27/2023/QH15" is the Luật Nhà ở
    candidates = list(voc["titled_before"].finditer(text[window_start:head], overlapped=True))
    # "Luật" inside "Bộ Luật Hình sự" is part of the longer type word, not a type of its own
    whole_words = [m for m in candidates
                   if not any(o.start() < m.start() < o.end("type") for o in candidates)]
    clean = [m for m in whole_words if not voc["type_in_title"].search(m.group("title"))]
    if not clean:
        return None, None
    return canonical_type(clean[-1].group("type")), window_start + clean[-1].start()
