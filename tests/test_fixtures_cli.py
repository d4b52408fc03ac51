"""`stripper fixtures check|add|update`, on temporary copies of case folders."""

import gzip
import shutil
import tomllib

import pytest
from click.testing import CliRunner
from conftest import PROSE, SEED

from stripper.cli import main

TEXT_INPUT = (
    f"Harbour plan approved\n\n{PROSE[0]}\n\nFull coverage: Politics\n\n{PROSE[1]}\n\n"
    "Please enter your comment!\n"
)
TEXT_BODY = f"{PROSE[0]}\n\n{PROSE[1]}\n"
HTML_INPUT = f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Harbour plan approved</title><meta name="author" content="Jane Doe"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour plan approved</h1><p>{PROSE[0]}</p><p>Full coverage: Politics</p>
<p>{PROSE[1]}</p></article></body></html>"""


def run(*args):
    return CliRunner().invoke(main, ["fixtures", *map(str, args)])


def make_case(root, name, toml="", expected=TEXT_BODY, text=TEXT_INPUT):
    folder = root / name
    folder.mkdir(parents=True)
    (folder / "input.txt").write_text(text, encoding="utf-8")
    (folder / "expected.txt").write_text(expected, encoding="utf-8")
    if toml:
        (folder / "case.toml").write_text(toml, encoding="utf-8")
    return folder


@pytest.fixture
def cases(tmp_path):
    """A folder holding a copy of the seed case and one small text case."""
    root = tmp_path / "fixtures"
    shutil.copytree(SEED, root / SEED.name)
    make_case(root, "harbour", 'title = "Harbour plan approved"\nrules_fired = ["STR201"]\n')
    return root


def test_check_passes_on_good_cases(cases):
    result = run("check", cases)
    assert result.exit_code == 0, result.output
    assert result.output.strip().splitlines()[-1] == "2 passed, 0 failed, 0 xfailed, 0 xpassed"


def test_check_one_case_folder_and_a_case_name(cases):
    assert run("check", cases / "harbour").output.endswith("1 passed, 0 failed, 0 xfailed, 0 xpassed\n")
    result = run("check", "--dir", cases, "harbour")
    assert result.exit_code == 0, result.output


def test_one_changed_word_fails_exactly_that_case_with_a_diff(cases):
    expected = cases / SEED.name / "expected.txt"
    text = expected.read_text(encoding="utf-8")
    assert "withdrawing" in text
    expected.write_text(text.replace("withdrawing", "retreating", 1), encoding="utf-8")
    result = run("check", cases)
    assert result.exit_code == 1
    out = result.output
    assert [line for line in out.splitlines() if line.startswith("FAIL")] == [f"FAIL {SEED.name}"]
    assert "body differs from expected.txt" in out
    assert "rules fired: STR201, STR101" in out
    assert f"--- {SEED.name}/expected.txt" in out
    assert any(line.startswith("-") and "retreating" in line for line in out.splitlines())
    assert any(line.startswith("+") and "withdrawing" in line for line in out.splitlines())
    assert out.splitlines()[-1] == "1 passed, 1 failed, 0 xfailed, 0 xpassed"


@pytest.mark.parametrize(
    ("toml", "problem"),
    [
        ('must_remove = ["Residents who spoke"]', "must_remove: 'Residents who spoke' is in the output"),
        ('must_keep = ["Full coverage: Politics"]', "must_keep: 'Full coverage: Politics' is not in the output"),
        ('rules_fired = ["STR101", "STR999"]', "rules_fired: STR999 did not fire"),
        ('title = "Harbour plan rejected"',
         "title: expected 'Harbour plan rejected', got 'Harbour plan approved'"),
        ('author = "Jane Doe"', "author: expected 'Jane Doe', got None"),
    ],
)
def test_each_kind_of_mismatch_is_detected(tmp_path, toml, problem):
    make_case(tmp_path, "harbour", toml + "\n")
    result = run("check", tmp_path)
    assert result.exit_code == 1
    assert f"  {problem}\n" in result.output
    assert "body differs" not in result.output  # only the case.toml expectation failed


def test_snippets_match_across_whitespace(tmp_path):
    make_case(tmp_path, "harbour", 'must_keep = ["The council  met\\non Tuesday"]\n')
    assert run("check", tmp_path).exit_code == 0


def test_line_endings_and_trailing_whitespace_are_not_differences(tmp_path):
    body = TEXT_BODY.replace("\n", "  \r\n") + "\r\n\r\n"
    make_case(tmp_path, "harbour", expected=body)
    assert run("check", tmp_path).exit_code == 0


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('title = "unclosed\n', "invalid TOML"),
        ('titel = "Harbour plan approved"\n', "unknown key 'titel'"),
        ('must_keep = "The council met"\n', "'must_keep' must be a list of strings, not a string"),
        ("rules_fired = [101]\n", "'rules_fired' must be a list of strings, not a list holding an integer"),
        ("xfail = true\n", "'xfail' must be a string, not a boolean"),
        ('xfail = ""\n', "'xfail' must give the reason"),
        ('input_type = "markdown"\n', "'input_type' must be one of auto, html, text, not 'markdown'"),
    ],
)
def test_invalid_case_toml_is_one_line_naming_file_and_key(tmp_path, toml, message):
    folder = make_case(tmp_path, "harbour", toml)
    for command in ("check", "update"):
        result = run(command, tmp_path)
        assert result.exit_code == 2
        assert result.stdout == ""
        lines = result.stderr.splitlines()
        assert len(lines) == 1, lines
        assert lines[0].startswith(f"stripper: {folder / 'case.toml'}: ")
        assert message in lines[0]


def test_unquoted_date_is_accepted(tmp_path):
    make_case(tmp_path, "harbour", "date = 2024-03-05\n")
    result = run("check", tmp_path)
    assert "date: expected '2024-03-05', got None" in result.output


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda f: (f / "input.txt").unlink(), "no input file"),
        (lambda f: (f / "expected.txt").unlink(), "expected.txt: missing"),
        (lambda f: (f / "input.html").write_text(HTML_INPUT), "several input files"),
    ],
)
def test_broken_case_folder_is_reported(tmp_path, setup, message):
    setup(make_case(tmp_path, "harbour"))
    result = run("check", tmp_path)
    assert result.exit_code == 2
    assert message in result.stderr


def test_xfail_case_that_fails_is_counted_and_listed(cases):
    make_case(cases, "wishful", 'xfail = "STR201 misses this site\'s hub links"\n',
              expected="Something stripper cannot produce yet.\n")
    result = run("check", cases)
    assert result.exit_code == 0, result.output
    assert "xfail wishful — STR201 misses this site's hub links" in result.output
    assert "FAIL" not in result.output  # details only with -v
    assert result.output.splitlines()[-1] == "2 passed, 0 failed, 1 xfailed, 0 xpassed"
    verbose = run("check", "-v", cases)
    assert "XFAIL wishful" in verbose.output and "+The council met" in verbose.output


def test_xfail_case_that_passes_is_an_xpass_and_fails_the_run(cases):
    make_case(cases, "fixed", 'xfail = "used to fail"\n')
    result = run("check", cases)
    assert result.exit_code == 1
    assert "XPASS fixed — remove the xfail" in result.output
    assert result.output.splitlines()[-1] == "2 passed, 0 failed, 0 xfailed, 1 xpassed"


@pytest.mark.parametrize(
    ("filename", "content", "stored"),
    [
        ("page.txt", TEXT_INPUT.encode(), "input.txt"),
        ("page.html", HTML_INPUT.encode(), "input.html"),
        ("page.html.gz", gzip.compress(HTML_INPUT.encode()), "input.html.gz"),
        ("page.dat", HTML_INPUT.encode(), "input.html"),  # decided by content, not name
    ],
)
def test_add_creates_a_case_that_check_passes(tmp_path, filename, content, stored):
    source = tmp_path / filename
    source.write_bytes(content)
    root = tmp_path / "fixtures"
    result = run("add", source, "--name", "harbour", "--url", "https://example.com/a", "--dir", root)
    assert result.exit_code == 0, result.output
    folder = root / "harbour"
    assert str(folder) in result.output and "review" in result.output
    assert sorted(p.name for p in folder.iterdir()) == sorted([stored, "expected.txt", "case.toml"])
    assert (folder / stored).read_bytes() == content
    assert (folder / "expected.txt").read_text(encoding="utf-8") == TEXT_BODY
    toml = tomllib.loads((folder / "case.toml").read_text(encoding="utf-8"))
    assert toml["url"] == "https://example.com/a"
    assert toml["title"] == "Harbour plan approved"
    assert "STR201" in toml["rules_fired"]
    check = run("check", root)
    assert check.exit_code == 0, check.output
    assert check.output.endswith("1 passed, 0 failed, 0 xfailed, 0 xpassed\n")


def test_add_refuses_to_overwrite_without_force(tmp_path, cases):
    source = tmp_path / "page.html"
    source.write_text(HTML_INPUT, encoding="utf-8")
    before = (cases / "harbour" / "expected.txt").read_text(encoding="utf-8")
    result = run("add", source, "--name", "harbour", "--dir", cases)
    assert result.exit_code == 2
    assert "already exists" in result.stderr and "--force" in result.stderr
    assert (cases / "harbour" / "expected.txt").read_text(encoding="utf-8") == before
    forced = run("add", source, "--name", "harbour", "--dir", cases, "--force")
    assert forced.exit_code == 0, forced.output
    assert sorted(p.name for p in (cases / "harbour").iterdir()) == [
        "case.toml", "expected.txt", "input.html"]


def test_add_rejects_a_path_as_name(tmp_path):
    source = tmp_path / "page.txt"
    source.write_text(TEXT_INPUT, encoding="utf-8")
    result = run("add", source, "--name", "../elsewhere", "--dir", tmp_path / "fixtures")
    assert result.exit_code == 2
    assert not (tmp_path / "elsewhere").exists()


def test_update_reblesses_a_changed_case_and_prints_the_diff(cases):
    expected = cases / "harbour" / "expected.txt"
    expected.write_text(TEXT_BODY.replace("Tuesday", "Monday"), encoding="utf-8")
    result = run("update", "--dir", cases, "harbour")
    assert result.exit_code == 0, result.output
    assert "-The council met on Monday" in result.output
    assert "+The council met on Tuesday" in result.output
    assert result.output.splitlines()[-1] == "1 updated, 0 unchanged"
    assert expected.read_text(encoding="utf-8") == TEXT_BODY
    again = run("update", cases)
    assert again.output.splitlines() == ["0 updated, 2 unchanged"]
    assert run("check", cases).exit_code == 0


def test_update_leaves_xfail_cases_alone_unless_asked(cases):
    wrong = "Something stripper cannot produce yet.\n"
    folder = make_case(cases, "wishful", 'xfail = "not there yet"\n', expected=wrong)
    result = run("update", cases)
    assert result.exit_code == 0
    assert "1 xfail skipped" in result.output
    assert (folder / "expected.txt").read_text(encoding="utf-8") == wrong
    included = run("update", "--include-xfail", cases)
    assert (folder / "expected.txt").read_text(encoding="utf-8") == TEXT_BODY
    assert "wishful now passes: remove its xfail" in included.output


def test_update_unknown_case_is_a_usage_error(cases):
    result = run("update", "--dir", cases, "no-such-case")
    assert result.exit_code == 2
    assert "no-such-case" in result.stderr


def test_update_notes_a_case_that_still_fails(cases):
    folder = cases / "harbour"
    (folder / "case.toml").write_text('must_keep = ["Please enter your comment!"]\n', encoding="utf-8")
    (folder / "expected.txt").write_text("old text\n", encoding="utf-8")
    result = run("update", folder)
    assert result.exit_code == 0, result.output
    assert "note: harbour still fails:" in result.output
    assert "must_keep: 'Please enter your comment!' is not in the output" in result.output


def test_input_stripper_cannot_read_is_a_failure_not_a_crash(cases):
    (cases / "harbour" / "input.txt").write_text("  \n", encoding="utf-8")
    result = run("check", cases)
    assert result.exit_code == 1
    assert "FAIL harbour" in result.output
    assert "extraction failed: input holds only whitespace" in result.output
    assert result.output.splitlines()[-1] == "1 passed, 1 failed, 0 xfailed, 0 xpassed"


def test_case_checked_from_inside_its_folder_is_named(cases, monkeypatch):
    (cases / "harbour" / "expected.txt").write_text("Another body.\n", encoding="utf-8")
    monkeypatch.chdir(cases / "harbour")
    result = run("check", ".")
    assert "FAIL harbour" in result.output
    assert "--- harbour/expected.txt" in result.output
