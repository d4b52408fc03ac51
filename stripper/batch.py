"""Many inputs: finding them, reading them, and extracting them in order.

Inputs are found up front (paths only, sorted), then streamed: each is read,
extracted and handed back in input order, whatever the number of worker
processes. Workers receive paths, never page contents (standard input, read
by the parent, is the one exception), and one bad input only ever produces an
error result for itself: an unreadable file, a page that takes too long, an
unexpected exception, even a worker process that dies.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import gzip
import io
import multiprocessing
import os
import signal
import stat
import sys
import threading
import time
import warnings
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import wait as wait_for

from .article import Article
from .blocks import clean_line
from .errors import ExtractionTimeout, InputTooLargeError, StripperError
from .pipeline import Stripper

INPUT_SUFFIXES = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz", ".txt")
STDIN = "-"
GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True)
class Input:
    """One input: its name as shown to the user, and where its output goes under ``-o``."""

    source: str  #: the path as given or found, or ``-`` for standard input
    relative: str  #: the output path under ``-o``, without suffix
    problem: str | None = None  #: an error found while listing inputs
    found: bool = False  #: found by walking a directory: only a regular file is read


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
            found = _walk(given)
            if not found:
                warnings.warn(f"{given}: no input files ({', '.join(INPUT_SUFFIXES)}) in this directory",
                              stacklevel=2)
            inputs.extend(found)
        else:
            inputs.append(Input(given, _strip_suffix(os.path.basename(given)) or "input"))
    return _unique_outputs(inputs)


def _walk(top: str) -> list[Input]:
    found: list[Input] = []
    problems: list[Input] = []

    def report(exc: OSError) -> None:
        where = exc.filename or top
        problems.append(Input(where, "", problem=os_reason(exc)))

    # Symbolic links to directories are not followed (no loops); links to files are.
    for folder, dirnames, filenames in os.walk(top, onerror=report):
        dirnames.sort()
        for name in filenames:
            if name.lower().endswith(INPUT_SUFFIXES):
                path = os.path.join(folder, name)
                rel = os.path.relpath(path, top)
                found.append(Input(path, _strip_suffix(rel), found=True))
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
        unique.append(Input(item.source, relative, item.problem, item.found))
    return unique


# -- reading one input ----------------------------------------------------------
def read_input(source: str, max_bytes: int | None, *, regular_only: bool = False) -> bytes:
    """The bytes of one input, gunzipped when they are gzip data.

    A path named on the command line may be a pipe or a character device
    (``<(curl ...)``, ``/dev/stdin``); with ``regular_only`` (files found in a
    directory) anything but a regular file is refused without being opened,
    so a FIFO left in a crawl directory cannot block the batch.
    """
    try:
        if source == STDIN:
            if sys.stdin is None:
                raise StripperError("standard input is closed")
            data = _read_limited(sys.stdin.buffer, max_bytes)
        else:
            data = _read_file(source, max_bytes, regular_only)
    except OSError as exc:
        raise StripperError(os_reason(exc)) from None
    if max_bytes is not None and len(data) > max_bytes:
        raise InputTooLargeError(_too_large(max_bytes))
    if data[:2] == GZIP_MAGIC:
        data = _gunzip(data, max_bytes)
    return data


def _read_file(path: str, max_bytes: int | None, regular_only: bool) -> bytes:
    info = os.stat(path)
    _check_file_type(info.st_mode, regular_only)
    if stat.S_ISREG(info.st_mode) and max_bytes is not None and info.st_size > max_bytes:
        raise InputTooLargeError(_too_large(max_bytes))
    flags = os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)
    if regular_only:  # the path may have been swapped for a FIFO since the stat
        flags |= getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags)
    with open(fd, "rb") as handle:
        _check_file_type(os.fstat(fd).st_mode, regular_only)
        return _read_limited(handle, max_bytes)


def _check_file_type(mode: int, regular_only: bool) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise StripperError("is a directory")
    if regular_only or not (stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)):
        raise StripperError("not a regular file")


def _read_limited(handle, max_bytes: int | None) -> bytes:
    return handle.read() if max_bytes is None else handle.read(max_bytes + 1)


def _too_large(max_bytes: int) -> str:
    return f"larger than the limit of {max_bytes:,} bytes (--max-bytes)"


def _gunzip(data: bytes, max_bytes: int | None) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as handle:
            out = _read_limited(handle, max_bytes)
    except (OSError, EOFError, zlib.error) as exc:
        reason = "truncated" if isinstance(exc, EOFError) else "corrupt"
        raise StripperError(f"{reason} gzip data") from None
    if max_bytes is not None and len(out) > max_bytes:
        raise InputTooLargeError(f"uncompressed, {_too_large(max_bytes)}")
    return out


def os_reason(exc: OSError) -> str:
    if exc.errno == errno.EISDIR:
        return "is a directory"
    return exc.strerror.lower() if exc.strerror else str(exc)


def process(stripper: Stripper, item: Input, url: str | None = None, data: bytes | None = None) -> Result:
    """Read (unless ``data`` is given) and extract one input; every failure becomes an error result."""
    if item.problem:
        return Result(item, error=item.problem)
    try:
        if data is None:
            data = read_input(item.source, stripper.max_bytes, regular_only=item.found)
        return Result(item, article=stripper.extract(data, url=url))
    except StripperError as exc:
        return Result(item, error=one_line(str(exc)) or type(exc).__name__)
    except RecursionError:
        return Result(item, error="document nested too deeply")
    except MemoryError:
        return Result(item, error="out of memory")
    except Exception as exc:  # a bug: report it against this input, and go on
        return Result(item, error=internal_error(exc))


def internal_error(exc: BaseException) -> str:
    detail = one_line(str(exc))
    return f"internal error: {type(exc).__name__}" + (f": {detail}" if detail else "")


def one_line(text: str) -> str:
    """Messages go on one stderr line each: collapse newlines and runs of spaces."""
    return clean_line(text)


# -- running a batch -------------------------------------------------------------
def run(
    stripper: Stripper,
    inputs: list[Input],
    *,
    jobs: int = 1,
    timeout: float | None = None,
    url: str | None = None,
) -> Iterator[Result]:
    """Extract every input; results come back in input order.

    With ``jobs`` > 1 the inputs are spread over that many worker processes;
    closing the iterator early (or an exception such as KeyboardInterrupt
    while it waits) stops and reaps every worker.
    """
    if jobs <= 1 or len(inputs) <= 1:
        if timeout:
            _warm_up(stripper)  # not on the clock of the first input's --timeout
        for item in inputs:
            yield _process_with_timeout(stripper, item, url, timeout)
    else:
        yield from _Pool(stripper, jobs, timeout, url).run(inputs)


def _warm_up(stripper: Stripper) -> None:
    with contextlib.suppress(Exception):  # a page that fails here fails again, reported, as an input
        stripper.warm_up()


def _timeout_message(timeout: float) -> str:
    return f"timed out after {timeout:g} s (--timeout)"


class _Alarm:
    """SIGALRM handler for :func:`_process_with_timeout`."""

    def __init__(self, message: str) -> None:
        self.message, self.armed, self.fired = message, False, False

    def __call__(self, signum, frame) -> None:
        if self.armed:
            self.fired = True
            raise ExtractionTimeout(self.message)


def _process_with_timeout(stripper, item, url, timeout, data=None) -> Result:
    """:func:`process` under a wall-clock limit (main thread only: it uses SIGALRM).

    The alarm repeats every half second after the deadline, so that code which
    swallows the first ExtractionTimeout (a broad ``except Exception`` inside a
    library) is interrupted again; once it has fired, the input has timed out
    whatever ``process`` returns.
    """
    if (not timeout or threading.current_thread() is not threading.main_thread()
            or not hasattr(signal, "setitimer")):
        return process(stripper, item, url, data)
    alarm = _Alarm(_timeout_message(timeout))
    previous = signal.signal(signal.SIGALRM, alarm)
    result = None
    try:
        alarm.armed = True
        signal.setitimer(signal.ITIMER_REAL, timeout, 0.5)
        result = process(stripper, item, url, data)
        alarm.armed = False
    except ExtractionTimeout:
        alarm.armed = False
    finally:
        alarm.armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    if alarm.fired or result is None:
        return Result(item, error=alarm.message)
    return result


# -- worker processes ---------------------------------------------------------------
# Each worker has its own pipe and works on one input at a time, so the parent
# always knows which input a worker was on when it died or ran out of time.
_HARD_TIMEOUT_GRACE = 2.0  # seconds past --timeout before a worker is killed
_STARTUP_ALLOWANCE = 20.0  # more for the first input of a worker that starts cold (spawn: imports, warm-up)
_ORPHAN_CHECK = 1.0  # seconds between checks that the parent is still there
_BLOCKED = {signal.SIGINT, signal.SIGTERM}


def _worker_main(conn, stripper: Stripper, parent_pid: int, timeout: float | None, cold: bool) -> None:
    """A worker's loop: receive (input, url, data), send back its Result."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):  # blocked by the parent around start()
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _BLOCKED)
    _die_with_parent()
    warnings.simplefilter("ignore")  # the parent has shown every warning once
    if cold:  # a forked worker inherits the parent's warm caches
        _warm_up(stripper)  # not on the clock of the first input's --timeout
    while True:
        try:
            if not conn.poll(_ORPHAN_CHECK):
                if os.getppid() != parent_pid:
                    return
                continue
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        item, url, data = task
        result = _process_with_timeout(stripper, item, url, timeout, data)
        try:
            conn.send(result)
        except (EOFError, OSError):
            return
        except Exception as exc:  # a result that does not pickle
            conn.send(Result(item, error=internal_error(exc)))


def _die_with_parent() -> None:
    """On Linux, have the kernel kill this worker when the parent dies (even by SIGKILL)."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(Exception):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)


class _Worker:
    def __init__(self, context, stripper: Stripper, timeout: float | None) -> None:
        self.cold = context.get_start_method() != "fork"
        parent_end, child_end = context.Pipe(duplex=True)
        self.process = context.Process(
            target=_worker_main, name="stripper-worker", daemon=True,
            args=(child_end, stripper, os.getpid(), timeout, self.cold),
        )
        # Ctrl-C during the fork would reach the child before it ignores SIGINT:
        # block it (it stays pending for the parent) until the worker is started.
        masking = hasattr(signal, "pthread_sigmask")
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, _BLOCKED) if masking else None
        try:
            self.process.start()
        except BaseException:
            parent_end.close()
            raise
        finally:
            if masking:
                signal.pthread_sigmask(signal.SIG_SETMASK, previous)
            child_end.close()
        self.conn = parent_end
        self.task: tuple[int, Input] | None = None
        self.started = 0.0
        self.fresh = True  # has not finished an input yet

    def give(self, index: int, item: Input, url: str | None, data: bytes | None) -> None:
        self.task, self.started = (index, item), time.monotonic()
        self.conn.send((item, url, data))

    def stop(self, graceful: bool) -> None:
        if graceful and self.process.is_alive():
            with contextlib.suppress(Exception):
                self.conn.send(None)
            self.process.join(1.0)
        if self.process.is_alive():
            with contextlib.suppress(Exception):
                self.process.kill()

    def reap(self) -> None:
        with contextlib.suppress(Exception):
            self.process.join(5.0)
        with contextlib.suppress(Exception):
            self.conn.close()

    def death(self) -> str:
        self.process.join(1.0)
        code = self.process.exitcode
        if code is not None and code < 0:
            try:
                return f"killed by {signal.Signals(-code).name}"
            except ValueError:
                return f"killed by signal {-code}"
        return f"exit code {code}"


class _Pool:
    """Worker processes fed one input at a time; results in input order."""

    def __init__(self, stripper: Stripper, jobs: int, timeout: float | None, url: str | None) -> None:
        self.stripper, self.jobs, self.timeout, self.url = stripper, jobs, timeout, url
        self.context = multiprocessing.get_context()
        self.workers: list[_Worker] = []

    def run(self, inputs: list[Input]) -> Iterator[Result]:
        done: dict[int, Result] = {}
        window = self.jobs * 4  # how far past the next result to yield workers may run ahead
        next_in = next_out = 0
        stdin_data: bytes | None = None
        failed_gives = 0
        graceful = False
        try:
            if self.context.get_start_method() == "fork":
                _warm_up(self.stripper)  # forked workers inherit the warm caches
                # and the modules, which the garbage collector need never scan again: frozen, their
                # memory pages stay shared with the parent instead of being copied into each worker
                gc.freeze()
            for _ in range(min(self.jobs, len(inputs))):
                self._add_worker()
            while next_out < len(inputs):
                while next_in < min(len(inputs), next_out + window):
                    item = inputs[next_in]
                    if item.problem:
                        done[next_in], next_in = Result(item, error=item.problem), next_in + 1
                        continue
                    if item.source == STDIN and stdin_data is None:  # workers have no stdin: read it here
                        try:
                            stdin_data = read_input(STDIN, self.stripper.max_bytes)
                        except StripperError as exc:
                            done[next_in], next_in = Result(item, error=one_line(str(exc))), next_in + 1
                            continue
                    worker = self._idle_worker()
                    if worker is None:
                        break
                    try:
                        worker.give(next_in, item, self.url, stdin_data if item.source == STDIN else None)
                    except (OSError, EOFError) as exc:  # it died before it got the input
                        self._retire(worker)
                        failed_gives += 1
                        if failed_gives >= 3:  # workers die as soon as they start: give up on this input
                            done[next_in], next_in = Result(item, error=f"worker process died ({exc})"), next_in + 1
                            failed_gives = 0
                        continue
                    failed_gives = 0
                    next_in += 1
                while next_out in done:
                    yield done.pop(next_out)
                    next_out += 1
                if next_out >= len(inputs):
                    break
                if not self.workers:  # none could be started: go on in this process
                    item = inputs[next_out]
                    data = stdin_data if item.source == STDIN else None
                    done[next_out] = _process_with_timeout(self.stripper, item, self.url, self.timeout, data)
                    next_in = max(next_in, next_out + 1)
                    continue
                self._wait(done)
            graceful = True
        finally:
            self._shutdown(graceful)

    def _add_worker(self) -> None:
        try:
            self.workers.append(_Worker(self.context, self.stripper, self.timeout))
        except OSError as exc:  # cannot fork: carry on with the workers there are
            warnings.warn(f"could not start a worker process: {exc}", stacklevel=2)

    def _idle_worker(self) -> _Worker | None:
        """A live worker without an input; one that died while idle (killed from outside) is replaced."""
        for worker in list(self.workers):
            if worker.task is None:
                if worker.process.is_alive():
                    return worker
                self._retire(worker)
        return next((w for w in self.workers if w.task is None), None)

    def _retire(self, worker: _Worker) -> None:
        worker.stop(graceful=False)
        worker.reap()
        self.workers.remove(worker)
        self._add_worker()

    def _wait(self, done: dict[int, Result]) -> None:
        busy = [w for w in self.workers if w.task is not None]
        if not busy:
            return
        wait_time = None
        if self.timeout:
            wait_time = max(0.0, min(w.started + self._hard_limit(w) for w in busy) - time.monotonic())
        ready = set(wait_for([w.conn for w in busy] + [w.process.sentinel for w in busy], wait_time))
        now = time.monotonic()
        for worker in busy:
            index, item = worker.task
            if worker.conn in ready:
                try:
                    done[index] = worker.conn.recv()
                    worker.task, worker.fresh = None, False
                except (EOFError, OSError):  # it died before or while sending
                    done[index] = self._died(worker, item)
                except Exception as exc:  # a result that does not unpickle
                    done[index] = Result(item, error=internal_error(exc))
                    worker.task = None
            elif worker.process.sentinel in ready:
                done[index] = self._died(worker, item)
            elif self.timeout and now - worker.started > self._hard_limit(worker):
                self._retire(worker)  # stuck where the alarm inside the worker cannot reach
                done[index] = Result(item, error=_timeout_message(self.timeout))

    def _hard_limit(self, worker: _Worker) -> float:
        """Seconds after handing over an input before a worker is killed (it missed its own alarm)."""
        assert self.timeout
        return self.timeout + _HARD_TIMEOUT_GRACE + (_STARTUP_ALLOWANCE if worker.cold and worker.fresh else 0)

    def _died(self, worker: _Worker, item: Input) -> Result:
        """The worker died on ``item``: report it, and start a fresh worker in its place."""
        worker.stop(graceful=False)
        reason = worker.death()
        worker.reap()
        self.workers.remove(worker)
        self._add_worker()
        return Result(item, error=f"worker process died ({reason})")

    def _shutdown(self, graceful: bool) -> None:
        for worker in self.workers:  # kill them all first, then wait: Ctrl-C must be quick
            worker.stop(graceful)
        for worker in self.workers:
            worker.reap()
        self.workers.clear()
