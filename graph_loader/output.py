"""Rendering rows for people (tables) and programs (JSON, CSV), and progress.

Results go to stdout, progress and warnings to stderr, so `--format json`
output is valid JSON and nothing else.
"""

from __future__ import annotations

import csv
import io
import json
import sys
import time
import unicodedata
from typing import Any, Iterable, Sequence, TextIO

FSI, PDI = "\u2068", "\u2069"  # first-strong isolate: an Arabic cell cannot reorder its neighbours


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3g}" if abs(value) < 1000 else f"{value:.0f}"
    if isinstance(value, (list, tuple)):
        return ", ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value).replace("\n", " ")


def display_width(s: str) -> int:
    width = 0
    for ch in s:
        if unicodedata.combining(ch) or ch in (FSI, PDI) or unicodedata.category(ch) == "Cf":
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def _isolate(s: str) -> str:
    return f"{FSI}{s}{PDI}" if any("\u0590" <= ch <= "\u08ff" for ch in s) else s


def _truncate(s: str, width: int) -> str:
    if display_width(s) <= width:
        return s
    out = ""
    for ch in s:
        if display_width(out + ch) > width - 1:
            break
        out += ch
    return out + "…"


def table(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None, max_width: int = 60) -> str:
    if not rows:
        return "(no rows)\n"
    columns = list(columns or rows[0].keys())
    cells = [[_truncate(_cell(r.get(c)), max_width) for c in columns] for r in rows]
    widths = [max(display_width(c), *(display_width(row[i]) for row in cells)) for i, c in enumerate(columns)]
    def line(values: Sequence[str]) -> str:
        return "  ".join(_isolate(v) + " " * (w - display_width(v)) for v, w in zip(values, widths)).rstrip()
    out = [line(columns), "  ".join("-" * w for w in widths)]
    out += [line(row) for row in cells]
    return "\n".join(out) + "\n"


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n"


def to_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None) -> str:
    buf = io.StringIO()
    if not rows:
        return ""
    columns = list(columns or rows[0].keys())
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(columns)
    for r in rows:
        w.writerow([json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else ("" if v is None else v) for v in (r.get(c) for c in columns)])
    return buf.getvalue()


class Progress:
    """A counter on stderr: redrawn in place on a terminal, a line every few seconds otherwise."""

    def __init__(self, label: str, enabled: bool = True, stream: TextIO | None = None, every: float = 2.0):
        self.label = label
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.every = every if not self.tty else 0.1
        self.counts: dict[str, int] = {}
        self._last = 0.0
        self._start = time.monotonic()

    def update(self, **increments: int) -> None:
        for k, v in increments.items():
            self.counts[k] = self.counts.get(k, 0) + v
        now = time.monotonic()
        if self.enabled and now - self._last >= self.every:
            self._last = now
            self._draw()

    def _draw(self, final: bool = False) -> None:
        elapsed = time.monotonic() - self._start
        text = f"{self.label}: " + ", ".join(f"{v} {k}" for k, v in self.counts.items()) + f" ({elapsed:.1f}s)"
        if self.tty:
            self.stream.write("\r" + text + ("\n" if final else ""))
        else:
            self.stream.write(text + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled and self.counts:
            self._draw(final=True)


def iter_lines(items: Iterable[str], out: TextIO) -> int:
    n = 0
    for line in items:
        out.write(line)
        n += 1
    return n
