"""Escaping for the XML formats (GraphML, GEXF), written as a stream.

The XML writers emit text line by line instead of building an element tree,
so a large export never holds a second copy of the graph as XML objects.
XML 1.0 cannot carry most control characters at all, even escaped; they are
dropped (news text sometimes has them).
"""

from __future__ import annotations

import re
from typing import Any

_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ESC = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


def attr(value: Any) -> str:
    """A value ready to sit between double quotes in an attribute."""
    if isinstance(value, bool):
        value = "true" if value else "false"
    elif isinstance(value, float):
        value = repr(value)
    return _INVALID.sub("", str(value)).translate(_ESC)


def text(value: Any) -> str:
    """A value ready to be element content."""
    return attr(value)
