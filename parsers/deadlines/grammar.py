"""Every pattern the parser uses, composed once from the vocabulary's named sections.

For example the ``atom`` pattern finds "Quý IV/2020", "ngày 15 tháng 3 năm 2021" and a bare
"2026"; ``document_number`` finds "1441/QĐ-UBND"; ``separator`` finds ";" and "và".
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from parsers.deadlines.vocabulary import alternation, phrase_table, section_phrases
from parsers.vocab import load


_NUMBER_DIGITS = r"\d{1,3}"


@dataclass(frozen=True)
class Grammar:
    """The compiled patterns (over the matching key) and the tables that read a match back,
    e.g. ``quarter_numbers["iv"] == 4``, ``shifts["năm liền kề"] == 1``."""

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
def build_grammar() -> Grammar:
    """All patterns, composed once from the vocabulary's named pieces."""
    words = {name: alternation(section_phrases(name)) for name in (
        "day_words", "month_words", "quarter_words", "year_words", "halves", "current_year",
        "plan_period", "year_shifts", "cue_fillers", "from_cues", "after_cues",
        "open_end_cues", "range_connectors", "bare_number_cues", "clause_separators",
        "recurring", "by_reference", "by_reference_leads", "relative", "number_words")}
    hour_words = alternation(load("deadlines")["time_of_day"][0]["phrases"], glued=True)
    minute_words = alternation(load("deadlines")["time_of_day"][1]["phrases"], glued=True)
    quarter_number = alternation(section_phrases("quarter_numbers"))
    before_exclusive = alternation(p for e in load("deadlines")["before_cues"] if not e["inclusive"] for p in e["phrases"])
    before_inclusive = alternation(p for e in load("deadlines")["before_cues"] if e["inclusive"] for p in e["phrases"])

    number = rf"(?:{_NUMBER_DIGITS}|{words['number_words']})"
    duration = alternation(section_phrases("duration_units")) + r"(?!\s*\d)"  # "15 tháng 12" is a date
    fills = {"number": number, "duration": duration}
    relative_lead = alternation(section_phrases("relative_leads"), fills)

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
    return Grammar(
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
        quarter_numbers=phrase_table("quarter_numbers", "value"),
        halves=phrase_table("halves", "value"),
        shifts=phrase_table("year_shifts", "shift"),
    )
