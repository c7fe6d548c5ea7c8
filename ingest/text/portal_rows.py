"""Rows of a legal-portal table, whose "|" lines do not tell an empty cell from a row boundary.

The portal puts every cell on its own lines between lines holding only ``|`` and opens and
closes each row with such a line, so the cell segments ``["1"], ["x"], [], ["y"]`` may be one
row with an empty cell or a row ``1 | x`` followed by a row starting with ``y``. The table's
width decides.
"""
from __future__ import annotations

from ingest.text.row_labels import is_row_label


def portal_width(segments: list[list[str]]) -> int:
    """The table's width: the most common length of the gap-free runs (rows with no empty cell)
    that are at least as long as the first one (the header). Shorter runs are rows with empty
    cells; a longer odd one is two rows run together where a copy lost a row's opening "|".

    >>> portal_width([["TT"], ["A"], ["B"], [], ["1"], ["x"], ["y"], [], ["2"], ["x"], ["y"], ["…"], ["3"], ["x"], ["y"]])
    3
    """
    runs, length = [], 0
    for segment in segments + [[]]:
        if segment:
            length += 1
        elif length:
            runs.append(length)
            length = 0
    if not runs:
        return 1
    candidates = [r for r in runs if r >= runs[0]]
    return max(set(candidates), key=lambda r: (candidates.count(r), r))


def portal_rows(segments: list[list[str]]) -> list[list[list[str]]]:
    """Split the portal layout's cell segments into rows.

    An empty segment is either an empty cell or the gap between a row's closing "|" and
    the next row's opening "|". The table's width comes from its gap-free runs (see
    :func:`portal_width`); a dynamic programme picks the boundaries that make the most rows
    exactly that wide, so "| 1 | x |  | y |" keeps its empty cell while a short group row
    "| I | title |" still ends where it should.
    """
    width = portal_width(segments)
    n = len(segments)
    # a row number ("III.1.1", "12") right after an empty segment most likely opens a row:
    # keeping it inside a row costs as much as three short rows
    opens_row = [0] + [int(not segments[k - 1] and is_row_label(segments[k])) for k in range(1, n)]
    inside = [0]
    for flag in opens_row:
        inside.append(inside[-1] + flag)
    INF = float("inf")
    best = [INF] * (n + 2)  # best[i]: cost of splitting segments[i:] into rows
    choice = [0] * (n + 2)
    best[n] = best[n + 1] = 0
    for i in range(n - 1, -1, -1):
        for j in range(i + 1, min(n, i + 2 * width + 2) + 1):  # row = segments[i:j]; segments[j] must be a gap (or the end)
            if j < n and segments[j]:
                continue
            length = j - i
            cost = 0 if length == width else (1 if length < width else 5 * (length - width))
            cost += 3 * (inside[j] - inside[i + 1])
            total = cost + best[min(j + 1, n)]
            if total < best[i]:
                best[i], choice[i] = total, j
    rows, i = [], 0
    while i < n:
        j = choice[i]
        rows.append(segments[i:j])
        i = j + 1
    return rows
