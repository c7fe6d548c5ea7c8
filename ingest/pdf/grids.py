"""Ruling lines -> table grids: cell boundaries, and spans where an inner border is missing.

Borders come in pieces (Word draws one per cell side) and, from a scan, slightly skewed and
broken; pieces along one line are merged first. Lines that touch each other form one table;
a table needs at least two horizontal and two vertical lines. Its column edges are the
distinct x of its verticals, its row edges the distinct y of its horizontals (the outer box
is added where a writer left the sides open). A grid slot is merged with its right (lower)
neighbour where no border runs between them: that is how a merged cell looks on paper.

>>> rules = [Rule(0, 0, 200, 1), Rule(0, 30, 200, 31), Rule(0, 60, 200, 61),
...          Rule(0, 0, 1, 61), Rule(100, 30, 101, 61), Rule(199, 0, 200, 61)]
>>> [(s.row, s.col, s.rowspan, s.colspan) for s in find_grids(rules)[0].slots]
[(0, 0, 1, 2), (1, 0, 1, 1), (1, 1, 1, 1)]
"""
from __future__ import annotations

from dataclasses import dataclass

from ingest.pdf.page import Rule

SNAP = 2.5  # pt: border pieces this close across are one line; edges this close are one edge
JOIN = 3.0  # pt: pieces along a line with a smaller gap are one line
COVERED = 0.6  # share of a slot side a border must cover to separate two slots


@dataclass(frozen=True)
class Segment:
    """A merged border line: ``pos`` across it, ``lo``-``hi`` along it."""

    pos: float
    lo: float
    hi: float


@dataclass(frozen=True)
class Slot:
    """A cell of the grid: its first row/column and spans, and its box."""

    row: int
    col: int
    rowspan: int
    colspan: int
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True)
class Grid:
    xs: tuple[float, ...]
    ys: tuple[float, ...]
    slots: tuple[Slot, ...]

    @property
    def box(self) -> tuple[float, float, float, float]:
        return self.xs[0], self.ys[0], self.xs[-1], self.ys[-1]

    def contains(self, x: float, y: float) -> bool:
        x0, y0, x1, y1 = self.box
        return x0 - 1 <= x <= x1 + 1 and y0 - 1 <= y <= y1 + 1


def _merge(pieces: list[tuple[float, float, float]]) -> list[Segment]:
    """(pos, lo, hi) pieces -> segments, merging pieces on one line that touch or overlap."""
    segments: list[Segment] = []
    for pos, lo, hi in sorted(pieces):
        # pieces come sorted by position, so only the last few segments can take this one
        for k in range(len(segments) - 1, -1, -1):
            s = segments[k]
            if pos - s.pos > SNAP:
                segments.append(Segment(pos, lo, hi))
                break
            if lo <= s.hi + JOIN and hi >= s.lo - JOIN:
                segments[k] = Segment((s.pos + pos) / 2, min(s.lo, lo), max(s.hi, hi))
                break
        else:
            segments.append(Segment(pos, lo, hi))
    return segments


def _touch(h: Segment, v: Segment) -> bool:
    return h.lo - SNAP <= v.pos <= h.hi + SNAP and v.lo - SNAP <= h.pos <= v.hi + SNAP


def _components(hs: list[Segment], vs: list[Segment]) -> list[tuple[list[Segment], list[Segment]]]:
    """Groups of horizontals and verticals connected by crossings."""
    parent = list(range(len(hs) + len(vs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, h in enumerate(hs):
        for j, v in enumerate(vs):
            if _touch(h, v):
                parent[find(i)] = find(len(hs) + j)
    groups: dict[int, tuple[list[Segment], list[Segment]]] = {}
    for i, h in enumerate(hs):
        groups.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(vs):
        groups.setdefault(find(len(hs) + j), ([], []))[1].append(v)
    return list(groups.values())


def _edges(values: list[float]) -> list[float]:
    edges: list[float] = []
    for value in sorted(values):
        if edges and value - edges[-1] <= SNAP:
            continue
        edges.append(value)
    return edges


def _covered(segments: list[Segment], pos: float, lo: float, hi: float) -> bool:
    """Whether borders at ``pos`` cover most of ``lo``-``hi``."""
    covered = sum(max(0.0, min(s.hi, hi) - max(s.lo, lo)) for s in segments if abs(s.pos - pos) <= SNAP)
    return covered >= COVERED * (hi - lo)


def _slots(xs: list[float], ys: list[float], hs: list[Segment], vs: list[Segment]) -> list[Slot]:
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    owner = [[(r, c) for c in range(n_cols)] for r in range(n_rows)]

    def root(rc: tuple[int, int]) -> tuple[int, int]:
        while owner[rc[0]][rc[1]] != rc:
            rc = owner[rc[0]][rc[1]]
        return rc

    def union(a: tuple[int, int], b: tuple[int, int]) -> None:
        ra, rb = root(a), root(b)
        if ra != rb:
            first, second = min(ra, rb), max(ra, rb)
            owner[second[0]][second[1]] = first

    for r in range(n_rows):
        for c in range(n_cols):
            if c + 1 < n_cols and not _covered(vs, xs[c + 1], ys[r], ys[r + 1]):
                union((r, c), (r, c + 1))
            if r + 1 < n_rows and not _covered(hs, ys[r + 1], xs[c], xs[c + 1]):
                union((r, c), (r + 1, c))
    members: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for r in range(n_rows):
        for c in range(n_cols):
            members.setdefault(root((r, c)), []).append((r, c))
    slots = []
    for cells in members.values():
        r0, r1 = min(r for r, _ in cells), max(r for r, _ in cells)
        c0, c1 = min(c for _, c in cells), max(c for _, c in cells)
        slots.append(Slot(r0, c0, r1 - r0 + 1, c1 - c0 + 1, xs[c0], ys[r0], xs[c1 + 1], ys[r1 + 1]))
    return sorted(slots, key=lambda s: (s.row, s.col))


def find_grids(rules: list[Rule]) -> list[Grid]:
    """The page's ruled tables, top to bottom (see the module docstring)."""
    hs = _merge([((r.y0 + r.y1) / 2, r.x0, r.x1) for r in rules if r.is_horizontal])
    vs = _merge([((r.x0 + r.x1) / 2, r.y0, r.y1) for r in rules if r.is_vertical])
    grids = []
    for group_h, group_v in _components(hs, vs):
        if len(group_h) < 2 or len(group_v) < 2:
            continue
        left = min(min(s.lo for s in group_h), min(s.pos for s in group_v))
        right = max(max(s.hi for s in group_h), max(s.pos for s in group_v))
        top = min(min(s.pos for s in group_h), min(s.lo for s in group_v))
        bottom = max(max(s.pos for s in group_h), max(s.hi for s in group_v))
        xs = _edges([left, right] + [s.pos for s in group_v])
        ys = _edges([top, bottom] + [s.pos for s in group_h])
        if len(xs) < 2 or len(ys) < 2:
            continue
        # an open side (no border drawn) still bounds the table: treat it as drawn
        sides = [Segment(left, top, bottom), Segment(right, top, bottom)]
        ends = [Segment(top, left, right), Segment(bottom, left, right)]
        grids.append(Grid(tuple(xs), tuple(ys), tuple(_slots(xs, ys, group_h + ends, group_v + sides))))
    return sorted(grids, key=lambda g: g.ys[0])
