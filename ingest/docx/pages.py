"""Page counting from the breaks Word recorded when it last laid the document out.

Word writes a w:lastRenderedPageBreak where each page began; hard page breaks
(``<w:br w:type="page"/>``, w:pageBreakBefore) and sections that start on a new page also
open a page. A file with none of these says nothing about pages, and every page is None.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from ingest.docx.ooxml import BR, LAST_RENDERED_PAGE_BREAK, SECT_PR, TYPE_ATTR, child_val


@dataclass(eq=False)
class _Slot:
    page: int | None = None


@dataclass
class Pages:
    """The page counter: 1-based, or None throughout when the file records no page breaks.

    ``fresh`` is True while nothing has been printed since the last break: Word writes a
    w:lastRenderedPageBreak at the top of the page a hard break opened, and a break that
    opens an already empty page does not make another page, so such a break is not counted.
    """

    enabled: bool
    page: int = 1
    fresh: bool = True
    last_text_page: int = 1
    _waiting: list[_Slot] = field(default_factory=list)

    @property
    def current(self) -> int | None:
        return self.page if self.enabled else None

    def page_break(self) -> None:
        if not self.fresh:
            self.page += 1
            self.fresh = True

    def saw_text(self) -> None:
        self.fresh = False
        self.last_text_page = self.page
        for slot in self._waiting:
            slot.page = self.page
        self._waiting.clear()

    def watch(self) -> _Slot:
        """A slot that receives the page of the next printed text (where a block starts)."""
        slot = _Slot()
        self._waiting.append(slot)
        return slot

    def page_of(self, slot: _Slot) -> int | None:
        """The page the watched block starts on (the current page if it printed nothing)."""
        self._waiting = [waiting for waiting in self._waiting if waiting is not slot]
        if not self.enabled:
            return None
        return slot.page if slot.page is not None else self.page

    def state(self) -> tuple[int, bool]:
        return self.page, self.fresh

    def restore(self, state: tuple[int, bool]) -> None:
        self.page, self.fresh = state


def find_section_breaks(body: etree._Element) -> dict[etree._Element, bool]:
    """For each section that ends inside the body (w:pPr/w:sectPr): does the next section start
    on a new page? The type of a break is written on the section that follows it."""
    sections = [s for s in body.iter(SECT_PR)]
    breaks = {}
    for this, following in zip(sections, sections[1:]):
        kind = child_val(following, "type") or "nextPage"
        breaks[this] = kind in ("nextPage", "oddPage", "evenPage")
    return breaks


def records_pages(body: etree._Element, section_breaks: dict[etree._Element, bool]) -> bool:
    """Whether the file says anything about pages: Word's rendered breaks, hard page breaks
    or sections that start on a new page."""
    for _ in body.iter(LAST_RENDERED_PAGE_BREAK):
        return True
    return any(section_breaks.values()) or any(br.get(TYPE_ATTR) == "page" for br in body.iter(BR))
