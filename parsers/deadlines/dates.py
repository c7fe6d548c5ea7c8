"""Calendar arithmetic: one expression as a Deadline with its first day, last day and value.

For example "Trước năm 2030" read literally ends on 2029-12-31 with the value "2029";
"Quý I" in a 2026 plan is 2026-01-01..2026-03-31, "2026-Q1"; "ngày 31/02/2026" is unknown.
"""
from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass

from parsers.deadlines.atoms import Atom
from parsers.deadlines.deadline import Deadline
from parsers.deadlines.expressions import Expr


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
class Context:
    """What a cell is read against, e.g. a 2026 plan: ``Context(2026, False, None)``; a plan for
    2026-2030: ``Context(2026, True, (2026, 2030))``."""

    plan_year: int | None
    multi_year: bool
    period: tuple[int, int] | None


def _atom_year(atom: Atom, ctx: Context) -> int | None:
    if atom.year is not None:
        return atom.year
    if atom.shift is not None:
        return ctx.plan_year + atom.shift if ctx.plan_year is not None else None
    if atom.inherited_year is not None:
        return atom.inherited_year
    return ctx.plan_year


def _bounds(atom: Atom, year: int | None, ctx: Context) -> tuple[datetime.date | None, datetime.date | None]:
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


def _value(atom: Atom, year: int | None) -> str | None:
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


def _previous(atom: Atom, year: int | None) -> tuple[Atom, int | None]:
    """The period just before (for "Trước năm 2030" read literally: 2029)."""
    step = {"month": 12, "quarter": 4, "half": 2}
    if atom.unit in step:
        attr = "month" if atom.unit == "month" else "part"
        number = getattr(atom, attr)
        if number == 1:
            prev = Atom(atom.start, atom.end, atom.unit, **{attr: step[atom.unit]})
            return prev, (year - 1 if year is not None else None)
        return Atom(atom.start, atom.end, atom.unit, **{attr: number - 1}), year
    return atom, (year - 1 if year is not None else None)


def expression_deadline(expr: Expr, raw: str, ctx: Context) -> Deadline:
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
