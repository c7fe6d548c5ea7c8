"""Deadline cells -> normalized time phrases (CONVENTIONS §4).

One cell of a deadline column ("Thời gian hoàn thành", "Thời hạn", ...) holds one or more
phrases: a calendar period ("Quý IV/2020", "Trước ngày 30/11/2025", "2025 - 2035"), a
repeating duty ("Hằng năm"), a timing set elsewhere ("Theo quy định") or counted from an event
("Sau khi Trung ương ban hành ..."). Each phrase gives one ``Deadline``.

The words are data (``parsers/data/deadlines.yaml``); this module only composes them:

1. the cell is NFC-normalized and whitespace-folded; a same-length *matching key* is made
   from it (lower case, tone mark of oa/oe/uy on one vowel), so every span found in the key
   is a span of the printed text;
2. document numbers ("Quyết định số 1441/QĐ-UBND ngày 25/9/2025": the date is an issue date,
   not a deadline) and times of day ("20 giờ 15 phút") are masked out of the key;
3. calendar *atoms* are found (a day, month, quarter, half, year, "trong năm", "giai đoạn"),
   and joined with the cue words around them into *expressions* ("Quý IV/2025 - Quý II/2026"
   is one range, "Trước năm 2030" one before);
4. the cell is cut at ";", ",", "và", "hoặc" into clauses; a clause with no time of its own
   ("và tổ chức thực hiện") stays with its neighbour, and a clause opened by "Theo ..." or
   "Sau khi ..." keeps the comma-clauses after it;
5. each phrase is classified: an opening "Theo"/"Sau khi" wins, then calendar expressions
   (a year-less one with "hằng năm" is recurring), then by_reference, recurring and
   relative cues anywhere, else unknown.

>>> [(d.kind, str(d.start), str(d.end), d.value) for d in parse_deadlines("Quý I/2021 và Quý III/2021", 2021)]
[('quarter', '2021-01-01', '2021-03-31', '2021-Q1'), ('quarter', '2021-07-01', '2021-09-30', '2021-Q3')]
"""
from __future__ import annotations

import calendar
import datetime
import unicodedata
from dataclasses import dataclass, field
from functools import cache

import regex

from parsers.vocab import load

KINDS = ("date", "before", "month", "quarter", "half", "year", "range",
         "recurring", "relative", "by_reference", "unknown")


@dataclass(frozen=True)
class Deadline:
    """One normalized time phrase of a deadline cell."""

    kind: str            # one of KINDS
    start: datetime.date | None
    end: datetime.date | None
    value: str | None    # TIMEX3-style ("2025-10-31", "2020-Q4", "2021-H1", "2021", "2026-06")
    raw: str             # the phrase as printed (a substring of the whitespace-folded cell)


# ------------------------------------------------------------------ text and matching key

def normalize_cell(cell: str | None) -> str:
    """The cell as the parser reads it: NFC, every whitespace run one space, stripped.

    ``raw`` of every row is a substring of this.

    >>> normalize_cell("  Quý IV/2020\\n ")
    'Quý IV/2020'
    >>> normalize_cell(None)
    ''
    """
    if not cell:
        return ""
    return " ".join(unicodedata.normalize("NFC", cell).split())


_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")  # huyền, sắc, ngã, hỏi, nặng
# vowel pairs whose tone is printed on either vowel: "hoá"/"hóa", "thuỷ"/"thủy", "Qúy"/"Quý"
_SWING_PAIRS = frozenset({"oa", "oe", "uy"})


def _split_tone(ch: str) -> tuple[str, str | None]:
    """('ý' -> 'y', acute); a character without a tone mark, or not a letter, comes back alone."""
    decomposed = unicodedata.normalize("NFD", ch)
    tones = [c for c in decomposed if c in _TONE_MARKS]
    if not tones:
        return ch, None
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
    if len(base) != 1:
        return ch, None
    return base, tones[0]


def match_key(text: str) -> str:
    """Same-length matching form: lower case, and the tone of oa/oe/uy always on the first vowel.

    Because it has the same length as ``text``, a span found in the key is a span of the text.

    >>> match_key("QÚY IV"), match_key("Quý IV"), match_key("Hoá"), match_key("Hóa")
    ('qúy iv', 'qúy iv', 'hóa', 'hóa')
    """
    chars = []
    for ch in text:
        low = ch.lower()
        chars.append(low if len(low) == 1 else ch)
    for i in range(len(chars) - 1):
        first = chars[i]
        base, tone = _split_tone(chars[i + 1])
        if tone and first + base in _SWING_PAIRS:
            moved = unicodedata.normalize("NFC", first + tone)
            if len(moved) == 1:
                chars[i], chars[i + 1] = moved, base
    return "".join(chars)


# ------------------------------------------------------------------ vocabulary -> regex pieces

_NUMBER_DIGITS = r"\d{1,3}"


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


def _alternation(phrases, fills: dict[str, str] | None = None, glued: bool = False) -> str:
    """Non-capturing alternation of phrases, longest first (so 'đến hết' beats 'đến')."""
    unique = sorted({str(p) for p in phrases}, key=lambda p: (-len(p), p))
    if not unique:
        return r"(?!)"
    return "(?:" + "|".join(_phrase_regex(p, fills or {}, glued) for p in unique) + ")"


def _phrases(section: str) -> list[str]:
    return [p for entry in load("deadlines")[section] for p in entry.get("phrases", [])]


def _phrase_table(section: str, field_name: str) -> dict[str, object]:
    """Folded phrase -> the entry's field, e.g. quarter numeral 'iv' -> 4."""
    table = {}
    for entry in load("deadlines")[section]:
        for phrase in entry.get("phrases", []):
            table[" ".join(match_key(str(phrase)).split())] = entry[field_name]
    return table


def _lookup(table: dict[str, object], matched: str):
    return table.get(" ".join(matched.split()))


@dataclass(frozen=True)
class _Grammar:
    atom: regex.Pattern
    quarter_tail: regex.Pattern
    month_tail: regex.Pattern
    connector_gap: regex.Pattern
    list_gap: regex.Pattern
    prefix_cue: regex.Pattern
    open_end: regex.Pattern
    separator: regex.Pattern
    document_number: regex.Pattern
    document_date: regex.Pattern
    time_of_day: regex.Pattern
    recurring: regex.Pattern
    by_reference: regex.Pattern
    by_reference_lead: regex.Pattern
    relative: regex.Pattern
    relative_lead: regex.Pattern
    quarter_numbers: dict
    halves: dict
    shifts: dict


@cache
def _grammar() -> _Grammar:
    """All patterns, composed once from the vocabulary's named pieces."""
    words = {name: _alternation(_phrases(name)) for name in (
        "day_words", "month_words", "quarter_words", "year_words", "halves", "current_year",
        "plan_period", "year_shifts", "before_cues", "cue_fillers", "from_cues", "after_cues",
        "open_end_cues", "range_connectors", "bare_number_cues", "clause_separators",
        "recurring", "by_reference", "by_reference_leads", "relative", "number_words")}
    hour_words = _alternation(load("deadlines")["time_of_day"][0]["phrases"], glued=True)
    minute_words = _alternation(load("deadlines")["time_of_day"][1]["phrases"], glued=True)
    quarter_number = _alternation(_phrases("quarter_numbers"))
    before_exclusive = _alternation(p for e in load("deadlines")["before_cues"] if not e["inclusive"] for p in e["phrases"])
    before_inclusive = _alternation(p for e in load("deadlines")["before_cues"] if e["inclusive"] for p in e["phrases"])

    number = rf"(?:{_NUMBER_DIGITS}|{words['number_words']})"
    duration = _alternation(_phrases("duration_units")) + r"(?!\s*\d)"  # "15 tháng 12" is a date
    fills = {"number": number, "duration": duration}
    relative_lead = _alternation(_phrases("relative_leads"), fills)

    year = r"(?<!\d)(?:19|20)\d{2}(?!\d)"
    day_or_month = r"\d{1,2}(?!\d)"
    num_start = r"(?<![\w/.])"  # a number that is not the tail of another number or code
    # the year after a period: "/2026", "-2026", " năm 2026", ", năm 2026", or a shift "năm liền kề"
    year_slot = rf"""(?:
          \s*[/\-–.]\s*(?P<y>{year})
        | \s*,?\s*{words['year_words']}\s+(?P<y>{year})
        | \s+(?P<shift>{words['year_shifts']})
    )?"""
    year_slot_words = rf"""(?:
          \s*,?\s*{words['year_words']}\s+(?P<y>{year})
        | \s+(?P<shift>{words['year_shifts']})
    )?"""
    atom = rf"""
      (?P<half>                         # "6 tháng đầu năm 2021"
          (?P<half_words>{words['halves']}) (?:\s*[/\s]\s*(?P<y>{year}))? )
    | (?P<date_full>                    # "ngày 15/3/2021", "15-3-2021"
          (?P<day_word>{words['day_words']}\s+(?:{words['day_words']}\s+)?)?
          {num_start}(?P<d>{day_or_month})\s*(?P<sep>[/\-.])\s*(?P<m>{day_or_month})\s*(?P=sep)\s*(?P<y>{year}) )
    | (?P<date_words>                   # "ngày 15 tháng 3 năm 2021", "ngày 23 tháng 1"
          {words['day_words']}\s+(?P<d>{day_or_month})\s+{words['month_words']}\s+(?P<m>{day_or_month}) {year_slot} )
    | (?P<date_short>                   # "ngày 31/01", "ngày 31/12 năm trước liền kề", "30/6"
          (?: (?P<day_word>{words['day_words']})\s+(?P<d>{day_or_month})\s*[/\-.]\s*(?P<m>{day_or_month})
            | {num_start}(?P<d>{day_or_month})/(?P<m>{day_or_month}) )
          (?![\d/]) {year_slot_words} )
    | (?P<quarter>                      # "Quý IV/2020", "Quý III năm 2026", "quý 1"
          {words['quarter_words']}\s*(?P<q>{quarter_number}) {year_slot} )
    | (?P<month>                        # "Tháng 12/2020", "tháng 6 năm 2026", "tháng 01"
          {words['month_words']}\s+(?P<m>{day_or_month}) {year_slot} )
    | (?P<month_bare>                   # "12/2025"
          {num_start}(?P<m>{day_or_month})\s*/\s*(?P<y>{year}) (?![\d/]) )
    | (?P<year>                         # "Năm 2021"
          {words['year_words']}\s+(?P<y>{year}) )
    | (?P<year_bare>                    # "2026"
          {num_start}(?P<y>{year}) (?![\w/]) )
    | (?P<this_year>                    # "Trong năm" = the plan's year
          {words['current_year']} (?!\s*[\d/]) )
    | (?P<plan_period>                  # "giai đoạn" with no years = the plan's period
          {words['plan_period']} (?!\s*(?:{words['from_cues']}\s*)?(?:{words['year_words']}\s*)?\d) )
    """
    # a quarter or month list that drops the unit word: "Quý I, II/2026", "tháng 3-6/2026"
    list_joint = rf"\s*(?:,|{words['clause_separators']}|{words['range_connectors']})\s*"
    quarter_tail = rf"{list_joint}(?P<q>{quarter_number}) {year_slot}"
    month_tail = rf"{list_joint}{num_start}(?P<m>{day_or_month})(?!\s*[/\-.]\s*\d{{1,2}}(?!\d)) {year_slot}"

    cue_tail = rf"(?:\s+{words['cue_fillers']})*\s*$"
    prefix_cue = rf"""(?:
          (?P<after>{words['after_cues']})
        | (?P<before_excl>{before_exclusive})
        | (?P<before_incl>{before_inclusive})
        | (?P<from>{words['from_cues']})
        | (?P<licence>{words['bare_number_cues']}|{words['cue_fillers']})
    ){cue_tail}"""

    # a state or Party document number: "52/2015/NĐ-CP", "1441/QĐ-UBND", "19-NQ/TW", "10- CTr/TU"
    code_part = r"[A-ZĐ][A-Za-zĐđ&]{0,11}(?![\p{L}\d])"
    document_number = rf"""
        (?<![\w/.])\d+[a-z]?              # serial
        (?:\s*/\s*\d{{4}})?               # optional year of issue
        \s*[/\-]\s*{code_part}            # type or issuer code
        (?:\s*[/\-]\s*{code_part})*       # more code parts
    """
    # its issue date right after it: "ngày 28/5/2015", "ngày ngày 13/8/2020", "ngày 03 tháng 01 năm 2025"
    document_date = rf"""
        \s*,?\s*(?:{words['day_words']}\s+)+
        \d{{1,2}}\s*(?:[/\-.]\s*\d{{1,2}}\s*[/\-.]|\s+{words['month_words']}\s+\d{{1,2}}\s*,?\s*{words['year_words']})\s*\d{{4}}
    """
    # "20 giờ 15 phút", "8h30", "14:30" (a colon only between digits: "Đợt 1: 15/3/2026" is no time)
    time_point = rf"""(?<![\w/.])\d{{1,2}} (?:
          \s*{hour_words}(?:\s*\d{{1,2}}(?!\d)\s*{minute_words}?)?
        | :\d{{2}}(?!\d) )"""
    time_of_day = rf"(?:{words['from_cues']}\s*)?{time_point}(?:\s*{words['range_connectors']}\s*{time_point})?"

    flags = regex.VERBOSE
    return _Grammar(
        atom=regex.compile(atom, flags),
        quarter_tail=regex.compile(quarter_tail, flags),
        month_tail=regex.compile(month_tail, flags),
        connector_gap=regex.compile(rf"^\s*{words['range_connectors']}\s*$"),
        list_gap=regex.compile(rf"^(?:\s|,|;|{words['clause_separators']}|{words['range_connectors']})*$"),
        prefix_cue=regex.compile(prefix_cue, flags),
        open_end=regex.compile(rf"\s*,?\s*{words['open_end_cues']}"),
        separator=regex.compile(rf"{words['clause_separators']}|\.(?=\s|$)"),
        document_number=regex.compile(document_number, flags),
        document_date=regex.compile(document_date, flags),
        time_of_day=regex.compile(time_of_day, flags),
        recurring=regex.compile(words["recurring"]),
        by_reference=regex.compile(words["by_reference"]),
        by_reference_lead=regex.compile(words["by_reference_leads"]),
        relative=regex.compile(words["relative"]),
        relative_lead=regex.compile(relative_lead),
        quarter_numbers=_phrase_table("quarter_numbers", "value"),
        halves=_phrase_table("halves", "value"),
        shifts=_phrase_table("year_shifts", "shift"),
    )


# ------------------------------------------------------------------ calendar atoms

@dataclass
class _Atom:
    start: int
    end: int
    unit: str                      # day | month | quarter | half | year | this_year | plan_period
    day: int | None = None
    month: int | None = None
    part: int | None = None        # quarter or half number
    year: int | None = None        # as printed
    shift: int | None = None       # "năm liền kề" = +1 from the plan's year
    bare: bool = False             # a number with no unit word ("2026", "30/6")
    inherited_year: int | None = None

    @property
    def has_year(self) -> bool:
        return self.year is not None


def _int(text: str | None) -> int | None:
    return int(text) if text else None


def _atom_from_match(m: regex.Match, grammar: _Grammar) -> _Atom:
    g = m.groupdict()
    shift = _lookup(grammar.shifts, g["shift"]) if g.get("shift") else None
    common = dict(start=m.start(), end=m.end(), year=_int(g.get("y")), shift=shift)
    if g["half"]:
        return _Atom(unit="half", part=_lookup(grammar.halves, g["half_words"]), **common)
    if g["date_full"]:  # day, month and year together are a date wherever they stand
        return _Atom(unit="day", day=int(g["d"]), month=int(g["m"]), **common)
    if g["date_words"]:
        return _Atom(unit="day", day=int(g["d"]), month=int(g["m"]), **common)
    if g["date_short"]:
        return _Atom(unit="day", day=int(g["d"]), month=int(g["m"]), bare=not g["day_word"], **common)
    if g["quarter"]:
        return _Atom(unit="quarter", part=_lookup(grammar.quarter_numbers, g["q"]), **common)
    if g["month"]:
        return _Atom(unit="month", month=int(g["m"]), **common)
    if g["month_bare"]:
        return _Atom(unit="month", month=int(g["m"]), bare=True, **common)
    if g["year"]:
        return _Atom(unit="year", **common)
    if g["year_bare"]:
        return _Atom(unit="year", bare=True, **common)
    if g["this_year"]:
        return _Atom(unit="this_year", **common)
    return _Atom(unit="plan_period", **common)


def _find_atoms(key: str, grammar: _Grammar) -> list[_Atom]:
    """Calendar atoms in reading order, with list tails ("Quý I, II/2026") as atoms of their own."""
    atoms = [_atom_from_match(m, grammar) for m in grammar.atom.finditer(key)]
    result: list[_Atom] = []
    i = 0
    while i < len(atoms):
        atom = atoms[i]
        result.append(atom)
        i += 1
        tail_pattern = {"quarter": grammar.quarter_tail, "month": grammar.month_tail}.get(atom.unit)
        while tail_pattern is not None and not atom.bare:
            tail = tail_pattern.match(key, atom.end)
            if not tail or (i < len(atoms) and atoms[i].start < tail.start("q" if atom.unit == "quarter" else "m")):
                break
            g = tail.groupdict()
            shift = _lookup(grammar.shifts, g["shift"]) if g.get("shift") else None
            start = tail.start("q" if atom.unit == "quarter" else "m")
            if atom.unit == "quarter":
                atom = _Atom(start, tail.end(), "quarter", part=_lookup(grammar.quarter_numbers, g["q"]),
                             year=_int(g.get("y")), shift=shift)
            else:
                atom = _Atom(start, tail.end(), "month", month=int(g["m"]), year=_int(g.get("y")), shift=shift)
            while i < len(atoms) and atoms[i].start < atom.end:  # the tail swallows "6/2026" found as bare
                i += 1
            result.append(atom)
    return result


# ------------------------------------------------------------------ expressions

@dataclass
class _Expr:
    start: int
    end: int
    atoms: list[_Atom]
    form: str = "single"           # single | range | before | from | after
    inclusive: bool = True         # for before: does the period itself count?
    licensed: bool = True

    @property
    def bare(self) -> bool:
        return all(a.bare for a in self.atoms)

    @property
    def yearless(self) -> bool:
        return not any(a.has_year for a in self.atoms)

    @property
    def shifted(self) -> bool:
        return any(a.shift is not None for a in self.atoms)


_PERIOD_UNITS = frozenset({"day", "month", "quarter", "half", "year"})


def _compose(key: str, atoms: list[_Atom], grammar: _Grammar) -> list[_Expr]:
    """Join atoms with the cue words around them: ranges, before, from, after, open ends."""
    exprs: list[_Expr] = []
    i = 0
    previous_end = 0
    while i < len(atoms):
        first = atoms[i]
        expr = _Expr(first.start, first.end, [first])
        if i + 1 < len(atoms):
            second = atoms[i + 1]
            gap = key[first.end:second.start]
            if first.unit in _PERIOD_UNITS and second.unit in _PERIOD_UNITS and grammar.connector_gap.match(gap):
                expr = _Expr(first.start, second.end, [first, second], form="range")
        i += len(expr.atoms)
        cue = grammar.prefix_cue.search(key[previous_end:expr.start])
        if cue and expr.form == "single":
            if cue.group("before_excl"):
                expr.form, expr.inclusive = "before", False
            elif cue.group("before_incl"):
                expr.form = "before"
            elif cue.group("from"):
                expr.form = "from"
            elif cue.group("after"):
                expr.form = "after"
        tail = grammar.open_end.match(key, expr.end)
        if tail and expr.form in ("single", "from"):
            expr.form, expr.end = "from", tail.end()
        # a bare number counts only with a cue, in a range with a worded period, continuing a
        # list of its own unit ("ngày 25/6 và 25/12"), or standing alone (checked per clause)
        continues_list = bool(exprs) and exprs[-1].atoms[-1].unit == first.unit and bool(
            grammar.list_gap.match(key[previous_end:expr.start]))
        expr.licensed = not expr.bare or bool(cue) or continues_list
        exprs.append(expr)
        previous_end = expr.end
    return exprs


# ------------------------------------------------------------------ clauses and phrases

@dataclass
class _Piece:
    start: int
    end: int
    separator: str | None          # the separator before it (folded), None for the first
    exprs: list[_Expr] = field(default_factory=list)
    lead: str | None = None        # relative | by_reference: the clause opens with that cue
    cues: frozenset[str] = frozenset()

    @property
    def has_time(self) -> bool:
        return bool(self.exprs or self.lead or self.cues)

    @property
    def kind(self) -> str | None:
        if self.lead:
            return self.lead
        if self.exprs:
            return "calendar"
        for kind in ("by_reference", "recurring", "relative"):
            if kind in self.cues:
                return kind
        return None


@dataclass
class _Phrase:
    pieces: list[_Piece]

    @property
    def start(self) -> int:
        return self.pieces[0].start

    @property
    def end(self) -> int:
        return self.pieces[-1].end

    @property
    def exprs(self) -> list[_Expr]:
        return [e for p in self.pieces for e in p.exprs]

    @property
    def lead(self) -> str | None:
        timed = [p for p in self.pieces if p.has_time]
        return timed[0].lead if timed else None

    @property
    def cues(self) -> frozenset[str]:
        return frozenset().union(*(p.cues for p in self.pieces))


_ABSORBING_SEPARATORS = frozenset({",", "và", "hoặc"})
_OPENING_JUNK = regex.compile(r"[\s\-–+*•·(\[]*")
_EDGE_JUNK = " \t,;:-–+*•·"


def _cut(text: str, key: str, exprs: list[_Expr], grammar: _Grammar) -> list[_Piece]:
    """Clauses between separators that are not inside an expression (trimmed on the printed
    text, so a masked document number at a clause's end stays in it)."""
    inside = [(e.start, e.end) for e in exprs]
    pieces, start, separator = [], 0, None
    for m in grammar.separator.finditer(key):
        if any(s <= m.start() < e for s, e in inside):
            continue
        pieces.append(_Piece(start, m.start(), separator))
        start, separator = m.end(), " ".join(m.group().split())
    pieces.append(_Piece(start, len(key), separator))
    trimmed = []
    for p in pieces:
        s, e = p.start, p.end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            trimmed.append(_Piece(s, e, p.separator))
    return trimmed


def _analyse(piece: _Piece, key: str, exprs: list[_Expr], grammar: _Grammar) -> None:
    """Fill the piece's expressions, opening cue and cues anywhere."""
    text = key[piece.start:piece.end]
    mine = [e for e in exprs if piece.start <= e.start < piece.end]
    for expr in mine:
        if not expr.licensed:
            # standing alone: the clause holds no letters besides the expression
            rest = key[piece.start:expr.start] + key[expr.end:piece.end]
            expr.licensed = not regex.search(r"\p{L}", rest)
    piece.exprs = [e for e in mine if e.licensed]
    opening = _OPENING_JUNK.match(text).end()
    if grammar.relative_lead.match(text, opening):
        piece.lead = "relative"
    elif grammar.by_reference_lead.match(text, opening) and not grammar.recurring.match(text, opening):
        piece.lead = "by_reference"
    cues = set()
    if grammar.by_reference.search(text):
        cues.add("by_reference")
    if grammar.recurring.search(text):
        cues.add("recurring")
    if grammar.relative.search(text) or grammar.relative_lead.search(text):
        cues.add("relative")
    piece.cues = frozenset(cues)


def _group(pieces: list[_Piece]) -> list[_Phrase]:
    """Clauses -> phrases: timeless clauses join a neighbour, like clauses merge, leads absorb."""
    phrases: list[_Phrase] = []
    pending: list[_Piece] = []
    for piece in pieces:
        last = phrases[-1] if phrases else None
        if last and not pending and last.lead and piece.separator in _ABSORBING_SEPARATORS and not piece.exprs:
            last.pieces.append(piece)  # "Theo Kế hoạch rà soát, đánh giá ... hằng năm của tỉnh"
            continue
        if not piece.has_time:
            pending.append(piece)  # "báo cáo kết quả ..., hạn chế ... chậm nhất trong tháng 8 hằng năm"
            continue
        separator = (pending[0] if pending else piece).separator
        if (last and not piece.exprs and not last.exprs and separator in _ABSORBING_SEPARATORS
                and piece.kind == last.pieces[-1].kind):
            last.pieces.extend(pending + [piece])  # "Thường xuyên, liên tục"
        else:
            phrases.append(_Phrase(pending + [piece]))
        pending = []
    if pending:
        if phrases:
            phrases[-1].pieces.extend(pending)  # "... chậm nhất là ngày 15/4/2026 và tổ chức thực hiện"
        else:
            phrases.append(_Phrase(pending))
    return phrases


# ------------------------------------------------------------------ calendar arithmetic

def _safe_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except (ValueError, OverflowError, TypeError):
        return None


def _month_end(year: int, month: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, calendar.monthrange(year, month)[1])
    except (ValueError, OverflowError, TypeError, calendar.IllegalMonthError):
        return None


class _Invalid(Exception):
    """A period that cannot exist (31/02, tháng 13, a year out of range)."""


@dataclass(frozen=True)
class _Context:
    plan_year: int | None
    multi_year: bool
    period: tuple[int, int] | None


def _atom_year(atom: _Atom, ctx: _Context) -> int | None:
    if atom.year is not None:
        return atom.year
    if atom.shift is not None:
        return ctx.plan_year + atom.shift if ctx.plan_year is not None else None
    if atom.inherited_year is not None:
        return atom.inherited_year
    return ctx.plan_year


def _bounds(atom: _Atom, year: int | None, ctx: _Context) -> tuple[datetime.date | None, datetime.date | None]:
    """First and last day of an atom's period in a year; (None, None) where the year is unknown."""
    unit = atom.unit
    if unit == "plan_period":
        if not ctx.period:
            return None, None
        first, last = ctx.period
        start, end = _safe_date(first, 1, 1), _safe_date(last, 12, 31)
        if start is None or end is None or start > end:
            raise _Invalid
        return start, end
    if unit == "day":
        if not (1 <= atom.month <= 12 and 1 <= atom.day <= 31):
            raise _Invalid
        if year is None:
            if atom.day > calendar.monthrange(2000, atom.month)[1]:  # 2000: 29 February exists
                raise _Invalid
            return None, None
        day = _safe_date(year, atom.month, atom.day)
        if day is None:
            raise _Invalid
        return day, day
    if unit == "month":
        if not 1 <= atom.month <= 12:
            raise _Invalid
        if year is None:
            return None, None
        return _checked(_safe_date(year, atom.month, 1), _month_end(year, atom.month))
    if unit == "quarter":
        if atom.part not in (1, 2, 3, 4):
            raise _Invalid
        if year is None:
            return None, None
        return _checked(_safe_date(year, 3 * atom.part - 2, 1), _month_end(year, 3 * atom.part))
    if unit == "half":
        if year is None:
            return None, None
        return _checked(_safe_date(year, 6 * atom.part - 5, 1), _month_end(year, 6 * atom.part))
    # year, this_year
    if year is None:
        return None, None
    return _checked(_safe_date(year, 1, 1), _safe_date(year, 12, 31))


def _checked(start, end):
    if start is None or end is None:
        raise _Invalid
    return start, end


def _value(atom: _Atom, year: int | None) -> str | None:
    """TIMEX3-style value of an atom's period ("XXXX" for an unknown year)."""
    y = f"{year:04d}" if year is not None and 0 <= year <= 9999 else "XXXX"
    if atom.unit == "day":
        return f"{y}-{atom.month:02d}-{atom.day:02d}"
    if atom.unit == "month":
        return f"{y}-{atom.month:02d}"
    if atom.unit == "quarter":
        return f"{y}-Q{atom.part}"
    if atom.unit == "half":
        return f"{y}-H{atom.part}"
    if atom.unit in ("year", "this_year"):
        return y
    return None


def _previous(atom: _Atom, year: int | None) -> tuple[_Atom, int | None]:
    """The period just before (for "Trước năm 2030" read literally: 2029)."""
    step = {"month": 12, "quarter": 4, "half": 2}
    if atom.unit in step:
        attr = "month" if atom.unit == "month" else "part"
        number = getattr(atom, attr)
        if number == 1:
            prev = _Atom(atom.start, atom.end, atom.unit, **{attr: step[atom.unit]})
            return prev, (year - 1 if year is not None else None)
        return _Atom(atom.start, atom.end, atom.unit, **{attr: number - 1}), year
    return atom, (year - 1 if year is not None else None)


def _expr_deadline(expr: _Expr, raw: str, ctx: _Context) -> Deadline:
    """One calendar expression as a Deadline (unknown where the period cannot exist)."""
    if expr.shifted and ctx.multi_year:
        return Deadline("recurring", None, None, None, raw)  # "Trước ngày 31/01 năm liền kề", every year
    first = expr.atoms[0]
    year = _atom_year(first, ctx)
    try:
        start, end = _bounds(first, year, ctx)
        if expr.form == "range":
            second = expr.atoms[1]
            _, end = _bounds(second, _atom_year(second, ctx), ctx)
            if start is not None and end is not None and start > end:
                raise _Invalid
            return Deadline("range", start, end, None, raw)
        if first.unit == "plan_period":
            if expr.form == "before":
                return Deadline("before", None, end, f"{end.year:04d}" if end else None, raw)
            return Deadline("range", start, end, None, raw)
        if expr.form == "before":
            if expr.inclusive or first.unit == "day":
                return Deadline("before", None, end, _value(first, year), raw)
            previous, previous_year = _previous(first, year)
            prior_end = start - datetime.timedelta(days=1) if start is not None else None
            return Deadline("before", None, prior_end, _value(previous, previous_year), raw)
        if expr.form == "from":
            return Deadline("range", start, None, None, raw)
        if expr.form == "after":
            after = end + datetime.timedelta(days=1) if end is not None else None
            return Deadline("range", after, None, None, raw)
    except (_Invalid, OverflowError):
        return Deadline("unknown", None, None, None, raw)
    kind = {"day": "date", "this_year": "year"}.get(first.unit, first.unit)
    return Deadline(kind, start, end, _value(first, year), raw)


def _inherit_years(key: str, exprs: list[_Expr], grammar: _Grammar) -> None:
    """A year-less period takes the year printed next to it: "tháng 11 và tháng 12/2025",
    "Từ ngày 20/11 đến ngày 31/12/2025"; a range's end takes its start's year ("Tháng 11/2025 - tháng 2")."""
    for expr in exprs:
        if expr.form == "range":
            first, second = expr.atoms
            if not first.has_year and first.shift is None and second.has_year:
                first.inherited_year = second.year
                if _order(first) > _order(second):
                    first.inherited_year -= 1
            elif not second.has_year and second.shift is None and first.has_year:
                second.inherited_year = first.year
                if _order(second) < _order(first):
                    second.inherited_year += 1
    for expr, following in reversed(list(zip(exprs, exprs[1:]))):
        atom, donor = expr.atoms[-1], following.atoms[0]
        donor_year = donor.year if donor.year is not None else donor.inherited_year
        if (atom.unit in _PERIOD_UNITS and atom.unit != "year" and donor.unit in _PERIOD_UNITS
                and not atom.has_year and atom.shift is None and atom.inherited_year is None
                and donor_year is not None and grammar.list_gap.match(key[expr.end:following.start])):
            for a in expr.atoms:
                if not a.has_year and a.inherited_year is None:
                    a.inherited_year = donor_year


def _order(atom: _Atom) -> tuple[int, int]:
    """Position of a period inside its year, for comparing year-less periods."""
    if atom.unit == "day":
        return atom.month, atom.day
    if atom.unit == "month":
        return atom.month, 0
    if atom.unit == "quarter":
        return 3 * atom.part - 2, 0
    if atom.unit == "half":
        return 6 * atom.part - 5, 0
    return 1, 0


# ------------------------------------------------------------------ the public function

def _trim(text: str, start: int, end: int) -> str:
    """The printed span without edge separators (',', ';', '-') and spaces."""
    return text[start:end].strip(_EDGE_JUNK)


def _mask(key: str, text: str, grammar: _Grammar) -> str:
    """The key with document numbers (and their issue dates) and times of day blanked out."""
    chars = list(key)

    def blank(s: int, e: int) -> None:
        chars[s:e] = " " * (e - s)

    for m in grammar.document_number.finditer(text):
        end = m.end()
        issued = grammar.document_date.match(key, end)
        blank(m.start(), issued.end() if issued else end)
    masked = "".join(chars)
    for m in grammar.time_of_day.finditer(masked):
        blank(m.start(), m.end())
    return "".join(chars)


def parse_deadlines(cell: str | None, plan_year: int | None, multi_year: bool = False,
                    period: tuple[int, int] | None = None) -> list[Deadline]:
    """One cell of a deadline column -> its phrases in order. Empty/None cell -> [].

    ``plan_year`` fills year-less periods ("Quý I", "Tháng 6", "Trong năm"); ``multi_year``
    says the plan covers several years, so a cut-off tied to the plan's year ("Trước ngày
    31/01 năm liền kề") repeats every year; ``period`` (first, last year) is what a bare
    "giai đoạn" means.

    >>> [(d.kind, d.start, d.end, d.value) for d in parse_deadlines("Trước năm 2030", 2026)]
    [('before', None, datetime.date(2029, 12, 31), '2029')]
    >>> [(d.kind, d.value, d.raw) for d in parse_deadlines("Báo cáo định kỳ theo thời gian quy định; thực hiện hằng năm", 2026)]
    [('by_reference', None, 'Báo cáo định kỳ theo thời gian quy định'), ('recurring', None, 'thực hiện hằng năm')]
    >>> [(d.kind, str(d.start)) for d in parse_deadlines("Từ 20 giờ 15 phút - 20 giờ 45 phút ngày 9 tháng 1", 2026)]
    [('date', '2026-01-09')]
    >>> parse_deadlines("  ", 2026)
    []
    """
    text = normalize_cell(cell)
    if not regex.search(r"[\p{L}\p{N}]", text):
        return []
    grammar = _grammar()
    ctx = _Context(plan_year, multi_year, tuple(period) if period else None)
    key = _mask(match_key(text), text, grammar)

    exprs = _compose(key, _find_atoms(key, grammar), grammar)
    pieces = _cut(text, key, exprs, grammar)
    for piece in pieces:
        _analyse(piece, key, exprs, grammar)
    phrases = _group(pieces)
    _inherit_years(key, [e for e in exprs if e.licensed], grammar)
    recurring_flags = _recurring_phrases(key, phrases, grammar)

    rows: list[Deadline] = []
    for phrase, recurring in zip(phrases, recurring_flags):
        raw = _trim(text, phrase.start, phrase.end)
        exprs_here = phrase.exprs
        if phrase.lead:
            rows.append(Deadline(phrase.lead, None, None, None, raw))
        elif exprs_here and recurring:
            rows.append(Deadline("recurring", None, None, None, raw))
        elif exprs_here:
            bounds = _split_points(phrase, exprs_here)
            for expr, (s, e) in zip(exprs_here, bounds):
                rows.append(_expr_deadline(expr, _trim(text, s, e) or raw, ctx))
        else:
            kind = next((k for k in ("by_reference", "recurring", "relative") if k in phrase.cues), "unknown")
            rows.append(Deadline(kind, None, None, None, raw))
    if len(rows) == 1:
        whole = _trim(text, 0, len(text)) or text
        rows[0] = Deadline(rows[0].kind, rows[0].start, rows[0].end, rows[0].value, whole)
    return rows


def _recurring_phrases(key: str, phrases: list[_Phrase], grammar: _Grammar) -> list[bool]:
    """Which calendar phrases repeat: year-less periods with "hằng năm" ("trong tháng 01 hằng
    năm"), and year-less periods listed just before such a phrase ("tháng 6 và tháng 12 hằng năm")."""
    flags = [bool(p.exprs) and "recurring" in p.cues and all(e.yearless for e in p.exprs) for p in phrases]
    for i in range(len(phrases) - 2, -1, -1):
        here, following = phrases[i], phrases[i + 1]
        if (flags[i + 1] and not flags[i] and here.exprs and not here.cues and all(e.yearless for e in here.exprs)
                and grammar.list_gap.match(key[here.exprs[-1].end:following.exprs[0].start])):
            flags[i] = True
    return flags


def _split_points(phrase: _Phrase, exprs: list[_Expr]) -> list[tuple[int, int]]:
    """Spans of a phrase's expressions: the text before an expression goes with it, the text
    after the last one goes with the last."""
    spans = []
    start = phrase.start
    for i, expr in enumerate(exprs):
        end = phrase.end if i == len(exprs) - 1 else expr.end
        spans.append((start, end))
        start = end
    return spans
