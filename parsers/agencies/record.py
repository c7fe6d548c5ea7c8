"""The public record of one agency named in a cell."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Agency:
    """One agency named in a cell.

    ``mention`` is the piece of the cell as printed (NFC, whitespace folded); ``name`` the
    canonical name; ``kind`` one of the kinds documented in agencies.yaml; ``level`` central,
    province, district, commune or None; ``is_collective`` true for a class of bodies.

    >>> Agency("Sở TT&TT", "Sở Thông tin và Truyền thông", "department", "province", False).name
    'Sở Thông tin và Truyền thông'
    """

    mention: str
    name: str
    kind: str
    level: str | None
    is_collective: bool
