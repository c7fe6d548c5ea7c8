"""Text preparation: a printed cell -> the text the readers match, with a map back to print.

The cell is folded (NFC, whitespace), tone marks move to the traditional vowel, a bullet that
opens a line becomes ";" and abbreviations are expanded: "- Sở TT&TT" is read as
"; Sở Thông tin và Truyền thông", while every character still knows the printed span it came
from, so a mention is always a piece of the cell as printed.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

import regex

from parsers import vocab

# Old-style "Hòa/Thủy/Ủy" puts the mark on the first vowel of an open "oa", "oe", "uy"
# syllable; the newer style ("Hoà", "Thuỷ", "Uỷ") puts it on the second. Only open syllables
# differ ("hoàn", "thuyết" are the same in both), and "qu" is a consonant ("quý" stays).
_TONED_A_E = "àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ"
_TONED_Y = "ỳýỷỹỵỲÝỶỸỴ"
_NEW_STYLE_TONE = regex.compile(
    r"(?<![qQ])"
    r"(?:(?P<vowel>[oO])(?P<toned>[" + _TONED_A_E + r"])"
    r"|(?P<vowel>[uU])(?P<toned>[" + _TONED_Y + r"]))"
    r"(?!\p{L})"
)

# A bullet that opens a line ("- Sở Nội vụ") separates agencies like ";".
_BULLETS = "-–+•*"


def retone(text: str) -> str:
    """Move oa/oe/uy tone marks to the traditional vowel; the length does not change.

    >>> retone("Uỷ ban nhân dân tỉnh Khánh Hoà; Thuỷ lợi; quý")
    'Ủy ban nhân dân tỉnh Khánh Hòa; Thủy lợi; quý'
    """

    def swap(m: regex.Match) -> str:
        base, *marks = unicodedata.normalize("NFD", m.group("toned"))
        return unicodedata.normalize("NFC", m.group("vowel") + "".join(marks)) + base

    return _NEW_STYLE_TONE.sub(swap, text)


def _fold(cell: str) -> tuple[str, frozenset[int]]:
    """The cell as printed (NFC, whitespace folded) and the offsets where a source line began.

    >>> _fold("Lãnh đạo \\n Sở Tài chính")
    ('Lãnh đạo Sở Tài chính', frozenset({0, 9}))
    """
    text = unicodedata.normalize("NFC", cell)
    parts: list[str] = []
    starts: set[int] = set()
    pos = 0
    for line in text.splitlines():
        words = line.split()
        if not words:
            continue
        if parts:
            pos += 1
        starts.add(pos)
        folded = " ".join(words)
        parts.append(folded)
        pos += len(folded)
    return " ".join(parts), frozenset(starts)


@dataclass(frozen=True)
class PreparedText:
    """A cell prepared for matching: ``norm`` is what the readers read (retoned, abbreviations
    expanded); ``origin[i]`` is the printed span that ``norm[i]`` came from."""

    printed: str
    norm: str
    origin: tuple[tuple[int, int], ...]
    line_starts: frozenset[int] = frozenset()  # norm offsets where a printed line began

    def printed_span(self, start: int, end: int) -> str:
        """The printed text behind ``norm[start:end]``."""
        return self.printed[self.origin[start][0] : self.origin[end - 1][1]]


@cache
def _abbreviation_patterns() -> tuple[tuple[Any, str], ...]:
    """(compiled regex, expansion) for each abbreviation of agency_words.yaml."""
    out = []
    for entry in vocab.load("agency_words")["abbreviations"]:
        body = regex.escape(entry["abbr"]) if "abbr" in entry else entry["pattern"]
        if not entry.get("anywhere"):
            # Whole words only: "UBND" but not the "CT" of "CTr/TU".
            body = r"(?<![\p{L}\p{N}])(?:" + body + r")(?![\p{L}\p{N}])"
        out.append((regex.compile(body), entry["expansion"]))
    return tuple(out)


def _expand(toned: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Expand abbreviations (leftmost, then longest match wins), keeping the origin map."""
    matches = []
    for order, (pattern, expansion) in enumerate(_abbreviation_patterns()):
        for m in pattern.finditer(toned):
            if m.end() > m.start():
                matches.append((m.start(), -m.end(), order, expansion))
    matches.sort()  # leftmost, then longest, then the earlier YAML entry ("Sở TP": Tư pháp)
    pieces: list[str] = []
    origin: list[tuple[int, int]] = []
    pos = 0
    for start, neg_end, _, expansion in matches:
        end = -neg_end
        if start < pos:
            continue
        pieces.append(toned[pos:start])
        origin.extend((i, i + 1) for i in range(pos, start))
        pieces.append(expansion)
        origin.extend((start, end) for _ in expansion)
        pos = end
    pieces.append(toned[pos:])
    origin.extend((i, i + 1) for i in range(pos, len(toned)))
    return "".join(pieces), tuple(origin)


def prepare(cell: str) -> PreparedText:
    """Fold, retone, mark line bullets as ";" and expand abbreviations.

    >>> prepare("- Sở TT&TT").norm
    '; Sở Thông tin và Truyền thông'
    """
    printed, line_starts = _fold(cell)
    chars = list(retone(printed))

    def bullet_at(pos: int) -> bool:
        return chars[pos] in _BULLETS and pos + 1 < len(chars) and chars[pos + 1] == " "

    bulleted = bool(printed) and bullet_at(0)
    for pos in sorted(line_starts):
        # A dash opening a line is a bullet when the list is bulleted or the line before has
        # ended; otherwise it is a wrapped " - " ("Xuân Hương\n- Đà Lạt", "Phát thanh\n- Truyền hình").
        if bullet_at(pos) and (bulleted or pos == 0 or printed[pos - 2] in ";.,:"):
            chars[pos] = ";"
    norm, origin = _expand("".join(chars))
    starts = frozenset(i for i, (a, _) in enumerate(origin)
                       if a in line_starts and (i == 0 or origin[i - 1][0] != a))
    return PreparedText(printed, norm, origin, starts)
