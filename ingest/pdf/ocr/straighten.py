"""Turn a page image so its text lines run horizontally, then take out the scanner's skew.

Both use projection profiles: summed ink per pixel row jumps between text lines and the gaps
between them, and jumps hardest when the lines lie exactly along the rows. A page whose
columns jump harder than its rows was scanned on its side; that test is made on a thumbnail
(letters blur into lines there) of the page with its table borders wiped, since a grid's
vertical borders make columns jump too. Whether a horizontal page is upside
down the profile cannot tell; :mod:`ingest.pdf.ocr.pages` settles that from OCR confidence.

>>> page = np.full((400, 300), 255, np.uint8)
>>> for top in range(40, 360, 30):
...     page[top:top + 12, 30:270] = 0            # twelve "text lines"
>>> skewed = rotate(page, 2.0)
>>> round(skew_angle(skewed), 1)
-2.0
>>> runs_vertically(page), runs_vertically(np.rot90(page))
(False, True)
"""
from __future__ import annotations

import cv2
import numpy as np

# Scans are skewed a degree or two; a page fed by hand can be off by a few more.
MAX_SKEW = 6.0
COARSE_STEP = 0.25
FINE_STEP = 0.025
# Skew profiles are taken on a copy about this wide: enough for 0.05° over the width, and cheap.
SKEW_WIDTH = 1000
# The coarse search, a quarter-degree apart, on one about this wide: it picks the same angle on
# every corpus scan page as on the wider copy (not so at 350) in 40 ms a page instead of 64.
COARSE_WIDTH = 500
# On a thumbnail this wide a text line is a few pixels high and its letters merge: its column
# profile is smooth and its row profile jumps (measured: columns jump at most a fifth as hard
# on the corpus's 33 scanned pages, portrait and landscape, with tables or without).
ORIENTATION_WIDTH = 200


def ink(gray: np.ndarray) -> np.ndarray:
    """1 where the page is inked, 0 where it is paper (Otsu's threshold), as float32."""
    _, binary = cv2.threshold(gray, 0, 1, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    return binary.astype(np.float32)


def runs_vertically(gray: np.ndarray) -> bool:
    """Whether the text lines of a page without borders run top to bottom (a page scanned on its side)."""
    small = ink(_shrink(gray, ORIENTATION_WIDTH))
    return _sharpness(small.sum(axis=0)) > _sharpness(small.sum(axis=1))


def skew_angle(gray: np.ndarray) -> float:
    """Degrees to turn the page (counter-clockwise positive, as :func:`rotate` takes them) to level its lines."""
    coarse_copy, fine_copy = ink(_shrink(gray, COARSE_WIDTH)), ink(_shrink(gray, SKEW_WIDTH))
    coarse = np.arange(-MAX_SKEW, MAX_SKEW + COARSE_STEP / 2, COARSE_STEP)
    best = max(coarse, key=lambda angle: _row_sharpness(coarse_copy, angle))
    fine = np.arange(best - COARSE_STEP, best + COARSE_STEP + FINE_STEP / 2, FINE_STEP)
    return float(max(fine, key=lambda angle: _row_sharpness(fine_copy, angle)))


def rotate(gray: np.ndarray, degrees: float) -> np.ndarray:
    """The image turned ``degrees`` counter-clockwise about its centre, same size, new corners white."""
    if degrees == 0:
        return gray
    height, width = gray.shape
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), degrees, 1.0)
    return cv2.warpAffine(gray, matrix, (width, height), flags=cv2.INTER_LINEAR,
                          borderMode=cv2.BORDER_CONSTANT, borderValue=255)


def _shrink(gray: np.ndarray, width: int) -> np.ndarray:
    factor = width / max(gray.shape)
    if factor >= 1:
        return gray
    return cv2.resize(gray, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)


def _row_sharpness(binary: np.ndarray, degrees: float) -> float:
    height, width = binary.shape
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), degrees, 1.0)
    turned = cv2.warpAffine(binary, matrix, (width, height), flags=cv2.INTER_NEAREST)
    return _sharpness(turned.sum(axis=1))


def _sharpness(profile: np.ndarray) -> float:
    return float(np.square(np.diff(profile)).sum())
