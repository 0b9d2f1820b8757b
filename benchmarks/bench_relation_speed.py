"""How much faster is actorgraph's extraction than a BERT-base relation classifier?

One run, same sentences (the seed articles' sentences, repeated to N):
1. actorgraph end to end: read → sentences → mentions → candidate pairs →
   shipped relation model → triples; rate in sentences per second.
2. the same candidate pairs through a 12-layer BERT-base-sized classifier
   (random weights: hidden 768, 12 heads, 3072 intermediate — the speed of a
   model that size does not depend on its weights), same tokenizer, same
   batching; its rate in sentences per second counts only the classifier, so
   the ratio is if anything flattering to BERT-base.
3. peak resident memory of a fresh process extracting 10,000 sentences.
The figures are appended to docs/benchmarks.md under this script's heading.

    python benchmarks/bench_relation_speed.py [--sentences 200] [--memory-sentences 10000] [--model DIR] [--no-write]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
HEADING = "## Relation extraction speed: actorgraph vs a BERT-base-sized classifier"


def seed_sentences(n: int) -> list[str]:
    """n sentences cycling through the seed articles' sentences (only those with 2+ actor mentions count the same)."""
    from graph_loader.text.reader import read_documents
    from graph_loader.text.sentences import split_sentences

    docs = list(read_documents(sorted((ROOT / "seeds").glob("*.txt"))))
    pool = [s.text for d in docs for s in split_sentences(d) if len(s.text.split()) >= 4]
    return [pool[k % len(pool)] for k in range(n)]


def as_documents(sentences: list[str], per_doc: int = 20) -> list:
    from graph_loader.model import Document

    return [
        Document(id=f"bench-{k // per_doc:05d}", text="\n\n".join(sentences[k : k + per_doc]))
        for k in range(0, len(sentences), per_doc)
    ]


def run_actorgraph(sentences: list[str], model: str | None) -> tuple[float, int, list]:
    """Seconds for end-to-end extraction, triples found, and the candidate pairs (for the BERT run)."""
    from graph_loader.extract import Extractor
    from graph_loader.relations.transformer import load_classifier

    classifier = load_classifier(model)
    extractor = Extractor(classifier=classifier)
    docs = as_documents(sentences)
    list(extractor.extract(as_documents(sentences[:40])))  # warm-up: lazy indexes, first torch calls
    t0 = time.perf_counter()
    triples = list(extractor.extract(docs))
    seconds = time.perf_counter() - t0
    pairs = [extractor_pair for extractor_pair in _candidate_pairs(extractor, docs)]
    return seconds, len(triples), pairs


def _candidate_pairs(extractor, docs) -> list:
    from graph_loader.extract import _pair_input

    return [_pair_input(c) for d in docs for c in extractor.candidates(d)]


def run_bert_base(pairs: list, model: str | None, batch_size: int = 64) -> float:
    """Seconds for a BERT-base-sized encoder + the same head to classify the same pairs."""
    import torch
    from transformers import BertConfig, BertModel

    from graph_loader.relations.transformer import TransformerRelationClassifier, default_model_path, model_class

    small = TransformerRelationClassifier(model or default_model_path())
    config = BertConfig(
        vocab_size=len(small.tokenizer), hidden_size=768, num_hidden_layers=12, num_attention_heads=12,
        intermediate_size=3072, max_position_embeddings=512,
    )
    torch.manual_seed(0)
    big = model_class()(BertModel(config, add_pooling_layer=False), len(small.meta.labels)).eval()
    small.model = big  # same tokenisation, batching and decoding; only the network differs
    small.batch_size = batch_size
    small.predict(pairs[:8])  # warm-up
    t0 = time.perf_counter()
    small.predict(pairs)
    return time.perf_counter() - t0


def memory_child(n: int, model: str | None) -> None:
    """Entry point of the memory-measuring child: extract n sentences, print peak RSS."""
    sentences = seed_sentences(n)
    from graph_loader.extract import Extractor
    from graph_loader.relations.transformer import load_classifier

    extractor = Extractor(classifier=load_classifier(model))
    t0 = time.perf_counter()
    count = sum(1 for _ in extractor.extract(as_documents(sentences)))
    seconds = time.perf_counter() - t0
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"sentences": n, "triples": count, "seconds": round(seconds, 2), "peak_rss_mb": round(peak_kb / 1024, 1)}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sentences", type=int, default=200, help="sentences for the rate comparison")
    ap.add_argument("--memory-sentences", type=int, default=10_000)
    ap.add_argument("--model", default=None, help="relation model directory (default: the shipped one)")
    ap.add_argument("--no-write", action="store_true", help="print only, do not append to docs/benchmarks.md")
    ap.add_argument("--memory-child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.memory_child:
        memory_child(args.memory_child, args.model)
        return

    import torch

    sentences = seed_sentences(args.sentences)
    ag_seconds, n_triples, pairs = run_actorgraph(sentences, args.model)
    bert_seconds = run_bert_base(pairs, args.model)
    ag_rate = len(sentences) / ag_seconds
    bert_rate = len(sentences) / bert_seconds
    child = subprocess.run(
        [sys.executable, __file__, "--memory-child", str(args.memory_sentences)]
        + (["--model", args.model] if args.model else []),
        capture_output=True, text=True, check=True, cwd=str(ROOT),
    )
    mem = json.loads(child.stdout.strip().splitlines()[-1])
    from graph_loader.relations.transformer import read_meta, default_model_path

    model_dir = Path(args.model) if args.model else default_model_path()
    meta = read_meta(model_dir)
    cfg = json.loads((model_dir / "config.json").read_text())
    result = {
        "sentences": len(sentences), "candidate_pairs": len(pairs), "triples": n_triples,
        "actorgraph_sentences_per_s": round(ag_rate, 1), "bert_base_sentences_per_s": round(bert_rate, 1),
        "ratio": round(ag_rate / bert_rate, 1), "memory": mem, "model": f"{meta.name}@{meta.version}",
        "model_size": f"{cfg['num_hidden_layers']} layers, hidden {cfg['hidden_size']}",
        "threads": torch.get_num_threads(),
    }
    print(json.dumps(result, indent=2))
    if not args.no_write:
        append_report(result, " ".join(["python", "benchmarks/bench_relation_speed.py", *sys.argv[1:]]))


def append_report(r: dict, command: str) -> None:
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()} {platform.release()}"
    block = f"""
### {dt.datetime.now(dt.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}
- command: `{command}`
- machine: {machine}; torch threads {r['threads']}
- model: {r['model']} ({r['model_size']}); {r['sentences']} seed sentences, {r['candidate_pairs']} candidate pairs, {r['triples']} triples
- actorgraph end to end (after a 40-sentence warm-up): **{r['actorgraph_sentences_per_s']} sentences/s**
- BERT-base-sized classifier (12 layers, hidden 768, 12 heads, 3072 intermediate; classifier only): **{r['bert_base_sentences_per_s']} sentences/s**
- ratio: **{r['ratio']}×** (target ≥ 10)
- peak memory, {r['memory']['sentences']} sentences end to end in a fresh process: **{r['memory']['peak_rss_mb']} MB** RSS ({r['memory']['seconds']} s, {r['memory']['triples']} triples)
"""
    path = ROOT / "docs" / "benchmarks.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    if HEADING not in text:
        text = text.rstrip() + f"\n\n{HEADING}\n"
    head, _, rest = text.partition(HEADING)
    # keep this section's entries together: insert after the last entry of our section
    nxt = rest.find("\n## ")
    section, tail = (rest, "") if nxt < 0 else (rest[:nxt], rest[nxt:])
    path.write_text(head + HEADING + section.rstrip() + "\n" + block + tail, encoding="utf-8")
    print(f"appended to {path}")


if __name__ == "__main__":
    main()
