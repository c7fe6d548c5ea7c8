"""Put back the tone marks OCR loses on the project's own vocabulary.

Tesseract's Vietnamese model misreads stacked and small marks ("Nội" as "Nôi", "triển" as
"triên", "thể" as "thế"). Where a run of OCR words spells a phrase of the vocabulary
(agency names, deadline and table header words, document types) letter for letter except
for the marks on vowels, it is given the vocabulary's marks, keeping the OCR's case and
punctuation. A phrase is at least two words (one word alone is too often another real word:
"thế"/"thể") and repairs only when its letters belong to one spelling in the vocabulary.

>>> repair_words(["(Sở", "Nôi", "vu;", "Thời", "gian", "hoản", "thành"])
['(Sở', 'Nội', 'vụ;', 'Thời', 'gian', 'hoàn', 'thành']
>>> repair_words(["SỞ", "NÔI", "VU"])
['SỞ', 'NỘI', 'VỤ']
>>> repair_words(["thế", "giới"])      # not vocabulary
['thế', 'giới']
>>> repair_words(["Hăng", "năm"])      # "Hằng năm" or "Hàng năm": both are vocabulary
['Hăng', 'năm']
>>> repair_words(["không", "ma", "túy", "nắm", "2026"]), repair_words(["THANG", "12/2026"])  # a calendar word before its number
(['không', 'ma', 'túy', 'năm', '2026'], ['THÁNG', '12/2026'])
>>> skeleton("Nội"), skeleton("Đồng")
('noi', 'đong')
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from functools import cache

import regex

from parsers.vocab import load

VOWELS = frozenset("aeiouy")
# Vocabulary files and the keys whose strings are phrases as printed (other keys hold codes,
# examples and patterns).
VOCABULARY_FILES = ("agencies", "agency_words", "deadlines", "task_table", "document_types")
PHRASE_KEYS = frozenset({"name", "aliases", "phrase", "phrases", "expansion", "words", "central_cities"})
MIN_PHRASE_WORDS = 2
# A word's letters between any leading and trailing punctuation ("(Sở", "vụ;").
WORD = regex.compile(r"^(\P{L}*)(.*?)(\P{L}*)$")
LETTERS = regex.compile(r"^[\p{L}\p{N}]+$")
# Calendar words whose number follows them: "nắm 2026" can only be "năm 2026", "thang 12" only
# "tháng 12". ("ngay" is left alone: "thực hiện ngay 5 nhiệm vụ" is a real phrase.)
CALENDAR_WORDS = {
    "nam": ("năm", regex.compile(r"^(?:19|20)\d\d\b")),
    "thang": ("tháng", regex.compile(r"^(?:0?[1-9]|1[0-2])\b")),
}

Key = tuple[str, ...]
Lexicon = dict[Key, tuple[str, ...] | None]  # None: two vocabulary spellings share these letters


def skeleton(text: str) -> str:
    """``text`` lower-cased with the marks on its vowels dropped, one character per character."""
    return "".join(_bare(char) for char in text)


def repair_words(words: list[str], lexicon: Lexicon | None = None) -> list[str]:
    """``words`` (in reading order) with every vocabulary phrase given the vocabulary's vowel marks."""
    lexicon = vocabulary_lexicon() if lexicon is None else lexicon
    longest = max((len(key) for key in lexicon), default=0)
    parts = [WORD.match(word).groups() for word in words]
    keys = [skeleton(core) for _, core, _ in parts]
    repaired = list(words)
    start = 0
    while start < len(words):
        for length in range(min(longest, len(words) - start), MIN_PHRASE_WORDS - 1, -1):
            spelling = lexicon.get(tuple(keys[start:start + length]))
            if spelling is not None:
                for offset, target in enumerate(spelling):
                    lead, core, trail = parts[start + offset]
                    repaired[start + offset] = lead + _with_case_of(core, target) + trail
                start += length
                break
        else:
            start += 1
    return _calendar_words_repaired(repaired)


def _calendar_words_repaired(words: list[str]) -> list[str]:
    """Calendar words before their number given their marks ("nắm 2026" -> "năm 2026")."""
    out = list(words)
    for i, (word, following) in enumerate(zip(words, words[1:])):
        lead, core, trail = WORD.match(word).groups()
        spelling, number = CALENDAR_WORDS.get(skeleton(core), (None, None))
        if spelling and not trail and number.match(following):
            out[i] = lead + _with_case_of(core, spelling) + trail
    return out


@cache
def vocabulary_lexicon() -> Lexicon:
    """Phrases of the vocabulary files under ``parsers/data``, keyed by their words' skeletons."""
    return build_lexicon(text for name in VOCABULARY_FILES for text in _phrase_strings(load(name)))


def build_lexicon(phrases) -> Lexicon:
    """Lexicon of the runs of plain words (letters and digits) in ``phrases``.

    >>> lexicon = build_lexicon(["Sở Nội vụ", "Phát thanh - Truyền hình", "Sở Nôi vu"])
    >>> lexicon[("phat", "thanh")], lexicon[("so", "noi", "vu")]
    (('phát', 'thanh'), None)
    """
    spellings: dict[Key, set[tuple[str, ...]]] = {}
    for phrase in phrases:
        for run in _plain_runs(unicodedata.normalize("NFC", phrase)):
            if len(run) >= MIN_PHRASE_WORDS:
                lowered = tuple(word.lower() for word in run)
                spellings.setdefault(tuple(skeleton(word) for word in run), set()).add(lowered)
    return {key: next(iter(found)) if len(found) == 1 else None for key, found in spellings.items()}


def _plain_runs(phrase: str) -> Iterator[list[str]]:
    """The phrase split at anything that is not a plain word ("-", "{number}"), punctuation around words dropped."""
    run: list[str] = []
    for token in phrase.split():
        core = WORD.match(token).group(2)
        if LETTERS.match(core):  # "Sở Văn hóa, Thể thao": a comma does not break the run
            run.append(core)
        else:
            yield run
            run = []
    yield run


def _phrase_strings(node) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in PHRASE_KEYS:
                yield from _strings(value)
            elif key not in ("examples", "not_examples"):
                yield from _phrase_strings(value)
    elif isinstance(node, list):
        for item in node:
            yield from _phrase_strings(item)


def _strings(value) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _bare(char: str) -> str:
    base = unicodedata.normalize("NFD", char)[0]
    lowered = base.lower() if base.lower() in VOWELS else char.lower()
    return lowered if len(lowered) == 1 else char


def _with_case_of(model: str, letters: str) -> str:
    """``letters`` (same skeleton as ``model``) upper-cased where ``model`` is."""
    return "".join(target.upper() if source.isupper() else target for source, target in zip(model, letters))
