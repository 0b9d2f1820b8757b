"""Shared fixtures: one real embedded FalkorDB for the whole test session.

The server is started once in a temporary data dir; tests get their own graph
name (a FalkorDB graph is one key), so they do not see each other's data.
Nothing here mocks the database or the model.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory) -> Path:
    from graph_loader.store.embedded import EmbeddedServer

    d = tmp_path_factory.mktemp("actorgraph-home")
    server = EmbeddedServer(d)
    server.start()
    os.environ["ACTORGRAPH_HOME"] = str(d)
    yield d
    server.stop()


@pytest.fixture
def graph_name() -> str:
    return f"t_{uuid.uuid4().hex[:10]}"


@pytest.fixture
def store(data_dir, graph_name):
    from graph_loader.store.embedded import EmbeddedStore

    s = EmbeddedStore(data_dir, graph_name)
    yield s
    s.clear()
    s.close()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def cli_args(data_dir, graph_name):
    """Global options pointing the CLI at this test's graph."""
    return ["--data-dir", str(data_dir), "--graph", graph_name]


@pytest.fixture(scope="session")
def seed_graph(data_dir):
    """The seeds built once with the default (shipped) model into graph 'seeds'; read-only for tests."""
    from click.testing import CliRunner as _Runner

    from graph_loader.cli import cli
    from graph_loader.store.embedded import EmbeddedStore

    result = _Runner().invoke(cli, ["--data-dir", str(data_dir), "--graph", "seeds", "--quiet", "build", str(SEEDS), "--format", "json"])
    assert result.exit_code == 0, result.output
    s = EmbeddedStore(data_dir, "seeds")
    yield s
    s.close()
