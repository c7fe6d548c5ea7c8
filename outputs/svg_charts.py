"""Inline SVG charts for the HTML report: no script, no network, text as printed.

>>> svg = bar_chart([("Sở Nội vụ", 12), ("Sở Tài chính", 3)], "Tasks per lead agency")
>>> svg.count("<rect"), "Sở Nội vụ" in svg
(2, True)
>>> column_chart([], "Deadlines by quarter")
'<p class="empty">Deadlines by quarter: nothing to show.</p>'
"""
from __future__ import annotations

from html import escape

BAR_HEIGHT, LABEL_WIDTH, BAR_WIDTH = 22, 330, 420
CHART_WIDTH, CHART_HEIGHT = 1100, 200  # columns narrow (to 18px) so a long timeline still fits the page


def _empty(title: str) -> str:
    return f'<p class="empty">{escape(title)}: nothing to show.</p>'


def bar_chart(items: list[tuple[str, int]], title: str) -> str:
    """Horizontal bars, one per (label, value), longest label cut with its full text in a tooltip."""
    if not items:
        return _empty(title)
    top = max(value for _, value in items)
    height = BAR_HEIGHT * len(items) + 10
    parts = [f'<svg class="chart" role="img" aria-label="{escape(title)}" width="{LABEL_WIDTH + BAR_WIDTH + 50}" '
             f'height="{height}" viewBox="0 0 {LABEL_WIDTH + BAR_WIDTH + 50} {height}">']
    for i, (label, value) in enumerate(items):
        y, width = i * BAR_HEIGHT + 5, max(1, round(BAR_WIDTH * value / top))
        shown = label if len(label) <= 48 else label[:47] + "…"
        parts.append(f'<g><title>{escape(label)}: {value}</title>'
                     f'<text x="{LABEL_WIDTH - 8}" y="{y + 15}" text-anchor="end">{escape(shown)}</text>'
                     f'<rect x="{LABEL_WIDTH}" y="{y + 2}" width="{width}" height="{BAR_HEIGHT - 6}"></rect>'
                     f'<text x="{LABEL_WIDTH + width + 6}" y="{y + 15}">{value}</text></g>')
    return "".join(parts) + "</svg>"


def column_chart(items: list[tuple[str, int]], title: str, label_every: int = 1) -> str:
    """Vertical columns in the given order (a timeline), a label under every ``label_every``-th
    column from the first (each column's own label is in its tooltip)."""
    if not items:
        return _empty(title)
    top = max(value for _, value in items)
    column = max(18, min(46, CHART_WIDTH // len(items)))
    width, height = column * len(items) + 50, CHART_HEIGHT + 60
    parts = [f'<svg class="chart" role="img" aria-label="{escape(title)}" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}">']
    for i, (label, value) in enumerate(items):
        x, bar = 40 + i * column, round(CHART_HEIGHT * value / top)  # 40: room for the first rotated label
        middle = x + column / 2
        count = f'<text x="{middle}" y="{14 + CHART_HEIGHT - bar}" text-anchor="middle">{value}</text>' if value else ""
        parts.append(f'<g><title>{escape(label)}: {value}</title>'
                     f'<rect x="{x + column // 6}" y="{20 + CHART_HEIGHT - bar}" width="{column - column // 3}" height="{bar}"></rect>'
                     f'{count}<text x="{middle}" y="{CHART_HEIGHT + 38}" text-anchor="middle" '
                     f'transform="rotate(-40 {middle} {CHART_HEIGHT + 38})">{escape(label) if i % label_every == 0 else ""}</text></g>')
    return "".join(parts) + "</svg>"
