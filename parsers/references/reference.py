"""``find_references``: the citations of a text settled into ``Reference`` rows.

A list of citations shares what only one of them prints: in "Quyết định số 1053/QĐ-UBND,
1054/QĐ-UBND ngày 30/8/2025" both are dated 2025-08-30, and a member with neither type word
nor typed code takes the type of the one before it.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass

import regex

from parsers.references.citations import find_citations, titled_type
from parsers.references.vocabulary import vocabulary


@dataclass(frozen=True)
class Reference:
    """One numbered citation as found in a text.

    ``ref_number`` has no spaces and keeps leading zeros; ``raw`` is ``text[start:start+len(raw)]``.
    """

    ref_number: str
    ref_type: str | None
    issue_date: datetime.date | None
    raw: str
    start: int


# What may separate two citations of one list: "1053/QĐ-UBND, 1054/QĐ-UBND", "..., số 1569/QĐ-TTg"
_LIST_GAP = regex.compile(r"\s*+(?:,|;|và|hoặc)?\s*+(?:(?i:số)\s*+:?\s*+)?\Z")


def find_references(text: str) -> list[Reference]:
    """Every numbered citation in the text, in order, repeats included (the caller dedups per document).

    >>> refs = find_references("Nghị quyết số 01/NQ-CP và Nghị quyết số 02/NQ-CP ngày 08/01/2025")
    >>> [(r.ref_number, r.issue_date) for r in refs]
    [('01/NQ-CP', None), ('02/NQ-CP', datetime.date(2025, 1, 8))]
    >>> [r.raw for r in refs]
    ['Nghị quyết số 01/NQ-CP', 'Nghị quyết số 02/NQ-CP ngày 08/01/2025']
    >>> [(r.ref_number, r.ref_type) for r in find_references("Mẫu số 08, Đề án 06, Quý IV/2021, Số: /KH-UBND")]
    []
    """
    if not text:
        return []
    voc = vocabulary()
    citations = find_citations(text)

    # Citations of one list: nothing but a separator between them and no type word of their own.
    continues_list = [False] * len(citations)
    for i in range(1, len(citations)):
        previous, current = citations[i - 1], citations[i]
        gap = text[previous.end:current.head]
        continues_list[i] = current.word_type is None and bool(_LIST_GAP.match(gap))

    # A date after the last of a list dates the undated members before it.
    dates = [c.date for c in citations]
    for i in range(len(citations) - 1, 0, -1):
        if continues_list[i] and dates[i] is not None and dates[i - 1] is None \
                and citations[i - 1].end == citations[i - 1].number_end:
            dates[i - 1] = dates[i]

    types: list[str | None] = []
    starts: list[int] = []
    for i, citation in enumerate(citations):
        ref_type, start = citation.word_type, citation.word_start
        if ref_type is None:
            ref_type = citation.code_type
        if ref_type is None:
            ref_type, start = titled_type(text, citation.head)
        if ref_type is None and continues_list[i]:
            ref_type = types[i - 1]
        if ref_type is None and citation.is_agency:
            ref_type = voc["agency_letter"]
        types.append(ref_type)
        starts.append(start if start is not None else citation.head)

    references = []
    for citation, ref_type, date, start in zip(citations, types, dates, starts):
        for index, (number, member_start, member_end) in enumerate(citation.members):
            first, last = index == 0, index == len(citation.members) - 1
            raw_start = start if first else member_start
            raw_end = citation.end if last else member_end
            references.append(Reference(number, ref_type, date, text[raw_start:raw_end], raw_start))
    return references
