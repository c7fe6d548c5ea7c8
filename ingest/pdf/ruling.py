"""Ruling lines (table borders) from a page's path objects.

Writers draw a border either as a stroked line (LibreOffice: one ``m``/``l`` pair per border,
Word: short strokes) or as a thin filled rectangle (Word's cell borders). Each sub-path of a
path object is looked at on its own, so one path holding a whole grid still gives every line.
White or transparent paint is a cell background, not a border; thick filled boxes are shading.

>>> _segment_rule((10, 100), (300, 100.2), 0.5)
(10, 99.75, 300, 100.45)
>>> _segment_rule((10, 100), (300, 180), 0.5) is None   # a diagonal is no border
True
"""
from __future__ import annotations

import ctypes

import pypdfium2.raw as pdfium_c

from ingest.pdf.frame import PageFrame
from ingest.pdf.page import Rule

MAX_THICKNESS = 3.0  # a filled box thinner than this (pt) is a line; thicker is shading
MIN_LENGTH = 3.0  # shorter strokes are dots or glyph parts
AXIS_SLACK = 1.0  # how far a "horizontal" line may drift (pt) and still count as one
WHITE = 235  # paint at least this light in every channel does not show on paper

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    """The matrix applying ``inner`` then ``outer`` (PDF row-vector convention)."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def _matrix_of(obj) -> Matrix:
    fs = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, fs):
        return IDENTITY
    return (fs.a, fs.b, fs.c, fs.d, fs.e, fs.f)


def _visible(getter, obj) -> bool:
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not getter(obj, r, g, b, a):
        return True  # no colour readable (a pattern): assume it shows
    return a.value > 0 and min(r.value, g.value, b.value) < WHITE


def _segment_rule(p: tuple[float, float], q: tuple[float, float], width: float) -> tuple[float, float, float, float] | None:
    """The box of a stroked straight segment if it runs along an axis and is long enough."""
    (x0, y0), (x1, y1) = p, q
    half = max(width, 0.1) / 2
    if abs(y1 - y0) <= AXIS_SLACK and abs(x1 - x0) >= MIN_LENGTH:
        return min(x0, x1), min(y0, y1) - half, max(x0, x1), max(y0, y1) + half
    if abs(x1 - x0) <= AXIS_SLACK and abs(y1 - y0) >= MIN_LENGTH:
        return min(x0, x1) - half, min(y0, y1), max(x0, x1) + half, max(y0, y1)
    return None


def _subpaths(path, matrix: Matrix) -> list[list[tuple[float, float]]]:
    """The path's points in page space, one list per sub-path (a move-to starts one)."""
    subpaths: list[list[tuple[float, float]]] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    for i in range(pdfium_c.FPDFPath_CountSegments(path)):
        segment = pdfium_c.FPDFPath_GetPathSegment(path, i)
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        point = _apply(matrix, x.value, y.value)
        if pdfium_c.FPDFPathSegment_GetType(segment) == pdfium_c.FPDF_SEGMENT_MOVETO or not subpaths:
            subpaths.append([point])
        else:
            subpaths[-1].append(point)
        if pdfium_c.FPDFPathSegment_GetClose(segment):
            subpaths[-1].append(subpaths[-1][0])
    return subpaths


def _path_rules(path, matrix: Matrix) -> list[tuple[float, float, float, float]]:
    """PDF-space boxes of the ruling lines one path object draws."""
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    pdfium_c.FPDFPath_GetDrawMode(path, fill, stroke)
    filled = fill.value != 0 and _visible(pdfium_c.FPDFPageObj_GetFillColor, path)
    stroked = bool(stroke.value) and _visible(pdfium_c.FPDFPageObj_GetStrokeColor, path)
    if not (filled or stroked):
        return []
    width = ctypes.c_float(1.0)
    pdfium_c.FPDFPageObj_GetStrokeWidth(path, width)
    scale = (abs(matrix[0] * matrix[3] - matrix[1] * matrix[2])) ** 0.5 or 1.0
    boxes = []
    for points in _subpaths(path, matrix):
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        box = (min(xs), min(ys), max(xs), max(ys))
        thin = min(box[2] - box[0], box[3] - box[1]) <= MAX_THICKNESS
        if filled and thin and max(box[2] - box[0], box[3] - box[1]) >= MIN_LENGTH:
            boxes.append(box)
        elif stroked:
            boxes.extend(r for p, q in zip(points, points[1:]) if (r := _segment_rule(p, q, width.value * scale)))
    return boxes


def _walk(container_count, container_get, holder, matrix: Matrix, out: list) -> None:
    for i in range(container_count(holder)):
        obj = container_get(holder, i)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            out.extend(_path_rules(obj, _compose(_matrix_of(obj), matrix)))
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            # a form XObject's contents are placed by its matrix (and by the forms around it)
            _walk(pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject, obj,
                  _compose(_matrix_of(obj), matrix), out)


def page_rules(page_handle, frame: PageFrame) -> list[Rule]:
    """The ruling lines of one page (a raw FPDF_PAGE), in displayed coordinates."""
    boxes: list[tuple[float, float, float, float]] = []
    _walk(pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject, page_handle, IDENTITY, boxes)
    return [Rule(*frame.box(*box)) for box in boxes]
