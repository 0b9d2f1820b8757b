"""Every command and option of the CLI is documented (sqlite-utils does the same)."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from graph_loader.cli import cli

ROOT = Path(__file__).resolve().parent.parent
DOCS = (ROOT / "README.md").read_text(encoding="utf-8") + (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")


def _walk(group: click.Group, prefix: tuple[str, ...] = ()):
    for name, cmd in group.commands.items():
        path = prefix + (name,)
        yield path, cmd
        if isinstance(cmd, click.Group):
            yield from _walk(cmd, path)


COMMANDS = list(_walk(cli))


def test_the_cli_has_the_core_commands():
    names = {" ".join(p) for p, _ in COMMANDS}
    assert {"build", "extract", "load", "stats", "report", "db", "db start", "db stop", "db status"} <= names


@pytest.mark.parametrize("path,cmd", COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_command_and_options_documented(path, cmd):
    assert f"actorgraph {' '.join(path)}" in DOCS, f"`actorgraph {' '.join(path)}` is not in README.md or docs/cli.md"
    for param in cmd.params:
        if isinstance(param, click.Option):
            for flag in param.opts:
                if flag.startswith("--"):
                    assert flag in DOCS, f"option {flag} of `actorgraph {' '.join(path)}` is not documented"


def test_global_options_documented():
    for param in cli.params:
        if isinstance(param, click.Option):
            for flag in param.opts:
                if flag.startswith("--"):
                    assert flag in DOCS, f"global option {flag} is not documented"


def test_every_command_help_has_examples(runner):
    """`--help` shows examples on every command (a subcommand may rely on its group's examples)."""
    for path, cmd in COMMANDS:
        result = runner.invoke(cli, [*path, "--help"])
        assert result.exit_code == 0, result.output
        parent = runner.invoke(cli, [*path[:-1], "--help"]).output if len(path) > 1 else ""
        assert "Example" in result.output or "Example" in parent, f"`actorgraph {' '.join(path)} --help` shows no example"
