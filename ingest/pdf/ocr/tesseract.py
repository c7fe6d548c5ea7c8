"""Tesseract's command line: one process per page image, the image in a temporary file, TSV on stdout.

The CLI is called directly (no wrapper library): the image goes in as a PGM file, which
Tesseract reads without decoding work, and the level-5 rows of its TSV are the words. A file,
not stdin: Tesseract reads stdin a character at a time, which cost 16 ms per megapixel (0.45 s
of CPU on a 28-megapixel table composite).

>>> tsv = ("level\\tpage_num\\tblock_num\\tpar_num\\tline_num\\tword_num\\tleft\\ttop\\twidth\\theight\\tconf\\ttext\\n"
...        "4\\t1\\t1\\t1\\t1\\t0\\t10\\t20\\t300\\t30\\t-1\\t\\n"
...        "5\\t1\\t1\\t1\\t1\\t1\\t10\\t20\\t40\\t30\\t96.5\\tSở\\n"
...        "5\\t1\\t1\\t1\\t1\\t2\\t60\\t20\\t50\\t30\\t91\\tNội\\n"
...        "5\\t1\\t1\\t1\\t1\\t3\\t120\\t20\\t5\\t30\\t95\\t \\n")
>>> [(w.text, w.line, w.left, w.right, w.confidence) for w in parse_tsv(tsv)]
[('Sở', (1, 1, 1), 10, 50, 96.5), ('Nội', (1, 1, 1), 60, 110, 91.0)]
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import unicodedata
from dataclasses import dataclass
from functools import cache

import cv2
import numpy as np

from ingest.errors import ToolUnavailable

LANGUAGE = "vie"
DEBIAN_PACKAGES = "tesseract-ocr tesseract-ocr-vie"
# Tesseract's page segmentation modes used here.
AUTOMATIC = 3       # find blocks, columns and lines: a page of paragraphs
UNIFORM_BLOCK = 6   # one block of lines: the stacked cells of a table page
SINGLE_LINE = 7     # one line: a line read again on its own
# Letters the Vietnamese model knows but Vietnamese never uses: the Icelandic Ð, twin of Đ, read
# "1441/QĐ-" as "1441/QĐÐ-" on the corpus scan.
NEVER_VIETNAMESE = "Ð"


class OcrUnavailable(ToolUnavailable):
    """Tesseract or its Vietnamese model is not installed, so scanned pages cannot be read."""

    def __init__(self, detail: str):
        super().__init__("Tesseract with its Vietnamese model", DEBIAN_PACKAGES, detail)


@dataclass(frozen=True)
class TsvWord:
    """One recognised word in pixel coordinates; ``line`` is Tesseract's (block, paragraph, line)."""

    text: str
    left: int
    top: int
    right: int
    bottom: int
    confidence: float
    line: tuple[int, int, int]


@cache
def check_tesseract() -> None:
    """Raise :class:`OcrUnavailable` with an install hint unless ``tesseract`` runs and knows Vietnamese."""
    if shutil.which("tesseract") is None:
        raise OcrUnavailable("the tesseract program is not on PATH")
    listed = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, check=False)
    if LANGUAGE not in listed.stdout.split():
        raise OcrUnavailable(f"Tesseract has no {LANGUAGE!r} model")


def recognise(gray: np.ndarray, dpi: int, segmentation: int) -> list[TsvWord]:
    """The words Tesseract reads in a grayscale image scanned at ``dpi``, split into lines by
    page segmentation mode ``segmentation``."""
    check_tesseract()
    # One thread per process: pages already run in parallel, and OpenMP threads inside each
    # Tesseract would only compete with them.
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    with tempfile.NamedTemporaryFile(suffix=".pgm") as image:
        if not cv2.imwrite(image.name, gray):
            raise ValueError(f"cannot write a {gray.shape} image for Tesseract")
        done = subprocess.run(
            ["tesseract", image.name, "-", "-l", LANGUAGE, "--psm", str(segmentation), "--dpi", str(dpi),
             "-c", f"tessedit_char_blacklist={NEVER_VIETNAMESE}", "tsv"],
            capture_output=True, env=env, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"tesseract failed ({done.returncode}): {done.stderr.decode(errors='replace').strip()}")
    return parse_tsv(done.stdout.decode("utf-8"))


def parse_tsv(tsv: str) -> list[TsvWord]:
    """The non-blank word rows (level 5) of Tesseract's TSV output, text in NFC."""
    words = []
    for row in tsv.splitlines()[1:]:
        fields = row.split("\t")
        if len(fields) < 12 or fields[0] != "5" or not fields[11].strip():
            continue
        block, paragraph, line = (int(f) for f in fields[2:5])
        left, top, width, height = (int(f) for f in fields[6:10])
        words.append(TsvWord(unicodedata.normalize("NFC", fields[11].strip()), left, top,
                             left + width, top + height, float(fields[10]), (block, paragraph, line)))
    return words
