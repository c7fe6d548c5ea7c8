"""Calendar atoms found in the matching key: one day, month, quarter, half or year, "trong năm"
(the plan's year) or "giai đoạn" (the plan's period).

For example "Quý I, II/2026" gives two quarter atoms, the second one a list tail without
the word "Quý"; "ngày 31/12 năm trước liền kề" gives a day atom with a year shift of -1.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from parsers.deadlines.grammar import Grammar
from parsers.deadlines.vocabulary import lookup


@dataclass
class Atom:
    """One calendar period as printed, e.g. "Quý IV/2020" -> unit "quarter", part 4, year 2020;
    ``start``/``end`` are its span in the cell."""

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


def _atom_from_match(m: regex.Match, grammar: Grammar) -> Atom:
    g = m.groupdict()
    shift = lookup(grammar.shifts, g["shift"]) if g.get("shift") else None
    common = dict(start=m.start(), end=m.end(), year=_int(g.get("y")), shift=shift)
    if g["half"]:
        return Atom(unit="half", part=lookup(grammar.halves, g["half_words"]), **common)
    if g["date_full"]:  # day, month and year together are a date wherever they stand
        return Atom(unit="day", day=int(g["d"]), month=int(g["m"]), **common)
    if g["date_words"]:
        return Atom(unit="day", day=int(g["d"]), month=int(g["m"]), **common)
    if g["date_short"]:
        return Atom(unit="day", day=int(g["d"]), month=int(g["m"]), bare=not g["day_word"], **common)
    if g["quarter"]:
        return Atom(unit="quarter", part=lookup(grammar.quarter_numbers, g["q"]), **common)
    if g["month"]:
        return Atom(unit="month", month=int(g["m"]), **common)
    if g["month_bare"]:
        return Atom(unit="month", month=int(g["m"]), bare=True, **common)
    if g["year"]:
        return Atom(unit="year", **common)
    if g["year_bare"]:
        return Atom(unit="year", bare=True, **common)
    if g["this_year"]:
        return Atom(unit="this_year", **common)
    return Atom(unit="plan_period", **common)


def find_atoms(key: str, grammar: Grammar) -> list[Atom]:
    """Calendar atoms in reading order, with list tails ("Quý I, II/2026") as atoms of their own."""
    atoms = [_atom_from_match(m, grammar) for m in grammar.atom.finditer(key)]
    result: list[Atom] = []
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
            shift = lookup(grammar.shifts, g["shift"]) if g.get("shift") else None
            start = tail.start("q" if atom.unit == "quarter" else "m")
            if atom.unit == "quarter":
                atom = Atom(start, tail.end(), "quarter", part=lookup(grammar.quarter_numbers, g["q"]),
                             year=_int(g.get("y")), shift=shift)
            else:
                atom = Atom(start, tail.end(), "month", month=int(g["m"]), year=_int(g.get("y")), shift=shift)
            while i < len(atoms) and atoms[i].start < atom.end:  # the tail swallows "6/2026" found as bare
                i += 1
            result.append(atom)
    return result
