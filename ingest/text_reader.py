"""Reader for plain text and Markdown: text exports and legal-portal copies.

Three table layouts occur in the wild and all become :class:`~ingest.model.Table`:

* tab-separated rows, one row a line (text exported from Word);
* Markdown pipe rows, ``| a | b |`` with an optional ``|---|`` rule;
* the portal layout: every cell on its own lines, cells separated by a line holding only
  ``|``, a row opened and closed by such a line (so an empty cell and a row boundary look
  alike and are told apart by the table's width).

Paragraphs are blank-line separated. Portal copies hard-wrap paragraphs at ~80 columns, so
their lines are joined; text exports keep one paragraph a line. Markdown emphasis is
stripped (``**KẾ HOẠCH**`` gives a bold paragraph "KẾ HOẠCH") and portal banners dropped.

>>> doc = read_text("**KẾ HOẠCH**\\n\\nSTT\\tNội dung\\n1\\tLập kế hoạch\\n".encode())
>>> [type(b).__name__ for b in doc.blocks]
['Paragraph', 'Table']
>>> doc.blocks[0].text, doc.blocks[0].bold
('KẾ HOẠCH', True)
"""
from __future__ import annotations

import unicodedata
from functools import cache

import regex

from ingest.model import Block, Cell, Document, Paragraph, Table
from parsers.vocab import load

PIPE_LINE = regex.compile(r"^\s*\|\s*$")
# "| a | b |" markdown row; at least two cells
MARKDOWN_ROW = regex.compile(r"^\s*\|(?:[^|\n]*\|){2,}\s*$")
MARKDOWN_RULE = regex.compile(r"^\s*\|(?:\s*:?-{2,}:?\s*\|)+\s*$")
# emphasis markers: **bold**, *italic*, __bold__ (single "_" is too common inside words)
EMPHASIS = regex.compile(r"\*+|__")
MARKDOWN_HEADING = regex.compile(r"^\s*#{1,6}(?:\s+|$)")  # "## KẾ HOẠCH"
MAX_CELL_LINES = 20  # longer text after a "|" with no "|" behind it is body text, not a cell
DECORATION = regex.compile(r"^\s*[-_=*~]{3,}\s*$")  # "--------" rules under header lines


def decode(data: bytes) -> str:
    """Bytes -> NFC text: UTF-8 (with or without BOM), else UTF-16 with BOM, else cp1258.

    >>> decode("Hòa".encode("utf-8-sig"))
    'Hòa'
    """
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "utf-16" and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        break
    else:
        text = data.decode("cp1258", errors="replace")
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def strip_emphasis(text: str) -> tuple[str, bool]:
    """Drop Markdown emphasis; say whether the whole text was bold.

    >>> strip_emphasis("**I. MỤC TIÊU**")
    ('I. MỤC TIÊU', True)
    >>> strip_emphasis("theo *Hệ thống* này")
    ('theo Hệ thống này', False)
    """
    text = MARKDOWN_HEADING.sub("", text)
    stripped = text.strip()
    bold = stripped.startswith("**") and stripped.endswith("**") and len(stripped) > 4
    # a marker glued between two words ("PHỤ LỤC**Các nhiệm vụ") separated them visually: keep a space
    unmarked = EMPHASIS.sub(lambda m: " " if _between_words(text, m) else "", text)
    return regex.sub(r"[ \t]+", " ", unmarked).strip(), bold


def _between_words(text: str, match) -> bool:
    before, after = text[match.start() - 1 : match.start()], text[match.end() : match.end() + 1]
    return bool(before.strip()) and bool(after.strip()) and not (before in "(“\"" or after in ")”\",.;:")


def is_banner(text: str) -> bool:
    """A line that a legal portal adds around the document (not part of it)."""
    return any(regex.search(p, text, regex.IGNORECASE) for p in _banner_patterns())


def _banner_patterns() -> list[str]:
    return [entry["pattern"] for entry in load("text_layout")["banners"]]


@cache
def _preamble_start() -> regex.Pattern:
    """'Căn cứ ...', 'Thực hiện ...': the preamble opens a new paragraph (parsers/data/document_layout.yaml)."""
    return regex.compile(load("document_layout")["preamble_starts"]["pattern"])


def _is_hard_wrapped(chunks: list[list[str]]) -> bool:
    """Portal copies wrap paragraphs at a fixed width: most middle lines of long chunks are 40-100 long.

    The first line is left out because portals indent it (it is often short), the last because it ends the paragraph.
    """
    inner = [len(line) for chunk in chunks for line in chunk[1:-1]]
    if len(inner) < 5:
        return False
    return sum(40 <= n <= 100 for n in inner) >= 0.6 * len(inner)


def _chunks(lines: list[str]) -> list[list[str]]:
    """Blank-line separated groups of lines."""
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


# a line that starts a new paragraph inside a wrapped block with no blank lines between paragraphs
BLOCK_START = regex.compile(r"^\s*(?:\*\*|[-–•+]\s|(?:[IVX]+|\d{1,2}(?:\.\d{1,2})*|[a-zđ])[.)]\s|Nơi nhận\b)")


def _paragraphs(chunk: list[str], wrapped: bool) -> list[Paragraph]:
    """The paragraphs of a blank-line separated chunk. Unwrapped text has one a line. Wrapped
    text joins its lines, but a copy often leaves no blank line between a heading and its
    body, so a paragraph also ends after a sentence or a whole bold line, and where a line
    opens a heading, a bullet, bold text or the preamble."""
    if not wrapped:
        pieces = chunk
    else:
        pieces, current = [], []
        for line in chunk:
            previous = current[-1].strip() if current else ""
            label_only = bool(ROW_LABEL.match(strip_emphasis(previous)[0].rstrip(".)")))  # "1." alone: its text follows
            ends = not label_only and (regex.search(r"[.:;!?]\**$", previous) or strip_emphasis(previous)[1])
            opens = BLOCK_START.match(line) or _preamble_start().match(strip_emphasis(line)[0])
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


def _cell(text_lines: list[str], row: int, col: int) -> Cell:
    """A cell whose lines are kept as laid out; text layouts wrap lines without marking
    paragraphs, so the cell is one paragraph."""
    lines = [strip_emphasis(line)[0] for line in text_lines if not DECORATION.match(line)]
    lines = [line for line in lines if line]
    return Cell("\n".join(lines), row, col, paragraphs=(" ".join(lines),))


def _grid_table(rows: list[list[str]]) -> Table:
    """Rows of cell strings (tab or Markdown pipe rows) -> Table; no spans are known."""
    return Table(tuple(_cell(text.split("\n"), r, c) for r, row in enumerate(rows) for c, text in enumerate(row)))


def _portal_width(segments: list[list[str]]) -> int:
    """The table's width: the most common length of the gap-free runs (rows with no empty cell)
    that are at least as long as the first one (the header). Shorter runs are rows with empty
    cells; a longer odd one is two rows run together where a copy lost a row's opening "|".

    >>> _portal_width([["TT"], ["A"], ["B"], [], ["1"], ["x"], ["y"], [], ["2"], ["x"], ["y"], ["…"], ["3"], ["x"], ["y"]])
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


def _portal_rows(segments: list[list[str]]) -> list[list[list[str]]]:
    """Split the portal layout's cell segments into rows.

    An empty segment is either an empty cell or the gap between a row's closing "|" and
    the next row's opening "|". The table's width comes from its gap-free runs (see
    :func:`_portal_width`); a dynamic programme picks the boundaries that make the most rows
    exactly that wide, so "| 1 | x |  | y |" keeps its empty cell while a short group row
    "| I | title |" still ends where it should.
    """
    width = _portal_width(segments)
    n = len(segments)
    # a row number ("III.1.1", "12") right after an empty segment most likely opens a row:
    # keeping it inside a row costs as much as three short rows
    opens_row = [0] + [int(not segments[k - 1] and _is_row_label(segments[k])) for k in range(1, n)]
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


ROW_LABEL = regex.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*|[IVX]{1,5}(?:\.\d{1,2})*|[A-ZĐ])\.?$")


def _is_row_label(segment: list[str]) -> bool:
    """A cell that holds only a row number: '12', 'IV', 'III.1.1', 'B'."""
    return len(segment) == 1 and bool(ROW_LABEL.match(strip_emphasis(segment[0])[0]))


def _portal_table(lines: list[str]) -> Table:
    segments: list[list[str]] = []
    current: list[str] | None = None
    for line in lines:
        if PIPE_LINE.match(line):
            if current is not None:
                segments.append(current)
            current = []
        elif current is not None:
            current.append(line)
    cells = []
    for r, row in enumerate(_portal_rows(segments)):
        cells.extend(_cell(seg, r, c) for c, seg in enumerate(row))
    return Table(tuple(cells))


def _more_rows(lines: list[str], j: int) -> bool:
    """After blank line j, does the tab table go on (next non-blank line has a tab)?"""
    for line in lines[j:]:
        if line.strip():
            return "\t" in line
    return False


def _portal_end(lines: list[str], i: int, dense: bool) -> int:
    """Index just past the portal table opened by the "|" line at i.

    Text right after a "|" line is the next cell, unless it is not a cell at all:
    - a blank line comes before the next "|" (a cell never holds a blank line), or the "|"
      line itself is followed by a blank line;
    - it opens an appendix ("PHỤ LỤC II", the caption of the next table);
    - in a full-page copy with no blank lines (``dense``): the row is as wide as the table's
      first row and no "|" follows within two lines (a lone "…" row keeps the table), or no "|"
      follows for longer than any cell runs.
    """
    n, width, cells, in_cell = len(lines), None, 0, False
    for j in range(i + 1, n):
        line = lines[j]
        if PIPE_LINE.match(line):
            if in_cell:
                cells, in_cell = cells + 1, False
            else:  # "|" right after "|": the next row opens (or an empty cell; both restart the count)
                width, cells = width or cells or None, 0
            continue
        if not (PIPE_LINE.match(lines[j - 1]) and j > i + 1):
            in_cell = True
            continue
        next_pipe = next((k for k in range(j, n) if PIPE_LINE.match(lines[k])), n)
        gap = lines[j:next_pipe]
        first_text = next((text for x in gap if (text := strip_emphasis(x)[0])), "")
        if any(not x.strip() for x in gap) or _appendix_start().match(first_text):
            return j
        if dense and ((not in_cell and width and cells >= width and next_pipe > j + 2) or next_pipe > j + MAX_CELL_LINES):
            return j
        in_cell = True
    return n


@cache
def _appendix_start() -> regex.Pattern:
    """'PHỤ LỤC ...' opens an appendix (parsers/data/document_layout.yaml)."""
    return regex.compile(load("document_layout")["appendix"]["pattern"], regex.IGNORECASE)


def _tab_end(lines: list[str], i: int) -> int:
    """Index just past the tab-separated rows starting at i (blank lines, page breaks, inside allowed)."""
    j = i
    while j < len(lines) and (("\t" in lines[j] and lines[j].strip()) or (not lines[j].strip() and _more_rows(lines, j))):
        j += 1
    return j


def _is_dense(lines: list[str]) -> bool:
    """A full-page portal copy: hundreds of lines and (almost) no blank ones."""
    return len(lines) > 50 and sum(not line.strip() for line in lines) < 0.02 * len(lines)


def _site_info(lines: list[str]) -> tuple[dict[str, str], int]:
    """A portal page's own box about the document ("Số hiệu:" | "6225/BVHTTDL-VP", "Loại văn bản:" |
    "Công văn", ...): its values by key, and the index where the box ends (0 when there is none).
    Everything above that index is the site's, not the document's."""
    keys = set(load("text_layout")["site_info_keys"])
    found: dict[str, str] = {}
    end = 0
    for k, line in enumerate(lines[:400]):
        key = strip_emphasis(line)[0]
        if key not in keys:
            continue
        opener = next((v for v in range(k + 1, len(lines)) if PIPE_LINE.match(lines[v])), len(lines))
        closer = next((w for w in range(opener + 1, len(lines)) if PIPE_LINE.match(lines[w])), len(lines))
        value = " ".join(text for x in lines[opener + 1 : closer] if (text := strip_emphasis(x)[0]))
        found[key.rstrip(":").strip()] = value
        end = closer + 1  # past the value's closing "|": the document starts after it
    return (found, end) if len(found) >= 3 else ({}, 0)


def is_footer_start(line: str) -> bool:
    """A line that opens a portal page's footer (parsers/data/text_layout.yaml)."""
    text = strip_emphasis(line)[0]
    return any(regex.search(e["pattern"], text, regex.IGNORECASE) for e in load("text_layout")["footer_starts"])


def _footer_start(lines: list[str]) -> int:
    """Where a portal page's own footer (related documents, notices to members) begins, else len(lines).
    The portal prints the document's name between the last "|" of the text and its first footer line."""
    for k, line in enumerate(lines):
        if is_footer_start(line):
            while k > 0 and lines[k - 1].strip() and not PIPE_LINE.match(lines[k - 1]) and not lines[k - 1].rstrip().endswith((".", ";", ":")):
                k -= 1
            return k
    return len(lines)


def read_text(data: bytes) -> Document:
    """Plain text / Markdown bytes -> Document (see the module docstring)."""
    lines = [line.rstrip(" ") for line in decode(data).split("\n")]  # trailing tabs are empty cells
    properties, start = _site_info(lines)
    lines = lines[start : _footer_start(lines)] if start else lines
    dense = _is_dense(lines)
    blocks: list[Block] = []
    wrapped = dense or _is_hard_wrapped([c for c in _chunks(lines) if not any(PIPE_LINE.match(x) or "\t" in x for x in c)])
    i, n = 0, len(lines)
    pending: list[str] = []

    def flush():
        for chunk in _chunks(pending):
            blocks.extend(_paragraphs(chunk, wrapped))
        pending.clear()

    while i < n:
        line = lines[i]
        if PIPE_LINE.match(line):  # portal table
            flush()
            j = _portal_end(lines, i, dense)
            table = _portal_table(lines[i:j])
            if table.cells:  # a lone "|" line is no table
                blocks.append(table)
        elif "\t" in line and line.strip():  # tab-separated rows
            flush()
            j = _tab_end(lines, i)
            blocks.append(_grid_table([[cell.strip() for cell in row.split("\t")] for row in lines[i:j] if row.strip()]))
        elif MARKDOWN_ROW.match(line):
            flush()
            j = i
            while j < n and MARKDOWN_ROW.match(lines[j]):
                j += 1
            rows = [[c.strip() for c in row.strip().strip("|").split("|")] for row in lines[i:j] if not MARKDOWN_RULE.match(row)]
            if rows:  # a lone "|---|" rule is no table
                blocks.append(_grid_table(rows))
        else:
            pending.append(line)
            j = i + 1
        i = j
    flush()
    return Document(blocks=blocks, source_format="text", properties=properties)
