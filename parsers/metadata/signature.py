"""The signature block: the signer's post ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" -> 'Phó Chủ tịch') and
name ("Trần Hữu Thế"), in the right cell beside "Nơi nhận" or, without that table, in the last
paragraphs before the appendix."""
from __future__ import annotations

import regex

from ingest.model import Document, Paragraph, Table
from parsers.metadata.body_names import case_body
from parsers.layout import layout_patterns
from parsers.textutil import fold, is_upper_text, person_name_case

# a person's name: 2-6 capitalised words, no digits
PERSON = regex.compile(r"^(?:\p{Lu}[\p{Ll}\p{Lu}]*\s+){1,5}\p{Lu}[\p{Ll}\p{Lu}]*$")


def signature_lines(doc: Document) -> list[str]:
    """Lines of the signature block: the right cell of the recipients table, else the paragraphs
    around "Nơi nhận"/the last signer title before the appendix."""
    layout = layout_patterns()
    for block in doc.blocks:
        if isinstance(block, Table) and any(layout["recipients"].match(c.text) for c in block.cells):
            return [line for c in block.cells if not layout["recipients"].match(c.text) for line in c.text.split("\n")]
    lines: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            if layout["appendix"].match(block.text) and lines:
                break
            lines.append(block.text)
    return lines[-40:]


def signer(lines: list[str]) -> tuple[str | None, str | None]:
    """(name, title) of the signer: ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Hữu Thế"] -> ('Trần Hữu Thế', 'Phó Chủ tịch')."""
    layout = layout_patterns()
    lines = [fold(x) for x in lines if fold(x)]
    title_at = None
    title = None
    for i, line in enumerate(lines):
        bare = layout["signing_for"].sub("", line).strip()
        for t in layout["titles"]:
            if regex.fullmatch(rf"{regex.escape(t['printed'])}(?:\s+.*)?", bare, regex.IGNORECASE) and is_upper_text(bare):
                tail = bare[len(t["printed"]):].strip()
                title_at, title = i, t["title"] + (" " + case_body(tail) if tail else "")
                break
    if title_at is None:
        return None, None
    # continuation of the post on following upper-case lines (TL. BỘ TRƯỞNG / VỤ TRƯỞNG / VỤ CẢI CÁCH HÀNH CHÍNH)
    name = None
    for line in lines[title_at + 1 :]:
        if layout["recipients"].match(line) or regex.match(r"^[-–•]", line):
            break
        if PERSON.match(line) and not is_upper_text(line):
            name = line
            break
        if PERSON.match(line) and is_upper_text(line) and not regex.match(r"^(?:VỤ|CỤC|SỞ|BAN|VĂN PHÒNG)\b", line):
            name = person_name_case(line)
            break
        if is_upper_text(line) and regex.match(r"^(?:VỤ|CỤC|SỞ|BAN|VĂN PHÒNG)\b", line):
            title = f"{title} {case_body(line)}"
    return name, title
