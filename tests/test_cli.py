"""The ``stripper extract`` command: in process (click's CliRunner) and as a real subprocess."""

import gzip
import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import PROSE, SEED

from stripper import __version__, extract
from stripper.cli import main


def page(title: str, *paragraphs: str) -> str:
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>'
            f'<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>'
            f"<article><h1>{title}</h1>\n{body}</article>"
            f'<footer><p>Copyright 2024 Example News</p></footer></body></html>')


def invoke(*args: str, input=None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def cli(*args: str, input: bytes | None = None, cwd=None, timeout: float = 60, **kwargs):
    """``python -m stripper ARGS`` in a subprocess."""
    return subprocess.run([sys.executable, "-m", "stripper", *args], input=input, capture_output=True,
                          cwd=cwd, timeout=timeout, **kwargs)


def expected_text(data: bytes) -> str:
    return extract(data).text + "\n"


@pytest.fixture
def tree(tmp_path) -> Path:
    """An input tree: HTML at two levels, a gzipped page, scraped text, and a file that is no input."""
    root = tmp_path / "crawl"
    (root / "sub").mkdir(parents=True)
    (root / "a.html").write_text(page("Alpha", PROSE[0], PROSE[1]), encoding="utf-8")
    (root / "sub" / "b.htm").write_text(page("Beta", PROSE[1], PROSE[0]), encoding="utf-8")
    (root / "sub" / "c.html.gz").write_bytes(gzip.compress(page("Gamma", PROSE[0]).encode(), mtime=0))
    (root / "notes.txt").write_text(f"Notes from the council\n\n{PROSE[0]}\n\n{PROSE[1]}\n", encoding="utf-8")
    (root / "style.css").write_text("body { color: red }", encoding="utf-8")
    return root


def tree_inputs(root: Path) -> dict[str, bytes]:
    """Source path -> page bytes (gunzipped), in the order stripper reports them."""
    files = {
        str(root / "a.html"): (root / "a.html").read_bytes(),
        str(root / "notes.txt"): (root / "notes.txt").read_bytes(),
        str(root / "sub" / "b.htm"): (root / "sub" / "b.htm").read_bytes(),
        str(root / "sub" / "c.html.gz"): gzip.decompress((root / "sub" / "c.html.gz").read_bytes()),
    }
    return dict(sorted(files.items()))


# -- one input ----------------------------------------------------------------------
def stripper_script() -> list[str]:
    """The installed ``stripper`` console script, or ``python -m stripper`` without one."""
    script = Path(sys.executable).with_name("stripper")
    return [str(script)] if script.exists() else [sys.executable, "-m", "stripper"]


def test_stdin_to_stdout_in_a_real_pipe(tmp_path):
    html = page("Harbour plan approved", PROSE[0], PROSE[1]).encode()
    (tmp_path / "page.html").write_bytes(html)
    # cat page.html | stripper extract --url ...
    cat = subprocess.Popen(["cat", str(tmp_path / "page.html")], stdout=subprocess.PIPE)
    proc = subprocess.run([*stripper_script(), "extract", "--url", "https://example.com/a"],
                          stdin=cat.stdout, capture_output=True, timeout=60)
    cat.wait()
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode() == "\n\n".join(PROSE) + "\n"
    assert proc.stderr == b""


def test_stdin_with_dash_and_url_in_json():
    html = page("Harbour plan approved", PROSE[0], PROSE[1])
    result = invoke("extract", "-f", "json", "--url", "https://example.com/a", "-", input=html)
    assert result.exit_code == 0
    obj = json.loads(result.stdout)
    assert obj["source"] == "-"
    assert obj["url"] == "https://example.com/a"
    assert obj["text"] == "\n\n".join(PROSE)
    assert obj["kind"] == "html"


def test_seed_case_in_process_every_format():
    source = str(SEED / "input.txt")
    expected = (SEED / "expected.txt").read_text(encoding="utf-8").strip()
    txt = invoke("extract", source)
    assert txt.exit_code == 0 and txt.stdout == expected + "\n"
    md = invoke("extract", "-f", "md", source)
    assert md.stdout == f"# IBM drops facial recognition, joins call for police reform\n\n{expected}\n"
    obj = json.loads(invoke("extract", "-f", "json", source).stdout)
    assert obj["source"] == source and obj["text"] == expected and obj["kind"] == "text"
    assert [r["rule"] for r in obj["removed"]] == ["STR201", "STR101", "STR101"]
    line = invoke("extract", "-f", "jsonl", source).stdout
    assert line.count("\n") == 1 and json.loads(line) == obj


# -- several inputs -------------------------------------------------------------------
def test_directory_to_jsonl_is_sorted_and_the_same_with_two_jobs(tree):
    one = cli("extract", "-f", "jsonl", "-j", "1", str(tree))
    two = cli("extract", "-f", "jsonl", "-j", "2", str(tree))
    assert one.returncode == two.returncode == 0, (one.stderr, two.stderr)
    assert one.stdout == two.stdout
    assert one.stderr == two.stderr == b""  # no progress bar: stderr is not a terminal
    records = [json.loads(line) for line in one.stdout.decode().splitlines()]
    inputs = tree_inputs(tree)
    assert [r["source"] for r in records] == list(inputs)
    for record, data in zip(records, inputs.values(), strict=True):
        assert record["text"] + "\n" == expected_text(data)


def test_output_tree_mirrors_the_input_tree(tree, tmp_path):
    out = tmp_path / "clean"
    result = invoke("extract", "-o", str(out), "-j", "2", str(tree))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    files = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert files == ["a.txt", "notes.txt", "sub/b.txt", "sub/c.txt"]
    for source, data in tree_inputs(tree).items():
        rel = os.path.relpath(source, tree)
        target = out / (rel.split(".", 1)[0] + ".txt")
        assert target.read_text(encoding="utf-8") == expected_text(data)
        assert oct(target.stat().st_mode & 0o777) != "0o600"  # not mkstemp's private mode


@pytest.mark.parametrize("fmt, suffix", [("json", ".json"), ("jsonl", ".json"), ("md", ".md")])
def test_output_tree_in_other_formats(tree, tmp_path, fmt, suffix):
    out = tmp_path / "clean"
    assert invoke("extract", "-o", str(out), "-f", fmt, str(tree)).exit_code == 0
    files = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert files == sorted(f"{name}{suffix}" for name in ("a", "notes", "sub/b", "sub/c"))
    if fmt == "md":
        assert (out / "a.md").read_text(encoding="utf-8").startswith("# Alpha\n\n")
    else:
        obj = json.loads((out / "sub" / "b.json").read_text(encoding="utf-8"))
        assert obj["source"] == str(tree / "sub" / "b.htm") and obj["title"] == "Beta"


def test_json_one_input_is_an_object_several_an_array(tree):
    one = invoke("extract", "-f", "json", str(tree / "a.html"))
    assert isinstance(json.loads(one.stdout), dict)
    several = invoke("extract", "-f", "json", str(tree / "a.html"), str(tree / "notes.txt"),
                     str(tree / "missing.html"))
    assert several.exit_code == 1
    array = json.loads(several.stdout)
    assert [obj["source"] for obj in array] == [str(tree / n) for n in ("a.html", "notes.txt", "missing.html")]
    assert array[2] == {"source": str(tree / "missing.html"), "error": "no such file or directory"}
    # A directory gives an array even when it holds a single page: scripts need not count files.
    (tree / "only").mkdir()
    (tree / "only" / "x.html").write_text(page("X", PROSE[0]), encoding="utf-8")
    assert isinstance(json.loads(invoke("extract", "-f", "json", str(tree / "only")).stdout), list)


def test_json_of_an_empty_directory_is_an_empty_array(tmp_path):
    result = invoke("extract", "-f", "json", str(tmp_path))
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []
    assert "no input files" in result.stderr


def test_md_format(tree):
    result = invoke("extract", "-f", "md", str(tree / "a.html"))
    assert result.stdout == "# Alpha\n\n" + "\n\n".join(PROSE) + "\n"


def test_txt_with_several_inputs_has_head_style_headers(tree):
    result = invoke("extract", str(tree))
    assert result.exit_code == 0
    inputs = tree_inputs(tree)
    expected = "\n".join(f"==> {source} <==\n{expected_text(data)}" for source, data in inputs.items())
    assert result.stdout == expected
    headers = [line for line in result.stdout.splitlines() if line.startswith("==> ")]
    assert headers == [f"==> {source} <==" for source in inputs]


# -- help, version, exit codes --------------------------------------------------------
def test_version():
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout == f"stripper, version {__version__}\n"


def test_help_shows_examples():
    for args in (["--help"], ["extract", "--help"]):
        result = invoke(*args)
        assert result.exit_code == 0
        assert "Examples:" in result.stdout
        assert "stripper extract -f jsonl -j 2 crawl/ > bodies.jsonl" in result.stdout
    text = invoke("extract", "--help").stdout
    for option in ("--max-bytes", "--timeout", "--skip-existing", "--output-dir", "--jobs"):
        assert option in text


@pytest.mark.parametrize("args", [
    ["extract", "--no-such-option", "x.html"],
    ["extract", "-f", "pdf", "x.html"],
    ["extract", "-j", "0", "x.html"],
    ["extract", "--timeout", "0", "x.html"],
    ["extract", "--skip-existing", "x.html"],
    ["nonsense"],
])
def test_usage_errors_exit_2(args):
    result = invoke(*args)
    assert result.exit_code == 2
    assert "Usage:" in result.stderr or "Error:" in result.stderr


def test_url_with_two_inputs_is_a_usage_error(tree):
    result = invoke("extract", "--url", "https://example.com/a", str(tree / "a.html"), str(tree / "notes.txt"))
    assert result.exit_code == 2
    assert "--url applies to a single input" in result.stderr
    result = invoke("extract", "--url", "https://example.com/a", str(tree))
    assert result.exit_code == 2


def test_exit_status_0_when_all_succeed_1_when_any_fails(tree):
    assert invoke("extract", str(tree)).exit_code == 0
    assert invoke("extract", str(tree), str(tree / "nope.html")).exit_code == 1
    proc = cli("extract", "-q", str(tree / "nope.html"))
    assert proc.returncode == 1
    assert proc.stderr.decode() == f"stripper: {tree / 'nope.html'}: no such file or directory\n"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_one_bad_file_in_a_batch(tree, jobs):
    bad = tree / "sub" / "broken.html"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    proc = cli("extract", "-f", "jsonl", "-j", jobs, str(tree))
    assert proc.returncode == 1
    stderr = proc.stderr.decode()
    assert stderr == f"stripper: {bad}: binary data, or text in an unrecognised encoding\n"
    records = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    inputs = tree_inputs(tree)
    inputs[str(bad)] = None
    assert [r["source"] for r in records] == sorted(inputs)
    for record in records:
        data = inputs[record["source"]]
        if data is None:
            assert record == {"source": str(bad), "error": "binary data, or text in an unrecognised encoding"}
        else:
            assert record["text"] + "\n" == expected_text(data)


def test_one_bad_file_in_txt_and_output_dir_modes(tree, tmp_path):
    (tree / "empty.html").write_bytes(b"")
    txt = invoke("extract", str(tree))
    assert txt.exit_code == 1
    assert txt.stderr == f"stripper: {tree / 'empty.html'}: empty input\n"
    assert f"==> {tree / 'empty.html'} <==" not in txt.stdout
    assert txt.stdout.count("==> ") == 4
    out = tmp_path / "out"
    result = invoke("extract", "-o", str(out), str(tree))
    assert result.exit_code == 1
    assert not (out / "empty.txt").exists()
    assert sorted(p.name for p in out.rglob("*.txt")) == ["a.txt", "b.txt", "c.txt", "notes.txt"]


# -- the terminal ---------------------------------------------------------------------
def _run_with_stderr_on_a_terminal(args: list[str]) -> tuple[int, str]:
    controller, terminal = pty.openpty()
    try:
        proc = subprocess.Popen([sys.executable, "-m", "stripper", *args], stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=terminal)
        os.close(terminal)
        chunks = []
        while True:
            try:
                chunk = os.read(controller, 4096)
            except OSError:  # EIO: the terminal's other end is closed
                break
            if not chunk:
                break
            chunks.append(chunk)
        return proc.wait(timeout=60), b"".join(chunks).decode(errors="replace")
    finally:
        os.close(controller)


def test_progress_bar_on_a_terminal_and_not_with_quiet(tree):
    status, shown = _run_with_stderr_on_a_terminal(["extract", "-o", str(tree.parent / "out"), str(tree)])
    assert status == 0
    assert "extracting" in shown
    status, shown = _run_with_stderr_on_a_terminal(["extract", "-q", "-o", str(tree.parent / "o2"), str(tree)])
    assert status == 0 and shown == ""


def test_no_input_and_stdin_on_a_terminal_is_a_usage_error():
    controller, terminal = pty.openpty()
    try:
        proc = subprocess.run([sys.executable, "-m", "stripper", "extract"], stdin=terminal,
                              capture_output=True, timeout=60)
    finally:
        os.close(terminal)
        os.close(controller)
    assert proc.returncode == 2
    assert b"no input" in proc.stderr


def test_broken_pipe_gives_no_traceback(tree):
    for n in range(30):
        (tree / f"more{n:02}.html").write_text(page(f"More {n}", PROSE[0], PROSE[1]), encoding="utf-8")
    proc = subprocess.run(f"'{sys.executable}' -m stripper extract -f jsonl '{tree}' | head -c 10",
                          shell=True, capture_output=True, timeout=60)
    assert len(proc.stdout) == 10
    assert b"Traceback" not in proc.stderr and proc.stderr == b""


def test_odd_file_names_stay_on_one_line_and_are_written(tmp_path):
    root = tmp_path / "odd"
    root.mkdir()
    html = page("Odd", PROSE[0], PROSE[1]).encode()
    names = [b"new\nline.html", b"esc\x1b[31mred.html", b"not-utf8-\xff.html"]
    for name in names:
        with open(os.path.join(os.fsencode(root), name), "wb") as handle:
            handle.write(html)
    empty = os.path.join(os.fsencode(root), b"empty\nfile.html")
    open(empty, "wb").close()
    proc = cli("extract", "-f", "json", "-o", str(tmp_path / "out"), str(root))
    assert proc.returncode == 1
    assert proc.stderr.decode() == f"stripper: {root}/empty\\nfile.html: empty input\n"
    written = sorted(os.listdir(os.fsencode(tmp_path / "out")))
    assert written == sorted(name.replace(b".html", b".json") for name in names)
    for name in written:
        with open(os.path.join(os.fsencode(tmp_path / "out"), name), "rb") as handle:
            obj = json.loads(handle.read().decode("utf-8"))  # valid UTF-8 JSON
        assert os.fsencode(obj["source"]) == os.path.join(os.fsencode(root), name.replace(b".json", b".html"))
    txt = cli("extract", str(root))
    headers = [line for line in txt.stdout.decode().splitlines() if line.startswith("==> ")]
    assert len(headers) == 3  # one line each, newline in the name or not


def test_closed_stdout_is_one_error_not_a_traceback(tree):
    proc = subprocess.run(f"'{sys.executable}' -m stripper extract '{tree / 'a.html'}' >&-",
                          shell=True, capture_output=True, timeout=60)
    assert proc.returncode == 1
    assert proc.stderr.decode() == "stripper: standard output: standard output is closed\n"
