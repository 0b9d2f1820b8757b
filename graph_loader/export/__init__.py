"""Subgraph export: select in the store (`selection`), write with one module per format.

Like `networkx.readwrite`, each format is its own module with a `write`
function; this module only knows which one to call, which formats are text
(and may go to stdout), and how a file name suggests a format.
"""

from __future__ import annotations

import importlib
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from graph_loader.errors import InputError, UsageError

if TYPE_CHECKING:  # importing the format table must stay cheap: the CLI reads it for --help
    import networkx as nx


@dataclass(frozen=True)
class Format:
    name: str
    module: str
    suffixes: tuple[str, ...]
    textual: bool  # may be written to stdout with `-o -`
    evidence_per_edge: int  # sentences fetched per edge for this format


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("graphml", "graphml", (".graphml",), True, 1),
        Format("gexf", "gexf", (".gexf",), True, 1),
        Format("json", "json", (".json",), True, 3),
        Format("csv", "csv", (".zip",), False, 1),
        Format("cypher", "cypher", (".cypher", ".cql"), True, 1),
        Format("html", "html", (".html", ".htm"), True, 5),
    )
}


def guess_format(path: str | None) -> str | None:
    """The format a file name implies (`.graphml`, `.gexf`, ...), or None."""
    if not path or path == "-":
        return None
    suffix = Path(path).suffix.lower()
    for f in FORMATS.values():
        if suffix in f.suffixes:
            return f.name
    return None


def write_graph(g: nx.MultiDiGraph, fmt: str, out: str) -> str:
    """Write `g` as `fmt` to path `out` (`-` is stdout for text formats); returns where it went.

    Files are written next to their destination and renamed into place, so an
    interrupted export never leaves half a file under the final name.
    """
    spec = FORMATS.get(fmt)
    if spec is None:
        raise UsageError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    module = importlib.import_module(f"graph_loader.export.{spec.module}")
    if not spec.textual:
        if out == "-":
            raise UsageError(f"{fmt} writes several files: give -o FOLDER or -o FILE.zip")
        return str(module.write(g, out))
    if out == "-":
        module.write(g, sys.stdout)
        sys.stdout.flush()
        return "stdout"
    target = Path(out)
    if target.is_dir():
        raise InputError(f"is a folder; give a file name for the {fmt} export", out)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    except OSError as exc:
        raise InputError(f"cannot write here: {exc.strerror or exc}", out) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            module.write(g, fh)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; an export is an ordinary file
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return str(target)
