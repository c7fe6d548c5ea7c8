"""Repair letter-spacing artefacts: a space that is not on the paper.

Signing services and "expanded" character spacing leave text layers where one word comes
out in pieces: "/B C-UBND" (a space inferred between two glyphs that touch) or "K Ế  H O Ạ C H"
(a letter-spaced heading, every letter its own word). Both are judged by geometry against
the font size, never by spelling:

* two pieces closer than ``TOUCHING`` em are one word;
* in a run of three or more one-letter pieces on a line, the gap between letters is the
  smallest gap of the run; a gap clearly wider than it is the space between two words.

>>> def w(text, x0, x1): return Word(text, x0, 0, x1, 12, size=12)
>>> [x.text for x in join_spaced_letters([w("/B", 0, 14), w("C-UBND", 14.2, 60)])]
['/BC-UBND']
>>> spaced = [w(c, 10 * i + (6 if i > 1 else 0), 10 * i + 7 + (6 if i > 1 else 0)) for i, c in enumerate("KẾHOẠCH")]
>>> [x.text for x in join_spaced_letters(spaced)]
['KẾ', 'HOẠCH']
>>> [x.text for x in join_spaced_letters([w("Sở", 0, 14), w("Nội", 17, 35)])]
['Sở', 'Nội']
"""
from __future__ import annotations

from dataclasses import replace

from ingest.pdf.page import Word

TOUCHING = 0.04  # em: a smaller gap is kerning, not a space (real spaces seen down to 0.09 em)
LETTER_GAP = 1.2  # em: pieces of a letter-spaced heading stand at most this far apart (word gaps included)
WORD_GAP_RATIO = 1.6  # a gap this many times the letter gap (and 0.15 em more) separates words


def _em(word: Word) -> float:
    return word.size or word.height or 1.0


def _same_line(a: Word, b: Word) -> bool:
    overlap = min(a.y1, b.y1) - max(a.y0, b.y0)
    return overlap > 0.5 * min(a.height, b.height) and b.x0 >= a.x0


def _merged(a: Word, b: Word) -> Word:
    return replace(a, text=a.text + b.text, x1=max(a.x1, b.x1), y0=min(a.y0, b.y0), y1=max(a.y1, b.y1),
                   bold=a.bold and b.bold)


def _join_touching(words: list[Word]) -> list[Word]:
    out: list[Word] = []
    for word in words:
        if out and _same_line(out[-1], word) and word.x0 - out[-1].x1 < TOUCHING * _em(word):
            out[-1] = _merged(out[-1], word)
        else:
            out.append(word)
    return out


def _letter_run_end(words: list[Word], start: int) -> int:
    """The end (exclusive) of the run of one-letter words on one line starting at ``start``."""
    end = start + 1
    while (end < len(words) and len(words[end].text) == 1 and words[end].text.isalpha()
           and _same_line(words[end - 1], words[end]) and words[end].x0 - words[end - 1].x1 < LETTER_GAP * _em(words[end])):
        end += 1
    return end


def _join_run(run: list[Word]) -> list[Word]:
    gaps = [b.x0 - a.x1 for a, b in zip(run, run[1:])]
    letter_gap = max(min(gaps), 0.0)
    out = [run[0]]
    for word, gap in zip(run[1:], gaps):
        if gap > WORD_GAP_RATIO * letter_gap + 0.15 * _em(word):
            out.append(word)
        else:
            out[-1] = _merged(out[-1], word)
    return out


def join_spaced_letters(words: list[Word]) -> list[Word]:
    """Words in text order with letter-spacing pieces joined (see the module docstring)."""
    words = _join_touching(words)
    out: list[Word] = []
    i = 0
    while i < len(words):
        if len(words[i].text) == 1 and words[i].text.isalpha():
            end = _letter_run_end(words, i)
            if end - i >= 3:
                out.extend(_join_run(words[i:end]))
                i = end
                continue
        out.append(words[i])
        i += 1
    return out
