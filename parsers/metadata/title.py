"""The type and title: the first paragraph that is a type word ("KẾ HOẠCH") and the subject
lines under it, up to the preamble ("Căn cứ ...") or, in a Quyết định, the authority line
("THỦ TƯỚNG CHÍNH PHỦ"); a letter (Công văn) prints its subject in the header ("V/v ...") instead."""
from __future__ import annotations

import regex

from ingest.model import Document, Paragraph
from parsers.layout import layout_patterns
from parsers.references import doc_type_from_heading
from parsers.textutil import ROMAN, fold, is_upper_text


def letter_subject(issuer_lines: list[str]) -> str | None:
    """A letter's subject printed in the header block under its number ("V/v hướng dẫn ..."),
    with the lines that carry it on to the end of that cell."""
    for k, line in enumerate(issuer_lines):
        if regex.match(r"^\s*V/v\b", line, regex.IGNORECASE):
            return fold(" ".join(issuer_lines[k:]))
    return None


def type_and_title(doc: Document) -> tuple[str | None, str | None, str | None]:
    """(doc_type, title, authority) from the first paragraph that is a type word, the subject lines
    under it, and the authority line that ends them in a Quyết định/Nghị quyết ("CHÍNH PHỦ")."""
    blocks = doc.blocks[:40]
    for i, block in enumerate(blocks):
        if not isinstance(block, Paragraph):
            continue
        doc_type = doc_type_from_heading(block.text)
        if not doc_type:
            continue
        # a letter announces itself by its subject line ("V/v ..."), which is also its title
        title_lines: list[str] = [fold(block.text)] if regex.match(r"^\s*V/v\b", block.text, regex.IGNORECASE) else []
        for nxt in blocks[i + 1 : i + 6]:
            if not isinstance(nxt, Paragraph):
                break
            text = fold(nxt.text) or ""
            if _ends_title(text, title_lines):
                authority = text if title_lines and layout_patterns()["authority"].match(text) else None
                return doc_type, " ".join(title_lines) or None, authority
            title_lines.append(text)
        return doc_type, (" ".join(title_lines) or None), None
    return None, None, None


def _ends_title(text: str, so_far: list[str]) -> bool:
    layout = layout_patterns()
    if not text or layout["preamble"].match(text) or regex.match(r"^[-_=*.\s]+$", text):
        return True
    if so_far and layout["authority"].match(text):  # "THỦ TƯỚNG CHÍNH PHỦ" under a Quyết định's subject
        return True
    if regex.match(rf"^(?:{ROMAN}|\d{{1,2}}|[a-zđ])[.)]\s", text) or len(text) > 400:
        return True
    # an upper-case title is followed by the issuing authority in upper case only in a Quyết định
    # ("THỦ TƯỚNG CHÍNH PHỦ"); a mixed-case title ends where an upper-case line starts
    return bool(so_far) and is_upper_text(text) != is_upper_text(so_far[0])
