"""Synthetic, realistic Arabic news at any size, for benchmarks and the resume test.

Articles are written from templates in the register of the seed articles
(meetings, visits, praise, criticism, agreements, disputes, sponsored talks,
appointments) about actors of the shipped registry, picked with a Zipf-like
skew so a few actors dominate as they do in real news, mixed with background
sentences that name no actor. Deterministic for a given seed.

    python benchmarks/corpus.py articles --sentences 10000 -o corpus.jsonl
    python benchmarks/corpus.py articles --docs 300 --txt-dir corpus/      # one .txt per article
    python benchmarks/corpus.py triples --count 1000000 -o triples.jsonl   # spec-format triples
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph_loader.actors.registry import Registry  # noqa: E402
from graph_loader.model import ActorType  # noqa: E402

TOPICS = [
    "الأوضاع الأمنية في الجنوب", "ملف الانتخابات المقبلة", "توحيد المؤسسة العسكرية", "مكافحة الإرهاب",
    "إعادة إعمار المدن المتضررة", "تأمين الحدود المشتركة", "ملف الهجرة غير النظامية", "تبادل الأسرى",
    "إخراج المرتزقة والقوات الأجنبية", "توزيع عائدات النفط", "دعم المسار السياسي", "تعزيز التعاون الاقتصادي",
]
FILLER = [
    "وتشهد البلاد منذ سنوات انقساما سياسيا حادا بين حكومتين متنافستين.",
    "وأكد مراقبون أن {topic} يمثل أولوية في المرحلة المقبلة.",
    "ويأتي ذلك في ظل تصاعد المخاوف من عودة الاشتباكات المسلحة.",
    "وأشار المصدر إلى أن اللقاءات ستتواصل خلال الأسابيع القادمة.",
    "ولم تصدر أي تعليقات رسمية حتى ساعة نشر هذا الخبر.",
    "وتناول الاجتماع كذلك سبل تحسين الخدمات الأساسية للمواطنين.",
    "وبحسب وسائل إعلام محلية، فإن الملف ما زال يراوح مكانه.",
]
# (relation, template): {a} {b} are actors, {p} a place, {s} a sponsor, {t} a topic
TEMPLATES = [
    ("MET_WITH", "اجتمع {a} مع {b} في {p} لبحث {t}."),
    ("MET_WITH", "التقى {a} في {p} بـ{b}، وبحث الجانبان {t}."),
    ("MET_WITH", "استقبل {a} في مقر إقامته {b}، حيث جرى بحث {t}."),
    ("VISITED", "وصل {a} إلى {p} في زيارة رسمية تستغرق يومين."),
    ("SUPPORTS", "أشاد {a} بجهود {b} في {t}."),
    ("SUPPORTS", "أعرب {a} عن دعمه الكامل لـ{b} في {t}."),
    ("OPPOSES", "انتقد {a} تصريحات {b} بشأن {t}."),
    ("OPPOSES", "رفض {a} الاتهامات التي وجهها {b} حول {t}."),
    ("COOPERATES_WITH", "اتفق {a} و{b} على تعزيز التنسيق في {t}."),
    ("RIVAL_OF", "تصاعد الخلاف بين {a} و{b} حول {t}."),
    ("MEDIATED", "برعاية {s}، عقدت في {p} محادثات بين {a} و{b} بشأن {t}."),
    ("APPOINTED", "أصدر {a} قرارا بتعيين {b} في منصب جديد."),
]
LEADS = ["قالت مصادر مطلعة إن", "أفادت وكالة الأنباء الرسمية بأن", "ذكر بيان صادر اليوم أن"]


@dataclass
class _Pool:
    actors: list  # registry actors that can be agents (not places)
    weights: list[float]
    places: list
    persons: list
    person_weights: list[float]


def _pool(registry: Registry) -> _Pool:
    actors = sorted(registry.actors.values(), key=lambda a: a.id)
    agents = [a for a in actors if a.type != ActorType.PLACE]
    places = [a for a in actors if a.type in (ActorType.PLACE, ActorType.STATE)]
    persons = [a for a in actors if a.type == ActorType.PERSON]
    rng = random.Random(7)  # a fixed popularity order, independent of the corpus seed
    rng.shuffle(agents)
    rng.shuffle(persons)
    zipf = lambda n: [1.0 / (i + 1) ** 0.9 for i in range(n)]  # noqa: E731
    return _Pool(agents, zipf(len(agents)), places, persons, zipf(len(persons)))


def _two(rng: random.Random, items: list, weights: list[float]) -> tuple:
    a = rng.choices(items, weights)[0]
    while True:
        b = rng.choices(items, weights)[0]
        if b.id != a.id:
            return a, b


def _sentence(rng: random.Random, pool: _Pool) -> str:
    if rng.random() < 0.35:
        return rng.choice(FILLER).format(topic=rng.choice(TOPICS))
    rel, tpl = rng.choice(TEMPLATES)
    if rel == "APPOINTED":
        a = rng.choices(pool.actors, pool.weights)[0]
        b = a
        while b.id == a.id:
            b = rng.choices(pool.persons, pool.person_weights)[0]
    else:
        a, b = _two(rng, pool.actors, pool.weights)
    s = rng.choices(pool.actors, pool.weights)[0]
    text = tpl.format(a=a.name, b=b.name, p=rng.choice(pool.places).name, s=s.name, t=rng.choice(TOPICS))
    if rng.random() < 0.2:
        text = f"{rng.choice(LEADS)} {text}"
    return text


def articles(docs: int | None = None, sentences: int | None = None, seed: int = 1) -> Iterator[dict]:
    """Articles of 8-20 sentences until `docs` articles or `sentences` sentences were written."""
    rng = random.Random(seed)
    pool = _pool(Registry.load())
    start = date(2023, 1, 1)
    written = 0
    for i in itertools.count():
        if docs is not None and i >= docs:
            return
        if sentences is not None and written >= sentences:
            return
        n = rng.randint(8, 20)
        if sentences is not None:
            n = min(n, sentences - written)
        body = [_sentence(rng, pool) for _ in range(n)]
        written += n
        day = start + timedelta(days=i % 900)
        paragraphs = [" ".join(body[j : j + 3]) for j in range(0, len(body), 3)]
        yield {
            "id": f"syn-{seed}-{i:07d}",
            "title": body[0][:80],
            "date": day.isoformat(),
            "url": f"https://example.org/news/{seed}/{i}",
            "text": "\n\n".join(paragraphs),
        }


def triples(count: int, seed: int = 1, per_doc: int = 20) -> Iterator[dict]:
    """Spec-format triples without running extraction: for load benchmarks at any size."""
    rng = random.Random(seed)
    pool = _pool(Registry.load())
    rels = [r for r, _ in TEMPLATES if r != "VISITED"]
    start = date(2023, 1, 1)
    for i in range(count):
        d, j = divmod(i, per_doc)
        rel = rng.choice(rels)
        a, b = _two(rng, pool.actors, pool.weights)
        while rel == "APPOINTED":
            b = rng.choices(pool.persons, pool.person_weights)[0]
            if b.id != a.id:
                break
        sentence = f"{a.name} {rel} {b.name} ({j})"
        yield {
            "doc_id": f"tri-{seed}-{d:07d}",
            "sentence_index": j,
            "sentence": sentence,
            "subject": {"id": a.id, "name": a.name, "type": a.type.value, "mention": a.name},
            "relation": rel,
            "object": {"id": b.id, "name": b.name, "type": b.type.value, "mention": b.name},
            "confidence": round(0.5 + rng.random() / 2, 3),
            "extractor": "synthetic@1",
            "date": (start + timedelta(days=d % 900)).isoformat(),
            "hedged": rng.random() < 0.1,
        }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="what", required=True)
    a = sub.add_parser("articles", help="Arabic articles as JSON Lines (id, title, date, url, text) or .txt files")
    a.add_argument("--docs", type=int)
    a.add_argument("--sentences", type=int)
    a.add_argument("--seed", type=int, default=1)
    a.add_argument("-o", "--output", default="-")
    a.add_argument("--txt-dir", help="write one .txt file per article here instead of JSON Lines")
    t = sub.add_parser("triples", help="spec-format triples as JSON Lines")
    t.add_argument("--count", type=int, required=True)
    t.add_argument("--seed", type=int, default=1)
    t.add_argument("-o", "--output", default="-")
    args = ap.parse_args(argv)
    if args.what == "articles":
        if args.docs is None and args.sentences is None:
            ap.error("give --docs or --sentences")
        if args.txt_dir:
            out_dir = Path(args.txt_dir)
            out_dir.mkdir(parents=True, exist_ok=True)
            for art in articles(args.docs, args.sentences, args.seed):
                (out_dir / f"{art['id']}.txt").write_text(f"{art['title']}\n{art['date']}\n\n{art['text']}\n", encoding="utf-8")
            return
        rows = articles(args.docs, args.sentences, args.seed)
    else:
        rows = triples(args.count, args.seed)
    fh = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")
    with fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
