"""Errors a reader raises besides ``ValueError`` (which means: this file is damaged or not of its type).

:class:`ToolUnavailable` says a program the format needs is not installed on this machine
(Tesseract for scans, LibreOffice for .doc). It is the machine's fault, not the document's,
so the pipeline reports it under its own code with the install hint, and the batch goes on.

>>> str(ToolUnavailable("LibreOffice", "libreoffice-writer-nogui"))
'LibreOffice is not installed (Debian package: libreoffice-writer-nogui)'
"""
from __future__ import annotations


class ToolUnavailable(RuntimeError):
    """A program a reader needs is missing; ``tool`` names it and ``package`` is what installs it."""

    def __init__(self, tool: str, package: str, detail: str = ""):
        self.tool, self.package = tool, package
        super().__init__(f"{tool} is not installed (Debian package: {package})" + (f": {detail}" if detail else ""))
