"""What a legal portal adds around a document: banners, its own info box above it, its footer below it.

The info box's values become the document's properties; the box and everything above it,
and the footer, are cut. The patterns and keys are in parsers/data/text_layout.yaml.
"""
from __future__ import annotations

from functools import cache

import regex

from ingest.text.markup import strip_emphasis
from ingest.text.portal_tables import PIPE_LINE
from parsers.vocab import load


@cache
def _patterns(section: str) -> tuple[regex.Pattern, ...]:
    """The compiled patterns of one list of parsers/data/text_layout.yaml ("banners", "footer_starts")."""
    return tuple(regex.compile(entry["pattern"], regex.IGNORECASE) for entry in load("text_layout")[section])


def is_banner(text: str) -> bool:
    """A line that a legal portal adds around the document (not part of it)."""
    return any(p.search(text) for p in _patterns("banners"))


def site_info(lines: list[str]) -> tuple[dict[str, str], int]:
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
    return any(p.search(text) for p in _patterns("footer_starts"))


def footer_start(lines: list[str]) -> int:
    """Where a portal page's own footer (related documents, notices to members) begins, else len(lines).
    The portal prints the document's name between the last "|" of the text and its first footer line."""
    for k, line in enumerate(lines):
        if is_footer_start(line):
            while k > 0 and lines[k - 1].strip() and not PIPE_LINE.match(lines[k - 1]) and not lines[k - 1].rstrip().endswith((".", ";", ":")):
                k -= 1
            return k
    return len(lines)
