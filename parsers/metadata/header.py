"""The header block: the issuer's column beside the national motto, holding the issuing body,
"Số: ...", and on the motto's side "<place>, ngày ... tháng ... năm ...". It is a table in most
files, or lines split by tab stops ("ỦY BAN NHÂN DÂN<tab>CỘNG HÒA XÃ HỘI ...") in others.
A stack of bodies gives the lowest: ["BỘ CÔNG AN", "CỤC X"] -> 'Cục X'."""
from __future__ import annotations

import regex

from ingest.model import Document, Paragraph, Table
from parsers.metadata.body_names import canonical_issuer
from parsers.layout import layout_patterns
from parsers.references import doc_type_from_heading
from parsers.textutil import fold


def _header_table(doc: Document) -> Table | None:
    """The table holding the national motto, among the first blocks."""
    for block in doc.blocks[:8]:
        if isinstance(block, Table) and any(layout_patterns()["motto"].search(c.text) for c in block.cells):
            return block
    return None


def header_lines(doc: Document) -> tuple[list[str], list[str]]:
    """(issuer-side lines, all header lines). Without a header table: the paragraphs before the type heading."""
    table = _header_table(doc)
    if table is not None:
        left = [cell for cell in table.cells if cell.col == 0]
        issuer_lines = [line for cell in left for line in cell.text.split("\n")]
        return issuer_lines, [line for cell in table.cells for line in cell.text.split("\n")]
    # laid out with tab stops instead: "ỦY BAN NHÂN DÂN<tab>CỘNG HÒA XÃ HỘI ..." — the left column is the issuer's
    issuer_lines, lines = [], []
    for block in doc.blocks[:12]:
        if isinstance(block, Paragraph):
            if doc_type_from_heading(block.text) or len(block.text) > 150:  # the heading, or body text: no header here
                break
            columns = [part for part in regex.split(r"\t+| {3,}", block.text) if part.strip()]
            issuer_lines.extend(columns[:1])
            lines.extend(columns)
    return issuer_lines, lines


def issuer_from_header(lines: list[str]) -> str | None:
    """The lowest body in the issuer stack: 'BỘ CÔNG AN / CỤC X' gives CỤC X."""
    heads = layout_patterns()["heads"]
    # the issuer stack ends at its rule ("-----"), the number line or a letter's subject line
    end = next((k for k, x in enumerate(lines) if regex.match(r"^\s*(?:[-_=*.]{3,}|Số\b|V/v\b)", x, regex.IGNORECASE)), len(lines))
    lines = [fold(x) for x in lines[:end] if fold(x)]
    lines = [x for x in lines if not layout_patterns()["motto"].search(x)]
    if not lines:
        return None

    def starts_body(line: str) -> bool:
        return any(regex.match(rf"^{regex.escape(h)}\b", line, regex.IGNORECASE) for h in heads)

    # a line opening a body ends the body above only when that one opened with a body word too:
    # "BỘ CÔNG AN / CỤC ..." stacks two bodies, "THỦ TƯỚNG / CHÍNH PHỦ" is one post wrapped
    starts = [0]
    for i, line in enumerate(lines[1:], start=1):
        if starts_body(line) and starts_body(" ".join(lines[starts[-1]:i])):
            starts.append(i)
    return canonical_issuer(" ".join(lines[starts[-1]:]))
