"""A scanned PDF page as a grayscale image, and how its pixels map to page points.

A scan is one image drawn over the whole page; its own pixels are the best OCR input (rendering
would resample them), so it is taken as stored. Any other page is rendered at :data:`RENDER_DPI`.
Colour turns to gray by each pixel's brightest channel, which keeps black print and fades seals.

>>> image = PageImage(np.zeros((2339, 1654), np.uint8), 595.44, 842.04)
>>> image.dpi
200
>>> round(image.points_per_pixel, 3)
0.36
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

RENDER_DPI = 300
# An image whose box is within this many points of every page edge covers the page.
COVER_TOLERANCE = 3.0


@dataclass(frozen=True)
class PageImage:
    """Grayscale pixels (row 0 at the top) of a page ``width`` × ``height`` points large."""

    pixels: np.ndarray
    width: float
    height: float

    @property
    def points_per_pixel(self) -> float:
        return self.width / self.pixels.shape[1]

    @property
    def dpi(self) -> int:
        return round(72 / self.points_per_pixel)


def page_image(page: pdfium.PdfPage) -> PageImage:
    """The page's pixels: its scan image when one upright image covers the page, else a rendering.

    Pages with a /Rotate entry are rendered, since pdfium applies the rotation there.
    """
    width, height = page.get_size()
    scan = _covering_image(page, width, height) if page.get_rotation() == 0 else None
    if scan is not None:
        pixels = _gray(scan.get_bitmap(render=False))
    else:
        pixels = _gray(page.render(scale=RENDER_DPI / 72, grayscale=True))
    return PageImage(pixels, width, height)


def _covering_image(page: pdfium.PdfPage, width: float, height: float) -> pdfium.PdfImage | None:
    objects = list(page.get_objects(max_depth=1))
    images = [o for o in objects if o.type == pdfium_c.FPDF_PAGEOBJ_IMAGE]
    if len(images) != 1:
        return None
    matrix = images[0].get_matrix()
    # Only an image drawn upright and unmirrored keeps its stored rows top to bottom.
    upright = matrix.a > 0 and matrix.d > 0 and matrix.b == 0 and matrix.c == 0
    left, bottom, right, top = images[0].get_bounds()
    covers = (left <= COVER_TOLERANCE and bottom <= COVER_TOLERANCE
              and right >= width - COVER_TOLERANCE and top >= height - COVER_TOLERANCE)
    return images[0] if upright and covers else None


def _gray(bitmap: pdfium.PdfBitmap) -> np.ndarray:
    array = bitmap.to_numpy()
    if array.ndim == 2:
        return array.copy()  # the bitmap's buffer is freed with it
    if bitmap.format == pdfium_c.FPDFBitmap_Gray:
        return array[:, :, 0].copy()
    # A colour scan's brightest channel: black print stays dark while a red seal or a blue
    # signature over the signer's name turns pale, so neither hides the words under it.
    return array[:, :, :3].max(axis=2)
