"""What reading a task table gives: :class:`TaskRow` with its :class:`TaskOutput` lines, the
cells as printed, before agencies and deadlines are parsed.

Task "1 | Ban hành kế hoạch | Sở Nội vụ | Quý I/2026" under group "I" reads as
``TaskRow(seq=1, stt="1", group_label="I", ..., content="Ban hành kế hoạch")`` with
``raw["lead"] == ["Sở Nội vụ"]`` and one output whose ``deadline_raw`` is "Quý I/2026".
"""
from __future__ import annotations

from dataclasses import dataclass, field

AGENCY_ROLES = ("lead", "coordinate", "monitor")


@dataclass
class TaskOutput:
    text: str | None
    deadline_raw: str | None
    row: int  # table row the output was read from (0-based)


@dataclass
class TaskRow:
    """One task read from a table, before normalization (agency/deadline parsing)."""

    seq: int
    stt: str | None
    group_label: str | None
    group_title: str | None
    content: str | None
    raw: dict[str, list[str]] = field(default_factory=lambda: {r: [] for r in AGENCY_ROLES})
    agency_cells: dict[str, list[str]] = field(default_factory=lambda: {r: [] for r in AGENCY_ROLES})  # Slot.lines
    outputs: list[TaskOutput] = field(default_factory=list)
    first_row: int = 0
    last_row: int = 0
    group_label_read_as: str | None = None  # the group label as OCR read it, where that was a misreading

    def raw_text(self, role: str) -> str | None:
        return "; ".join(self.raw[role]) or None
