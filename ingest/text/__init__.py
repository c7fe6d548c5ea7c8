"""Reading plain text and Markdown (text exports, legal-portal copies) into a :class:`~ingest.model.Document`.

:func:`read_text` is the entry point (see :mod:`ingest.text.reader`); the vocabulary tests
also use the single-line checks :func:`strip_emphasis`, :func:`is_banner` and :func:`is_footer_start`.
"""
from ingest.text.markup import strip_emphasis
from ingest.text.reader import read_text
from ingest.text.site_chrome import is_banner, is_footer_start

__all__ = ["is_banner", "is_footer_start", "read_text", "strip_emphasis"]
