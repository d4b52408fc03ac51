"""The extractors: density's region and junk decisions, and how auto chooses."""

import json

import pytest
from conftest import PROSE
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html

from stripper import Stripper
from stripper.declared import Declared
from stripper.extractors import extractor_names, get_extractor
from stripper.extractors.auto import FALLBACK_BELOW, PRODUCT_SHORT_BELOW, chrome_share, site_chrome
from stripper.extractors.density import JUNK_ATTR, JUNK_WORDS, MODIFIER_PREFIXES, DensityExtractor, _junk_attrs
from stripper.parse import parse_html

ARTICLE = "".join(f"<p>{PROSE[i % 2]} Paragraph {i}.</p>" for i in range(6))
NAV = "<ul>" + "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(8)) + "</ul>"


def extract_lines(tree) -> list[str]:
    return DensityExtractor().extract(tree, url=None).lines


def lines(body: str) -> list[str]:
    return extract_lines(parse_html(f"<html><body>{body}</body></html>"))


def plain_and_article(body: str) -> tuple[list[str], list[str]]:
    """The lines of ``body`` on a plain page, and on a page whose og:type says it is an article."""
    plain = extract_lines(parse_html(f"<html><body>{body}</body></html>"))
    article = extract_lines(parse_html('<html><head><meta property="og:type" content="article"></head>'
                                       f"<body>{body}</body></html>"))
    return plain, article


def test_the_region_is_the_article_without_chrome_around_it():
    found = lines(
        f"<header><div class='logo'>Daily Example</div><nav>{NAV}</nav></header>"
        f"<div class='wrap'><article>{ARTICLE}</article>"
        "<aside class='sidebar'><h3>Popular</h3><p>Ten things you missed this week, ranked by readers.</p></aside>"
        "</div><footer><p>Daily Example, 1 Harbour Road. All rights reserved.</p></footer>"
    )
    assert found == [f"{PROSE[i % 2]} Paragraph {i}." for i in range(6)]


def test_junk_containers_inside_the_article_are_dropped():
    found = lines(
        f"<article>{ARTICLE[:400]}<div class='share-buttons'><p>Share this article on your feeds today</p></div>"
        f"<div class='related-posts'><p>More stories we think you will like a lot</p></div>{ARTICLE[400:]}</article>"
    )
    assert not any("Share this" in line or "More stories" in line for line in found)
    assert any("Paragraph 5." in line for line in found)


def test_a_page_swallowed_by_an_unclosed_chrome_element_is_still_read():
    # the parser nests everything after an unclosed <aside> inside it
    found = lines(f"<aside class='promo-bar'><p>Free shipping over $50</p><article>{ARTICLE}</article>")
    assert sum("Paragraph" in line for line in found) == 6


def test_an_overlay_holding_most_of_the_text_is_still_junk():
    # a sign-in sheet with its terms, hidden in the footer, outweighs a short product grid
    grid = "".join(f"<li><h3>Trail shoe {i}</h3><p>Light, grippy and waterproof for wet trails.</p></li>"
                   for i in range(4))
    terms = "".join(f"<p>{PROSE[i % 2]} Term {i}.</p>" for i in range(8))
    found = lines(f"<main><h1>Trail shoes</h1><ul>{grid}</ul></main>"
                  f"<footer><p>Help</p><div class='sidesheet-modal'><h2>Create an account</h2>{terms}</div></footer>")
    assert sum("Trail shoe" in line for line in found) == 4
    assert not any("Term" in line or "Create an account" in line for line in found)
    # the same text in a plain footer section is the page's content by its share
    plain = lines(f"<div><h1>Trail shoes</h1><ul>{grid}</ul></div>"
                  f"<footer><p>Help</p><div class='sheet'><h2>Create an account</h2>{terms}</div></footer>")
    assert any("Term 7." in line for line in plain)


def test_table_cells_are_set_apart_as_in_a_text_table():
    table = ("<table><tr><th>Plan</th><th>Price</th><th></th></tr>"
             "<tr><td>Basic</td><td>$5 a <a href='/m'>month</a></td><td></td></tr></table>")
    found = lines(f"<article>{ARTICLE}{table}</article>")
    assert found[-2:] == ["Plan | Price", "Basic | $5 a month"]


def test_a_long_footer_beside_the_main_element_is_still_junk():
    quotes = "".join(f"<blockquote><p>{PROSE[i % 2]} Quote {i}.</p></blockquote>" for i in range(5))
    page = f"<main><article>{ARTICLE}</article></main><footer><h2>What parents say</h2>{quotes}</footer>"
    found = lines(page)
    assert sum("Paragraph" in line for line in found) == 6
    assert not any("Quote" in line for line in found)
    # without a main or article element beside it, a footer this large may be a swallowed page
    assert any("Quote 4." in line for line in lines(page.replace("main>", "div>").replace("article>", "div>")))


def test_a_main_element_with_a_few_paragraphs_outweighed_by_its_footer_is_still_the_body():
    policies = "".join(f"<p>{PROSE[i % 2]} Policy {i}.</p>" for i in range(100))
    found = lines(f"<main><h1>Trail shoes</h1>{ARTICLE}</main><footer><div class='legal'>{policies}</div></footer>")
    assert sum("Paragraph" in line for line in found) == 6
    assert not any("Policy" in line for line in found)


def test_on_article_pages_the_body_container_is_the_region():
    # the body holds about 60% of the page's prose, the product cards beside it the rest
    cards = "".join(f"<div class='card'><p>{PROSE[i % 2]} Card {i}.</p></div>" for i in range(4))
    body = f"<div class='post'><div class='entry-content'>{ARTICLE}</div>{cards}</div>"
    plain, article = plain_and_article(body)
    assert any("Card 2." in line for line in plain)
    assert not any("Card" in line for line in article)
    assert sum("Paragraph" in line for line in article) == 6


def test_modifier_classes_do_not_make_junk():
    # "has-sidebar", "hide-read-more-ad": what is around or switched off, not what the element is
    card = f"<div class='card hide-read-more-ad'><p>{PROSE[0]} Card.</p></div>"
    found = lines(f"<div class='layout has-sidebar'>{ARTICLE}{card}</div>"
                  "<aside class='sidebar'><p>Popular this week on the site, ranked by readers.</p></aside>")
    assert sum("Paragraph" in line for line in found) == 6
    assert any("Card." in line for line in found)
    assert not any("Popular" in line for line in found)


def test_a_nav_section_holding_paragraphs_is_part_of_the_page():
    # "content-nav-section": a part of the article that its table of contents links to, not a menu
    long = f"{PROSE[0]} {PROSE[1]} {PROSE[0]}"
    first = (f"<div class='intro'><div class='content-nav-section'><p>{long} Part one.</p>"
             f"<p>{PROSE[1]} Part one.</p></div></div>")
    second = ("<div class='content-nav-section'>" + "".join(f"<p>{long} Part two {i}.</p>" for i in range(3))
              + "</div>")
    menu = "<div class='nav-primary'><ul>" + "".join(
        f"<li><a href='/s{i}'>Section {i}</a><p>What section {i} of the site offers.</p></li>" for i in range(8)
    ) + "</ul></div>"
    found = lines(f"{menu}<div class='body-content'>{first}{second}</div>")
    assert sum("Part one" in line for line in found) == 2
    assert sum("Part two" in line for line in found) == 3
    assert not any("section" in line.lower() for line in found)


def test_a_banner_holding_paragraphs_is_part_of_the_page_unless_it_is_a_cookie_banner():
    # page builders call a coloured band of the body a "banner"; consent managers call their box one too
    long = f"{PROSE[0]} {PROSE[1]} {PROSE[0]}"
    intro = f"<div class='cmp-text'><h2>Why it matters</h2>{ARTICLE}{ARTICLE}</div>"
    band = (f"<div class='cta cmp-cta__banner'><div class='cmp-text'><p>{long} Band.</p>"
            f"<a href='/contact'>Contact us</a></div></div>")
    consent = (f"<div class='fides-banner fides-banner-bottom'><p>We and our partners use cookies to "
               f"measure and improve the site. {long} Consent.</p><button>Accept</button></div>")
    cta = "<div class='promo-banner'><p>Talk to an expert today.</p></div>"
    found = lines(f"<main>{intro}{band}{cta}</main>{consent}")
    assert sum("Paragraph" in line for line in found) == 12
    assert sum("Band." in line for line in found) == 1
    assert not any("Consent." in line or "Talk to an expert" in line for line in found)


def test_a_line_break_in_a_table_cell_keeps_the_row_on_one_line():
    rows = "".join(f"<tr><td>Left cell {i}<br>&nbsp;</td><td>Right<br>cell {i}</td></tr>" for i in range(4))
    table = f"<table><thead><tr><th>Left</th><th>Right</th></tr></thead><tbody>{rows}</tbody></table>"
    found = lines(f"<article>{ARTICLE}{table}<p>Address line one<br>Address line two</p></article>")
    assert [line for line in found if "cell" in line] == [f"Left cell {i} | Right cell {i}" for i in range(4)]
    assert "Address line one" in found and "Address line two" in found  # outside tables, a break is a line


def test_a_thread_of_comments_is_the_content_of_a_discussion_page():
    posts = "".join(f"<li class='comment'><p>{PROSE[i % 2]} Reply {i}.</p></li>" for i in range(6))
    found = lines(f"<h1>Which bus goes to the harbour?</h1><ol class='comment-list'>{posts}</ol>")
    assert sum("Reply" in line for line in found) == 6


def test_repeated_junk_containers_are_judged_together_as_cousins_too():
    # a listing's entries: each in a "meta" box of its own list item; together they are the page
    entries = "".join(f"<dt>[{i}] entry {i}</dt><dd><div class='meta'><p>{PROSE[i % 2]} Entry {i}.</p></div></dd>"
                      for i in range(6))
    found = lines(f"<h1>Recent submissions</h1><dl>{entries}</dl><footer><p>About the archive</p></footer>")
    assert sum("Entry" in line for line in found) == 6
    # one such box on a page of prose is a post's meta line, and stays junk
    found = lines(f"<article>{ARTICLE}<div class='meta'><p>Filed under Transport by Jo Reed</p></div></article>")
    assert not any("Filed under" in line for line in found)


def test_a_short_comment_section_under_an_article_is_not_content():
    found = lines(
        f"<article>{ARTICLE}</article><div id='comments'><ol class='comment-list'>"
        f"<li class='comment'><p>{PROSE[0]} Great piece.</p></li></ol></div>"
    )
    assert not any("Great piece" in line for line in found)


def test_a_short_thread_is_the_content_of_a_page_whose_json_ld_says_it_is_a_thread():
    posts = "".join(f"<article class='comment' id='comment-{i}'><p>{PROSE[i]} Reply {i}.</p></article>"
                    for i in range(2))
    body = (f"<main><h1>Which bus goes to the harbour?</h1><div id='comments'>{posts}</div></main>"
            f"<div class='app-sheet'>{ARTICLE}</div>")  # chrome outside any junk container outweighs the posts
    declared = '<script type="application/ld+json">{"@type": "DiscussionForumPosting"}</script>'
    found = extract_lines(parse_html(f"<html><head>{declared}</head><body>{body}</body></html>"))
    undeclared = lines(body)
    assert sum("Reply" in line for line in found) == 2
    assert not any("Reply" in line for line in undeclared)


def test_a_moderation_form_around_the_posts_of_a_thread_does_not_make_them_junk():
    posts = "".join(f"<li class='comment'><p>{PROSE[i % 2]} Reply {i}.</p></li>" for i in range(6))
    found = lines(f"<article><h1>Which bus goes to the harbour?</h1><p>{PROSE[0]}</p></article>"
                  f"<form action='/moderate'><ol class='comment-list'>{posts}</ol></form>")
    assert sum("Reply" in line for line in found) == 6


def test_ids_made_from_headings_do_not_mark_junk():
    section = f"<section id='menu-planning-for-large-events'><h2>Menu planning</h2>{ARTICLE}</section>"
    assert any("Paragraph 3." in line for line in lines(f"<article>{section}</article>"))


def test_page_builder_widgets_are_not_junk():
    widgets = "".join(f"<div class='elementor-widget elementor-widget-text-editor'><p>{PROSE[i % 2]} Block {i}.</p>"
                      "</div>" for i in range(6))
    assert sum("Block" in line for line in lines(f"<div class='elementor-widget-wrap'>{widgets}</div>")) == 6


def test_navigation_runs_of_links_are_dropped_inside_the_region():
    found = lines(f"<main>{NAV}{ARTICLE}</main>")
    assert not any(line.startswith("Section") for line in found)


def test_long_links_are_a_listings_entries_unless_the_page_is_an_article_or_a_product():
    cards = "".join(f"<li><a href='/p/{i}'>Waxed canvas field jacket in olive, size {i}</a></li>" for i in range(6))
    sort = "<p><a href='?new'>New in</a> <a href='?price'>Price</a> <a href='?best'>Best sellers</a></p>"
    plain, article = plain_and_article(f"<main><h1>Jackets</h1><ul>{NAV}</ul>{sort}<ul>{cards}</ul>{ARTICLE}</main>")
    assert sum("field jacket" in line for line in plain) == 6  # a collection's product titles
    assert not any(line.startswith("Section") for line in plain)  # a menu's short links still go
    assert not any("Best sellers" in line for line in plain)  # and a row of them, five words in three links
    assert not any("field jacket" in line for line in article)  # teasers of other articles
    product = extract_lines(parse_html('<html><head><meta property="og:type" content="product"></head>'
                                       f"<body><main><h1>Jackets</h1><ul>{cards}</ul>{ARTICLE}</main></body></html>"))
    assert not any("field jacket" in line for line in product)  # on a product's page, other products


def test_product_pages_are_known_by_their_structured_data():
    product = parse_html('<html><head><script type="application/ld+json">{"@context": "https://schema.org", '
                         '"@type": "Product", "name": "Desk lamp"}</script></head><body><p>Lamp</p></body></html>')
    og = parse_html('<html><head><meta property="og:type" content="product"></head><body></body></html>')
    article = parse_html('<html><head><meta property="og:type" content="article"><script type="application/ld+json">'
                         '{"@type": "NewsArticle"}</script></head><body></body></html>')
    assert Declared(product).product and Declared(og).product
    assert not Declared(article).product


def _recording(extractor, calls, name):
    """``extractor.extract`` that records which extractor ran, by ``name``."""
    real = extractor.extract
    def extract(tree, *, url, **options):
        calls.append(name)
        return real(tree, url=url, **options)
    return extract


def test_auto_falls_back_when_density_finds_almost_nothing(monkeypatch):
    auto = get_extractor("auto")
    calls = []
    monkeypatch.setattr(auto.fallback, "extract", _recording(auto.fallback, calls, "trafilatura"))
    tree = parse_html(f"<html><body><article>{ARTICLE}</article></body></html>")
    assert auto.extract(tree, url="https://example.com/a").chars >= FALLBACK_BELOW
    assert calls == []
    short = parse_html("<html><body><p>Tiny page.</p></body></html>")
    auto.extract(short, url="https://example.com/b")
    assert calls == ["trafilatura"]


PRODUCT_LD = '<script type="application/ld+json">{"@type": "Product", "name": "Desk lamp"}</script>'


def test_density_is_the_second_opinion_when_trafilatura_finds_little_on_a_product_page(monkeypatch):
    auto = get_extractor("auto")
    calls = []
    monkeypatch.setattr(auto.fallback, "extract", _recording(auto.fallback, calls, "trafilatura"))
    monkeypatch.setattr(auto.primary, "extract", _recording(auto.primary, calls, "density"))
    long_description = f"<html><head>{PRODUCT_LD}</head><body><main>{ARTICLE * 4}</main></body></html>"
    assert auto.extract(parse_html(long_description), url=None).chars >= PRODUCT_SHORT_BELOW
    assert calls == ["trafilatura"]
    calls.clear()
    # trafilatura stops at the short blurb in the first content block; density finds the sections below
    page = (f"<html><head>{PRODUCT_LD}</head><body><div class='entry-content'><p>{PROSE[0]}</p></div>"
            f"<div class='features'>{ARTICLE * 2}</div></body></html>")
    found = auto.extract(parse_html(page), url=None)
    assert calls == ["trafilatura", "density"]
    assert any("Paragraph 5." in line for line in found.lines)


def test_a_product_page_that_says_it_is_an_article_goes_to_density(monkeypatch):
    auto = get_extractor("auto")
    calls = []
    monkeypatch.setattr(auto.fallback, "extract", _recording(auto.fallback, calls, "trafilatura"))
    monkeypatch.setattr(auto.primary, "extract", _recording(auto.primary, calls, "density"))
    review = (f'<html><head>{PRODUCT_LD}<meta property="og:type" content="article"></head>'
              f"<body><article>{ARTICLE}</article></body></html>")
    assert "Paragraph 5." in "\n".join(auto.extract(parse_html(review), url=None).lines)
    assert calls == ["density"]
    calls.clear()
    auto.extract(parse_html(review.replace('<meta property="og:type" content="article">', "")), url=None)
    assert calls[0] == "trafilatura"


FOOTER = ("<footer class='site-footer'><div class='footer-column'><h4>Customer Care</h4>"
          "<ul><li><a href='/help'>Help Center</a></li><li><a href='/returns'>Returns and Exchanges</a></li></ul></div>"
          "<div class='footer-column'><h4>Stay in the loop</h4><p>Trail reports and members-only offers, "
          "twice a month.</p></div><p class='legal'>© 2025 Northpeak Outfitters. All rights reserved.</p></footer>")


def test_chrome_share_counts_the_lines_of_footers_and_menus_outside_the_content():
    tree = parse_html(f"<html><body><nav><a href='/'>Home</a> <a href='/shop'>Shop all</a></nav>"
                      f"<main><p>Our own words.</p><footer>Posted in Gear</footer></main>{FOOTER}</body></html>")
    chrome = site_chrome(tree)
    assert chrome_share(["Customer Care", "Help Center"], chrome) == 1.0
    assert chrome_share(["Home Shop all"], chrome) == 1.0
    assert chrome_share(["Our own words."], chrome) == 0.0
    assert chrome_share(["Posted in Gear"], chrome) == 0.0  # an article's own footer is content
    assert chrome_share(["Customer Care", "Our own words."], chrome) == pytest.approx(13 / 27)
    assert chrome_share([], chrome) == 0.0


def test_the_site_footer_is_no_fallback_for_a_page_a_script_fills_in():
    shell = f"<html><body><div id='app'><div class='loading'></div></div>{FOOTER}</body></html>"
    auto = get_extractor("auto")
    # density judges the footer by its text alone (all else is empty), and finds under FALLBACK_BELOW
    assert "Stay in the loop" in auto.primary.extract(parse_html(shell), url=None).lines
    assert auto.extract(parse_html(shell), url=None).lines == []
    # the same blocks inside the page's article are its content
    article = shell.replace("footer", "article")
    assert "Customer Care" in "\n".join(auto.extract(parse_html(article), url=None).lines)


@pytest.mark.parametrize("name", extractor_names())
def test_every_extractor_runs_through_the_pipeline(name):
    article = Stripper(extractor=name).extract(f"<html><body><article>{ARTICLE}</article></body></html>")
    assert "Paragraph 5." in article.text


def test_an_unknown_extractor_is_refused():
    with pytest.raises(ValueError, match="unknown extractor 'nope'"):
        Stripper(extractor="nope")


def test_the_cli_chooses_the_extractor(tmp_path):
    from click.testing import CliRunner

    from stripper.cli import main

    page = tmp_path / "page.html"
    page.write_text(f"<html><body><article>{ARTICLE}</article></body></html>")
    for name in extractor_names():
        result = CliRunner().invoke(main, ["extract", "--extractor", name, str(page)])
        assert result.exit_code == 0 and "Paragraph 5." in result.output
    refused = CliRunner().invoke(main, ["extract", "--extractor", "nope", str(page)])
    assert refused.exit_code == 2 and "nope" in refused.output


def test_pages_that_say_they_are_articles_get_a_tighter_region():
    # the body holds about 80% of the page's prose; a block of teasers beside it the rest
    teasers = f"<section><p>{PROSE[0]} Teaser.</p><p>{PROSE[1]} Teaser.</p><p>{PROSE[0]} Teaser.</p></section>"
    body = f"<div class='wrap'><div class='body'>{ARTICLE * 2}</div>{teasers}</div>"
    plain, article = plain_and_article(body)
    assert any("Teaser." in line for line in plain)
    assert not any("Teaser." in line for line in article)
    assert sum("Paragraph" in line for line in article) == 12


def test_parsed_elements_are_html_elements_inside_forms_too():
    # trafilatura and the DOM rules call text_content() on any element, form fields included
    tree = parse_html('<html><body><form><label>Name <input name="n"></label><select><option>A</option>'
                      '</select></form><p>Body &amp; text</p></body></html>')
    elements = list(tree.iter())
    assert {type(element) for element in elements} == {html.HtmlElement}
    assert tree.find(".//label").text_content() == "Name "
    assert tree.find(".//p").text_content() == "Body & text"


def test_trafilatura_still_reads_json_ld_after_scripts_are_dropped():
    # scripts, styles and SVGs are dropped before trafilatura runs; JSON-LD must stay for its baseline
    body = "The whole story sits in the structured data of this page, as some templates print it. " * 4
    page = parse_html(
        '<html><head><script type="application/ld+json">'
        + json.dumps({"@type": "NewsArticle", "articleBody": body.strip()})
        + '</script><style>p { color: red }</style></head><body><div>Menu</div>'
        "<svg><text>Chart label</text></svg><script>var tracking = 'Tracking code';</script></body></html>"
    )
    found = get_extractor("trafilatura").extract(page, url=None)
    assert found.lines == [body.strip()]
    assert page.find(".//svg") is None and page.find(".//style") is None


_NAME_PIECES = st.sampled_from(
    [*JUNK_WORDS, "Share", "NAV", "post", "area", "content", "x", "has", "no", "is", "ad", "list", "ſhare"]
)
_NAME_GLUE = st.sampled_from([" ", "-", "_", "", "  ", "--"])


@settings(max_examples=2000, deadline=None, database=None)
@given(st.lists(st.tuples(_NAME_PIECES, _NAME_GLUE), max_size=6))
def test_junk_attrs_skips_the_regex_only_when_it_could_not_match(pieces):
    # the name-part check before the regex is a shortcut, never a change of answer
    attrs = "".join(piece + glue for piece, glue in pieces)
    names = " ".join(name for name in attrs.split() if not name.lower().startswith(MODIFIER_PREFIXES))
    found = JUNK_ATTR.search(names if "-" in attrs else attrs)
    assert _junk_attrs(attrs) == (found.group(1).lower().rstrip("s") if found else None)


@pytest.mark.parametrize("early_end", ["</body>", "</body></html>", "</BODY>\n</HTML >"])
def test_what_follows_an_early_end_tag_is_still_the_page(early_end):
    # A theme's header closes the document; a browser ignores the end tags and shows the rest.
    tree = parse_html(f"<html><body><header>{NAV}</header>{early_end}\n<div class='post'>{ARTICLE}</div></body></html>")
    assert [element.tag for element in tree] == ["body"]
    assert sum("Paragraph" in line for line in extract_lines(tree)) == 6


def test_a_second_document_run_on_after_the_first_is_still_the_page():
    # Two documents in one file (a template's page, then the article's): a browser reads one body.
    tree = parse_html(f"<html><head><title>Site</title></head><body>{NAV}</body></html>\n"
                      f"<html><head><title>Article</title></head><body><div class='post'>{ARTICLE}</div></body></html>")
    assert [element.tag for element in tree].count("body") == 1
    assert sum("Paragraph" in line for line in extract_lines(tree)) == 6


def test_density_numbers_the_element_holding_each_line():
    # A list and a table are held by the element of the paragraphs around them; a box of links
    # after them has an element of its own, and so does the text it holds.
    page = parse_html(
        "<html><body><div class='entry-content'>" + ARTICLE
        + "<ul><li>General procedures at the counter</li><li>Reporting losses</li></ul>"
        "<table><tr><td>Airport branch</td><td>$2,100</td></tr></table>"
        "<div class='wp-block-group'><h3>Downloads</h3><p>Counter checklist, one page</p></div>"
        "</div></body></html>"
    )
    found = get_extractor("density").extract(page, url=None)
    held = dict(zip(found.lines, found.holders, strict=True))
    body = held[found.lines[0]]
    assert [held[line] for line in found.lines[:6]] == [body] * 6
    assert held["General procedures at the counter"] == held["Reporting losses"] == body
    assert held["Airport branch | $2,100"] == body
    assert held["Downloads"] == held["Counter checklist, one page"] != body
