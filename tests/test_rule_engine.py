"""The rule engine: registry order, selection, TOML rule files, plugins, explain."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import PROSE, ROOT, SEED

from stripper import Rule, RuleError, Ruler, Stripper, extract
from stripper.cli import main
from stripper.rules import pattern_rule

DOC = "Title\n\n" + PROSE[0] + "\n\nListen to our podcast\n\n" + PROSE[1]


def podcast_rule(code="SITE101", name="podcast-teaser"):
    return pattern_rule(code, name, "Podcast teaser.", blocks=["listen to our podcast"],
                        removes=("Listen to our podcast",), keeps=("Podcasts are popular.",))


# -- registry -----------------------------------------------------------------------
def test_ruler_inserts_before_and_after_by_name_or_code():
    ruler = Ruler(Stripper().ruler)
    ruler.after("comment-form-prompts", podcast_rule())
    ruler.before("STR101", podcast_rule("SITE100", "podcast-teaser-first"))
    codes = [r.code for r in ruler]
    assert codes[codes.index("STR101") - 1] == "SITE100"
    assert codes[codes.index("STR101") + 1] == "SITE101"


def test_changes_to_the_chain_reach_a_stripper_that_already_ran(seed_bytes):
    # the active rules and the pattern prefilter are kept between pages, until the chain changes
    stripper = Stripper()
    first = [r.rule for r in stripper.extract(seed_bytes).removed]
    assert "STR201" in first
    stripper.ruler.disable("STR201")
    assert "STR201" not in [r.rule for r in stripper.extract(seed_bytes).removed]
    stripper.ruler.enable("STR201")
    stripper.ruler.push(podcast_rule())
    assert [r.code for r in stripper.ruler.active("text")][-1] == "SITE101"
    assert [r.rule for r in stripper.extract(seed_bytes).removed] == first


def test_ruler_refuses_duplicate_codes_and_unknown_references():
    ruler = Ruler([podcast_rule()])
    with pytest.raises(RuleError, match="clashes"):
        ruler.push(podcast_rule())
    with pytest.raises(RuleError, match="no rule"):
        ruler.after("no-such-rule", podcast_rule("SITE102", "other"))


def test_rule_definition_is_validated():
    with pytest.raises(RuleError):
        Rule("bad code", "x", "text", "s", lambda s, i: [])
    with pytest.raises(RuleError):
        Rule("X1", "Not Kebab", "text", "s", lambda s, i: [])
    with pytest.raises(RuleError):
        Rule("X1", "x", "text", "s", lambda s, i: [], scope="middle")


def test_select_and_ignore_by_prefix(seed_bytes):
    everything = Stripper().extract(seed_bytes)
    no_links = Stripper(ignore=["STR2"]).extract(seed_bytes)
    only_links = Stripper(select=["STR2"]).extract(seed_bytes)
    assert {r.rule for r in everything.removed} == {"STR201", "STR101"}
    assert {r.rule for r in no_links.removed} == {"STR101"}
    assert "Full coverage: Technology" in no_links.text
    assert {r.rule for r in only_links.removed} == {"STR201"}
    with pytest.raises(RuleError, match="no rule matches"):
        Stripper(select=["NOPE9"])


def test_rule_objects_and_ruler_functions_are_accepted():
    assert "podcast" not in extract(DOC, rules=[podcast_rule()]).text

    def plugin(ruler):
        ruler.after("STR101", podcast_rule())

    art = Stripper(rules=[plugin]).extract(DOC)
    assert [r.rule for r in art.removed] == ["SITE101"]


def test_domain_scoped_rule_runs_only_on_its_hosts():
    rule = pattern_rule("SITE1", "podcast", "p", blocks=["listen to our podcast"],
                        domains=["ledger.example"])
    s = Stripper(rules=[rule])
    assert "podcast" not in s.extract(DOC, url="https://www.ledger.example/a").text
    assert "podcast" in s.extract(DOC, url="https://other.example/a").text
    assert "podcast" in s.extract(DOC).text


def test_junk_phrase_inside_prose_is_kept():
    sentence = "Readers were asked to share on Facebook how the storm affected them."
    art = extract(f"Title\n\n{PROSE[0]}\n\n{sentence}\n\nShare on Facebook\n\n{PROSE[1]}")
    assert sentence in art.text
    assert [r.text for r in art.removed] == ["Share on Facebook"]


def test_trailing_region_goes_but_a_closing_sentence_stays():
    art = extract(f"Title\n\n{PROSE[0]}\n\n{PROSE[1]}\n\nThe hearing resumes on Monday.\n\n"
                  "Top stories\n\nMarkets rally on rate hopes\n\nCouncil approves budget")
    assert art.text.endswith("The hearing resumes on Monday.")
    assert {r.rule for r in art.removed} <= {"STR501", "STR900"}
    assert len(art.removed) == 3


def test_a_share_bar_closes_the_text_only_when_next_to_no_prose_follows_it():
    bar = "Share this article\n\nFacebook"
    footer = "We read every letter."  # a sentence of under 8% of the text before the bar
    closing = Stripper(select=["STR890"], input_type="text").process(
        f"Title\n\n{PROSE[0]}\n\n{PROSE[1]}\n\n{bar}\n\n{footer}")
    assert [b.removed_by for b in closing.blocks][-3:] == ["STR890"] * 3
    # the same bar, as far into the text, with the rest of the story after it is no end
    between = Stripper(select=["STR890"], input_type="text").process(
        f"Title\n\n{PROSE[0]}\n\n{PROSE[1]}\n\n{PROSE[0]}\n\n{bar}\n\n{PROSE[1]}")
    assert not any(b.removed_by for b in between.blocks)


def test_about_a_name_closes_the_text_only_over_that_persons_bio():
    def removed(heading: str, after: str) -> list[str]:
        page = Stripper(select=["STR890"], input_type="text").process(
            f"Title\n\n{PROSE[0]}\n\n{PROSE[1]}\n\n{heading}\n\n{after}")
        return [b.text for b in page.blocks if b.removed_by]

    bio = "Sam is a travel writer based in Lisbon. She has walked trails on four continents."
    assert removed("About Sam Reed", bio) == ["About Sam Reed", bio]
    # a section about a place, and a bio of someone else, are no author box
    place = "Memorial Park is home to the oldest trails in the county, with twelve miles of loops."
    assert removed("About Memorial Park", place) == []
    assert removed("About Ana Ortiz", bio) == []


def test_on_pages_only_articles_close_at_their_markers_and_never_at_a_follow_box():
    def page(head: str, closing: str) -> str:
        paragraphs = "".join(f"<p>{PROSE[i % 2]}</p>" for i in range(4))
        return (f"<html><head>{head}</head><body><div class='post'>{paragraphs}{closing}"
                "<p>Sam Reed has covered the city council for ten years, and lives near the bridge.</p>"
                "</div></body></html>")

    def removed(html: str) -> list[str]:
        return [r.text for r in Stripper(select=["STR890"]).extract(html).removed]

    author_box = "<h3>About the author</h3>"
    follow_box = "<h3>Follow us</h3>"
    article = '<meta property="og:type" content="article">'
    thread = article + ('<script type="application/ld+json">{"@type": "DiscussionForumPosting"}</script>')
    bio = ["About the author", "Sam Reed has covered the city council for ten years, and lives near the bridge."]
    assert removed(page(article, author_box)) == bio
    assert removed(page('<meta property="og:type" content="website">', author_box)) == []
    assert removed(page(thread, author_box)) == []  # a forum thread that calls itself an article too
    assert removed(page(article, follow_box)) == []  # in scraped text it would close the article


def test_teaser_excerpts_go_in_pairs_in_the_second_half_of_scraped_text_only():
    teasers = ("You may also like\n\nTen walks on the coast\n\nThe best of them start at a station.\n\n"
               "A short history of the tram\n\nThe first line opened in 1881.")
    excerpts = ["The best of them start at a station.", "The first line opened in 1881."]

    def removed(text: str, input_type: str = "text") -> set[str]:
        page = Stripper(select=["STR501"], input_type=input_type).process(text)
        return {b.text for b in page.blocks if b.removed_by}

    assert set(excerpts) <= removed(f"Title\n\n{PROSE[0]}\n\n{PROSE[1]}\n\n{teasers}")
    # in the first half of the text, or on a page's extracted article, the excerpts stay
    assert not set(excerpts) & removed(f"Title\n\n{teasers}\n\n{PROSE[0]}\n\n{PROSE[1]}")
    html = "".join(f"<p>{line}</p>" for line in [PROSE[0], PROSE[1], *teasers.split("\n\n")])
    assert not set(excerpts) & removed(f"<html><body><article>{html}</article></body></html>", "html")
    # one headline with a short paragraph after it: the article goes on after a short list
    lone = f"Title\n\n{PROSE[0]}\n\n{PROSE[1]}\n\nYou may also like\n\nTen walks on the coast\n\n{excerpts[0]}"
    assert removed(lone) == {"You may also like", "Ten walks on the coast"}


def test_a_title_that_reads_as_a_sentence_still_opens_the_head():
    title = "Is it worth re-sleeving a worn rudder bush before the season starts?"
    page = (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"<p>March 11, 2024</p><p>{PROSE[0]}</p><p>{PROSE[1]}</p></article></body></html>")
    art = extract(page)
    assert art.title == title
    assert [(r.rule, r.text) for r in art.removed] == [("STR050", title), ("STR051", "March 11, 2024")]
    assert art.text.startswith(PROSE[0])


def test_a_title_that_is_the_page_only_paragraph_stays_in_the_body():
    # a link shared on a forum: the post is its title alone, under the site's menus
    title = ("Council to ferry operators: publish your timetables a month ahead, or lose the harbour "
             "licence, the transport committee says after a winter of cancelled crossings")
    page = (f"<html><head><title>{title}</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<h1>{title}</h1><p>r/harbourtown</p></body></html>")
    art = extract(page)
    assert art.title == title
    assert title in art.text
    assert "STR050" not in {r.rule for r in art.removed}
    # with a paragraph of its own after it, the title leaves the body as before
    art = extract(page.replace("<p>r/harbourtown</p>", f"<p>{PROSE[0]}</p>"))
    assert title not in art.text and [r.rule for r in art.removed][:1] == ["STR050"]


def test_the_title_line_is_found_whatever_its_quote_marks():
    # the <title> as typed (straight), the <h1> as the theme shows it (curled)
    page = ("<html><head><title>A Beginner's Guide to Winter Cycling | Pedal Notes</title></head><body>"
            f"<article><h1>A Beginner\u2019s Guide to Winter Cycling</h1><p>{PROSE[0]}</p><p>{PROSE[1]}</p>"
            "</article></body></html>")
    art = extract(page)
    assert art.title == "A Beginner's Guide to Winter Cycling"
    assert [r.rule for r in art.removed] == ["STR050"] and art.text.startswith(PROSE[0])


# -- TOML rule files ----------------------------------------------------------------
README_TOML = (ROOT / "README.md").read_text(encoding="utf-8").split("```toml\n")[1].split("```")[0]


def test_readme_toml_example_adds_working_rules(tmp_path):
    path = tmp_path / "rules.toml"
    path.write_text(README_TOML, encoding="utf-8")
    s = Stripper(rules=[path])
    assert {"SITE101", "SITE201"} <= {r.code for r in s.ruler}
    doc = DOC  # "Listen to our podcast" sits between two paragraphs
    assert "podcast" not in s.extract(doc, url="https://theledger.example/x").text
    assert "podcast" in s.extract(doc, url="https://elsewhere.example/x").text
    page = (f"<html><body><article><h1>T</h1><p>{PROSE[0]}</p><div class='promo-box'>"
            f"<p>Get three months free with our spring promotion today.</p></div>"
            f"<p>{PROSE[1]}</p></article></body></html>")
    art = s.extract(page)
    assert "spring promotion" not in art.text
    assert any(r.rule == "SITE201" for r in art.removed)


def test_toml_rule_examples_run_like_builtin_ones(tmp_path):
    path = tmp_path / "rules.toml"
    path.write_text(README_TOML, encoding="utf-8")
    rule = Stripper(rules=[path]).ruler.get("SITE101")
    s = Stripper(rules=[path], select=["SITE101"])
    url = "https://theledger.example/"
    for example in rule.removes:
        assert example not in s.extract(f"T\n\n{PROSE[0]}\n\n{example}\n\n{PROSE[1]}", url=url).text
    for example in rule.keeps:
        assert example in s.extract(f"T\n\n{PROSE[0]}\n\n{example}\n\n{PROSE[1]}", url=url).text


@pytest.mark.parametrize("content, message", [
    ("[[rule]]\ncode = 'X1'\nname = 'x'\npatterns = ['a'\n", "invalid TOML"),
    ("[[rule]]\ncode = 'X1'\nname = 'x'\npatern = ['a']\n", "patern: unknown key"),
    ("[[rule]]\ncode = 'X1'\nname = 'x'\npatterns = 'a'\n", "patterns: must be a list"),
    ("[[rule]]\nname = 'x'\npatterns = ['a']\n", "code: missing"),
    ("[[rule]]\ncode = 'X1'\nname = 'x'\npatterns = ['(']\nregex = true\n", "bad regular expression"),
    ("[[rule]]\ncode = 'X1'\nname = 'x'\npatterns = ['a']\nscope = 'middle'\n", "scope: must be one of"),
    ("[[rule]]\ncode = 'X1'\nname = 'x'\ncss = ['div[']\n", "css: invalid selector"),
    ("[[rule]]\ncode = 'x 1'\nname = 'x'\npatterns = ['a']\n", "rule code"),
    ("title = 'x'\n", "unknown top-level key"),
])
def test_invalid_rule_file_names_file_and_key(tmp_path, content, message):
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RuleError) as info:
        Stripper(rules=[path])
    assert str(path) in str(info.value)
    assert message in str(info.value)
    result = CliRunner().invoke(main, ["extract", "--rules", str(path), str(SEED / "input.txt")])
    assert result.exit_code == 2
    assert str(path) in result.output and "Traceback" not in result.output


def test_syntax_error_reports_the_line(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text("[[rule]]\ncode = 'X1'\nname = = 'x'\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"line 3"):
        Stripper(rules=[path])


# -- plugins ------------------------------------------------------------------------
PLUGIN_MODULE = '''
from stripper.rules import pattern_rule

def rules():
    return [pattern_rule("DEMO1", "demo-podcast", "Demo plugin: podcast teasers.",
                         blocks=["listen to our podcast"],
                         removes=("Listen to our podcast",), keeps=("Podcasts are popular.",))]

def broken():
    raise RuntimeError("this plugin is broken")
'''


def install_plugin(site: Path, entries: dict[str, str]) -> None:
    """Install a plugin package into ``site`` the way pip lays one out."""
    (site / "demo_stripper_plugin.py").write_text(PLUGIN_MODULE, encoding="utf-8")
    info = site / "demo_stripper_plugin-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: demo-stripper-plugin\nVersion: 0.1\n", encoding="utf-8")
    lines = "".join(f"{name} = demo_stripper_plugin:{target}\n" for name, target in entries.items())
    (info / "entry_points.txt").write_text("[stripper.rules]\n" + lines, encoding="utf-8")
    (info / "RECORD").write_text("", encoding="utf-8")


def run_cli(site: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(site)}
    return subprocess.run([sys.executable, "-c", "from stripper.cli import run_main; run_main()", *args],
                          input=stdin, capture_output=True, text=True, env=env, timeout=120)


def test_installed_plugin_is_listed_and_runs(tmp_path):
    install_plugin(tmp_path, {"demo": "rules"})
    listing = run_cli(tmp_path, "rules")
    assert listing.returncode == 0, listing.stderr
    assert any(line.startswith("DEMO1") and "demo-podcast" in line for line in listing.stdout.splitlines())
    shown = run_cli(tmp_path, "rules", "show", "DEMO1")
    assert "plugin demo" in shown.stdout and "Listen to our podcast" in shown.stdout
    out = run_cli(tmp_path, "extract", "-f", "json", "-", stdin=DOC)
    assert out.returncode == 0, out.stderr
    art = json.loads(out.stdout)
    assert "podcast" not in art["text"]
    assert art["removed"] == [{"rule": "DEMO1", "text": "Listen to our podcast"}]


def test_broken_plugin_warns_once_and_is_skipped(tmp_path):
    install_plugin(tmp_path, {"demo": "rules", "broken": "broken", "missing": "no_such_function"})
    out = run_cli(tmp_path, "extract", "-", stdin=DOC)
    assert out.returncode == 0
    warnings = [line for line in out.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 2, out.stderr
    assert any("'broken'" in w and "this plugin is broken" in w for w in warnings)
    assert any("'missing'" in w for w in warnings)
    assert "Traceback" not in out.stderr
    assert "podcast" not in out.stdout  # the working plugin still runs


# -- the rules and explain commands ---------------------------------------------------
def test_rules_lists_every_rule_with_its_state():
    result = CliRunner().invoke(main, ["rules", "--ignore", "STR3"])
    assert result.exit_code == 0
    rows = {line.split()[0]: line.split() for line in result.output.splitlines()}
    assert set(rows) == {r.code for r in Stripper().ruler}
    assert rows["STR301"][4] == "off" and rows["STR101"][4] == "on"
    assert rows["STR001"][2] == "dom" and rows["STR900"][3] == "tail"


def test_rules_show_prints_the_doc_and_examples():
    result = CliRunner().invoke(main, ["rules", "show", "STR101"])
    assert result.exit_code == 0
    assert "What it does" in result.output and "Why" in result.output
    assert "Please enter your comment!" in result.output
    assert "Keeps:" in result.output
    assert CliRunner().invoke(main, ["rules", "show", "NOPE1"]).exit_code == 2


def test_rules_show_sets_multi_line_examples_apart():
    def examples(code: str) -> list[str]:
        shown = CliRunner().invoke(main, ["rules", "show", code]).output.split("Removes:\n", 1)[1]
        return shown.split("Keeps:\n", 1)[0].rstrip("\n").split("\n")

    several = examples("STR890")  # examples of several lines: a blank line between two
    rule = next(r for r in Stripper().ruler if r.code == "STR890")
    assert several.count("") == len(rule.removes) - 1
    assert several[:2] == ["    " + line for line in rule.removes[0].split("\n")[:2]]
    assert "" not in examples("STR101")  # one-line examples follow each other


def test_explain_shows_the_seeds_three_removed_lines():
    result = CliRunner().invoke(main, ["explain", "--no-color", str(SEED / "input.txt")])
    assert result.exit_code == 0
    removed = [line.split(None, 2) for line in result.output.splitlines() if line.startswith("  - ")]
    assert [(code, text) for _, code, text in removed] == [
        ("STR201", "Full coverage: Technology"),
        ("STR101", "Please enter your comment!"),
        ("STR101", "Please enter your name here"),
    ]
    assert sum(line.startswith("  + kept") for line in result.output.splitlines()) == 8


def test_explain_json_lists_blocks_and_dom_removals():
    page = (f"<html><body><article><h1>T</h1><p>{PROSE[0]}</p><p>Advertisement</p><p>{PROSE[1]}</p>"
            "</article><div id='respond'><p>Leave a Reply</p></div></body></html>")
    result = CliRunner().invoke(main, ["explain", "-f", "json", "-"], input=page)
    data = json.loads(result.output)
    assert data["kind"] == "html"
    assert {"rule": "STR002", "text": "Leave a Reply"} in data["dom_removed"]
    assert {"text": "Advertisement", "removed_by": "STR701"} in data["blocks"]
    assert {"text": PROSE[0], "removed_by": None} in data["blocks"]


def test_explain_colours_only_when_asked():
    coloured = CliRunner().invoke(main, ["explain", "--color", str(SEED / "input.txt")])
    plain = CliRunner().invoke(main, ["explain", str(SEED / "input.txt")])
    assert "\x1b[31m" in coloured.output
    assert "\x1b[" not in plain.output


def test_text_rules_compile_once_per_stripper():
    s = Stripper()
    matcher = s.ruler.get("STR101").apply
    compiled = matcher._whole
    s.extract(DOC)
    s.extract(DOC)
    assert matcher._whole is compiled




def test_extend_select_turns_on_a_rule_that_is_off_by_default():
    page = (f"<html><body><article><h1>T</h1><p>{PROSE[0]}</p><div hidden><p>Thanks for signing up to "
            f"our weekly briefing, see you soon.</p></div><p>{PROSE[1]}</p></article></body></html>")
    assert not Stripper().ruler.is_enabled("STR001")
    art = Stripper(extend_select=["STR001"]).extract(page)
    assert "weekly briefing" not in art.text
    assert "STR001" in [r.rule for r in art.removed]
    result = CliRunner().invoke(main, ["rules", "--extend-select", "STR001"])
    assert [line.split()[4] for line in result.output.splitlines() if line.startswith("STR001")] == ["on"]


def test_trailing_pass_keeps_a_list_longer_than_the_article_before_it():
    items = "\n".join(f"Language number {n}" for n in range(40))
    art = extract(f"Index of languages\n\n{PROSE[0]}\n\n{items}")
    assert "Language number 39" in art.text
    short = extract(f"Title\n\n{PROSE[0]}\n\n{PROSE[1]}\n\nMore stories\nTen walks on the coast")
    assert "Ten walks" not in short.text


def test_dom_rules_never_drop_the_element_holding_most_of_the_page():
    posts = "".join(f"<li class='comment'><p>{p}</p></li>" for p in PROSE * 3)
    page = (f"<html><body><h1>Thread</h1><p>Short intro to the thread.</p><ol class='comment-list'>{posts}</ol>"
            "<div id='respond'><p>Leave a Reply</p></div></body></html>")
    dropped = Stripper().process(page).dom_removed
    assert [(r.rule, r.text) for r in dropped] == [("STR002", "Leave a Reply")]


def test_a_reading_time_line_is_short_parts_and_one_of_them_a_reading_time():
    def removed(head: str) -> list[str]:
        page = Stripper(select=["STR051"], input_type="text").process(f"Title\n\n{head}\n\n{PROSE[0]}\n\n{PROSE[1]}")
        return [b.text for b in page.blocks if b.removed_by]

    assert removed("Learn · 6 min read") == ["Learn · 6 min read"]
    assert removed("Nov 7, 2025 | 11 min read") == ["Nov 7, 2025 | 11 min read"]
    # a row of a standings table is none, and a reading time beside a sentence is no label
    assert removed(" | ".join(["W 3"] * 12)) == []
    assert removed("W 3 | L 1 | Boston Celtics beat the Knicks at home last night, 4 min read") == []
    assert removed("Our longest guide to the city's bus network · 6 min read") == []
