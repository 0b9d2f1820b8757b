"""The compact constructor every clause module uses to write templates."""

from __future__ import annotations

import re

from training.render import Clause

DEV_EVERY = 6  # every 6th template of a family is held out for dev


def C(text: str, slots: str, rels: str = "", form: str = "vf", tags: str = "", hedged: bool = False) -> Clause:
    """slots: "A=per B=party"; rels: "A-B:MET_WITH A>P:VISITED" (subject first)."""
    slot_map = dict(part.split("=") for part in slots.split())
    rel_list = []
    for part in rels.split():
        pair, label = part.split(":")  # a trailing "!" marks an appositive fact, never hedged
        a, b = re.split(r"[->]", pair)
        rel_list.append((a, b, label))
    for a, b, _ in rel_list:
        if a not in slot_map or b not in slot_map:
            raise ValueError(f"{text[:40]}: relation names an unknown slot")
    for slot in slot_map:
        if "{" + slot + "}" not in text and "{l:" + slot + "}" not in text:
            raise ValueError(f"{text[:40]}: slot {slot} is not in the text")
    return Clause("", text, slot_map, tuple(rel_list), form, tuple(tags.split()), hedged)


def numbered(family: str, items: list[Clause]) -> list[Clause]:
    """Give templates ids family/NN and mark every DEV_EVERY-th as dev-only."""
    out = []
    for i, c in enumerate(items):
        out.append(Clause(f"{family}/{i:02d}", c.text, c.slots, c.rels, c.form, c.tags, c.hedged,
                          dev=(i % DEV_EVERY == DEV_EVERY - 1)))
    return out



