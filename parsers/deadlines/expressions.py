"""Calendar expressions: atoms joined with the cue words around them, and the years that
year-less atoms take from their neighbours.

For example "Quý IV/2025 - Quý II/2026" is one range, "Trước năm 2030" one before (exclusive),
and in "tháng 11 và tháng 12/2025" the first month takes the year 2025.
"""
from __future__ import annotations

from dataclasses import dataclass

from parsers.deadlines.atoms import Atom
from parsers.deadlines.grammar import Grammar


@dataclass
class Expr:
    """One or two atoms read together, e.g. "Trước năm 2030" -> form "before" (not inclusive),
    "Quý IV/2025 - Quý II/2026" -> form "range" with two atoms."""

    start: int
    end: int
    atoms: list[Atom]
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


def compose_expressions(key: str, atoms: list[Atom], grammar: Grammar) -> list[Expr]:
    """Join atoms with the cue words around them: ranges, before, from, after, open ends."""
    exprs: list[Expr] = []
    i = 0
    previous_end = 0
    while i < len(atoms):
        first = atoms[i]
        expr = Expr(first.start, first.end, [first])
        if i + 1 < len(atoms):
            second = atoms[i + 1]
            gap = key[first.end:second.start]
            if first.unit in _PERIOD_UNITS and second.unit in _PERIOD_UNITS and grammar.connector_gap.match(gap):
                expr = Expr(first.start, second.end, [first, second], form="range")
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


def inherit_years(key: str, exprs: list[Expr], grammar: Grammar) -> None:
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


def _order(atom: Atom) -> tuple[int, int]:
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
