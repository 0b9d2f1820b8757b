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
    """Shipped actors + the user overlay in the data dir + --actors files + this graph's analyst decisions."""
    from graph_loader.actors.registry import Registry

    return Registry.load(actors, overlay_dir=_overlay_dir(ctx), graph=_graph_key(ctx))


def _overlay_dir(ctx: Context):
    """Where the user's actors.jsonl and the decisions audit log live: the data dir."""
    from pathlib import Path

    from graph_loader.store.embedded import default_data_dir

    return Path(ctx.data_dir).expanduser() if ctx.data_dir else default_data_dir()


def _graph_key(ctx: Context) -> str:
    """The graph a decision belongs to (decisions of one graph never touch another)."""
    if ctx.graph:
        return ctx.graph
    if ctx.store_kind == "neo4j":
        return os.environ.get("NEO4J_DATABASE", "neo4j")
    from graph_loader.store.embedded import DEFAULT_GRAPH

    return DEFAULT_GRAPH


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
workers_option = click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
                              help="Extraction processes, each with its own model; results stay in document order.")
device_option = click.option("--device", type=click.Choice(["auto", "cpu", "cuda"]), default="auto", show_default=True,
                             help="Where the transformer runs: auto uses a GPU when one exists.")


# -- build / extract / load ---------------------------------------------------


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@model_option
@actors_option
@click.option("--batch-size", default=256, show_default=True, help="Candidate pairs per model batch.")
@click.option("--fresh", is_flag=True, help="Empty the graph first.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--top", default=5, show_default=True, help="Rows of each family report in the summary.")
@workers_option
@device_option
@pass_ctx
def build(ctx: Context, paths: tuple[str, ...], model: str | None, actors: tuple[str, ...], batch_size: int,
          fresh: bool, fmt: str, top: int, workers: int, device: str) -> None:
    """Extract triples from PATHS (files or folders) and load them, then summarise.

    \b
    Examples:
      actorgraph build seeds/
      actorgraph build news.jsonl --actors my-actors.jsonl
      actorgraph --store neo4j build seeds/
    """
    from graph_loader.pipeline import WorkerSpec
    from graph_loader.pipeline import build as run_build
    from graph_loader.relations.select import get_classifier

    registry = _registry(actors, ctx)
    classifier = get_classifier(model, _device(device))
    store = ctx.store()
    if fresh:
        with store.write_lock():
            store.clear()
    progress = ctx.progress("build")
    spec = WorkerSpec(model=model, device=_device(device), actors=actors, batch_size=batch_size,
                      overlay_dir=str(_overlay_dir(ctx)), graph=_graph_key(ctx))
    result = run_build(paths, store, classifier, registry, progress=progress.update, batch_size=batch_size,
                       workers=workers, spec=spec)
    progress.close()
    if result.unchanged:
        ctx.warn(f"{result.unchanged} unchanged document(s) skipped (already loaded with this model).")
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
                      "triples": result.triples, "skipped_inputs": len(result.problems),
                      "unchanged_documents": result.unchanged},
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
@workers_option
@device_option
@pass_ctx
def extract(ctx: Context, paths: tuple[str, ...], out: str, model: str | None, actors: tuple[str, ...], batch_size: int,
            workers: int, device: str) -> None:
    """Extract triples from PATHS (files or folders) as JSON Lines, without loading.

    \b
    Examples:
      actorgraph extract seeds/ -o triples.jsonl
      actorgraph extract article.txt -o - | head
    """
    from graph_loader.pipeline import WorkerSpec, extract_documents
    from graph_loader.relations.select import get_classifier
    from graph_loader.text.reader import read_documents

    registry = _registry(actors, ctx)
    classifier = get_classifier(model, _device(device)) if workers == 1 else None
    spec = WorkerSpec(model=model, device=_device(device), actors=actors, batch_size=batch_size,
                      overlay_dir=str(_overlay_dir(ctx)), graph=_graph_key(ctx))
    problems: list = []
    progress = ctx.progress("extract")
    try:
        fh = sys.stdout if out == "-" else open(out, "w", encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write {out}: {exc.strerror or exc}") from None
    try:
        docs = read_documents(paths, problems.append)
        for _doc, doc_triples in extract_documents(docs, classifier, registry, batch_size, workers, spec):
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


def _device(device: str) -> str | None:
    """None lets the model pick (a GPU where one exists); cpu/cuda are passed on as asked."""
    return None if device == "auto" else device


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
    from graph_loader.actors.decisions import reapply

    reapply(ctx.store(), registry)  # analysts' merges/rejects survive a reload
    progress.close()
    click.echo(f"Loaded {stats.triples} triples from {stats.documents} documents"
               + (f"; {stats.unchanged} unchanged document(s) skipped." if stats.unchanged else "."))
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
    from graph_loader.reports import browser_script_for, get_report, list_reports, run_report

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
        click.echo(browser_script_for(rep, given, ctx.store), nl=False)  # actor names -> ids via the store
        return
    rows = run_report(ctx.store(), rep, given, limit=limit)
    _emit_rows(rows, fmt)



# -- actors / edges: analyst decisions -------------------------------------------


@cli.group()
def actors() -> None:
    """List, inspect and correct actors; every correction is logged and re-applied on each build.

    Decisions (merge, split, alias, rename) go to an audit log in the data dir
    (decisions.jsonl: who, when, why) and are replayed after every `build` and
    `load` of the same graph. An ACTOR is an id, an Arabic name, an alias or a
    Latin name.

    \b
    Examples:
      actorgraph actors list --type PERSON --limit 20
      actorgraph actors show "Khaled Haftar"
      actorgraph actors merge khaled-haftar khalid-haftar --reason "same person"
      actorgraph actors alias khaled-haftar "خالد بلقاسم حفتر"
    """


def _decide(ctx: Context, action: str, args: dict, reason: str | None) -> str:
    from graph_loader.actors.decisions import Decision, apply_to_graph, log_path, record

    decision = Decision(action, _graph_key(ctx), args, reason)
    result = apply_to_graph(ctx.store(), decision.to_dict())
    record(_overlay_dir(ctx), decision)
    args["evidence_moved"] = result.get("evidence", 0)
    return str(log_path(_overlay_dir(ctx)))


def _echo_decision(fmt: str, payload: dict, line: str) -> None:
    from graph_loader.output import to_json

    if fmt == "json":
        click.echo(to_json(payload), nl=False)
    else:
        click.echo(line)


reason_option = click.option("--reason", default=None, help="Why (kept in the audit log).")
decision_format = click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)


@actors.command("list")
@click.option("--type", "atype", type=click.Choice(["PERSON", "ORGANIZATION", "STATE", "PLACE"], case_sensitive=False),
              default=None, help="Only actors of this type.")
@click.option("--limit", type=click.IntRange(min=0), default=100, show_default=True, help="At most this many rows.")
@click.option("--format", "fmt", type=click.Choice(FORMATS_ROWS), default="table", show_default=True)
@pass_ctx
def actors_list(ctx: Context, atype: str | None, limit: int, fmt: str) -> None:
    """Actors of the graph, most connected first (merged-away actors hidden).

    \b
    Examples:
      actorgraph actors list
      actorgraph actors list --type ORGANIZATION --format csv
    """
    from graph_loader.actors.decisions import Q_LIST

    rows = ctx.store().run(Q_LIST, {"type": atype.upper() if atype else None, "limit": limit})
    _emit_rows(rows, fmt)


@actors.command("show")
@click.argument("actor")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@pass_ctx
def actors_show(ctx: Context, actor: str, fmt: str) -> None:
    """One actor: names, Latin name, type, relationships and the decisions taken about it.

    \b
    Examples:
      actorgraph actors show khaled-haftar
      actorgraph actors show "خالد حفتر" --format json
    """
    from graph_loader import output
    from graph_loader.actors.decisions import Q_ACTOR_EDGES, read_decisions, require_actor

    store = ctx.store()
    row = require_actor(store, actor)
    edges = store.run(Q_ACTOR_EDGES, {"id": row["id"]})
    decisions = [d for d in read_decisions(_overlay_dir(ctx), _graph_key(ctx)) if row["id"] in json_values(d["args"])]
    info = {k: row[k] for k in ("id", "name", "type", "name_en", "aliases", "source", "first_seen", "last_seen",
                                "merged_into", "merged")}
    if fmt == "json":
        click.echo(output.to_json({**info, "relationships": edges, "decisions": decisions}), nl=False)
        return
    for k, v in info.items():
        if v not in (None, [], ""):
            click.echo(f"{k}: {', '.join(v) if isinstance(v, list) else v}")
    click.echo(f"\nRelationships ({len(edges)}):")
    click.echo(output.table(edges, ["rel", "s", "o", "other", "count", "documents", "confidence", "rejected"]), nl=False)
    if decisions:
        click.echo(f"\nDecisions ({len(decisions)}):")
        click.echo(output.table([{"when": d["when"], "who": d["who"], "action": d["action"], "why": d.get("why")}
                                 for d in decisions]), nl=False)


def json_values(args: dict) -> set:
    return {str(v) for v in args.values()}


@actors.command("search")
@click.argument("text")
@click.option("--limit", type=click.IntRange(min=0), default=20, show_default=True, help="At most this many rows.")
@click.option("--format", "fmt", type=click.Choice(FORMATS_ROWS), default="table", show_default=True)
@pass_ctx
def actors_search(ctx: Context, text: str, limit: int, fmt: str) -> None:
    """Actors whose id, name, alias or Latin name contains TEXT (normalised: hamza, diacritics, ال ...).

    \b
    Examples:
      actorgraph actors search حفتر
      actorgraph actors search haftar --format json
    """
    from graph_loader.actors.decisions import Q_SEARCH, search_keys

    rows = ctx.store().run(Q_SEARCH, {"keys": search_keys(text), "latin": text.strip().lower(), "limit": limit})
    _emit_rows(rows, fmt)


@actors.command("merge")
@click.argument("keep")
@click.argument("gone")
@reason_option
@decision_format
@pass_ctx
def actors_merge(ctx: Context, keep: str, gone: str, reason: str | None, fmt: str) -> None:
    """Merge GONE into KEEP: GONE's relationships, evidence and names move to KEEP (undo with split).

    \b
    Examples:
      actorgraph actors merge khaled-haftar org-xyz --reason "duplicate of the registry entry"
    """
    from graph_loader.actors.decisions import require_actor

    store = ctx.store()
    a, b = require_actor(store, keep), require_actor(store, gone)
    if a["id"] == b["id"]:
        raise UsageError(f"{keep!r} and {gone!r} are the same actor ({a['id']})")
    args = {"keep": a["id"], "gone": b["id"], "keep_name": a["name"], "gone_name": b["name"]}
    log = _decide(ctx, "merge", args, reason)
    _echo_decision(fmt, {"action": "merge", **args, "log": log},
                   f"Merged {b['id']} into {a['id']} ({args['evidence_moved']} evidence moved); recorded in {log}")


@actors.command("split")
@click.argument("keep")
@click.argument("gone")
@reason_option
@decision_format
@pass_ctx
def actors_split(ctx: Context, keep: str, gone: str, reason: str | None, fmt: str) -> None:
    """Undo `merge KEEP GONE`: GONE gets its own relationships and names back.

    \b
    Examples:
      actorgraph actors split khaled-haftar org-xyz --reason "not the same after all"
    """
    from graph_loader.actors.decisions import actor_row, require_actor

    store = ctx.store()
    a = require_actor(store, keep)
    b = actor_row(store, gone)
    if b is None or b.get("merged_into") != a["id"]:
        raise UsageError(f"{gone!r} is not merged into {a['id']} (use the id of the merged actor)")
    args = {"keep": a["id"], "gone": b["id"]}
    log = _decide(ctx, "split", args, reason)
    _echo_decision(fmt, {"action": "split", **args, "log": log},
                   f"Split {b['id']} from {a['id']} ({args['evidence_moved']} evidence moved back); recorded in {log}")


@actors.command("alias")
@click.argument("actor")
@click.argument("name")
@reason_option
@decision_format
@pass_ctx
def actors_alias(ctx: Context, actor: str, name: str, reason: str | None, fmt: str) -> None:
    """Give ACTOR another name: reports accept it now, and extraction matches it from the next build.

    \b
    Examples:
      actorgraph actors alias khaled-haftar "خالد بلقاسم حفتر" --reason "spelling in local press"
    """
    from graph_loader.actors.decisions import require_actor

    a = require_actor(ctx.store(), actor)
    args = {"id": a["id"], "alias": name, "actor_name": a["name"], "type": a["type"], "name_en": a["name_en"]}
    log = _decide(ctx, "alias", args, reason)
    _echo_decision(fmt, {"action": "alias", **args, "log": log}, f"{a['id']} is also {name!r}; recorded in {log}")


@actors.command("rename")
@click.argument("actor")
@click.argument("name")
@reason_option
@decision_format
@pass_ctx
def actors_rename(ctx: Context, actor: str, name: str, reason: str | None, fmt: str) -> None:
    """Change ACTOR's display name (the old name stays an alias); the id does not change.

    \b
    Examples:
      actorgraph actors rename org-wzara-aldfaa-a81774 "وزارة الدفاع بحكومة الوحدة الوطنية"
    """
    from graph_loader.actors.decisions import require_actor

    a = require_actor(ctx.store(), actor)
    args = {"id": a["id"], "name": name, "actor_name": a["name"], "type": a["type"], "name_en": a["name_en"]}
    log = _decide(ctx, "rename", args, reason)
    _echo_decision(fmt, {"action": "rename", **args, "log": log}, f"{a['id']} is now shown as {name!r}; recorded in {log}")


@cli.group()
def edges() -> None:
    """Reject a wrong relationship (hidden from reports and exports, evidence kept) or restore it.

    \b
    Examples:
      actorgraph edges reject "خالد حفتر" MET_WITH "أحمد خليفة" --reason "a congratulation, not a meeting"
      actorgraph edges restore khaled-haftar MET_WITH ahmed-khalifa
    """


def _edge_decision(ctx: Context, action: str, subject: str, relation: str, obj: str, reason: str | None, fmt: str) -> None:
    from graph_loader.actors.decisions import check_relation, flag_edge, log_path, record, require_actor, Decision

    store = ctx.store()
    rel = check_relation(relation)
    s, o = require_actor(store, subject), require_actor(store, obj)
    decision = Decision(action, _graph_key(ctx), {"s": s["id"], "rel": rel, "o": o["id"]}, reason)
    n = flag_edge(store, s["id"], rel, o["id"], action == "reject", decision.who, decision.when, reason)
    if n == 0:
        raise UsageError(f"no {rel} relationship between {s['id']} and {o['id']} in this graph")
    record(_overlay_dir(ctx), decision)
    log = str(log_path(_overlay_dir(ctx)))
    verb = "Rejected" if action == "reject" else "Restored"
    _echo_decision(fmt, {"action": action, "s": s["id"], "rel": rel, "o": o["id"], "log": log},
                   f"{verb} {s['id']} -[{rel}]- {o['id']}; recorded in {log}")


@edges.command("reject")
@click.argument("subject")
@click.argument("relation")
@click.argument("object_")
@reason_option
@decision_format
@pass_ctx
def edges_reject(ctx: Context, subject: str, relation: str, object_: str, reason: str | None, fmt: str) -> None:
    """Hide SUBJECT -[RELATION]-> OBJECT from reports and exports; its evidence stays in the graph."""
    _edge_decision(ctx, "reject", subject, relation, object_, reason, fmt)


@edges.command("restore")
@click.argument("subject")
@click.argument("relation")
@click.argument("object_")
@reason_option
@decision_format
@pass_ctx
def edges_restore(ctx: Context, subject: str, relation: str, object_: str, reason: str | None, fmt: str) -> None:
    """Undo a reject: SUBJECT -[RELATION]-> OBJECT shows in reports again."""
    _edge_decision(ctx, "restore", subject, relation, object_, reason, fmt)


# -- db -------------------------------------------------------------------------


# -- relation model: train / evaluate ------------------------------------------


@cli.command()
@click.option("--data", "data_dir", required=True, type=click.Path(file_okay=False),
              help="Folder with train.jsonl (or train.jsonl.gz) and dev.jsonl (annotated sentences).")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False), help="Where to write the model.")
@click.option("--base-model", default=None, metavar="NAME|DIR",
              help="Pretrained encoder + tokenizer (local dir or cached hub id); default: a small BERT from scratch.")
@click.option("--epochs", default=6, show_default=True, type=click.IntRange(min=1))
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
@click.option("--errors", "show_errors", is_flag=True,
              help="Also list each missed gold triple (-) and extra prediction (+) under its sentence "
                   "(always in the JSON as 'errors').")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@pass_ctx
def evaluate(ctx: Context, gold: str, model: str | None, actors: tuple[str, ...], docs: str | None,
             show_errors: bool, fmt: str) -> None:
    """Run the pipeline on the gold's documents and score it: P/R/F1 per type, family, overall.

    \b
    Examples:
      actorgraph evaluate seeds/gold.jsonl
      actorgraph evaluate seeds/gold.jsonl --errors
      actorgraph evaluate seeds/gold.jsonl --model lexicon --format json
    """
    from graph_loader.relations.evaluate import evaluate_pipeline, format_errors, format_table

    report = evaluate_pipeline(gold, model=model, docs=docs, registry=_registry(actors, ctx))
    if fmt == "json":
        from graph_loader.output import to_json

        click.echo(to_json(report), nl=False)
    else:
        click.echo(f"model: {report['model']}")
        click.echo(format_table(report), nl=False)
        if show_errors:
            click.echo("")
            click.echo(format_errors(report), nl=False)


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

    if actor is None and click.get_current_context().get_parameter_source("depth") == click.core.ParameterSource.COMMANDLINE:
        raise UsageError("--depth goes with --actor")
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
