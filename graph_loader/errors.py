"""Exceptions that carry the one line a user should read.

The CLI prints `str(exc)` of any ActorGraphError and exits with `exit_code`;
anything else is a bug and keeps its traceback.
"""

from __future__ import annotations


class ActorGraphError(Exception):
    exit_code = 1

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class UsageError(ActorGraphError):
    """The user asked for something that cannot be done as asked."""

    exit_code = 2


class InputError(ActorGraphError):
    """One input (file, line, document) cannot be read; others go on."""

    def __init__(self, message: str, source: str | None = None, line: int | None = None):
        where = source or ""
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {message}" if where else message)
        self.source = source
        self.line = line
        self.reason = message


class InvalidTriple(ActorGraphError):
    """A triple that breaks the spec; it is rejected, never written."""


class StoreError(ActorGraphError):
    """The graph store cannot be reached or refused the work."""


class StoreUnavailable(StoreError):
    pass


class StoreLocked(StoreError):
    pass


class ReportError(ActorGraphError):
    pass


class UnknownActor(UsageError):
    pass


class ModelError(ActorGraphError):
    pass
