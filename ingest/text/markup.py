"""Markup that carries no text: Markdown emphasis and headings, rule lines under headers.

``**KẾ HOẠCH**`` is the bold text "KẾ HOẠCH"; a ``--------`` line (:data:`DECORATION`) is dropped.
"""
from __future__ import annotations

import regex

# emphasis markers: **bold**, *italic*, __bold__ (single "_" is too common inside words)
EMPHASIS = regex.compile(r"\*+|__")
MARKDOWN_HEADING = regex.compile(r"^\s*#{1,6}(?:\s+|$)")  # "## KẾ HOẠCH"
DECORATION = regex.compile(r"^\s*[-_=*~]{3,}\s*$")  # "--------" rules under header lines


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
