"""The `actorgraph` command line: parse, call the library, format output.

No pipeline logic lives here. Exit codes: 0 when every input was processed,
1 when some were skipped or a store/input error stopped the work, 2 for usage
errors. Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import Any

import click

from graph_loader.errors import ActorGraphError, UsageError

FORMATS_ROWS = ("table", "json", "csv")


@dataclass
class Context:
    store_kind: str
    data_dir: str | None
    graph: str | None
    verbose: int
    quiet: bool
    _store: Any = None

    def store(self):
        if self._store is None:
            from graph_loader.store import open_store

            self._store = open_store(self.store_kind, self.data_dir, self.graph)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def progress(self, label: str):
        from graph_loader.output import Progress

        return Progress(label, enabled=not self.quiet)

    def warn(self, message: str) -> None:
        if not self.quiet:
            click.echo(message, err=True)


class ActorGraphGroup(click.Group):
    """Turns library errors into one clean line and the right exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ActorGraphError as exc:
            click.echo(f"Error: {exc.message}", err=True)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("Interrupted; committed work is kept, run the command again to resume.", err=True)
            ctx.exit(130)
        except BrokenPipeError:
            ctx.exit(0)


pass_ctx = click.make_pass_decorator(Context)


@click.group(cls=ActorGraphGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--store", "store_kind", type=click.Choice(["embedded", "neo4j"]), default=lambda: os.environ.get("ACTORGRAPH_STORE", "embedded"),
              show_default="embedded", help="Graph store: the embedded FalkorDB (default) or Neo4j 5 (NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE).")
@click.option("--data-dir", type=click.Path(file_okay=False), default=None,
              help="Embedded store data dir (default $ACTORGRAPH_HOME or ~/.local/share/actorgraph).")
@click.option("--graph", default=None, help="Graph name (embedded) or database (Neo4j). Default: actorgraph / $NEO4J_DATABASE.")
@click.option("-v", "--verbose", count=True, help="More detail on stderr.")
@click.option("-q", "--quiet", is_flag=True, help="No progress or warnings on stderr.")
@click.version_option(package_name="actorgraph")
@click.pass_context
def cli(ctx: click.Context, store_kind: str, data_dir: str | None, graph: str | None, verbose: int, quiet: bool) -> None:
    """actorgraph: Arabic news in, a graph of who meets, allies with and opposes whom out.

    \b
    Examples:
      actorgraph build seeds/                      # extract + load, then summary and reports
      actorgraph report meetings --param actor="خالد حفتر"
      actorgraph stats --format json
      actorgraph --store neo4j build seeds/        # load into Neo4j 5 instead
    """
    obj = Context(store_kind, data_dir, graph, verbose, quiet)
    ctx.obj = obj
    ctx.call_on_close(obj.close)


# -- helpers ---------------------------------------------------------------


def _registry(actors: tuple[str, ...], ctx: Context):
    from graph_loader.actors.registry import Registry

    return Registry.load(actors)


def _report_problems(ctx: Context, problems: list) -> None:
    if not problems:
        return
    ctx.warn(f"{len(problems)} input(s) skipped:")
    for p in problems[:50]:
        ctx.warn(f"  {p.message}")
    if len(problems) > 50:
        ctx.warn(f"  ... and {len(problems) - 50} more")


def _parse_params(values: tuple[str, ...]) -> dict[str, str]:
    params: dict[str, str] = {}
    for v in values:
        if "=" not in v:
            raise UsageError(f"--param takes key=value, got {v!r}")
        k, _, val = v.partition("=")
        params[k.strip()] = val
    return params


def _emit_rows(rows: list[dict], fmt: str) -> None:
    from graph_loader import output

    if fmt == "json":
        click.echo(output.to_json(rows), nl=False)
    elif fmt == "csv":
        click.echo(output.to_csv(rows), nl=False)
    else:
        click.echo(output.table(rows), nl=False)


model_option = click.option("--model", default=None, metavar="DIR|lexicon",
                            help="Relation model directory (default: the shipped transformer); 'lexicon' for the cue baseline.")
actors_option = click.option("--actors", "actors", multiple=True, type=click.Path(exists=True, dir_okay=False),
                             help="Extra actor registry (JSON Lines); may be repeated.")


# -- build / extract / load ---------------------------------------------------


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@model_option
@actors_option
@click.option("--batch-size", default=256, show_default=True, help="Candidate pairs per model batch.")
@click.option("--fresh", is_flag=True, help="Empty the graph first.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--top", default=5, show_default=True, help="Rows of each family report in the summary.")
@pass_ctx
def build(ctx: Context, paths: tuple[str, ...], model: str | None, actors: tuple[str, ...], batch_size: int,
          fresh: bool, fmt: str, top: int) -> None:
    """Extract triples from PATHS (files or folders) and load them, then summarise.

    \b
    Examples:
      actorgraph build seeds/
      actorgraph build news.jsonl --actors my-actors.jsonl
      actorgraph --store neo4j build seeds/
    """
    from graph_loader.pipeline import build as run_build
    from graph_loader.relations.select import get_classifier

    registry = _registry(actors, ctx)
    classifier = get_classifier(model)
    store = ctx.store()
    if fresh:
        store.clear()
    progress = ctx.progress("build")
    result = run_build(paths, store, classifier, registry, progress=progress.update, batch_size=batch_size)
    progress.close()
    summary = _summary(store, result, top)
    if fmt == "json":
        from graph_loader.output import to_json

        click.echo(to_json(summary), nl=False)
    else:
        _print_summary(summary)
    _report_problems(ctx, result.problems)
    if result.problems:
        sys.exit(1)


def _summary(store, result, top: int) -> dict[str, Any]:
    from graph_loader.model import RELATIONS
    from graph_loader.reports import get_report, run_report

    stats = store.stats()
    families = {}
    for name in ("meetings", "alliances", "rivalries"):
        try:
            families[name] = run_report(store, get_report(name), {}, limit=top)
        except ActorGraphError:
            families[name] = []
    return {
        "extracted": {"documents": result.documents, "sentences": result.sentences, "mentions": result.mentions,
                      "triples": result.triples, "skipped_inputs": len(result.problems)},
        "graph": {
            "documents": stats["nodes"].get("Document", 0),
            "sentences": stats["nodes"].get("Sentence", 0),
            "actors": stats["nodes"].get("Actor", 0),
            "relationships": {t: n for t, n in stats["relationships"].items() if t in RELATIONS},
        },
        "reports": families,
    }


def _print_summary(summary: dict[str, Any]) -> None:
    from graph_loader import output

    e, g = summary["extracted"], summary["graph"]
    click.echo(f"Extracted {e['triples']} triples from {e['sentences']} sentences in {e['documents']} documents.")
    click.echo(f"Graph: {g['documents']} documents, {g['sentences']} sentences with evidence, {g['actors']} actors.")
    if g["relationships"]:
        click.echo("Relationships by type:")
        for t, n in sorted(g["relationships"].items(), key=lambda kv: -kv[1]):
            click.echo(f"  {t:<16} {n}")
    cols = {
        "meetings": ["actor_a", "actor_b", "evidence", "documents", "places"],
        "alliances": ["actor_a", "actor_b", "types", "support", "net", "documents"],
        "rivalries": ["actor_a", "actor_b", "types", "evidence", "documents"],
    }
    for name, rows in summary["reports"].items():
        click.echo(f"\nTop {name}:")
        click.echo(output.table(rows, cols[name]), nl=False)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", "out", default="-", show_default=True, type=click.Path(dir_okay=False, allow_dash=True),
              help="Triples file (JSON Lines); - for stdout.")
@model_option
@actors_option
@click.option("--batch-size", default=256, show_default=True, help="Candidate pairs per model batch.")
@pass_ctx
def extract(ctx: Context, paths: tuple[str, ...], out: str, model: str | None, actors: tuple[str, ...], batch_size: int) -> None:
    """Extract triples from PATHS (files or folders) as JSON Lines, without loading.

    \b
    Examples:
      actorgraph extract seeds/ -o triples.jsonl
      actorgraph extract article.txt -o - | head
    """
    from graph_loader.extract import Extractor
    from graph_loader.relations.select import get_classifier
    from graph_loader.text.reader import read_documents

    registry = _registry(actors, ctx)
    extractor = Extractor(get_classifier(model), registry, batch_size=batch_size)
    problems: list = []
    progress = ctx.progress("extract")
    fh = sys.stdout if out == "-" else open(out, "w", encoding="utf-8")
    try:
        for doc_triples in _per_document(extractor, read_documents(paths, problems.append)):
            for t in doc_triples:
                fh.write(t.to_json() + "\n")
            progress.update(documents=1, triples=len(doc_triples))
    finally:
        if fh is not sys.stdout:
            fh.close()
    progress.close()
    _report_problems(ctx, problems)
    if problems:
        sys.exit(1)


def _per_document(extractor, documents):
    ready: list = []
    for _ in extractor.extract(documents, on_document=lambda d, ts: ready.append(ts)):
        while ready:
            yield ready.pop(0)
    while ready:
        yield ready.pop(0)


@cli.command()
@click.argument("triples_file", type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@actors_option
@click.option("--batch-size", default=2000, show_default=True, help="Rows per UNWIND transaction.")
@pass_ctx
def load(ctx: Context, triples_file: str, actors: tuple[str, ...], batch_size: int) -> None:
    """Load a triples file (JSON Lines in the spec format) into the store.

    Invalid lines (bad JSON, unknown relation, actors without ids) are
    rejected with their line number; the rest is loaded.

    \b
    Examples:
      actorgraph load triples.jsonl
      actorgraph extract seeds/ -o - | actorgraph load -
    """
    from graph_loader.load import Loader, read_triples_jsonl

    registry = _registry(actors, ctx)
    problems: list = []
    progress = ctx.progress("load")
    loader = Loader(ctx.store(), registry, batch_rows=batch_size)
    stats = loader.load_triples(read_triples_jsonl(triples_file, problems.append), progress=lambda n: progress.update(documents=n))
    progress.close()
    click.echo(f"Loaded {stats.triples} triples from {stats.documents} documents.")
    _report_problems(ctx, problems)
    if problems:
        sys.exit(1)


# -- stats / report ------------------------------------------------------------


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@pass_ctx
def stats(ctx: Context, fmt: str) -> None:
    """Count nodes by label and relationships by type.

    \b
    Examples:
      actorgraph stats
      actorgraph stats --format json
    """
    from graph_loader import output

    s = ctx.store().stats()
    if fmt == "json":
        click.echo(output.to_json(s), nl=False)
        return
    rows = [{"kind": "node", "name": k, "count": v} for k, v in s["nodes"].items()]
    rows += [{"kind": "relationship", "name": k, "count": v} for k, v in s["relationships"].items()]
    click.echo(output.table(rows), nl=False)


@cli.command()
@click.argument("name", required=False)
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE", help="A report parameter; may be repeated.")
@click.option("--format", "fmt", type=click.Choice(FORMATS_ROWS), default="table", show_default=True)
@click.option("--limit", type=click.IntRange(min=0), default=None, help="At most this many rows.")
@click.option("--list", "list_", is_flag=True, help="List the saved reports and their parameters.")
@click.option("--print-cypher", is_flag=True, help="Print the query with a :param preamble for Neo4j Browser instead of running it.")
@pass_ctx
def report(ctx: Context, name: str | None, params: tuple[str, ...], fmt: str, limit: int | None, list_: bool, print_cypher: bool) -> None:
    """Run a saved Cypher report from cypher/ (see --list).

    \b
    Examples:
      actorgraph report --list
      actorgraph report meetings --param actor="خالد حفتر" --format json
      actorgraph report rivalries --limit 10 --format csv
      actorgraph report meetings --print-cypher
    """
    from graph_loader import output
    from graph_loader.reports import bind, browser_script, get_report, list_reports, run_report

    if list_:
        reports = list_reports()
        if fmt == "json":
            click.echo(output.to_json([r.to_dict() for r in reports]), nl=False)
        else:
            rows = [{"name": r.name, "params": ", ".join(f"{p.name}={p.example!r}" for p in r.params),
                     "description": r.description} for r in reports]
            click.echo(output.table(rows, max_width=90), nl=False)
        return
    if not name:
        raise UsageError("name a report (see `actorgraph report --list`)")
    rep = get_report(name)
    given = _parse_params(params)
    if print_cypher:
        if limit is not None:
            given["limit"] = str(limit)
        click.echo(browser_script(rep, bind(rep, given)), nl=False)
        return
    rows = run_report(ctx.store(), rep, given, limit=limit)
    _emit_rows(rows, fmt)


# -- db -------------------------------------------------------------------------


# -- relation model: train / evaluate ------------------------------------------


@cli.command()
@click.option("--data", "data_dir", required=True, type=click.Path(file_okay=False),
              help="Folder with train.jsonl and dev.jsonl (annotated sentences).")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False), help="Where to write the model.")
@click.option("--base-model", default=None, metavar="NAME|DIR",
              help="Pretrained encoder + tokenizer (local dir or cached hub id); default: a small BERT from scratch.")
@click.option("--epochs", default=10, show_default=True, type=click.IntRange(min=1))
@click.option("--seed", default=13, show_default=True, type=int)
@pass_ctx
def train(ctx: Context, data_dir: str, out_dir: str, base_model: str | None, epochs: int, seed: int) -> None:
    """Train the transformer relation classifier; dev picks the epoch, temperature and thresholds.

    \b
    Examples:
      actorgraph train --data training/data --out models/mine
      actorgraph train --data training/data --out models/ft --base-model ./my-arabic-bert --epochs 4
    """
    from graph_loader.relations.train import train as run_train

    command = "actorgraph " + " ".join(sys.argv[1:]) if sys.argv and sys.argv[0].endswith("actorgraph") else None
    log = (lambda m: None) if ctx.quiet else (lambda m: click.echo(m, err=True))
    metrics = run_train(data_dir, out_dir, base_model=base_model, epochs=epochs, seed=seed, log=log, command=command)
    dev = metrics["dev"]
    click.echo(f"dev micro P {dev['precision']:.3f} R {dev['recall']:.3f} F1 {dev['f1']:.3f} "
               f"(best epoch {metrics['best_epoch']}, {metrics['seconds']:.0f} s); model in {out_dir}")


@cli.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@model_option
@actors_option
@click.option("--docs", default=None, type=click.Path(exists=True, file_okay=False),
              help="Folder of the gold's documents (file stem = doc id); default: the gold file's folder.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@pass_ctx
def evaluate(ctx: Context, gold: str, model: str | None, actors: tuple[str, ...], docs: str | None, fmt: str) -> None:
    """Run the pipeline on the gold's documents and score it: P/R/F1 per type, family, overall.

    \b
    Examples:
      actorgraph evaluate seeds/gold.jsonl
      actorgraph evaluate seeds/gold.jsonl --model lexicon --format json
    """
    from graph_loader.relations.evaluate import evaluate_pipeline, format_table

    report = evaluate_pipeline(gold, model=model, docs=docs, registry=_registry(actors, ctx))
    if fmt == "json":
        from graph_loader.output import to_json

        click.echo(to_json(report), nl=False)
    else:
        click.echo(f"model: {report['model']}")
        click.echo(format_table(report), nl=False)


@cli.group()
def db() -> None:
    """Start, stop and inspect the embedded store.

    \b
    Examples:
      actorgraph db status --format json
      actorgraph db stop
    """


def _server(ctx: Context):
    if ctx.store_kind != "embedded":
        raise UsageError("db start/stop/status manage the embedded store; Neo4j is managed with docker compose")
    from graph_loader.store.embedded import EmbeddedServer

    return EmbeddedServer(ctx.data_dir)


def _status_dict(ctx: Context) -> dict[str, Any]:
    from graph_loader.store.embedded import DEFAULT_GRAPH

    server = _server(ctx)
    return {**server.status().to_dict(), "graph": ctx.graph or DEFAULT_GRAPH}


def _print_status(d: dict[str, Any], fmt: str) -> None:
    from graph_loader.output import to_json

    if fmt == "json":
        click.echo(to_json(d), nl=False)
    else:
        state = f"running (pid {d['pid']})" if d["running"] else "stopped"
        click.echo(f"embedded store: {state}\nsocket: {d['socket']}\ndata dir: {d['data_dir']}\ngraph: {d['graph']}")


@db.command("start")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@pass_ctx
def db_start(ctx: Context, fmt: str) -> None:
    """Start the embedded store (commands also start it on demand)."""
    _server(ctx).start()
    _print_status(_status_dict(ctx), fmt)


@db.command("stop")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@pass_ctx
def db_stop(ctx: Context, fmt: str) -> None:
    """Stop the embedded store, saving its data."""
    was = _server(ctx).stop()
    if fmt == "json":
        from graph_loader.output import to_json

        click.echo(to_json({"stopped": was}), nl=False)
    elif not ctx.quiet:
        click.echo("embedded store stopped" if was else "embedded store was not running")


@db.command("status")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@pass_ctx
def db_status(ctx: Context, fmt: str) -> None:
    """Say whether the embedded store runs, and where."""
    _print_status(_status_dict(ctx), fmt)


# -- export / analyze ----------------------------------------------------------

EXPORT_FORMATS = ("graphml", "gexf", "json", "csv", "cypher", "html")
EXPORT_FAMILIES = ("meetings", "alliances", "rivalries", "structure")


def _date_option(value: str | None, flag: str) -> str | None:
    if value is None:
        return None
    from graph_loader.text.dates import parse_date

    parsed = parse_date(value)
    if parsed is None:
        raise UsageError(f"{flag} expects a date such as 2024-05-01, got {value!r}")
    return parsed


@cli.command()
@click.option("--actor", default=None, metavar="ACTOR", help="Ego network around this actor (id, Arabic name, alias or Latin name).")
@click.option("--depth", type=click.IntRange(min=0), default=1, show_default=True, help="Hops from --actor.")
@click.option("--report", "report_name", default=None, metavar="NAME", help="The actors and relationships in a saved report's rows.")
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE", help="A --report parameter; may be repeated.")
@click.option("--family", "families", multiple=True, type=click.Choice(EXPORT_FAMILIES), help="Only relationships of this family; may be repeated.")
@click.option("--types", default=None, metavar="TYPE[,TYPE...]", help="Only these relation types, comma-separated (e.g. MET_WITH,OPPOSES).")
@click.option("--since", default=None, metavar="DATE", help="Only relationships last seen on or after DATE.")
@click.option("--until", default=None, metavar="DATE", help="Only relationships first seen on or before DATE.")
@click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=None, help="Only relationships at least this confident.")
@click.option("--min-count", type=click.IntRange(min=1), default=None, help="Only relationships with at least this many evidence sentences.")
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default=None,
              help="Output format; default from -o's extension (.graphml .gexf .json .zip .cypher .html), else json.")
@click.option("-o", "--output", "out", default="-", show_default=True, metavar="PATH|-",
              help="File (folder or .zip for csv); '-' is stdout for text formats.")
@pass_ctx
def export(ctx: Context, actor: str | None, depth: int, report_name: str | None, params: tuple[str, ...],
           families: tuple[str, ...], types: str | None, since: str | None, until: str | None,
           min_confidence: float | None, min_count: int | None, fmt: str | None, out: str) -> None:
    """Export a subgraph as GraphML, GEXF, JSON, CSV, Cypher or a self-contained HTML view.

    Picks the whole graph, an actor's ego network, or a report's rows, then
    narrows by family, type, dates, confidence and evidence count. Edges
    marked rejected are left out. See docs/export.md.

    \b
    Examples:
      actorgraph export --actor "خالد حفتر" --depth 2 -o khaled.html
      actorgraph export --family rivalries --min-count 2 -o rivalries.gexf
      actorgraph export --report meetings -p actor="Khaled Haftar" --format json -o -
      actorgraph export --format csv -o graph_csv/        # neo4j-admin import files
      actorgraph export --since 2024-01-01 --format cypher -o recent.cypher
    """
    from graph_loader.export import FORMATS, guess_format, write_graph
    from graph_loader.export.selection import Selection, select_subgraph

    fmt = fmt or guess_format(out) or "json"
    type_list = tuple(t.strip().upper() for t in (types or "").split(",") if t.strip())
    selection = Selection(
        actor=actor, depth=depth, report=report_name, report_params=_parse_params(params),
        families=families, types=type_list, since=_date_option(since, "--since"), until=_date_option(until, "--until"),
        min_confidence=min_confidence, min_count=min_count,
    )
    selection.validate()
    if not FORMATS[fmt].textual and out == "-":
        raise UsageError(f"{fmt} writes several files: give -o FOLDER or -o FILE.zip")
    progress = ctx.progress("export")
    g = select_subgraph(ctx.store(), selection, FORMATS[fmt].evidence_per_edge,
                        progress=lambda n: progress.update(rows=n))
    progress.close()
    where = write_graph(g, fmt, out)
    ctx.warn(f"exported {g.number_of_nodes()} actors and {g.number_of_edges()} relationships as {fmt} to {where}")


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True, help="Actors listed per measure.")
@click.option("--no-write", is_flag=True, help="Compute and print only; leave the actors' properties unchanged.")
@pass_ctx
def analyze(ctx: Context, fmt: str, top: int, no_write: bool) -> None:
    """Compute network measures and store them on the actors.

    Degree, evidence-weighted degree per family, betweenness, PageRank and
    Louvain communities on the actor relationship graph, written as actor
    properties (degree, weighted_degree, wd_meetings, wd_alliances,
    wd_rivalries, wd_structure, betweenness, pagerank, community) that
    reports, Neo4j Browser and exports can use.

    \b
    Examples:
      actorgraph analyze
      actorgraph analyze --format json --top 5
    """
    from graph_loader import output
    from graph_loader.analyze import analyze as run_analysis

    progress = ctx.progress("analyze")
    result = run_analysis(ctx.store(), write=not no_write, progress=lambda n: progress.update(rows=n))
    progress.close()
    if fmt == "json":
        click.echo(output.to_json(result.to_dict(top)), nl=False)
        return
    click.echo(f"{result.actors} actors, {result.relationships} relationships, {result.communities} communities"
               + (f"; betweenness sampled from {result.betweenness_sample} sources" if result.betweenness_sample else "")
               + ("; measures written to the actors" if result.written else "; nothing written (--no-write)"))
    rows = []
    for measure, ranked in result.to_dict(top)["top"].items():
        if measure == "community":
            continue
        for i, r in enumerate(ranked, start=1):
            rows.append({"measure": measure, "rank": i, "actor": r["name"], "latin": r["name_en"] or r["id"], "value": r["value"]})
    click.echo(output.table(rows), nl=False)
    crow = [{"community": c["community"], "size": c["size"], "members": ", ".join(m["name"] or m["id"] for m in c["members"])}
            for c in result.top("community", top)]
    click.echo(output.table(crow, max_width=90), nl=False)


def main() -> None:
    cli(prog_name="actorgraph")


if __name__ == "__main__":
    main()
