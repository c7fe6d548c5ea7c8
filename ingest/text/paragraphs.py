"""Paragraphs of the text between tables.

Paragraphs are blank-line separated. Portal copies hard-wrap paragraphs at ~80 columns, so
their lines are joined; text exports keep one paragraph a line.
"""
from __future__ import annotations

import regex

from ingest.model import Paragraph
from ingest.text.markup import DECORATION, strip_emphasis
from ingest.text.row_labels import ROW_LABEL
from ingest.text.site_chrome import is_banner
from parsers.layout import layout_patterns
from parsers.textutil import ROMAN

# a line that starts a new paragraph inside a wrapped block with no blank lines between paragraphs
BLOCK_START = regex.compile(rf"^\s*(?:\*\*|[-–•+]\s|(?:{ROMAN}|\d{{1,2}}(?:\.\d{{1,2}})*|[a-zđ])[.)]\s|Nơi nhận\b)")


def blank_separated_chunks(lines: list[str]) -> list[list[str]]:
    """Blank-line separated groups of lines: ``["a", "b", "", "", "c"]`` gives ``[["a", "b"], ["c"]]``."""
    chunks, current = [], []
    for line in lines:
        if line.strip():
            current.append(line)
        elif current:
            chunks.append(current)
            current = []
    if current:
        chunks.append(current)
    return chunks


def is_hard_wrapped(chunks: list[list[str]]) -> bool:
    """Portal copies wrap paragraphs at a fixed width: most middle lines of long chunks are 40-100 long.

    The first line is left out because portals indent it (it is often short), the last because it ends the paragraph.
    """
    inner = [len(line) for chunk in chunks for line in chunk[1:-1]]
    if len(inner) < 5:
        return False
    return sum(40 <= n <= 100 for n in inner) >= 0.6 * len(inner)



def chunk_paragraphs(chunk: list[str], wrapped: bool) -> list[Paragraph]:
    """The paragraphs of a blank-line separated chunk. Unwrapped text has one a line. Wrapped
    text joins its lines, but a copy often leaves no blank line between a heading and its
    body, so a paragraph also ends after a sentence or a whole bold line, and where a line
    opens a heading, a bullet, bold text or the preamble. Rule lines and portal banners are dropped.

    Wrapped, ``["**I. MỤC TIÊU**", "1. Nâng cao chất lượng", "phục vụ người dân."]`` gives the
    bold "I. MỤC TIÊU" and "1. Nâng cao chất lượng phục vụ người dân.".
    """
    if not wrapped:
        pieces = chunk
    else:
        pieces, current = [], []
        for line in chunk:
            previous = current[-1].strip() if current else ""
            label_only = bool(ROW_LABEL.match(strip_emphasis(previous)[0].rstrip(".)")))  # "1." alone: its text follows
            ends = not label_only and (regex.search(r"[.:;!?]\**$", previous) or strip_emphasis(previous)[1])
            opens = BLOCK_START.match(line) or layout_patterns()["preamble"].match(strip_emphasis(line)[0])
            if current and (opens or ends):
                pieces.append(" ".join(current))
                current = []
            current.append(line.strip())
        if current:
            pieces.append(" ".join(current))
    out = []
    for piece in pieces:
        if DECORATION.match(piece) or is_banner(piece):
            continue
        text, bold = strip_emphasis(piece)
        if text:
            out.append(Paragraph(text, bold=bold))
    return out
