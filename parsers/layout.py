"""The layout vocabulary: parsers/data/document_layout.yaml compiled once.

Keys: "motto" (the national motto beside the issuer), "heads" (words opening an issuing body),
"titles" (signer posts, longest printed form first so "PHÓ CHỦ TỊCH" wins over
"CHỦ TỊCH"), "signing_for" (KT./TM./TL. ...), "preamble", "authority", "appendix", "caption",
"recipients". For example layout_patterns()["motto"] matches "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM".
"""
from __future__ import annotations

from functools import cache

import regex

from parsers.vocab import load


@cache
def layout_patterns():
    """The compiled patterns and word lists of parsers/data/document_layout.yaml."""
    data = load("document_layout")
    return {
        "motto": regex.compile(data["motto"]["pattern"], regex.IGNORECASE),
        "heads": [h["word"] for h in data["issuer_heads"]],
        "titles": sorted(data["signer_titles"], key=lambda t: -len(t["printed"])),
        "signing_for": regex.compile(data["authority_prefix"]["pattern"], regex.IGNORECASE),
        "preamble": regex.compile(data["preamble_starts"]["pattern"]),
        "authority": regex.compile(data["authority_line"]["pattern"]),
        "appendix": regex.compile(data["appendix"]["pattern"], regex.IGNORECASE),
        "caption": regex.compile(data["appendix_caption"]["pattern"]),
        "recipients": regex.compile(data["recipients"]["pattern"], regex.IGNORECASE),
    }
