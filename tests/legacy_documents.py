"""Documents in the legacy Vietnamese encodings TCVN3 and VNI, written here from Unicode text.

:func:`to_legacy` is the inverse of :mod:`ingest.legacy`'s tables, so a test states what a
document says in Unicode and gets the bytes an old Word or text editor would have stored.
TCVN3 has no capital toned letters: a capital heading is typed in small letters and set in
an "H" font (.VnTimeH), as in real documents, and body text never starts a word with one.
"""
from __future__ import annotations

import io
import unicodedata

import docx
from docx.shared import Pt

from ingest.legacy.convert import CHARMAPS

# (body font, heading font) of each encoding; None is Unicode in an ordinary font.
FONTS = {"tcvn3": (".VnTime", ".VnTimeH"), "vni": ("VNI-Times", "VNI-Times"), None: ("Times New Roman", "Times New Roman")}
TASK_COLUMNS = ("STT", "Nội dung", "Cơ quan chủ trì", "Thời gian")
TASKS = (
    ("1", "Xây dựng kế hoạch tuyên truyền về cải cách hành chính", "Sở Nội vụ", "Quý I/2026"),
    ("2", "Rà soát, đánh giá thủ tục hành chính thuộc thẩm quyền giải quyết", "Văn phòng UBND tỉnh", "Tháng 6/2026"),
    ("3", "Nâng cấp Cổng dịch vụ công trực tuyến; hướng dẫn người dân sử dụng", "Sở Khoa học và Công nghệ", "Trước ngày 15/12/2026"),
    ("4", "Kiểm tra, đôn đốc việc thực hiện ở các cơ quan, đơn vị", "Sở Tư pháp", "Thường xuyên"),
)
# (text, is a capital heading)
PLAN = (
    ("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", True),
    ("Số: 45/KH-UBND", False),
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True),
    ("Lâm Đồng, ngày 12 tháng 01 năm 2026", False),
    ("KẾ HOẠCH", True),
    ("Cải cách hành chính của tỉnh năm 2026", False),
    ("I. MỤC ĐÍCH, YÊU CẦU", True),
    ("Thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ, UBND tỉnh ban hành Kế hoạch "
     "cải cách hành chính năm 2026 để nâng cao chất lượng phục vụ người dân và doanh nghiệp.", False),
    ("Ưu tiên nguồn lực cho chuyển đổi số; Đẩy mạnh đối thoại với người dân.", False),
    ("II. NHIỆM VỤ CỤ THỂ", True),
)
CLOSING = (("III. TỔ CHỨC THỰC HIỆN", True), ("Sở Nội vụ theo dõi, đôn đốc và báo cáo kết quả thực hiện.", False))


def to_legacy(text: str, encoding: str) -> str:
    """Unicode text as ``encoding`` stores it; ValueError for a letter the encoding lacks.

    >>> to_legacy("Trường đại học", "tcvn3"), to_legacy("Đà Nẵng", "vni")
    ('Tr\\xadêng ®¹i häc', 'Ñaø Naüng')
    """
    inverse = {letter: code for code, letter in CHARMAPS[encoding].pairs}
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch not in inverse and not ch.isascii() and unicodedata.normalize("NFD", ch) != ch:
            raise ValueError(f"{ch!r} has no {encoding} code")
        out.append(inverse.get(ch, ch))
    return "".join(out)


def typed_with_caps_lock(text: str) -> str:
    """A capital line in TCVN3 as typed with Caps Lock: capitals where TCVN3 has them, else small letters.

    >>> typed_with_caps_lock("ĐỒNG Ý")
    '§åNG ý'
    """
    def code(ch: str) -> str:
        try:
            return to_legacy(ch, "tcvn3")
        except ValueError:
            return to_legacy(ch.lower(), "tcvn3")

    return "".join(code(ch) for ch in text)


def legacy_run_text(text: str, heading: bool, encoding: str | None) -> tuple[str, str]:
    """(stored text, font) of a run showing ``text``: a TCVN3 capital heading is small letters in the H font."""
    body_font, heading_font = FONTS[encoding]
    if encoding is None:
        return text, body_font
    if heading and encoding == "tcvn3":
        return to_legacy(text.lower(), encoding), heading_font
    return to_legacy(text, encoding), body_font


def plan_docx(encoding: str | None) -> bytes:
    """The plan as a .docx whose runs are in ``encoding``'s fonts (Unicode when None)."""
    document = docx.Document()

    def write(paragraphs):
        for text, heading in paragraphs:
            stored, font = legacy_run_text(text, heading, encoding)
            run = document.add_paragraph().add_run(stored)
            run.font.name, run.font.size, run.bold = font, Pt(13), heading

    write(PLAN)
    rows = (TASK_COLUMNS, *TASKS)
    table = document.add_table(rows=len(rows), cols=len(TASK_COLUMNS))
    table.style = "Table Grid"
    for row, cells in zip(rows, table.rows):
        for cell, text in zip(cells.cells, row):
            stored, font = legacy_run_text(text, False, encoding)
            cell.paragraphs[0].add_run(stored).font.name = font
    write(CLOSING)  # LibreOffice's .doc export loses a table that ends the document
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def plan_text(encoding: str | None) -> str:
    """The plan as a text export (tab-separated table); TCVN3 capitals typed with Caps Lock."""
    def typed(text: str, heading: bool) -> str:
        if encoding is None:
            return text
        if heading and encoding == "tcvn3":
            return typed_with_caps_lock(text)
        return to_legacy(text, encoding)

    paragraphs = "\n\n".join(typed(text, heading) for text, heading in PLAN)
    table = "\n".join("\t".join(typed(cell, False) for cell in row) for row in (TASK_COLUMNS, *TASKS))
    closing = "\n\n".join(typed(text, heading) for text, heading in CLOSING)
    return f"{paragraphs}\n\n{table}\n\n{closing}\n"
