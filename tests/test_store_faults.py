"""Embedded and Neo4j store faults: each gives a restart or one clear line, never a traceback.

Each embedded test uses its own data dir (its own server), so killing a
server here never touches the session's shared one.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graph_loader.cli import cli
from graph_loader.store.embedded import EmbeddedServer, EmbeddedStore

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
ACTORGRAPH = str(Path(sys.executable).with_name("actorgraph"))


@pytest.fixture
def home(tmp_path):
    d = tmp_path / "home"
    yield d
    EmbeddedServer(d).stop()


def _ag(home: Path, *args: str, graph: str = "g", env: dict | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([ACTORGRAPH, "--data-dir", str(home), "--graph", graph, *args], capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, **(env or {})})


def _one_line_error(stderr: str) -> str:
    lines = [ln for ln in stderr.strip().splitlines() if ln.strip()]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    assert lines[0].startswith("Error: ")
    return lines[0]


def _stats(home: Path) -> dict:
    r = _ag(home, "stats", "--format", "json")
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def test_killed_server_is_restarted_with_its_data(home):
    r = _ag(home, "-q", "build", str(SEEDS), "--model", "lexicon")
    assert r.returncode == 0, r.stderr
    before = _stats(home)
    assert before["nodes"]["Document"] == 5
    time.sleep(1.5)  # appendfsync everysec: the last second of writes may be lost by a kill -9, no more
    server = EmbeddedServer(home)
    pid = server.pid()
    os.kill(pid, signal.SIGKILL)
    time.sleep(0.2)
    assert not server.status().running
    after = _stats(home)  # the next command notices, restarts it, and the data is there
    assert after == before
    assert server.pid() != pid and server.status().running


def test_stale_pid_and_socket_files_are_cleaned_up(home):
    home.mkdir(parents=True)
    dead = subprocess.Popen(["true"])
    dead.wait()
    (home / "falkordb.pid").write_text(str(dead.pid))
    stale = socket.socket(socket.AF_UNIX)  # a socket file nobody listens on, as a crash leaves it
    stale.bind(str(home / "falkordb.sock"))
    stale.close()
    r = _ag(home, "db", "status", "--format", "json")
    assert json.loads(r.stdout)["running"] is False
    r = _ag(home, "stats", "--format", "json")
    assert r.returncode == 0, r.stderr
    st = EmbeddedServer(home).status()
    assert st.running and st.pid != dead.pid


def test_two_servers_are_never_started_on_one_data_dir(home):
    procs = [subprocess.Popen([ACTORGRAPH, "--data-dir", str(home), "db", "start", "--format", "json"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(3)]
    outs = [p.communicate(timeout=60) for p in procs]
    assert all(p.returncode == 0 for p in procs), outs
    pids = {json.loads(o)["pid"] for o, _ in outs}
    assert len(pids) == 1
    listening = Path("/proc/net/unix").read_text()  # one listener on the socket: one server
    assert listening.count(str(home / "falkordb.sock")) == 1


def _probe_data_dir(d: str) -> int:
    failures = 0
    for _ in range(300):
        try:
            EmbeddedServer(Path(d))._ensure_dir()
        except Exception:
            failures += 1
    return failures


def test_concurrent_processes_checking_one_data_dir_do_not_trip_each_other(tmp_path):
    # CI once failed a three-way `db start` with "cannot use the data dir ...: No such
    # file or directory": the processes shared one write-probe file and unlinked each other's.
    import multiprocessing

    with multiprocessing.get_context("spawn").Pool(3) as pool:
        failures = pool.map(_probe_data_dir, [str(tmp_path / "home")] * 3)
    assert failures == [0, 0, 0]
    assert not list((tmp_path / "home").glob(".write-test*"))


def test_second_writer_on_a_graph_gets_a_clear_message_and_the_data_stays_whole(home, tmp_path):
    lines = [json.dumps({"id": f"d{i}", "text": "اجتمع خليفة حفتر مع عبد الحميد الدبيبة في القاهرة."}, ensure_ascii=False)
             for i in range(3)]
    (tmp_path / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert _ag(home, "-q", "build", str(tmp_path / "a.jsonl"), "--model", "lexicon").returncode == 0
    before = _stats(home)
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from graph_loader.store.embedded import EmbeddedStore\n"
        f"s = EmbeddedStore({str(home)!r}, 'g')\n"
        "with s.write_lock():\n"
        "    print('locked', flush=True); time.sleep(60)\n")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        t0 = time.monotonic()
        r = _ag(home, "build", str(SEEDS), "--model", "lexicon")
        assert r.returncode == 1 and time.monotonic() - t0 < 30
        line = _one_line_error(r.stderr.replace(r.stderr.split("Error:")[0], ""))
        assert "being written by another actorgraph process" in line and f"pid {holder.pid}" in line
        r = _ag(home, "load", str(tmp_path / "a.jsonl"))
        assert r.returncode == 1 and "another actorgraph process" in r.stderr
        # another graph in the same data dir is not blocked, and reads are never blocked
        assert _ag(home, "-q", "build", str(tmp_path / "a.jsonl"), "--model", "lexicon", graph="other").returncode == 0
        assert _stats(home) == before
    finally:
        holder.kill()
        holder.wait()
    # the kernel drops a dead holder's lock: writing works again at once
    r = _ag(home, "-q", "build", str(SEEDS), "--model", "lexicon")
    assert r.returncode == 0, r.stderr


def test_two_concurrent_builds_on_one_graph_leave_it_consistent(home, tmp_path):
    """Racing writers: one wins, the other stops with the message; the graph equals one clean build."""
    procs = [subprocess.Popen([ACTORGRAPH, "--data-dir", str(home), "--graph", "g", "-q", "build", str(SEEDS), "--model",
                               "lexicon"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(p.wait(timeout=120), p.stderr.read()) for p in procs]
    codes = sorted(c for c, _ in results)
    assert codes in ([0, 0], [0, 1]), results  # the second either ran after the first or was refused
    for code, err in results:
        if code == 1:
            assert "being written by another actorgraph process" in err
    clean = _ag(home, "-q", "build", str(SEEDS), "--model", "lexicon", graph="clean")
    assert clean.returncode == 0
    r = _ag(home, "stats", "--format", "json", graph="clean")
    assert _stats(home) == json.loads(r.stdout)


def test_unusable_data_dir_gives_one_line(tmp_path):
    """A data dir below a regular file cannot be created, even as root (chmod would not stop root)."""
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    r = _ag(blocker / "home", "stats")
    assert r.returncode == 1
    line = _one_line_error(r.stderr)
    assert "data dir" in line and str(blocker / "home") in line


def test_read_only_data_dir_gives_one_line(tmp_path):
    """A permission error, on a filesystem path root cannot write either: /proc."""
    r = _ag(Path("/proc/actorgraph-home"), "stats")
    assert r.returncode == 1
    line = _one_line_error(r.stderr)
    assert "/proc/actorgraph-home" in line


def _closed_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def test_unreachable_neo4j_is_one_line_within_seconds(tmp_path):
    env = {"NEO4J_URI": f"bolt://127.0.0.1:{_closed_port()}", "NEO4J_PASSWORD": "x"}
    t0 = time.monotonic()
    r = subprocess.run([ACTORGRAPH, "--store", "neo4j", "stats"], capture_output=True, text=True, timeout=60,
                       env={**os.environ, **env})
    elapsed = time.monotonic() - t0
    assert r.returncode == 1
    line = _one_line_error(r.stderr)
    assert "cannot reach Neo4j" in line and env["NEO4J_URI"] in line
    assert elapsed < 5, elapsed


def test_neo4j_build_on_unreachable_server_fails_before_reading_the_model(tmp_path):
    env = {"NEO4J_URI": f"bolt://127.0.0.1:{_closed_port()}"}
    r = subprocess.run([ACTORGRAPH, "--store", "neo4j", "build", str(SEEDS), "--model", "lexicon"], capture_output=True,
                       text=True, timeout=60, env={**os.environ, **env})
    assert r.returncode == 1
    _one_line_error(r.stderr)
