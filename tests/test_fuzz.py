"""Property tests: over generated HTML, text and bytes, ``extract`` returns an Article or raises
a StripperError, nothing else, and does so deterministically.

The number of examples per property comes from ``STRIPPER_FUZZ_EXAMPLES``
(default 200; half that for generated pages); a long run is e.g.::

    STRIPPER_FUZZ_EXAMPLES=30000 python -m pytest -q tests/test_fuzz.py -p no:cacheprovider
"""

import json
import os
import random
import subprocess
import sys

import pytest
from conftest import PROSE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stripper import Article, Stripper, StripperError

EXAMPLES = int(os.environ.get("STRIPPER_FUZZ_EXAMPLES", "200"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    database=None,
)
# A generated page costs two whole extractions (the determinism check): half as many of those.
HTML_FUZZ = settings(FUZZ, max_examples=max(1, EXAMPLES // 2))
STRIPPER = Stripper()  # one shared instance, as a crawler would use it
STRIPPERS = {"auto": STRIPPER, "text": Stripper(input_type="text"), "html": Stripper(input_type="html")}

TAGS = ["html", "head", "body", "title", "meta", "link", "div", "p", "span", "a", "article", "section",
        "main", "nav", "header", "footer", "aside", "h1", "h2", "h3", "ul", "ol", "li", "table", "tr", "td",
        "th", "br", "hr", "img", "form", "input", "textarea", "button", "script", "style", "noscript",
        "iframe", "svg", "math", "template", "pre", "code", "blockquote", "figure", "figcaption", "time",
        "b", "i", "em", "strong", "sup", "font", "center", "frameset", "xmp", "plaintext", "x-widget"]
ATTRIBUTES = ["class", "id", "style", "hidden", "lang", "href", "src", "content", "name", "property",
              "itemprop", "role", "aria-hidden", "data-x", "charset", "http-equiv", "datetime"]
ATTRIBUTE_VALUES = ["share", "sharedaddy", "comments", "respond", "related", "newsletter", "cookie-banner",
                    "display:none", "visibility: hidden", "true", "en", "de-DE", "og:title", "author",
                    "article:published_time", "2024-03-05T10:00:00Z", "utf-8", "shift_jis", "content-type",
                    "text/html; charset=iso-8859-1", "https://example.com/a", "javascript:void(0)", ""]
ENTITIES = ["&amp;", "&lt;", "&gt;", "&nbsp;", "&quot;", "&#39;", "&#x41;", "&#0;", "&#xD800;", "&#1114112;",
            "&#99999999999;", "&bogus;", "&", "&#", "&#x;", "&copy", "&NotEqualTilde;"]
WORDS = [*PROSE[0].split(), "Share", "this:", "Leave", "a", "Reply", "Full", "coverage:", "Advertisement",
         "Cookies", "Related", "Posts", "Subscribe", "Ü", "日本語", "→", "\u200b", "\ufeff", "\x00", "\x0b",
         "\r", "\t", "\n\n", "<", ">", "<!--", "-->", "<![CDATA[", "]]>", "<?xml", "?>", "</", "/>",
         # mojibake and what only looks like it, soft hyphens and joiners
         "Itâ€™s", "cafÃ©", "Â ", "â\x80\x9d", "ðŸ‘", "château", "\x92", "\x85", "â€", "Ã", "\xad", "\u200d"]

text_run = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(ENTITIES), st.text(max_size=12)),
                    max_size=12).map(" ".join)
attribute = st.tuples(st.sampled_from(ATTRIBUTES),
                      st.one_of(st.sampled_from(ATTRIBUTE_VALUES), st.text(max_size=10)),
                      st.sampled_from(['"', "'", ""]))


def _attrs(items) -> str:
    return "".join(f" {name}={quote}{value}{quote}" for name, value, quote in items)


@st.composite
def element(draw, children):
    tag = draw(st.sampled_from(TAGS))
    attrs = _attrs(draw(st.lists(attribute, max_size=3)))
    inner = "".join(draw(st.lists(children, max_size=4)))
    closing = draw(st.sampled_from([f"</{tag}>", f"</{tag}>", "", f"</{draw(st.sampled_from(TAGS))}>"]))
    return f"<{tag}{attrs}>{inner}{closing}"


fragment = st.recursive(text_run, lambda children: element(children), max_leaves=25)


@st.composite
def deep(draw):
    """Deep nesting: the same or mixed tags, closed or not."""
    depth = draw(st.integers(min_value=50, max_value=1000))
    tags = draw(st.lists(st.sampled_from(["div", "span", "p", "li", "td", "b", "table", "a"]), min_size=1, max_size=3))
    opened = "".join(f"<{tags[i % len(tags)]}>" for i in range(depth))
    closed = "".join(f"</{tags[i % len(tags)]}>" for i in reversed(range(depth))) if draw(st.booleans()) else ""
    return opened + draw(text_run) + closed


@st.composite
def documents(draw):
    body = "".join(draw(st.lists(st.one_of(fragment, fragment, deep()), min_size=1, max_size=3)))
    if draw(st.booleans()):
        prose = "".join(f"<p>{p}</p>" for p in draw(st.lists(st.sampled_from(PROSE), max_size=3)))
        body = f"<article>{prose}{body}</article>"
    if draw(st.booleans()):
        head = draw(fragment)
        body = f"<!doctype html><html><head>{head}</head><body>{body}</body></html>"
    return body


def check(source, **kwargs) -> Article | None:
    """The property: an Article or a StripperError, and the same answer twice."""
    try:
        first = STRIPPER.extract(source, **kwargs)
    except StripperError as exc:
        assert str(exc)
        try:
            STRIPPER.extract(source, **kwargs)
        except StripperError as again:
            assert str(again) == str(exc)
        else:
            raise AssertionError("succeeded the second time") from None
        return None
    assert isinstance(first, Article)
    assert isinstance(first.text, str) and "\x00" not in first.text
    assert STRIPPER.extract(source, **kwargs) == first
    json.dumps(first.to_dict())
    return first


@HTML_FUZZ
@given(documents(), st.sampled_from([None, None, "utf-8", "utf-16", "cp1252", "shift_jis", "utf-32-be"]))
def test_generated_html(doc, encoding):
    """As str, and as bytes in an encoding (undeclared, or wrongly declared by the generated meta tags)."""
    check(doc if encoding is None else doc.encode(encoding, errors="replace"))


@FUZZ
@given(st.binary(max_size=3000))
def test_arbitrary_bytes(data):
    check(data)


URLS = [None, "https://example.com/a/b", "not a url", "https://xn--bcher-kva.example/", "file:///etc/passwd",
        "https://user:pw@example.com:99999/", "//example.com", "https://例え.jp/パス?q=1#f"]


@FUZZ
@given(st.text(max_size=2000), st.sampled_from(["auto", "text", "html"]), st.sampled_from(URLS))
def test_arbitrary_text_with_any_input_type_and_url(text, input_type, url):
    stripper = STRIPPERS[input_type]
    try:
        art = stripper.extract(text, url=url)
    except StripperError:
        return
    assert isinstance(art, Article)
    assert stripper.extract(text, url=url) == art


@pytest.mark.parametrize("url", ["http://[::1", "https://[oops]x/"])
def test_malformed_url_is_a_stripper_error(url):
    with pytest.raises(StripperError):
        STRIPPER.extract(PROSE[0], url=url)


@pytest.mark.parametrize("tag", ["math", "svg", "video", "object"])
def test_single_top_level_embed_element(tag):
    doc = f"<{tag} class=x><p>{PROSE[0]}</p><p>{PROSE[1]}</p><h1>Title</h1></{tag}>"
    assert isinstance(STRIPPER.extract(doc), Article)


# -- the same over the command line, with one and two worker processes ------------------------
def random_document(rng: random.Random) -> str:
    """A messy page from a seeded generator (hypothesis does not mix well with subprocesses)."""
    parts = []
    for _ in range(rng.randint(1, 30)):
        roll = rng.random()
        if roll < 0.4:
            parts.append(f"<{rng.choice(TAGS)} {rng.choice(ATTRIBUTES)}=\"{rng.choice(ATTRIBUTE_VALUES)}\">")
        elif roll < 0.6:
            parts.append(f"</{rng.choice(TAGS)}>")
        elif roll < 0.7:
            parts.append(rng.choice(ENTITIES))
        elif roll < 0.9:
            parts.append(" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 40))))
        else:
            parts.append(f"<p>{rng.choice(PROSE)}</p>")
    return "".join(parts)


def test_cli_output_is_the_same_with_one_and_two_jobs(tmp_path):
    rng = random.Random(20240305)
    for n in range(30):
        name = tmp_path / f"doc{n:02}.{rng.choice(['html', 'txt'])}"
        data = random_document(rng).encode(rng.choice(["utf-8", "utf-16", "cp1252"]), errors="replace")
        name.write_bytes(data)
    outputs = []
    for jobs in ("1", "2"):
        proc = subprocess.run([sys.executable, "-m", "stripper", "extract", "-f", "jsonl", "-j", jobs, str(tmp_path)],
                              capture_output=True, timeout=120)
        assert b"Traceback" not in proc.stderr
        assert proc.returncode in (0, 1)
        outputs.append(proc.stdout)
    assert outputs[0] == outputs[1]
    assert len(outputs[0].splitlines()) == 30
