"""PDF user space -> the page as displayed: origin top left, y down, the page's /Rotate applied.

PDF coordinates start at the bottom left of the unrotated page, and a page with ``/Rotate 90``
is shown turned clockwise. Everything downstream (:mod:`ingest.pdf.layout`) reads the page the
way a person sees it, so every box is mapped through one :class:`PageFrame`.

>>> frame = PageFrame(left=0, bottom=0, right=600, top=800, rotation=0)
>>> frame.box(72, 700, 120, 712)
(72.0, 88.0, 120.0, 100.0)
>>> turned = PageFrame(left=0, bottom=0, right=600, top=800, rotation=90)
>>> turned.size, turned.box(0, 0, 10, 20)
((800.0, 600.0), (0.0, 0.0, 20.0, 10.0))
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageFrame:
    """The crop box (PDF units) and the clockwise rotation (0, 90, 180 or 270) it is shown with."""

    left: float
    bottom: float
    right: float
    top: float
    rotation: int = 0

    @property
    def size(self) -> tuple[float, float]:
        """(width, height) as displayed."""
        width, height = float(self.right - self.left), float(self.top - self.bottom)
        return (height, width) if self.rotation in (90, 270) else (width, height)

    def point(self, x: float, y: float) -> tuple[float, float]:
        """One PDF point as displayed (top-left origin)."""
        if self.rotation == 90:
            return float(y - self.bottom), float(x - self.left)
        if self.rotation == 180:
            return float(self.right - x), float(y - self.bottom)
        if self.rotation == 270:
            return float(self.top - y), float(self.right - x)
        return float(x - self.left), float(self.top - y)

    def box(self, x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        """A PDF box (any two opposite corners) as displayed: (x0, y0, x1, y1) with x0 <= x1, y0 <= y1."""
        ax, ay = self.point(x0, y0)
        bx, by = self.point(x1, y1)
        return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)
