"""The actor registry: who the tool already knows, under every name it goes by.

Shipped entries live in `data/registry.jsonl`; a user adds or overrides entries
with `--actors FILE` and the overlay in the data dir. Later sources win by id.
The registry is what gives an actor the same id in every document.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from graph_loader.errors import InputError
from graph_loader.model import Actor
from graph_loader.text.normalize import key_variants, normalize

SHIPPED = Path(__file__).with_name("data") / "registry.jsonl"


@dataclass
class Registry:
    actors: dict[str, Actor] = field(default_factory=dict)
    _index: dict[str, set[str]] = field(default_factory=dict, repr=False)
    _short: dict[str, set[str]] = field(default_factory=dict, repr=False)
    extra: dict[str, dict] = field(default_factory=dict, repr=False)  # raw fields we do not model (nisba, short_names)

    @classmethod
    def load(cls, paths: Iterable[str | Path] = (), shipped: bool = True) -> "Registry":
        reg = cls()
        sources = ([SHIPPED] if shipped and SHIPPED.exists() else []) + [Path(p) for p in paths]
        for path in sources:
            for raw in _read_jsonl(path):
                reg.add(Actor.from_dict(raw), raw)
        return reg

    def add(self, actor: Actor, raw: dict | None = None) -> None:
        if actor.id in self.actors:
            self._unindex(actor.id)
        self.actors[actor.id] = actor
        self.extra[actor.id] = dict(raw or {})
        for name in self.names_of(actor.id):
            for key in key_variants(name):
                self._index.setdefault(key, set()).add(actor.id)
        for short in self.extra[actor.id].get("short_names", []) or []:
            for key in key_variants(short):
                self._short.setdefault(key, set()).add(actor.id)

    def _unindex(self, actor_id: str) -> None:
        for table in (self._index, self._short):
            for key in [k for k, ids in table.items() if actor_id in ids]:
                table[key].discard(actor_id)
                if not table[key]:
                    del table[key]

    def names_of(self, actor_id: str) -> list[str]:
        a = self.actors[actor_id]
        return [a.name, *a.aliases]

    def lookup(self, phrase: str) -> set[str]:
        """Ids whose full name or alias matches `phrase` (normalised)."""
        out: set[str] = set()
        for key in key_variants(phrase):
            out |= self._index.get(key, set())
        return out

    def lookup_short(self, phrase: str) -> set[str]:
        out: set[str] = set()
        for key in key_variants(phrase):
            out |= self._short.get(key, set())
        return out

    def resolve(self, value: str) -> Actor | None:
        """An actor by id, Arabic name, alias or Latin name; None when unknown or ambiguous."""
        if value in self.actors:
            return self.actors[value]
        ids = self.lookup(value)
        if not ids:
            low = normalize(value)
            ids = {a.id for a in self.actors.values() if a.name_en and normalize(a.name_en) == low}
        return self.actors[next(iter(ids))] if len(ids) == 1 else None

    def keys(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self.actors)


def _read_jsonl(path: Path) -> Iterator[dict]:
    try:
        fh = path.open(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read actors file: {exc.strerror or exc}", source=str(path)) from None
    with fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            try:
                obj = json.loads(line)
                Actor.from_dict(obj)
            except (json.JSONDecodeError, KeyError, ValueError, TypeError) as exc:
                raise InputError(f"bad actor entry ({exc})", source=str(path), line=lineno) from None
            yield obj
