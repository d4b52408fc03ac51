"""Many inputs: finding them, reading them, and extracting them in order.

Inputs are found up front (paths only, sorted), then streamed: each is read,
extracted and handed back in input order, whatever the number of worker
processes. Workers receive paths, never page contents, and one bad input only
ever produces an error result for itself.
"""

from __future__ import annotations

import errno
import gzip
import io
import os
import signal
import sys
import threading
import warnings
import zlib
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from pathlib import Path

from .article import Article
from .errors import ExtractionTimeout, InputTooLargeError, StripperError
from .pipeline import Stripper

INPUT_SUFFIXES = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz", ".txt")
STDIN = "-"


@dataclass(frozen=True)
class Input:
    """One input: its name as shown to the user, and where its output goes under ``-o``."""

    source: str  #: the path as given or found, or ``-`` for standard input
    relative: str  #: the output path under ``-o``, without suffix
    problem: str | None = None  #: an error found while listing inputs


@dataclass(frozen=True)
class Result:
    input: Input
    article: Article | None = None
    error: str | None = None


# -- finding inputs -------------------------------------------------------------
def find_inputs(paths: Iterable[str]) -> list[Input]:
    """Expand directories (recursively, sorted) into the input files they hold."""
    inputs: list[Input] = []
    for given in paths:
        if given == STDIN:
            inputs.append(Input(STDIN, "stdin"))
        elif os.path.isdir(given):
            inputs.extend(_walk(given))
        else:
            inputs.append(Input(given, _strip_suffix(os.path.basename(given))))
    return _unique_outputs(inputs)


def _walk(top: str) -> list[Input]:
    found: list[Input] = []
    problems: list[Input] = []

    def report(exc: OSError) -> None:
        where = exc.filename or top
        problems.append(Input(where, "", problem=exc.strerror or str(exc)))

    for folder, dirnames, filenames in os.walk(top, onerror=report):
        dirnames.sort()
        for name in filenames:
            if name.lower().endswith(INPUT_SUFFIXES):
                path = os.path.join(folder, name)
                rel = os.path.relpath(path, top)
                found.append(Input(path, _strip_suffix(rel)))
    return sorted(found + problems, key=lambda item: item.source)


def _strip_suffix(name: str) -> str:
    lower = name.lower()
    for suffix in sorted(INPUT_SUFFIXES, key=len, reverse=True):
        if lower.endswith(suffix):
            return name[: -len(suffix)]
    return name


def _unique_outputs(inputs: list[Input]) -> list[Input]:
    """Two inputs must never share an output file (``a.html`` and ``a.htm``)."""
    seen: set[str] = set()
    unique = []
    for item in inputs:
        relative = item.relative
        if relative in seen:
            relative = item.relative + "." + os.path.basename(item.source).rsplit(".", 1)[-1]
            n = 2
            while relative in seen:
                relative, n = f"{item.relative}.{n}", n + 1
        seen.add(relative)
        unique.append(Input(item.source, relative, item.problem))
    return unique


# -- reading one input ----------------------------------------------------------
def read_input(source: str, max_bytes: int | None) -> bytes:
    """The bytes of one input, gunzipped when it is a .gz file."""
    try:
        if source == STDIN:
            data = sys.stdin.buffer.read() if max_bytes is None else sys.stdin.buffer.read(max_bytes + 1)
        else:
            with open(source, "rb") as handle:
                data = handle.read() if max_bytes is None else handle.read(max_bytes + 1)
    except OSError as exc:
        raise StripperError(_os_reason(exc)) from None
    if max_bytes is not None and len(data) > max_bytes:
        raise InputTooLargeError(f"larger than the limit of {max_bytes:,} bytes (--max-bytes)")
    if source.lower().endswith(".gz") or data[:2] == b"\x1f\x8b":
        data = _gunzip(data, max_bytes)
    return data


def _gunzip(data: bytes, max_bytes: int | None) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as handle:
            out = handle.read() if max_bytes is None else handle.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        reason = "truncated" if isinstance(exc, EOFError) else "corrupt"
        raise StripperError(f"{reason} gzip data") from None
    if max_bytes is not None and len(out) > max_bytes:
        raise InputTooLargeError(f"uncompressed, larger than the limit of {max_bytes:,} bytes (--max-bytes)")
    return out


def _os_reason(exc: OSError) -> str:
    if exc.errno == errno.EISDIR:
        return "is a directory"
    return (exc.strerror or str(exc)).lower() if exc.strerror else str(exc)


def process(stripper: Stripper, item: Input, url: str | None = None) -> Result:
    """Read and extract one input; every failure becomes an error result."""
    if item.problem:
        return Result(item, error=item.problem)
    try:
        data = read_input(item.source, stripper.max_bytes)
        return Result(item, article=stripper.extract(data, url=url))
    except StripperError as exc:
        return Result(item, error=str(exc))
    except RecursionError:
        return Result(item, error="document nested too deeply")
    except MemoryError:
        return Result(item, error="out of memory")


# -- running a batch -------------------------------------------------------------
def run(
    stripper: Stripper,
    inputs: list[Input],
    *,
    jobs: int = 1,
    timeout: float | None = None,
    url: str | None = None,
) -> Iterator[Result]:
    """Extract every input; results come back in input order."""
    if jobs <= 1 or len(inputs) <= 1:
        for item in inputs:
            yield _process_with_timeout(stripper, item, url, timeout)
    else:
        yield from _run_pool(stripper, inputs, jobs, timeout, url)


def _process_with_timeout(stripper, item, url, timeout) -> Result:
    if not timeout or threading.current_thread() is not threading.main_thread():
        return process(stripper, item, url)

    def expire(signum, frame):
        raise ExtractionTimeout(f"timed out after {timeout:g} s (--timeout)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        return process(stripper, item, url)
    except ExtractionTimeout as exc:
        return Result(item, error=str(exc))
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


_WORKER: Stripper | None = None


def _init_worker(stripper: Stripper) -> None:
    global _WORKER
    _WORKER = stripper
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    warnings.simplefilter("ignore")  # the parent has shown every warning once


def _work(item: Input, url: str | None) -> Result:
    assert _WORKER is not None
    return process(_WORKER, item, url)


def _run_pool(stripper, inputs, jobs, timeout, url) -> Iterator[Result]:
    from pebble import ProcessExpired, ProcessPool

    window = deque()
    pending = iter(inputs)
    with ProcessPool(max_workers=jobs, initializer=_init_worker, initargs=(stripper,)) as pool:
        try:
            for item in pending:
                window.append((item, pool.schedule(_work, (item, url), timeout=timeout)))
                if len(window) >= jobs * 4:
                    yield _collect(*window.popleft(), timeout, ProcessExpired)
            while window:
                yield _collect(*window.popleft(), timeout, ProcessExpired)
        except BaseException:
            pool.stop()
            raise


def _collect(item: Input, future, timeout, expired_type) -> Result:
    try:
        return future.result()
    except FutureTimeout:
        return Result(item, error=f"timed out after {timeout:g} s (--timeout)")
    except expired_type as exc:
        return Result(item, error=f"worker process died ({_death(exc)})")
    except Exception as exc:  # an unexpected error inside the worker
        return Result(item, error=f"internal error: {type(exc).__name__}: {exc}")


def _death(exc) -> str:
    code = getattr(exc, "exitcode", None)
    if code is not None and code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"signal {-code}"
    return f"exit code {code}"
