"""The Python API: extract() and Stripper on HTML (bytes and str) and scraped text."""

import pickle
from dataclasses import FrozenInstanceError

import pytest
from conftest import PROSE, SEED

from stripper import Article, EmptyInputError, NotAPageError, Stripper, StripperError, extract

PAGE = f"""<!doctype html><html lang="en-GB"><head><meta charset="utf-8">
<title>Harbour plan approved | Example News</title>
<meta property="og:title" content="Harbour plan approved">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour plan approved</h1>
<p>{PROSE[0]}</p>
<p>Full coverage: Politics</p>
<p>{PROSE[1]}</p>
<div class="sharedaddy sd-sharing-enabled"><h3>Share this:</h3><ul><li><a href="#">Twitter</a></li></ul></div>
</article>
<div id="respond"><h3>Leave a Reply</h3><p>Please enter your comment!</p></div>
</body></html>"""


def test_html_bytes_and_str_give_the_same_article():
    from_bytes = extract(PAGE.encode("utf-8"), url="https://example-news.com/a")
    from_str = extract(PAGE, url="https://example-news.com/a")
    assert from_bytes == from_str
    assert from_bytes.kind == "html"
    assert from_bytes.text == "\n\n".join(PROSE)


def test_html_metadata():
    art = extract(PAGE, url="https://example-news.com/a")
    assert art.title == "Harbour plan approved"
    assert art.author == "Jane Doe"
    assert art.date == "2024-03-05"
    assert art.url == "https://example-news.com/a"
    assert art.language == "en"


def test_removals_name_their_rules_in_document_order():
    art = extract(PAGE)
    codes = [r.rule for r in art.removed]
    assert "STR201" in codes  # the hub link between the paragraphs
    assert {"STR002", "STR003"} <= set(codes)  # comment form and share bar, before extraction
    assert any(r.text == "Full coverage: Politics" for r in art.removed)


def test_seed_text_comes_out_clean(seed_bytes):
    art = extract(seed_bytes)
    assert art.kind == "text"
    assert art.title == "IBM drops facial recognition, joins call for police reform"
    paragraphs = art.text.split("\n\n")
    assert len(paragraphs) == 8
    assert art.text == (SEED / "expected.txt").read_text(encoding="utf-8").strip()
    for junk in ("Full coverage", "Please enter your comment", "Please enter your name here"):
        assert junk not in art.text
    assert [(r.rule, r.text) for r in art.removed] == [
        ("STR201", "Full coverage: Technology"),
        ("STR101", "Please enter your comment!"),
        ("STR101", "Please enter your name here"),
    ]


def test_article_is_immutable_and_serialises():
    art = extract("Title\n\n" + PROSE[0])
    with pytest.raises(FrozenInstanceError):
        art.text = "x"
    data = art.to_dict()
    assert set(data) == {"text", "title", "author", "date", "url", "language", "kind", "removed"}
    assert data["removed"] == []
    assert isinstance(art, Article)


def test_text_without_blank_lines_has_a_paragraph_per_line():
    art = extract(f"{PROSE[0]}\nAdvertisement\n{PROSE[1]}")
    assert art.title is None
    assert art.text == "\n\n".join(PROSE)


def test_input_type_overrides_detection():
    markup = "<p>" + PROSE[0] + "</p><p>" + PROSE[1] + "</p><div>x</div>"
    assert extract(markup).kind == "html"
    as_text = extract(markup, input_type="text")
    assert as_text.kind == "text"
    # scraped text holding a page's source: the text path reads that line as HTML
    assert as_text.text.startswith(PROSE[0] + "\n\n" + PROSE[1]) and "<p>" not in as_text.text


@pytest.mark.parametrize("bad", [b"", b"   \n\t ", ""])
def test_empty_input_raises_a_stripper_error(bad):
    with pytest.raises(EmptyInputError):
        extract(bad)


def test_binary_input_raises_a_stripper_error():
    with pytest.raises(StripperError, match="binary"):
        extract(bytes(range(256)) * 40)


@pytest.mark.parametrize("document, root", [
    ('<?xml version="1.0"?>\n<rss version="2.0"><channel><title>News</title><item><title>A</title>'
     "<description>The council approved the harbour plan.</description></item></channel></rss>", "rss"),
    ('<feed xmlns="http://www.w3.org/2005/Atom"><title>News</title><entry><title>A</title></entry></feed>', "feed"),
    ('<?xml version="1.0" encoding="UTF-8"?><!-- generated --><urlset><url><loc>https://example.com/a</loc>'
     "</url></urlset>", "urlset"),
    ('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><text>Harbour</text></svg>', "svg"),
])
def test_an_xml_document_that_is_no_page_is_refused(document, root):
    with pytest.raises(NotAPageError, match=f"<{root}>"):
        extract(document)
    assert Stripper(input_type="text").extract(document).text  # asked for as text, it is text


def test_xhtml_and_markup_snippets_are_pages():
    xhtml = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
             '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml">'
             "<head><title>Harbour</title></head><body><p>" + PROSE[0] + "</p></body></html>")
    assert extract(xhtml).text == PROSE[0]
    assert extract("<div><p>" + PROSE[0] + "</p><p>" + PROSE[1] + "</p></div>").text.startswith(PROSE[0])


def test_stripper_pickles_and_keeps_its_configuration():
    s = Stripper(ignore=["STR2"])
    clone = pickle.loads(pickle.dumps(s))
    seed = (SEED / "input.txt").read_bytes()
    assert clone.extract(seed) == s.extract(seed)
    assert "Full coverage: Technology" in clone.extract(seed).text


@pytest.mark.parametrize("head, body_author, expected", [
    ('<meta name="author" content="Example.com">', "", "Example.com"),
    ('<meta name="author" content="Jean-Luc Aufranc (CNXSoft)">', "", "Jean-Luc Aufranc (CNXSoft)"),
])
def test_author_as_the_page_writes_it(head, body_author, expected):
    page = (f"<html><head>{head}<title>Harbour plan</title></head><body><article><h1>Harbour plan</h1>"
            f"{body_author}<p>{PROSE[0]}</p><p>{PROSE[1]}</p></article></body></html>")
    assert extract(page).author == expected


def test_title_drops_the_site_name():
    page = (f"<html><head><title>Harbour plan approved | Example News</title></head><body><article>"
            f"<p>{PROSE[0]}</p></article></body></html>")
    assert extract(page).title == "Harbour plan approved"
    page = page.replace("Harbour plan approved | Example News", "Example News - Harbour plan approved")
    page = page.replace("<head>", '<head><meta property="og:site_name" content="Example News">')
    assert extract(page).title == "Harbour plan approved"


def test_byline_lines_naming_the_author_are_removed_before_the_body():
    page = ('<html><head><meta name="author" content="Dana Whitcombe"></head><body><article>'
            f"<p>By Dana Whitcombe</p><p>Dana Whitcombe</p><p>{PROSE[0]}</p><p>{PROSE[1]}</p>"
            "<p>Dana Whitcombe</p></article></body></html>")
    article = Stripper().extract(page)
    assert article.author == "Dana Whitcombe"
    assert [r.text for r in article.removed if r.rule == "STR051"] == ["By Dana Whitcombe", "Dana Whitcombe"]


def test_a_long_line_repeated_later_is_kept_once():
    text = "\n\n".join(["Example title", PROSE[0], "Pros", "Pros", PROSE[1], PROSE[0]])
    page = Stripper(input_type="text", select=["STR806"]).process(text)
    assert [(b.text, b.removed_by) for b in page.blocks if b.text in (PROSE[0], "Pros")] == [
        (PROSE[0], None), ("Pros", None), ("Pros", None), (PROSE[0], "STR806")]


def test_a_table_of_contents_goes_from_scraped_text_and_stays_on_a_page():
    headings = ["Choosing a tent", "Packing the car", "Pitching in the rain"]
    sections = [f"{heading}\n\n{PROSE[n % 2]}" for n, heading in enumerate(headings)]
    text = "\n\n".join(["Example title", PROSE[0], "\n".join(headings), *sections])
    page = Stripper(input_type="text", select=["STR808"]).process(text)
    assert [b.removed_by for b in page.blocks if b.text in headings] == ["STR808"] * 3 + [None] * 3
    # On a page the extractor sees the table of contents as an element of its own: the rule
    # leaves the page's lines alone.
    toc = "".join(f"<li>{heading}</li>" for heading in headings)
    body = "".join(f"<h2>{heading}</h2><p>{PROSE[n % 2]}</p>" for n, heading in enumerate(headings))
    html = f"<html><body><article><h1>Example title</h1><p>{PROSE[0]}</p><ul>{toc}</ul>{body}</article></body></html>"
    page = Stripper(select=["STR808"]).process(html)
    assert [b.text for b in page.blocks if b.text in headings] == headings * 2
    assert not any(b.removed_by for b in page.blocks)


def test_a_line_back_three_times_stays_in_text_and_goes_on_a_page():
    credit = "This webcam image is provided courtesy of the park's conservancy and refreshes each minute."
    views = ["This view from the valley floor shows the snow line on the granite face of Half Dome.",
             "This view from the tunnel shows the whole valley and the weather coming in from the west.",
             "This view from the rim looks down four thousand feet to the village and the river."]
    names = ["Half Dome", "El Capitan", "Glacier Point"]
    cards = [f"{name}\n{view}\n{credit}" for name, view in zip(names, views, strict=True)]
    text = "Webcams\n\n" + "\n\n".join(cards)
    page = Stripper(input_type="text", select=["STR806"]).process(text)
    assert [b.removed_by for b in page.blocks if b.text == credit] == [None, None, None]
    # On a page the same line under every post is a forum signature: later copies go.
    posts = "".join(f"<div class='post'><p>{view}</p><p>{credit}</p></div>" for view in views)
    html = f"<html><body><main><h1>Thread</h1>{posts}</main></body></html>"
    page = Stripper(select=["STR806"]).process(html)
    assert [b.removed_by for b in page.blocks if b.text == credit] == [None, "STR806", "STR806"]
