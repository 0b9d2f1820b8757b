"""Read documents from files and folders without losing the good ones.

Each bad input (binary file, invalid UTF-8, empty file, malformed JSON line)
is reported through `on_error` with the file, line or byte offset, and reading
goes on with the next input. Documents stream: a JSON Lines file of any size is
read one line at a time.
"""

from __future__ import annotations

import html
import json
import os
import re
from pathlib import Path
from typing import Callable, Iterable, Iterator

from graph_loader.errors import InputError
from graph_loader.model import Document
from graph_loader.text.dates import find_date, parse_date

TEXT_SUFFIXES = {".txt", ".md", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES

OnError = Callable[[InputError], None]

_TAG = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]{1,400}>", re.S | re.I)
_LOOKS_HTML = re.compile(r"<(p|div|br|span|html|body|a|h[1-6]|li|script)\b", re.I)
_BIDI = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u061c]")


def _raise(err: InputError) -> None:
    raise err


def iter_files(paths: Iterable[str | os.PathLike[str]], on_error: OnError = _raise) -> Iterator[Path]:
    """Files to read: given files as they are, folders walked in name order for known suffixes."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    f = Path(root) / name
                    if f.suffix.lower() in SUFFIXES and not name.startswith(".") and not _is_folder_doc(f):
                        yield f
        elif path.is_file():
            yield path
        else:
            on_error(InputError("no such file or folder", source=str(path)))


def _is_folder_doc(path: Path) -> bool:
    """README.md, ANNOTATION.md and the like describe a folder of articles; they are not articles.

    Only skipped when a folder is walked; naming such a file explicitly reads it.
    """
    return path.suffix.lower() == ".md" and path.stem.isupper()


def read_documents(paths: Iterable[str | os.PathLike[str]], on_error: OnError = _raise) -> Iterator[Document]:
    for f in iter_files(paths, on_error):
        try:
            if f.suffix.lower() in JSONL_SUFFIXES:
                yield from _read_jsonl(f, on_error)
            else:
                doc = _read_text_file(f)
                if doc is not None:
                    yield doc
        except InputError as err:
            on_error(err)
        except OSError as exc:
            on_error(InputError(f"cannot read: {exc.strerror or exc}", source=str(f)))


def clean_text(text: str) -> str:
    """Undo what copy-paste does to news text: HTML tags and entities, bidi marks, CRLF."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _LOOKS_HTML.search(text):
        text = _TAG.sub(lambda m: "\n" if m.group(0)[1:3].lower() in ("p>", "p ", "br", "di", "li", "h1", "h2", "h3") else " ", text)
        text = html.unescape(text)
    return _BIDI.sub("", text)


def _decode(raw: bytes, source: str) -> str:
    if b"\x00" in raw[:8192]:
        raise InputError("binary file, not text (skipped)", source=source)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"invalid UTF-8 at byte offset {exc.start} (skipped; re-save the file as UTF-8)", source=source) from None


def _read_text_file(path: Path) -> Document | None:
    source = str(path)
    raw = path.read_bytes()
    text = clean_text(_decode(raw, source))
    if not text.strip():
        raise InputError("empty file (skipped)", source=source)
    first_line = next((ln.strip() for ln in text.split("\n") if ln.strip()), "")
    return Document(
        id=path.stem,
        text=text,
        title=first_line[:300] or None,
        date=find_date(text[:400]),
        source=source,
    )


def is_triples_file(path: Path) -> bool:
    """A JSON Lines file of triples (e.g. seeds/gold.jsonl) sits beside articles; it is not documents."""
    try:
        with path.open("rb") as fh:
            for raw in fh:
                if raw.strip():
                    obj = json.loads(raw)
                    return isinstance(obj, dict) and "relation" in obj and "subject" in obj and "text" not in obj
    except (OSError, ValueError):
        return False
    return False


def _read_jsonl(path: Path, on_error: OnError) -> Iterator[Document]:
    source = str(path)
    seen_any = False
    if is_triples_file(path):
        return
    with path.open("rb") as fh:
        for lineno, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            seen_any = True
            try:
                yield _document_from_json(raw, source, lineno)
            except InputError as err:
                on_error(err)
    if not seen_any:
        on_error(InputError("empty file (skipped)", source=source))


def _document_from_json(raw: bytes, source: str, lineno: int) -> Document:
    try:
        line = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"invalid UTF-8 at byte offset {exc.start} of the line (line skipped)", source, lineno) from None
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"malformed JSON ({exc.msg} at column {exc.colno}; line skipped)", source, lineno) from None
    if not isinstance(obj, dict):
        raise InputError("each line must be a JSON object with 'id' and 'text' (line skipped)", source, lineno)
    doc_id, text = obj.get("id"), obj.get("text")
    if doc_id is None or str(doc_id).strip() == "":
        raise InputError("missing 'id' (line skipped)", source, lineno)
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"document {doc_id!r} has no 'text' (line skipped)", source, lineno)
    date = obj.get("date")
    return Document(
        id=str(doc_id),
        text=clean_text(text),
        title=(str(obj["title"]) if obj.get("title") else None),
        date=parse_date(str(date)) if date else find_date(text[:400]),
        url=(str(obj["url"]) if obj.get("url") else None),
        source=f"{source}:{lineno}",
    )
