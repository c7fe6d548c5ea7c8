"""Deadline cells -> normalized time phrases (CONVENTIONS §4).

One cell of a deadline column ("Thời gian hoàn thành", "Thời hạn", ...) holds one or more
phrases: a calendar period ("Quý IV/2020", "Trước ngày 30/11/2025", "2025 - 2035"), a
repeating duty ("Hằng năm"), a timing set elsewhere ("Theo quy định") or counted from an event
("Sau khi Trung ương ban hành ..."). Each phrase gives one ``Deadline``.

The words are data (``parsers/data/deadlines.yaml``); this package only composes them
(``vocabulary`` turns the phrases into regex pieces, ``grammar`` builds the patterns):

1. the cell is NFC-normalized and whitespace-folded; a same-length *matching key* is made
   from it (lower case, tone mark of oa/oe/uy on one vowel), so every span found in the key
   is a span of the printed text (``text``);
2. document numbers ("Quyết định số 1441/QĐ-UBND ngày 25/9/2025": the date is an issue date,
   not a deadline) and times of day ("20 giờ 15 phút") are masked out of the key (``masking``);
3. calendar *atoms* are found (a day, month, quarter, half, year, "trong năm", "giai đoạn"),
   and joined with the cue words around them into *expressions* ("Quý IV/2025 - Quý II/2026"
   is one range, "Trước năm 2030" one before) (``atoms``, ``expressions``);
4. the cell is cut at ";", ",", "và", "hoặc" into clauses; a clause with no time of its own
   ("và tổ chức thực hiện") stays with its neighbour, and a clause opened by "Theo ..." or
   "Sau khi ..." keeps the comma-clauses after it (``phrases``);
5. each phrase is classified: an opening "Theo"/"Sau khi" wins, then calendar expressions
   (a year-less one with "hằng năm" is recurring), then by_reference, recurring and
   relative cues anywhere, else unknown (``cell``, with the calendar arithmetic in ``dates``
   and the output row in ``deadline``).

>>> [(d.kind, str(d.start), str(d.end), d.value) for d in parse_deadlines("Quý I/2021 và Quý III/2021", 2021)]
[('quarter', '2021-01-01', '2021-03-31', '2021-Q1'), ('quarter', '2021-07-01', '2021-09-30', '2021-Q3')]
"""
from parsers.deadlines.cell import parse_deadlines
from parsers.deadlines.deadline import KINDS, Deadline
from parsers.deadlines.text import match_key, normalize_cell

__all__ = ["KINDS", "Deadline", "match_key", "normalize_cell", "parse_deadlines"]
