"""Reader for plain text and Markdown: text exports and legal-portal copies.

Three table layouts occur in the wild and all become :class:`~ingest.model.Table`:
tab-separated and Markdown pipe rows (:mod:`ingest.text.grid_tables`) and the portal's
one-cell-per-line layout (:mod:`ingest.text.portal_tables`). The text between them becomes
paragraphs (:mod:`ingest.text.paragraphs`); Markdown emphasis is stripped (``**KẾ HOẠCH**``
gives a bold paragraph "KẾ HOẠCH") and a portal page's own chrome cut (:mod:`ingest.text.site_chrome`).

>>> doc = read_text("**KẾ HOẠCH**\\n\\nSTT\\tNội dung\\n1\\tLập kế hoạch\\n".encode())
>>> [type(b).__name__ for b in doc.blocks]
['Paragraph', 'Table']
>>> doc.blocks[0].text, doc.blocks[0].bold
('KẾ HOẠCH', True)
"""
from __future__ import annotations

from ingest.legacy import legacy_warning
from ingest.model import Block, Document
from ingest.text.decode import decode
from ingest.text.grid_tables import MARKDOWN_ROW, is_tab_row, markdown_end, markdown_table, tab_end, tab_table
from ingest.text.paragraphs import blank_separated_chunks, chunk_paragraphs, is_hard_wrapped
from ingest.text.portal_tables import PIPE_LINE, portal_end, portal_table
from ingest.text.site_chrome import footer_start, site_info


def is_dense_page(lines: list[str]) -> bool:
    """A full-page portal copy: hundreds of lines and (almost) no blank ones."""
    return len(lines) > 50 and sum(not line.strip() for line in lines) < 0.02 * len(lines)


def read_text(data: bytes) -> Document:
    """Plain text / Markdown bytes -> Document (see the module docstring)."""
    text, legacy_encoding = decode(data)
    lines = [line.rstrip(" ") for line in text.split("\n")]  # trailing tabs are empty cells
    properties, start = site_info(lines)
    lines = lines[start : footer_start(lines)] if start else lines
    dense = is_dense_page(lines)
    blocks: list[Block] = []
    prose = [c for c in blank_separated_chunks(lines) if not any(PIPE_LINE.match(x) or "\t" in x for x in c)]
    wrapped = dense or is_hard_wrapped(prose)
    i, n = 0, len(lines)
    pending: list[str] = []

    def flush():
        for chunk in blank_separated_chunks(pending):
            blocks.extend(chunk_paragraphs(chunk, wrapped))
        pending.clear()

    while i < n:
        line = lines[i]
        if PIPE_LINE.match(line):
            flush()
            j = portal_end(lines, i, dense)
            table = portal_table(lines[i:j])
        elif is_tab_row(line):
            flush()
            j = tab_end(lines, i)
            table = tab_table(lines[i:j])
        elif MARKDOWN_ROW.match(line):
            flush()
            j = markdown_end(lines, i)
            table = markdown_table(lines[i:j])
        else:
            pending.append(line)
            j = i + 1
            table = None
        if table is not None and table.cells:  # a lone "|" line or "|---|" rule is no table
            blocks.append(table)
        i = j
    flush()
    warnings = [legacy_warning(legacy_encoding)] if legacy_encoding else []
    return Document(blocks=blocks, source_format="text", warnings=warnings, properties=properties)
