"""Bad inputs, failing workers, limits, signals and interrupted runs: never a traceback or a hang.

Crashing and slow pages are simulated by a small module that only these tests
load (``python -c "import stripper_test_faults; ..."``): it wraps
``Stripper.extract`` to misbehave when the page holds a marker string. Nothing
in stripper itself knows about it.
"""

import gzip
import json
import os
import random
import re
import signal
import socket
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from conftest import PROSE, SEED

from stripper import Article, Stripper, StripperError, extract
from stripper.batch import STDIN, Input, find_inputs, read_input, run
from stripper.cli import TMP_PREFIX, DirectorySink, SinkError

ERROR_LINE = re.compile(r"^stripper: (?P<path>.+?): (?P<reason>[^\n]+)$")

FAULTS = textwrap.dedent('''
    """Test-only faults, triggered by markers in a page (see tests/test_reliability.py)."""
    import multiprocessing, os, signal, time
    import stripper.pipeline as pipeline

    _extract = pipeline.Stripper.extract
    DELAY = float(os.environ.get("STRIPPER_TEST_DELAY", "0"))

    def extract(self, source, **kwargs):
        data = source if isinstance(source, bytes) else source.encode("utf-8", "replace")
        in_worker = multiprocessing.current_process().name != "MainProcess"
        if in_worker and b"FAULT-KILL-WORKER" in data:
            os.kill(os.getpid(), signal.SIGKILL)
        if in_worker and b"FAULT-EXIT-WORKER" in data:
            os._exit(3)
        if b"FAULT-SLOW" in data:
            time.sleep(60)
        if b"FAULT-STUCK" in data:  # like a long C call: the alarm cannot interrupt it
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(60)
        if b"FAULT-BUG" in data:
            raise ValueError("boom\\nsecond line")
        if DELAY:
            time.sleep(DELAY)
        return _extract(self, source, **kwargs)

    pipeline.Stripper.extract = extract
''')


def page(title: str, *paragraphs: str, marker: str = "") -> str:
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>'
            f'<body data-note="{marker}"><article><h1>{title}</h1>\n{body}</article></body></html>')


def good_page(n: int) -> bytes:
    return page(f"Page {n}", f"Page number {n}. {PROSE[0]}", PROSE[1]).encode()


@pytest.fixture
def faults_here(monkeypatch):
    """The same faults in this process (and in the worker processes it forks)."""
    import stripper.pipeline as pipeline

    original = pipeline.Stripper.extract
    exec(compile(FAULTS, "stripper_test_faults", "exec"), {})  # replaces Stripper.extract
    patched = pipeline.Stripper.extract
    pipeline.Stripper.extract = original
    monkeypatch.setattr(pipeline.Stripper, "extract", patched)


@pytest.fixture
def faults(tmp_path) -> Path:
    folder = tmp_path / "faults"
    folder.mkdir()
    (folder / "stripper_test_faults.py").write_text(FAULTS, encoding="utf-8")
    return folder


def stripper_cmd(*args: str, faults: Path | None = None) -> list[str]:
    if faults is None:
        return [sys.executable, "-m", "stripper", *args]
    code = "import sys, stripper_test_faults; from stripper.cli import run_main; sys.argv[0] = 'stripper'; run_main()"
    return [sys.executable, "-c", code, *args]


def run_stripper(*args: str, faults: Path | None = None, timeout: float = 60, env=None, **kwargs):
    environment = dict(os.environ, **(env or {}))
    if faults is not None:
        environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(faults), environment.get("PYTHONPATH")]))
    return subprocess.run(stripper_cmd(*args, faults=faults), capture_output=True, timeout=timeout,
                          env=environment, **kwargs)


def invoke(*args: str):
    """``stripper ARGS`` in this process (quicker than a subprocess when signals are not the point)."""
    from click.testing import CliRunner

    from stripper.cli import main

    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout_bytes, result.stderr_bytes


def error_lines(stderr: bytes) -> dict[str, str]:
    """stderr as {path: reason}; every line must be an error line (so: no traceback)."""
    text = stderr.decode()
    assert "Traceback" not in text
    errors = {}
    for line in text.splitlines():
        match = ERROR_LINE.match(line)
        assert match, f"not a one-line error: {line!r}"
        errors[match["path"]] = match["reason"]
    return errors


def jsonl(stdout: bytes) -> dict[str, dict]:
    return {obj["source"]: obj for obj in map(json.loads, stdout.decode().splitlines())}


# -- bad inputs, one batch ------------------------------------------------------------
SENTENCE = "Der Bürgermeister sagte, die Straße werde im März für zwölf Tage gesperrt – „endlich“."
UNICODE_PAGE = page("Titel", SENTENCE, PROSE[0])


def unicode_inputs() -> dict[str, bytes]:
    cases = {}
    for encoding in ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "utf-8-sig"):
        cases[f"{encoding}.html"] = UNICODE_PAGE.encode(encoding)
    cases["nul-bytes.html"] = UNICODE_PAGE.replace("<p>", "<p>\x00").replace("Straße", "Stra\x00ße").encode()
    valid = UNICODE_PAGE.encode()
    cases["invalid-utf8.html"] = valid.replace(b"Tage", b"Ta\xffge").replace(b"council", b"coun\xc3(cil")
    cases["declares-latin1-is-utf8.html"] = valid.replace(b"utf-8", b"iso-8859-1")
    cases["declares-utf8-is-cp1252.html"] = UNICODE_PAGE.replace("„endlich“", '"endlich"').encode("cp1252")
    cases["declares-nonsense.html"] = valid.replace(b"utf-8", b"x-no-such-charset")
    cases["utf-16-truncated.html"] = UNICODE_PAGE.encode("utf-16") + b"\x00"
    return cases


@pytest.mark.parametrize("name", sorted(unicode_inputs()))
def test_encodings_decode_to_the_right_text(name):
    art = extract(unicode_inputs()[name])
    expected = SENTENCE.replace("„endlich“", '"endlich"') if "cp1252" in name else SENTENCE
    if name == "invalid-utf8.html":
        expected = expected.replace("Tage", "Ta\ufffdge")
    assert expected in art.text
    assert "\x00" not in art.text


def binary_inputs() -> dict[str, bytes]:
    noise = bytes((i * 7919 + 13) % 256 for i in range(4000))  # fixed "random" bytes
    return {
        "empty.html": b"",
        "whitespace.html": b" \n\t\r\n   \n",
        "png.html": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + noise,
        "pdf.html": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nstream\n" + noise,
        "random.html": random.Random(7).randbytes(5000),
        "bom-only.html": b"\xef\xbb\xbf",
        "controls.txt": b"\x00\x01\x02\x1b",  # valid UTF-8 that is nothing but control characters
        "nul-only.html": b"\x00" * 16,
        # a few bytes that decode as UTF-16 (any even count of bytes does), but hold no text
        "short-binary.txt": b"\x00\x01\xff\xfe garbage",
    }


EXPECTED_ERRORS = {
    "empty.html": "empty input",
    "whitespace.html": "input holds only whitespace",
    "png.html": "binary data, or text in an unrecognised encoding",
    "pdf.html": "binary data, or text in an unrecognised encoding",
    "random.html": "binary data, or text in an unrecognised encoding",
    "bom-only.html": "empty input",
    "controls.txt": "binary data: control characters and no text",
    "nul-only.html": "binary data: control characters and no text",
    "short-binary.txt": "binary data, or text in an unrecognised encoding",
    "truncated.html.gz": "truncated gzip data",
    "corrupt.html.gz": "corrupt gzip data",
    "fifo.html": "not a regular file",
    "socket.html": "not a regular file",
    "device.html": "not a regular file",
    "dangling.html": "no such file or directory",
    "loop.html": "too many levels of symbolic links",
    "unreadable.html": "input/output error",
}


@pytest.fixture
def nasty(tmp_path, monkeypatch) -> tuple[Path, dict[str, bytes]]:
    """A directory of every kind of bad input, among good pages; returns it and the good pages."""
    root = tmp_path / "nasty"
    root.mkdir()
    good = {f"good{n}.html": good_page(n) for n in range(3)}
    good.update(unicode_inputs())
    good["seed.txt"] = (SEED / "input.txt").read_bytes()
    good["one-line.txt"] = (" ".join([PROSE[0]] * 7000)).encode()[:1_000_000]
    good["only-script.html"] = b"<html><head><script>" + b"var x = 1;\n" * 2000 + b"</script></head></html>"
    good["deep.html"] = (b"<html><body>" + b"<div>" * 100_000 + f"<p>{PROSE[0]}</p>".encode()
                         + b"</div>" * 100_000 + b"</body></html>")
    good["gzipped.html.gz"] = gzip.compress(good_page(9), mtime=0)
    for name, data in {**good, **binary_inputs()}.items():
        (root / name).write_bytes(data)
    whole = gzip.compress(good_page(7) * 50, mtime=0)
    (root / "truncated.html.gz").write_bytes(whole[: len(whole) // 2])
    (root / "corrupt.html.gz").write_bytes(whole[:20] + b"\x00" * 40 + whole[60:])
    os.mkfifo(root / "fifo.html")
    monkeypatch.chdir(root)  # a socket path must be short: bind it relative to here
    server = socket.socket(socket.AF_UNIX)
    server.bind("socket.html")
    (root / "device.html").symlink_to("/dev/null")
    (root / "dangling.html").symlink_to(root / "nowhere.html")
    (root / "loop.html").symlink_to(root / "loop2.html")
    (root / "loop2.html").symlink_to(root / "loop.html")
    # Unreadable even for root: open succeeds, read fails with EIO.
    (root / "unreadable.html").symlink_to("/proc/self/mem")
    (root / "dir.html").mkdir()  # a directory with an input's name is walked into, not read
    (root / "dir.html" / "inner.html").write_bytes(good_page(5))
    good["dir.html/inner.html"] = good_page(5)
    yield root, good
    server.close()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_batch_of_bad_inputs(nasty, jobs):
    root, good = nasty
    started = time.monotonic()
    proc = run_stripper("extract", "-f", "jsonl", "-j", jobs, str(root), timeout=120)
    elapsed = time.monotonic() - started
    assert proc.returncode == 1
    errors = {os.path.relpath(path, root): reason for path, reason in error_lines(proc.stderr).items()}
    expected_errors = dict(EXPECTED_ERRORS, **{"loop2.html": "too many levels of symbolic links"})
    assert errors == expected_errors
    records = {os.path.relpath(k, root): v for k, v in jsonl(proc.stdout).items()}
    assert set(records) == set(good) | set(expected_errors)
    for name, reason in expected_errors.items():
        assert records[name] == {"source": str(root / name), "error": reason}
    stripper = Stripper()
    for name, data in good.items():
        if name.endswith(".gz"):
            data = gzip.decompress(data)
        assert records[name]["text"] == stripper.extract(data).text, name
    assert records["only-script.html"]["text"] == ""
    assert len(records["one-line.txt"]["text"]) > 900_000
    assert elapsed < 60


def test_deeply_nested_page_finishes_quickly():
    deep = "<html><body>" + "<div><span>" * 100_000 + PROSE[0]
    started = time.monotonic()
    try:
        art = extract(deep)
        assert isinstance(art, Article)
    except StripperError as exc:
        assert str(exc)
    assert time.monotonic() - started < 10


def test_a_file_that_vanishes_before_it_is_read(tmp_path):
    for n in range(4):
        (tmp_path / f"p{n}.html").write_bytes(good_page(n))
    inputs = find_inputs([str(tmp_path)])
    (tmp_path / "p2.html").unlink()
    for jobs in (1, 2):
        results = list(run(Stripper(), inputs, jobs=jobs))
        assert [r.input.source for r in results] == [str(tmp_path / f"p{n}.html") for n in range(4)]
        assert results[2].error == "no such file or directory"
        assert all(r.article is not None for i, r in enumerate(results) if i != 2)


def test_fifo_named_on_the_command_line_is_read(tmp_path):
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    proc = subprocess.Popen(stripper_cmd("extract", str(fifo)), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    with open(fifo, "wb") as writer:  # blocks until stripper opens it
        writer.write(good_page(1))
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert out.decode().startswith("Page number 1.")


def test_unreadable_file_permission(tmp_path):
    locked = tmp_path / "locked.html"
    locked.write_bytes(good_page(1))
    locked.chmod(0)
    if os.geteuid() == 0:  # root reads it anyway
        assert read_input(str(locked), None) == good_page(1)
    else:
        with pytest.raises(StripperError, match="permission denied"):
            read_input(str(locked), None)


def test_read_input_refuses_directories_and_special_files_it_is_not_asked_for(tmp_path):
    with pytest.raises(StripperError, match="is a directory"):
        read_input(str(tmp_path), None)
    with pytest.raises(StripperError, match="not a regular file"):
        read_input("/dev/null", None, regular_only=True)
    assert read_input("/dev/null", None) == b""  # named explicitly: read like cat would


# -- limits -----------------------------------------------------------------------------
def test_a_50_mb_page_is_refused_by_default_without_being_read(tmp_path):
    big = tmp_path / "big.html"
    with open(big, "wb") as handle:
        handle.write(b"<html><body>")
        handle.truncate(50 * 1024 * 1024)
    started = time.monotonic()
    results = list(run(Stripper(), find_inputs([str(big)])))
    assert results[0].error == "larger than the limit of 20,971,520 bytes (--max-bytes)"
    assert time.monotonic() - started < 2


def test_a_gzip_bomb_is_refused(tmp_path):
    bomb = tmp_path / "bomb.html.gz"
    bomb.write_bytes(gzip.compress(b"<p>" + b" " * (30 * 1024 * 1024), mtime=0))
    with pytest.raises(StripperError, match="uncompressed, larger than the limit"):
        read_input(str(bomb), 20 * 1024 * 1024)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_max_bytes_gives_per_input_errors(tmp_path, jobs):
    for n in range(3):
        (tmp_path / f"p{n}.html").write_bytes(good_page(n))
    (tmp_path / "p1.html").write_bytes(good_page(1) + b"<!-- padding -->" * 200)
    status, stdout, stderr = invoke("extract", "-f", "jsonl", "-j", jobs, "--max-bytes", "2000", str(tmp_path))
    assert status == 1
    assert error_lines(stderr) == {str(tmp_path / "p1.html"): "larger than the limit of 2,000 bytes (--max-bytes)"}
    records = jsonl(stdout)
    assert len(records) == 3
    assert records[str(tmp_path / "p2.html")]["text"].startswith("Page number 2.")


def test_timeout_gives_per_input_errors(tmp_path, faults_here):
    for n in range(4):
        (tmp_path / f"p{n}.html").write_bytes(good_page(n))
    (tmp_path / "p1.html").write_text(page("Slow", PROSE[0], marker="FAULT-SLOW"), encoding="utf-8")
    started = time.monotonic()
    status, stdout, stderr = invoke("extract", "-f", "jsonl", "--timeout", "3", str(tmp_path))
    assert time.monotonic() - started < 30
    assert status == 1
    assert error_lines(stderr) == {str(tmp_path / "p1.html"): "timed out after 3 s (--timeout)"}
    records = jsonl(stdout)
    assert [records[str(tmp_path / f"p{n}.html")]["text"].startswith(f"Page number {n}.")
            for n in (0, 2, 3)] == [True] * 3


def test_timeout_with_workers_slow_and_stuck_pages(tmp_path, faults_here):
    """A slow page is stopped inside its worker; a worker stuck where the alarm cannot reach it
    (a long C call, simulated by blocking SIGALRM) is killed 2 s later and replaced."""
    for n in range(6):
        (tmp_path / f"p{n}.html").write_bytes(good_page(n))
    (tmp_path / "p1.html").write_text(page("Slow", PROSE[0], marker="FAULT-SLOW"), encoding="utf-8")
    (tmp_path / "p2.html").write_text(page("Stuck", PROSE[0], marker="FAULT-STUCK"), encoding="utf-8")
    started = time.monotonic()
    status, stdout, stderr = invoke("extract", "-f", "jsonl", "-j", "2", "--timeout", "3", str(tmp_path))
    assert time.monotonic() - started < 30
    assert status == 1
    assert error_lines(stderr) == {str(tmp_path / "p1.html"): "timed out after 3 s (--timeout)",
                                   str(tmp_path / "p2.html"): "timed out after 3 s (--timeout)"}
    records = jsonl(stdout)
    assert [records[str(tmp_path / f"p{n}.html")]["text"].startswith(f"Page number {n}.")
            for n in (0, 3, 4, 5)] == [True] * 4


def test_timeout_interrupts_real_extraction_work(tmp_path):
    paragraph = f"<p>{PROSE[0]} {PROSE[1]}</p>\n"
    # about 18 MB, just under the default --max-bytes: seconds of real work, well past the limit
    (tmp_path / "huge.html").write_text("<html><body><article>" + paragraph * 55_000 + "</article></body></html>")
    (tmp_path / "small.html").write_bytes(good_page(1))
    inputs = find_inputs([str(tmp_path)])
    started = time.monotonic()
    results = list(run(Stripper(), inputs, timeout=0.5))
    assert results[0].error == "timed out after 0.5 s (--timeout)"
    assert results[1].article is not None
    assert time.monotonic() - started < 20


# -- failures inside workers -------------------------------------------------------------
def test_a_worker_that_dies_is_reported_against_its_input(tmp_path, faults):
    for n in range(8):
        (tmp_path / f"p{n}.html").write_bytes(good_page(n))
    (tmp_path / "p2.html").write_text(page("Kill", PROSE[0], marker="FAULT-KILL-WORKER"), encoding="utf-8")
    (tmp_path / "p5.html").write_text(page("Exit", PROSE[0], marker="FAULT-EXIT-WORKER"), encoding="utf-8")
    proc = run_stripper("extract", "-f", "jsonl", "-j", "2", str(tmp_path), faults=faults)
    assert proc.returncode == 1
    assert error_lines(proc.stderr) == {
        str(tmp_path / "p2.html"): "worker process died (killed by SIGKILL)",
        str(tmp_path / "p5.html"): "worker process died (exit code 3)",
    }
    records = jsonl(proc.stdout)
    assert list(records) == [str(tmp_path / f"p{n}.html") for n in range(8)]
    for n in (0, 1, 3, 4, 6, 7):
        assert records[str(tmp_path / f"p{n}.html")]["text"].startswith(f"Page number {n}.")


def test_a_worker_killed_while_idle_is_replaced_without_blaming_an_input(tmp_path):
    from stripper.batch import _Pool

    for n in range(6):
        (tmp_path / f"p{n}.html").write_bytes(good_page(n))
    pool = _Pool(Stripper(), 2, None, None)
    pool._add_worker()
    victim = pool.workers[0].process
    os.kill(victim.pid, signal.SIGKILL)
    victim.join(5)
    results = list(pool.run(find_inputs([str(tmp_path)])))
    assert [r.error for r in results] == [None] * 6
    assert not victim.is_alive() and pool.workers == []


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_unexpected_exception_is_a_one_line_error(tmp_path, faults_here, jobs):
    for n in range(3):
        (tmp_path / f"p{n}.html").write_bytes(good_page(n))
    (tmp_path / "p1.html").write_text(page("Bug", PROSE[0], marker="FAULT-BUG"), encoding="utf-8")
    status, stdout, stderr = invoke("extract", "-j", jobs, str(tmp_path))
    assert status == 1
    assert error_lines(stderr) == {str(tmp_path / "p1.html"): "internal error: ValueError: boom second line"}
    assert stdout.decode().count("==> ") == 2


def test_an_exception_escaping_the_batch_runner_is_a_per_input_error(tmp_path, monkeypatch):
    from click.testing import CliRunner

    import stripper.cli as cli

    for n in range(4):
        (tmp_path / f"p{n}.html").write_bytes(good_page(n))
    real_run, calls = cli.run, []

    def flaky_run(stripper, inputs, **options):
        calls.append([item.source for item in inputs])
        for result in real_run(stripper, inputs, **options):
            if result.input.source.endswith("p1.html"):
                raise RuntimeError("runner bug")
            yield result

    monkeypatch.setattr(cli, "run", flaky_run)
    result = CliRunner().invoke(cli.main, ["extract", "-f", "jsonl", str(tmp_path)], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.stderr == f"stripper: {tmp_path / 'p1.html'}: internal error: RuntimeError: runner bug\n"
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r.get("error") is None for r in records] == [True, False, True, True]
    assert calls[1] == [str(tmp_path / "p2.html"), str(tmp_path / "p3.html")]


# -- writing outputs ------------------------------------------------------------------------
def tree_files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def make_batch(root: Path, count: int) -> None:
    for n in range(count):
        folder = root / f"d{n % 4}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"p{n:03}.html").write_bytes(good_page(n))


def test_output_dir_second_run_is_byte_identical_and_skip_existing_resumes(tmp_path):
    make_batch(tmp_path / "in", 12)
    out = tmp_path / "out"
    assert invoke("extract", "-o", str(out), "-j", "2", str(tmp_path / "in"))[0] == 0
    clean = tree_files(out)
    assert len(clean) == 12
    assert invoke("extract", "-o", str(out), str(tmp_path / "in"))[0] == 0
    assert tree_files(out) == clean
    # Resume: outputs that exist are not touched, the missing ones are written.
    (out / "d1" / "p005.txt").unlink()
    (out / "d2" / "p002.txt").write_text("kept as it is\n")
    assert invoke("extract", "-o", str(out), "--skip-existing", str(tmp_path / "in"))[0] == 0
    resumed = tree_files(out)
    assert resumed["d1/p005.txt"] == clean["d1/p005.txt"]
    assert resumed["d2/p002.txt"] == b"kept as it is\n"


def wait_for_outputs(out: Path, count: int, proc, limit: float = 30) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and proc.poll() is None:
        if out.exists() and sum(1 for p in out.rglob("*.txt")) >= count:
            return
        time.sleep(0.02)
    raise AssertionError("the batch did not get going")


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL])
def test_an_interrupted_output_dir_run_leaves_only_complete_files(tmp_path, faults, how):
    make_batch(tmp_path / "in", 40)
    reference = tmp_path / "reference"
    assert invoke("extract", "-o", str(reference), str(tmp_path / "in"))[0] == 0
    clean = tree_files(reference)
    out = tmp_path / "out"
    env = dict(os.environ, STRIPPER_TEST_DELAY="0.05",
               PYTHONPATH=os.pathsep.join(filter(None, [str(faults), os.environ.get("PYTHONPATH")])))
    proc = subprocess.Popen(stripper_cmd("extract", "-o", str(out), "-j", "2", str(tmp_path / "in"), faults=faults),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, start_new_session=True)
    wait_for_outputs(out, 6, proc)
    os.kill(proc.pid, how)
    _, err = proc.communicate(timeout=30)
    if how == signal.SIGTERM:
        assert proc.returncode == 130
        assert err.decode() == "stripper: interrupted\n"
    else:
        assert proc.returncode == -signal.SIGKILL
    assert wait_for_group_to_end(proc.pid), "worker processes outlived the batch"
    partial = tree_files(out)
    finished = {name: data for name, data in partial.items() if TMP_PREFIX not in name}
    assert 6 <= len(finished) < len(clean)
    for name, data in finished.items():
        assert data == clean[name], name
    # The next run (resuming) completes the tree and removes the killed run's temporary files.
    assert invoke("extract", "-o", str(out), "--skip-existing", str(tmp_path / "in"))[0] == 0
    assert tree_files(out) == clean
    assert not [p for p in out.rglob("*") if p.name.startswith(TMP_PREFIX)]


def test_a_failed_write_leaves_no_temporary_file(tmp_path):
    sink = DirectorySink(tmp_path / "out", "txt")
    item = Input("x/a.html", "a")
    (tmp_path / "out" / "a.txt").mkdir()  # the target is in the way
    with pytest.raises(SinkError, match="cannot write"):
        sink.write(item, Article(text="hello"), None)
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["a.txt"]
    sink.write(Input("x/b.html", "b"), Article(text="hello"), None)
    assert (tmp_path / "out" / "b.txt").read_text() == "hello\n"


def test_a_write_error_is_a_per_input_error(tmp_path):
    make_batch(tmp_path / "in", 4)
    out = tmp_path / "out"
    (out / "d1" / "p001.txt").mkdir(parents=True)
    status, _, stderr = invoke("extract", "-o", str(out), str(tmp_path / "in"))
    assert status == 1
    errors = error_lines(stderr)
    assert list(errors) == [str(tmp_path / "in" / "d1" / "p001.html")]
    assert errors[str(tmp_path / "in" / "d1" / "p001.html")].startswith(f"cannot write {out / 'd1' / 'p001.txt'}:")
    assert sorted(tree_files(out)) == ["d0/p000.txt", "d2/p002.txt", "d3/p003.txt"]


def test_stale_temporary_files_of_a_running_batch_are_left_alone(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    dead = out / f"{TMP_PREFIX}999999999-abc"  # no such process
    alive = out / f"{TMP_PREFIX}{os.getppid()}-abc"
    dead.write_text("x")
    alive.write_text("x")
    DirectorySink(out, "txt")
    assert not dead.exists() and alive.exists()


# -- Ctrl-C ---------------------------------------------------------------------------------
def processes_in_group(pgid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == pgid and fields[0] != "Z":
                found.append(int(entry))
    return found


def wait_for_group_to_end(pgid: int, limit: float = 5) -> bool:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if not processes_in_group(pgid):
            return True
        time.sleep(0.05)
    return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_ctrl_c_stops_promptly_with_130_and_leaves_no_workers(tmp_path, faults):
    make_batch(tmp_path / "in", 60)
    env = dict(os.environ, STRIPPER_TEST_DELAY="0.1",
               PYTHONPATH=os.pathsep.join(filter(None, [str(faults), os.environ.get("PYTHONPATH")])))
    proc = subprocess.Popen(stripper_cmd("extract", "-f", "jsonl", "-j", "2", str(tmp_path / "in"), faults=faults),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, start_new_session=True)
    first = proc.stdout.readline()  # the batch is under way
    assert json.loads(first)["text"].startswith("Page number 0.")
    assert len(processes_in_group(proc.pid)) == 3  # the parent and two workers
    started = time.monotonic()
    os.killpg(proc.pid, signal.SIGINT)  # what the terminal does on Ctrl-C
    out, err = proc.communicate(timeout=10)
    assert time.monotonic() - started < 3
    assert proc.returncode == 130
    assert err.decode() == "stripper: interrupted\n"
    assert all(json.loads(line) for line in out.decode().splitlines())  # whole lines only
    assert wait_for_group_to_end(proc.pid), f"left behind: {processes_in_group(proc.pid)}"


def test_stdin_in_a_batch_with_workers(tmp_path):
    (tmp_path / "a.html").write_bytes(good_page(1))
    proc = run_stripper("extract", "-f", "jsonl", "-j", "2", str(tmp_path / "a.html"), "-",
                        input=good_page(2))
    assert proc.returncode == 0, proc.stderr
    records = jsonl(proc.stdout)
    assert records[STDIN]["text"].startswith("Page number 2.")
    assert records[str(tmp_path / "a.html")]["text"].startswith("Page number 1.")


def test_special_files_are_never_opened_while_walking(tmp_path):
    os.mkfifo(tmp_path / "f.html")
    mode = os.stat(tmp_path / "f.html").st_mode
    assert stat.S_ISFIFO(mode)
    results = list(run(Stripper(), find_inputs([str(tmp_path)]), jobs=1))
    assert [r.error for r in results] == ["not a regular file"]
