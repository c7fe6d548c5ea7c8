"""One plan, three renderings: a Word file written here, its PDF printed by LibreOffice, and a scan of it.

The format-invariance test and the benchmark use these so that what differs between the
readers' outputs can only come from the readers. The plan is made up but shaped like the
real ones: the national heading block, a title, sections, an appendix table of tasks with
group rows (merged across the table), lead/coordinating agencies and deadlines, and enough
rows that the table runs over pages.
"""
from __future__ import annotations

import io
import shutil

import docx
import numpy as np
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from PIL import Image, ImageFilter

from ingest.doc.convert import libreoffice_convert

LEADS = ["Sở Nội vụ", "Văn phòng Ủy ban nhân dân tỉnh", "Sở Tài chính", "Sở Khoa học và Công nghệ", "Sở Tư pháp"]
PARTNERS = ["Các sở, ban, ngành", "Ủy ban nhân dân các xã, phường", "Sở Nội vụ", "Công an tỉnh"]
DEADLINES = ["Quý I/2026", "Quý II/2026", "Tháng 6/2026", "Thường xuyên", "Năm 2026", "Quý IV/2026", "Trước ngày 15/12/2026"]
COLUMNS = {"STT": 1.2, "Nội dung nhiệm vụ": 6.4, "Cơ quan chủ trì": 3.2, "Cơ quan phối hợp": 3.2, "Thời gian hoàn thành": 3.0}  # widths, cm
GROUPS = ["Cải cách thể chế", "Cải cách thủ tục hành chính", "Cải cách tổ chức bộ máy"]
ACTIONS = ["Rà soát, đánh giá", "Tổ chức triển khai", "Xây dựng và ban hành", "Kiểm tra, theo dõi việc thực hiện",
           "Tuyên truyền, phổ biến", "Tổng hợp, báo cáo kết quả thực hiện"]
OBJECTS = ["các văn bản quy phạm pháp luật do tỉnh ban hành", "quy chế phối hợp giữa các cơ quan chuyên môn",
           "danh mục thủ tục hành chính được chuẩn hóa", "kế hoạch cải cách hành chính của các cơ quan, đơn vị",
           "việc thực hiện dịch vụ công trực tuyến toàn trình"]


def plan_tasks(per_group: int = 6) -> list[tuple[str, str, str, str, str]]:
    """The appendix rows: (group, stt, content, lead, coordinating, deadline) for each task, deterministic.

    >>> plan_tasks(1)[0]
    ('Cải cách thể chế', '1', 'Rà soát, đánh giá các văn bản quy phạm pháp luật do tỉnh ban hành', 'Sở Nội vụ', 'Các sở, ban, ngành', 'Quý I/2026')
    """
    rows, k = [], 0
    for group in GROUPS:
        for stt in range(1, per_group + 1):
            content = f"{ACTIONS[k % len(ACTIONS)]} {OBJECTS[k % len(OBJECTS)]}"
            rows.append((group, str(stt), content, LEADS[k % len(LEADS)], PARTNERS[k % len(PARTNERS)], DEADLINES[k % len(DEADLINES)]))
            k += 1
    return rows


def _paragraph(document, text: str, bold: bool = False, center: bool = False, size: int = 13):
    para = document.add_paragraph()
    run = para.add_run(text)
    run.bold, run.font.size = bold, Pt(size)
    if center:
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return para


def plan_docx(per_group: int = 6) -> bytes:
    """The plan as a .docx file's bytes."""
    document = docx.Document()
    header = document.add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG", (0, 1): "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
                         (1, 0): "Số: 45/KH-UBND", (1, 1): "Lâm Đồng, ngày 12 tháng 01 năm 2026"}.items():
        header.cell(r, c).text = text
    _paragraph(document, "KẾ HOẠCH", bold=True, center=True, size=14)
    _paragraph(document, "Cải cách hành chính tỉnh Lâm Đồng năm 2026", bold=True, center=True)
    _paragraph(document, "I. MỤC ĐÍCH, YÊU CẦU", bold=True)
    _paragraph(document, "Thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể "
                         "cải cách hành chính nhà nước giai đoạn 2021 - 2030, Ủy ban nhân dân tỉnh ban hành Kế hoạch này.")
    _paragraph(document, "II. NHIỆM VỤ CỤ THỂ", bold=True)
    _paragraph(document, "(Chi tiết tại Phụ lục kèm theo)")
    table = document.add_table(rows=1, cols=len(COLUMNS))
    table.style = "Table Grid"
    table.autofit = False
    for cell, text in zip(table.rows[0].cells, COLUMNS):
        cell.text = text
    roman = ["I", "II", "III"]
    current = None
    for group, stt, content, lead, partner, deadline in plan_tasks(per_group):
        if group != current:
            row = table.add_row().cells
            row[0].text = roman[GROUPS.index(group)]
            row[1].merge(row[4]).text = group.upper()
            current = group
        for cell, text in zip(table.add_row().cells, [stt, content, lead, partner, deadline]):
            cell.text = text
    for column, width in zip(table.columns, COLUMNS.values()):
        column.width = Cm(width)  # LibreOffice reads the grid's widths, Word the cells'
        for cell in column.cells:
            cell.width = Cm(width)
    _paragraph(document, "III. TỔ CHỨC THỰC HIỆN", bold=True)
    _paragraph(document, "Các cơ quan, đơn vị triển khai thực hiện Kế hoạch này, báo cáo kết quả về Sở Nội vụ trước ngày 15/12/2026.")
    _paragraph(document, "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", bold=True, center=True)
    _paragraph(document, "Nguyễn Văn An", bold=True, center=True)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def soffice() -> str | None:
    """LibreOffice's command, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def converted(data: bytes, to: str) -> bytes:
    """A .docx saved by LibreOffice headless as ``to`` ("pdf", "doc"), the way the .doc reader runs it."""
    return libreoffice_convert(data, ".docx", to)


def docx_to_pdf(data: bytes) -> bytes:
    """Print a .docx to PDF with LibreOffice."""
    return converted(data, "pdf")


def scan_of(pdf: bytes, dpi: int = 200, skew_degrees: float = 0.8, seed: int = 7) -> bytes:
    """A scanned copy of a PDF: each page rasterized, turned a little, blurred and speckled; images only."""
    import pypdfium2 as pdfium

    rng = np.random.default_rng(seed)
    pages = []
    for page in pdfium.PdfDocument(pdf):
        image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
        image = image.rotate(skew_degrees, resample=Image.BICUBIC, fillcolor=255).filter(ImageFilter.GaussianBlur(0.6))
        pixels = np.asarray(image, dtype=np.int16) + rng.normal(0, 12, (image.height, image.width)).astype(np.int16)
        pages.append(Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8)))
    out = io.BytesIO()
    pages[0].save(out, "PDF", save_all=True, append_images=pages[1:], resolution=dpi)
    return out.getvalue()

