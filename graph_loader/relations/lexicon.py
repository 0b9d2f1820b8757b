"""A cue-lexicon relation classifier: the baseline the transformer must beat.

It reads the words between (and just around) two mentions and picks the
relation whose cue appears nearest. It knows nothing of negation scope or
reported speech beyond a few words; it exists to compare against, and as
`--model lexicon` for machines where torch cannot run.
"""

from __future__ import annotations

import re
from typing import Sequence

from graph_loader.relations.base import NONE_LABEL, PairInput, Prediction
from graph_loader.text.normalize import normalize

# (relation, forward) by cue; forward=None means symmetric or "first is subject".
_CUES: list[tuple[str, str, bool]] = [
    # relation, cue (normalised stem), first-is-subject
    ("MET_WITH", "اجتمع", True), ("MET_WITH", "اجتماع", True), ("MET_WITH", "التقي", True), ("MET_WITH", "التقاه", True),
    ("MET_WITH", "لقاء", True), ("MET_WITH", "لقائه", True), ("MET_WITH", "لقائها", True), ("MET_WITH", "استقبل", True),
    ("MET_WITH", "استقبال", True), ("MET_WITH", "بحث مع", True), ("MET_WITH", "وبحث", True), ("MET_WITH", "محادثات", True),
    ("MET_WITH", "مباحثات", True), ("MET_WITH", "اتصال هاتفي", True), ("MET_WITH", "جمع", True), ("MET_WITH", "ناقش", True),
    ("VISITED", "زار", True), ("VISITED", "زياره", True), ("VISITED", "وصل الي", True), ("VISITED", "زيارته", True),
    ("MEDIATED", "برعايه", False), ("MEDIATED", "رعايه", False), ("MEDIATED", "استضاف", True), ("MEDIATED", "وساطه", False),
    ("COOPERATES_WITH", "اتفق", True), ("COOPERATES_WITH", "الاتفاق", True), ("COOPERATES_WITH", "تعاون", True),
    ("COOPERATES_WITH", "التعاون", True), ("COOPERATES_WITH", "تنسيق", True), ("COOPERATES_WITH", "التنسيق", True),
    ("COOPERATES_WITH", "شراكه", True), ("COOPERATES_WITH", "قوه مشتركه", True), ("COOPERATES_WITH", "تحالف", True),
    ("SUPPORTS", "اشاد", True), ("SUPPORTS", "مشيدا", True), ("SUPPORTS", "دعم", True), ("SUPPORTS", "هنا", True),
    ("SUPPORTS", "تهنئه", True), ("SUPPORTS", "تهانيه", True), ("SUPPORTS", "تاييد", True), ("SUPPORTS", "ثمن", True),
    ("OPPOSES", "رفض", True), ("OPPOSES", "رفضه", True), ("OPPOSES", "انتقد", True), ("OPPOSES", "اتهم", True),
    ("OPPOSES", "احتجاج", True), ("OPPOSES", "هدد", True), ("OPPOSES", "هاجم", True), ("OPPOSES", "هجوم", True),
    ("OPPOSES", "تصدي", True), ("OPPOSES", "تصدت", True), ("OPPOSES", "ندد", True),
    ("RIVAL_OF", "تنافس", True), ("RIVAL_OF", "التنافس", True), ("RIVAL_OF", "صراع", True), ("RIVAL_OF", "خلاف", True),
    ("RIVAL_OF", "خلافات", True), ("RIVAL_OF", "نزاع", True), ("RIVAL_OF", "اقتتال", True),
    ("APPOINTED", "عين", True), ("APPOINTED", "تعيين", True), ("APPOINTED", "تعيينه", True), ("APPOINTED", "كلف", True),
    ("APPOINTED", "تكليفه", True), ("APPOINTED", "ترقيه", True), ("APPOINTED", "ترقيته", True), ("APPOINTED", "بقرار من", False),
    ("RELATIVE_OF", "نجل", True), ("RELATIVE_OF", "نجله", True), ("RELATIVE_OF", "نجلي", True), ("RELATIVE_OF", "ابن", True),
    ("RELATIVE_OF", "شقيق", True), ("RELATIVE_OF", "اخيه", True), ("RELATIVE_OF", "ابن شقيق", True),
]
_NEGATION = ("نفي", "لم ", "لا ", "ليس", "غير صحيح", "لا اساس")
_HEDGES = ("مزعوم", "بحسب تقارير", "يعتقد", "تقارير اعلاميه", "انباء")
_AFFILIATION_HEADS = ("رئيس", "قائد", "عضو", "سفير", "وزير", "نائب", "مستشار", "مبعوث", "الناطق", "المتحدث", "رئيسه", "القائم")


class LexiconClassifier:
    name = "lexicon@1"

    def predict(self, pairs: Sequence[PairInput]) -> list[Prediction]:
        return [self._one(p) for p in pairs]

    def _one(self, p: PairInput) -> Prediction:
        s = p.sentence
        between = normalize(s[p.first.end : p.second.start])
        before = normalize(s[max(0, p.first.start - 60) : p.first.start])
        window = f"{before} | {between}"
        hedged = any(h in normalize(s) for h in _HEDGES)
        if any(n in before[-40:] or n in between[:20] for n in _NEGATION):
            return Prediction(NONE_LABEL, True, 0.6)
        if p.first.type == "PERSON" and p.second.type in ("ORGANIZATION", "STATE") and len(between.split()) <= 1:
            # "خالد حفتر، رئيس أركان الجيش" style apposition handled below by heads
            pass
        if p.second.type == "PERSON" and p.first.type in ("ORGANIZATION", "STATE") and any(
            normalize(h) in before[-30:] for h in _AFFILIATION_HEADS
        ) and len(between.split()) <= 2:
            return Prediction("AFFILIATED_WITH", False, 0.7, hedged, "title")
        best: tuple[int, str, str, bool] | None = None
        words = window.split()
        for rel, cue, first_is_subject in _CUES:
            m = re.search(r"(^|\s)" + re.escape(cue) + r"(\s|$)", window)
            if not m:
                continue
            distance = abs(len(window) - m.end())
            if best is None or distance < best[0]:
                best = (distance, rel, cue, first_is_subject)
        if best is None or len(words) > 40:
            return Prediction(NONE_LABEL, True, 0.5)
        _, rel, cue, forward = best
        if rel == "VISITED" and p.second.type not in ("PLACE", "STATE", "ORGANIZATION"):
            return Prediction(NONE_LABEL, True, 0.5)
        if rel == "RELATIVE_OF" and not (p.first.type == p.second.type == "PERSON"):
            return Prediction(NONE_LABEL, True, 0.5)
        return Prediction(rel, forward, 0.6, hedged, cue)
