"""Citations of numbered documents: "Nghị định số 108/2014/NĐ-CP ngày 20/11/2014".

A reference is a document number in one of the two shapes Vietnamese administration prints:

* state:  serial [/ year] / CODE [- CODE ...]   "695/QĐ-TTg", "108/2014/NĐ-CP", "6459/BNV-CCHC"
* Party:  serial - CODE / CODE                   "23-CT/TU", "10-CTr/TU", "441-QĐ/TU"

The number alone decides that a citation exists; the words around it only add the type
("Nghị định" before it) and the issue date ("ngày 20/11/2014" after it). A number needs a
letter code after its serial, so "Mẫu số 08", "Đề án 06", "15/3/2021", "Quý IV/2021",
"mức độ 3, 4" and a blank draft number "Số: /KH-UBND" are never references.

Rules chosen where the documents leave room (see also CONVENTIONS.md §5):

* ``ref_type`` is the canonical type word printed right before the number ("Nghị quyết 19/NQ-HĐND",
  "Kế hoạch số: 226/KH-UBND"); qualifiers between the type word and the number are dropped, so
  "Chương trình hành động số 10-CTr/TU" is a "Chương trình". Without a type word the number's
  code decides ("932/QĐ-TTg" is a Quyết định; an agency code "6459/BNV-CCHC" is a Công văn).
* ``issue_date`` is the "ngày ..." that directly follows the number (a comma, a doubled "ngày",
  a line break or a page number between them are tolerated). A date printed after the last of
  a list that shares one type word ("Quyết định số 1053/QĐ-UBND, 1054/QĐ-UBND ngày 30/8/2025",
  "số 304, 305/QĐ-STC ngày ...") dates every member of the list; a list that repeats the type
  word ("Nghị quyết số 01/NQ-CP và Nghị quyết số 02/NQ-CP ngày 08/01/2025") gives the date to
  the last citation only.
* A header line "Số: 226/KH-UBND" IS returned (raw "226/KH-UBND", type Kế hoạch), so the
  caller can recognise the document's own number and drop it.
* Every occurrence is returned, in text order; the caller dedups per document.

>>> [(r.ref_number, r.ref_type, str(r.issue_date)) for r in find_references(
...     "Căn cứ Nghị định số 108/2014/NĐ-CP ngày 20/11/2014 và Chỉ thị số 23-CT/TU.")]
[('108/2014/NĐ-CP', 'Nghị định', '2014-11-20'), ('23-CT/TU', 'Chỉ thị', 'None')]
"""
from __future__ import annotations

import datetime
import unicodedata
from dataclasses import dataclass
from functools import cache

import regex

from parsers import vocab


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


# --------------------------------------------------------------------------------------------
# The number
# --------------------------------------------------------------------------------------------

_SPACE = r"[ \t\u00a0]"
_HYPHEN = r"[-\u2010\u2011\u2012\u2013]"  # printed dashes; normalize_number maps them to "-"
_UPPER = r"[A-ZĐÐ]"  # Ð (U+00D0) is a common stand-in for Đ in PDFs and old fonts

# One code unit: capitals, each optionally followed by ONE lower-case letter ("TTg", "CTr",
# "QĐi", "QyĐ"), then digits for a legislature ("QH15"). Two lower-case letters in a row make
# a word, not a code, so "12/QĐ-UBND Ban ..." stops before "Ban".
_CODE_UNIT = rf"(?:{_UPPER}[a-z]?)+\d*"
# A code joins units with "&" ("KTVB&QLXLVPHC", "TT&TT") and must not run on into a word.
_CODE = rf"{_CODE_UNIT}(?:&{_CODE_UNIT})*(?![\p{{L}}\p{{N}}&])"


def _separator(symbol: str) -> str:
    """A separator with stray spacing on ONE side only: "71/NQ -CP", "10- CTr/TU", "117/QĐ-⏎UBND".

    Spaces on both sides (" - ") separate phrases, not the parts of a number.
    """
    line_break = rf"{_SPACE}*\n{_SPACE}*"
    return rf"(?:{_SPACE}{{1,2}}{symbol}|{symbol}(?:{_SPACE}{{1,2}}|{line_break})?)"


_NUMBER = regex.compile(
    rf"""
    (?:
        (?<=(?i:số))        # glued to its "số" ("số1234/QĐ-UBND"), a typing slip
      |
        # not the tail of a longer token: a word, a date "15/3/2021", "1.234", a standard "06:2022/BXD"
        (?<![\p{{L}}\p{{N}}/.\-_&\u2010-\u2013]) (?<!\d:)
    )
    (?P<serial>\d{{1,6}}(?:\.\d{{1,2}})?)   # "66.2/2025/NQ-CP": a resolution numbered within another
    (?:
        # Party shape: 23-CT/TU, 10-CTr/TU, 441-QĐ/TU
        {_separator(_HYPHEN)} (?P<party_code>{_CODE})
        {_separator('/')} {_CODE}
        (?: {_separator(_HYPHEN)} {_CODE} )*
      |
        # State shape: 695/QĐ-TTg, 108/2014/NĐ-CP, 163/2024/QH15, 57/NQ/TW, 6459/BNV-CCHC
        (?: {_separator('/')} (?P<year>\d{{4}}) (?!\d) )?
        {_separator('/')} (?P<state_code>{_CODE})
        (?P<state_more> {_separator(f'(?:{_HYPHEN}|/)')} {_CODE} )*
    )
    """,
    regex.VERBOSE,
)

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

# What may separate two citations of one list: "1053/QĐ-UBND, 1054/QĐ-UBND", "..., số 1569/QĐ-TTg"
_LIST_GAP = regex.compile(r"\s*+(?:,|;|và|hoặc)?\s*+(?:(?i:số)\s*+:?\s*+)?\Z")


def normalize_number(number: str) -> str:
    """The number without spaces, with "Đ" for "Ð" (U+00D0) and "-" for printed dashes; NFC.

    >>> normalize_number("71/NQ -CP"), normalize_number("10- CTr/TU"), normalize_number("37/QÐ-UBND")
    ('71/NQ-CP', '10-CTr/TU', '37/QĐ-UBND')
    >>> normalize_number("117/QĐ-\\nUBND")
    '117/QĐ-UBND'
    """
    text = unicodedata.normalize("NFC", number)
    text = regex.sub(r"\s+", "", text)
    text = text.replace("\u00d0", "Đ")
    return regex.sub(_HYPHEN, "-", text)


# --------------------------------------------------------------------------------------------
# Type words (vocabulary: parsers/data/document_types.yaml)
# --------------------------------------------------------------------------------------------

def _word_pattern(words: str) -> str:
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
    return "|".join(_word_pattern(p) for p in sorted(set(phrases), key=len, reverse=True))


@cache
def _vocabulary():
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


def _canonical_type(printed: str) -> str | None:
    """The vocabulary name for a type word as printed: "NGHỊ\\nQUYẾT" -> "Nghị quyết"."""
    key = regex.sub(r"\s+", " ", unicodedata.normalize("NFC", printed)).replace("Ð", "Đ").replace("ð", "đ")
    return _vocabulary()["by_key"].get(key.casefold())


def _lookup_code(code: str, table: dict[str, str]) -> str | None:
    """Exact code first, then ignoring case ("CTR" is CTr); Ð counts as Đ."""
    code = code.replace("Ð", "Đ")
    if code in table:
        return table[code]
    return _folded(tuple(table.items())).get(code.casefold())


@cache
def _folded(items: tuple[tuple[str, str], ...]) -> dict[str, str]:
    return {k.casefold(): v for k, v in items}


def _type_from_match(match: regex.Match) -> tuple[str | None, bool]:
    """(type named by the number's code, whether the code is an agency rather than a type)."""
    voc = _vocabulary()
    if match.group("party_code"):
        found = _lookup_code(match.group("party_code"), voc["party_codes"])
        return found, False
    found = _lookup_code(match.group("state_code"), voc["state_codes"])
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
    match = _NUMBER.fullmatch(text)
    if not match:
        return None
    found, is_agency = _type_from_match(match)
    if found:
        return found
    return _vocabulary()["agency_letter"] if is_agency else None


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
    voc = _vocabulary()
    line = regex.sub(r"[*_#`]+", " ", unicodedata.normalize("NFC", text or ""))
    line = regex.sub(r"\s+", " ", line).strip()
    for prefix, name in voc["heading_prefixes"]:
        if regex.match(rf"{regex.escape(prefix)}(?:[\s.:]|$)", line, flags=regex.IGNORECASE):
            return name
    letters = [c for c in line if c.isalpha()]
    if not letters or any(c.islower() for c in letters):
        return None
    # the whole line first: "THÔNG TƯ LIÊN TỊCH" is a type of its own, "KẾ HOẠCH LIÊN TỊCH" a Kế hoạch
    if found := _canonical_type(line):
        return found
    for qualifier in voc["qualifiers"]:
        line = regex.sub(rf"\s+{_word_pattern(qualifier)}$", "", line, flags=regex.IGNORECASE)
    return _canonical_type(line)


# --------------------------------------------------------------------------------------------
# The issue date after a number
# --------------------------------------------------------------------------------------------

# Whitespace, where a page break in extracted PDF text may also leave a line holding only the
# page number ("ngày⏎19⏎22/8/2025"). A digit can only be eaten by the page-line branch, so the
# repetition stays linear (no form feed or newline can be split two ways that both go on).
_GAP = r"(?: \s | \n [ \t]* \d{1,3} [ \t]* (?=\n) )*"
_DATE_AFTER = regex.compile(
    rf"""
    \G
    [ \t\u00a0]*+ [,(]? {_GAP}
    (?i:ngày) (?: \s+ (?i:ngày) )?          # "ngày ngày 13/8/2020" (typo) reads once
    {_GAP}
    (?:
        (?P<day>\d{{1,2}}) \s? (?P<sep>[/.\-]) \s? (?P<month>\d{{1,2}}) \s? (?P=sep) \s? (?P<year>\d{{4}})
      |
        (?P<day>\d{{1,2}}) \s+ (?i:tháng) \s+ (?P<month>\d{{1,2}}) \s* ,? \s* (?i:năm) \s+ (?P<year>\d{{4}})
    )
    # the year takes four digits: a footnote marker glued on ("năm 20257") is left out
    """,
    regex.VERBOSE,
)


_LOOKAHEAD = 300  # characters searched for "ngày ..." after a number


def _date_after(text: str, pos: int) -> tuple[datetime.date | None, int]:
    """(date, end offset) of "ngày ..." starting at ``pos``, or (None, pos)."""
    # bounded, so that a long text with many numbers stays linear; a date is never far away
    match = _DATE_AFTER.match(text, pos, min(len(text), pos + _LOOKAHEAD))
    if not match:
        return None, pos
    try:
        day = datetime.date(int(match.group("year")), int(match.group("month")), int(match.group("day")))
    except ValueError:
        return None, pos
    return day, match.end()


# --------------------------------------------------------------------------------------------
# Finding references
# --------------------------------------------------------------------------------------------

_LOOKBACK = 200  # characters searched for a type word or title before a number


@dataclass
class _Citation:
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


def _citations(text: str) -> list[_Citation]:
    """Every number token in the text with its own type word, code type and date, in order."""
    voc = _vocabulary()
    found = []
    for match in _NUMBER.finditer(text):
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
            word_type = _canonical_type(typed.group("type"))
            word_start = window_start + typed.start()
        # A bare "2/II" or "5/CT" (one code, no year, no issuer) is as often a ratio or a label
        # as a letter; it counts only when a type word or "số" announces it ("Số: 12/UBND").
        single_code = match.group("state_code") and not match.group("year") and not match.group("state_more")
        if single_code and not typed and not _SO_BEFORE.search(window):
            continue
        code_type, is_agency = _type_from_match(match)
        date, date_end = _date_after(text, match.end())
        found.append(_Citation(members, head, word_type, word_start, code_type, is_agency,
                               match.end(), date, date_end if date else match.end()))
    return found


def _titled_type(text: str, head: int) -> tuple[str | None, int | None]:
    """A titled type word before "số" ("Luật Doanh nghiệp số ..."), with its offset."""
    voc = _vocabulary()
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
    return _canonical_type(clean[-1].group("type")), window_start + clean[-1].start()


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
    voc = _vocabulary()
    citations = _citations(text)

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
            ref_type, start = _titled_type(text, citation.head)
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
