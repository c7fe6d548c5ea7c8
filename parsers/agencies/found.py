"""An agency while it is being read: its token range and what is known of it so far.

The readers make a :class:`Found` for "UBND" with ``place_head="Ủy ban nhân dân"``; the tail
of the name, its qualifiers and a following "cấp xã" then complete or repeat it, and only
at the end is it turned into an :class:`parsers.agencies.record.Agency`.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Found:
    """An agency read from tokens ``start:end`` (before its mention and name are finished)."""

    start: int
    end: int
    name: str
    kind: str
    level: str | None
    collective: bool
    # Set for bodies that take a place ("Ủy ban nhân dân"): a following "cấp xã" or "xã X"
    # names the same kind of body there.
    place_head: str | None = None
    # Set for names whose head never repeats inside one name ("Sở"): a second one splits.
    repeat_head: str | None = None
