"""Title, author and date as stripper reads them from a page's markup, and from the byline of scraped text."""

from __future__ import annotations

import json

import pytest
from lxml import html

from stripper import Stripper
from stripper.metadata import page_metadata


def meta_of(head: str = "", body: str = "", url: str | None = None):
    return page_metadata(html.fromstring(f"<html><head>{head}</head><body>{body}</body></html>"), url)


def ld(value) -> str:
    return f'<script type="application/ld+json">{json.dumps(value)}</script>'


def test_json_ld_graph_with_an_author_list():
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": "Harbour Gazette"},
        {"@type": "Organization", "name": "Harbour Gazette Ltd"},
        {"@type": "NewsArticle", "headline": "Council approves harbour plan",
         "datePublished": "2024-03-05T09:30:00+00:00",
         "author": [{"@type": "Person", "name": "Jo Bloggs"}, {"@type": "Person", "name": "Al Smith"}]},
    ]}
    meta = meta_of(ld(graph) + "<title>Council approves harbour plan | Harbour Gazette</title>")
    assert meta.title == "Council approves harbour plan"
    assert meta.author == "Jo Bloggs and Al Smith"
    assert meta.date == "2024-03-05"


def test_json_ld_array_author_string_and_three_names():
    objects = [{"@type": "BreadcrumbList"},
               {"@type": ["BlogPosting"], "author": "A One, B Two and C Three", "datePublished": "2023-11-02"}]
    meta = meta_of(ld(objects))
    assert meta.author == "A One, B Two and C Three"  # a single string is kept as written
    assert meta.date == "2023-11-02"


def test_broken_json_ld_is_ignored():
    meta = meta_of('<script type="application/ld+json">{"@type": "Article", </script>'
                   '<meta name="author" content="Jo Bloggs">')
    assert meta.author == "Jo Bloggs"


@pytest.mark.parametrize("byline, expected", [
    ("By Jo Bloggs and Al Smith | Updated March 5, 2024", "Jo Bloggs and Al Smith"),
    ("By Luke Kim December 3, 2024", "Luke Kim"),
    ("Liz Kenny Former McKinsey Consultant", "Liz Kenny"),
    ("by Maria Ortega · 4 min read", "Maria Ortega"),
    ("Parisa Nouri", "Parisa Nouri"),  # "Par" opens the name: it is no French "par" ("by")
    ("Par Amélie Girard", "Amélie Girard"),
    ("Written By: Ellen May", "Ellen May"),  # a surname that is a month's name, with no day after it
    ("By Tom Reed May 3, 2024", "Tom Reed"),
    ("Recipe by Dot Keller", "Dot Keller"),
    ('<span class="sep">&amp;</span> <a href="/a/mq">Marta Quiroga</a>', "Marta Quiroga"),
    ("Dec. 19, 2025 · Niko Tamm on behalf of the docs team", "Niko Tamm"),  # the date first
    # a label for several names, each a link of its own (its text nodes are joined by spaces)
    ('<span>Authors:</span> <a href="/a/1">Nkem Okafor</a>, <a href="/a/2">Elin Lindqvist</a>',
     "Nkem Okafor, Elin Lindqvist"),
])
def test_byline_element(byline, expected):
    body = f'<article><h1>Harbour plan</h1><div class="post-byline">{byline}</div><p>Text.</p></article>'
    assert meta_of(body=body).author == expected


def test_meta_author_wins_over_a_byline_element_and_keeps_its_spelling():
    meta = meta_of('<meta name="author" content="Jean-Luc Aufranc (CNXSoft)">',
                   '<span class="author">Someone Else</span>')
    assert meta.author == "Jean-Luc Aufranc (CNXSoft)"


def test_a_login_declared_as_an_articles_author_gives_way_to_the_name_its_byline_shows():
    byline = '<div class="entry-author">By Nirmala Patel</div><p>Text.</p>'
    for login in ("kffnpatel", "nirmala.patel", "NirmalaP"):
        article = ld({"@type": "Article", "author": {"@type": "Person", "name": login}})
        assert meta_of(article, byline).author == "Nirmala Patel"
    # a person's name declared stays; so does a login on a forum thread, where it is the poster's name
    article = ld({"@type": "Article", "author": {"@type": "Person", "name": "Nina Patel"}})
    assert meta_of(article, byline).author == "Nina Patel"
    thread = ld({"@type": "DiscussionForumPosting", "author": {"@type": "Person", "name": "kffnpatel"}})
    assert meta_of(thread, byline).author == "kffnpatel"


def test_the_written_by_card_of_the_twitter_tags_names_the_author():
    head = ('<meta name="twitter:label1" content="Est. reading time"><meta name="twitter:data1" content="4 minutes">'
            '<meta name="twitter:label2" content="Written by"><meta name="twitter:data2" content="Owen Latimer">')
    assert meta_of(head, "<p>Text.</p>").author == "Owen Latimer"


def test_an_article_by_label_and_the_name_after_it():
    assert meta_of(body="<h2>Article by</h2><div>Matti Heikkinen</div><p>Text.</p>").author == "Matti Heikkinen"


def test_a_byline_label_without_its_name_is_no_author():
    body = '<div class="author-label">Notes from</div><p>By Hana Moreau</p><p>Text.</p>'
    assert meta_of(body=body).author == "Hana Moreau"


def test_article_author_url_is_not_a_name():
    meta = meta_of('<meta property="article:author" content="https://www.facebook.com/jobloggs">'
                   '<meta name="parsely-author" content="Jo Bloggs">')
    assert meta.author == "Jo Bloggs"


@pytest.mark.parametrize("title, site", [
    ("Harbour plan approved | Example News", None),
    ("Example News - Harbour plan approved", "Example News"),
    ("Harbour plan approved – Example News", None),
])
def test_title_without_the_site_name(title, site):
    head = f"<title>{title}</title>"
    if site:
        head += f'<meta property="og:site_name" content="{site}">'
    assert meta_of(head).title == "Harbour plan approved"


def test_the_h1_that_the_title_confirms():
    # the first <h1> is the site's name (also the last part of <title>); the second is the headline
    head = "<title>Ten tips for winter cycling - Part 1 | Pedal Notes</title>"
    body = "<header><h1>Pedal Notes</h1></header><article><h1>Ten tips for winter cycling - Part 1</h1></article>"
    assert meta_of(head, body).title == "Ten tips for winter cycling - Part 1"


@pytest.mark.parametrize(("title", "h1"), [
    ("White Speckle Mug — Ghost Wares", "white speckle mug"),
    ("A Cyclist’s Guide To Winter - Pedal Notes", "A Cyclist’s Guide To Winter"),
    ("A cyclist's guide to winter - Pedal Notes", "A Cyclist’s Guide To Winter"),
])
def test_the_confirmed_h1_is_written_as_the_page_shows_it(title, h1):
    assert meta_of(f"<title>{title}</title>", f"<h1>{h1}</h1><p>Text.</p>").title == h1


def test_the_confirmed_h1_keeps_the_quote_marks_typed_in_the_title():
    # the page curls the quotes it shows; the <title> has them as typed
    head = "<title>A Cyclist's Guide To \"Winter\" - Pedal Notes</title>"
    body = "<h1>A Cyclist’s Guide To “Winter”</h1><p>Text.</p>"
    assert meta_of(head, body).title == 'A Cyclist\'s Guide To "Winter"'


def test_a_confirmed_h1_in_capitals_is_written_as_the_title_types_it():
    head = "<title>Weekend Coding Agent | Focus Labs</title>"
    assert meta_of(head, "<h1>WEEKEND CODING AGENT</h1><p>Text.</p>").title == "Weekend Coding Agent"
    # a title in capitals too, or an <h1> in mixed case, leaves the <h1> as it is
    assert meta_of("<title>WEEKEND CODING AGENT | Focus Labs</title>", "<h1>WEEKEND CODING AGENT</h1>").title \
        == "WEEKEND CODING AGENT"
    assert meta_of(head, "<h1>Weekend coding agent</h1>").title == "Weekend coding agent"


@pytest.mark.parametrize("body", ["", "<h1>Harbour plan approved</h1>"])
def test_markdown_heading_marks_are_no_part_of_the_title(body):
    head = ('<title>## Harbour plan approved - Port News</title>'
            '<meta property="og:title" content="## Harbour plan approved">')
    assert meta_of(head, body).title == "Harbour plan approved"


def test_a_number_sign_that_opens_a_headline_stays():
    assert meta_of("<title>#1 Rated Harbour Tours | Port News</title>").title == "#1 Rated Harbour Tours"


def test_without_a_title_tag_og_title_is_split_like_one():
    head = ('<meta property="og:title" content="Folding Bike Pump with Gauge - Example Shop 12">'
            '<meta property="og:site_name" content="Example Shop">')
    assert meta_of(head, "<h1>Example Shop</h1><p>Text.</p>").title == "Folding Bike Pump with Gauge"


def test_a_site_name_declared_with_a_full_stop_is_still_the_site_name():
    head = '<title>Example Shop Folding Bike Pump</title><meta property="og:site_name" content="Example Shop.">'
    assert meta_of(head, "<h1>Example Shop</h1><p>Text.</p>").title == "Example Shop Folding Bike Pump"


@pytest.mark.parametrize(("h1", "title"), [
    ("Cycling Insurance | Cover for Commuters", "Cycling Insurance"),
    ("Winter Cycling for Complete Beginners — Kit List", "Winter Cycling for Complete Beginners"),
    ("Winter cycling - How to stay warm on the bike", "Winter cycling - How to stay warm on the bike"),
    ("Ten tips for winter cycling - Part 1", "Ten tips for winter cycling - Part 1"),
    # a site's name after the last " | " goes whatever comes before it
    ("Winter cycling - How to stay warm on the bike | pedalnotes.com", "Winter cycling - How to stay warm on the bike"),
])
def test_a_qualifier_after_a_separator_is_dropped(h1, title):
    head = f"<title>{h1} | Pedal Notes</title>"
    assert meta_of(head, f"<h1>{h1}</h1><p>Text.</p>").title == title


def test_a_category_archive_is_titled_by_its_category():
    head = ('<title>Air Fryer Recipes Archives - Fit Kitchen</title>'
            '<meta property="og:title" content="Air Fryer Recipes Archives">')
    assert meta_of(head, "<h1>Air Fryer Recipes</h1><p>Text.</p>").title == "Air Fryer Recipes"


def test_an_h1_updated_to_a_new_year_is_the_headline():
    head = "<title>Guide to filing your taxes in 2024 | Money Desk</title>"
    assert meta_of(head, "<h1>Guide to filing your taxes in 2025</h1><p>Text.</p>").title == \
        "Guide to filing your taxes in 2025"
    # a headline that differs in more than its figures is not this case
    assert meta_of(head, "<h1>Filing in 2025</h1><p>Text.</p>").title == "Guide to filing your taxes in 2024"


def test_a_title_of_utf8_read_as_latin1_is_mended():
    head = "<title>A Cyclist\u00e2\u0080\u0099s Guide to Winter | Pedal Notes</title>"
    assert meta_of(head).title == "A Cyclist\u2019s Guide to Winter"


def test_a_logo_h1_linking_home_is_not_the_headline():
    body = '<h1><a href="/">Pedal Notes</a></h1><article><h2>Ride</h2></article>'
    assert meta_of("<title>Pedal Notes: Ten tips</title>", body).title == "Pedal Notes: Ten tips"


def test_a_site_name_that_is_the_whole_title_names_the_page():
    name = "Tech conferences in Europe 2026 / 2027"
    head = f'<title>{name}</title><meta property="og:site_name" content="{name}">'
    assert meta_of(head, f"<h1>{name}</h1>").title == name


def test_og_title_inside_title_is_the_headline():
    head = ('<meta property="og:title" content="Ten tips for winter cycling">'
            "<title>Pedal Notes: Ten tips for winter cycling</title>")
    assert meta_of(head).title == "Ten tips for winter cycling"


def test_article_h1_wins_over_a_different_seo_title():
    head = ('<meta property="og:type" content="article"><title>Winter cycling tips (2024) | Pedal Notes</title>')
    body = "<article><h1>Ten things I learned cycling through winter</h1></article>"
    assert meta_of(head, body).title == "Ten things I learned cycling through winter"


def test_h1_without_the_title_words_loses_to_the_title():
    # a slogan on a service page, a section label on a blog post: the <title> names the page
    head = "<title>Bike Insurance for Commuters | Example Cover</title>"
    assert meta_of(head, "<h1>Cover that rides with you</h1>").title == "Bike Insurance for Commuters"
    head = '<meta property="og:type" content="article"><title>Pension changes explained | Money Notes</title>'
    assert meta_of(head, "<article><h1>Our blog</h1></article>").title == "Pension changes explained"


def test_h1_closer_to_the_url_slug_wins_over_a_different_seo_title():
    head = "<title>Taking the myth out of your diet | Example Health</title>"
    body = "<h1>Nine common food myths debunked</h1>"
    url = "https://example.org/news/4436-nine-common-food-myths-debunked"
    assert meta_of(head, body, url).title == "Nine common food myths debunked"
    assert meta_of(head, body).title == "Taking the myth out of your diet"


def test_h1_made_of_title_words_wins_on_any_page():
    head = "<title>Height Adjustable Standing Desks | Example Desk Co</title>"
    assert meta_of(head, "<h1>Standing desks</h1>").title == "Standing desks"


def test_a_declared_publication_date_wins_over_the_dates_the_page_shows():
    head = ('<meta property="article:published_time" content="2023-01-10T23:30:00-05:00">'
            '<meta property="article:modified_time" content="2024-06-02T08:00:00Z">')
    assert meta_of(head, "<p>Updated June 2, 2024</p>").date == "2023-01-10"  # a later edit
    assert meta_of(head, "<p>January 11, 2023</p>").date == "2023-01-10"  # the reader's time zone
    ld = '<script type="application/ld+json">{"@type": "BlogPosting", "datePublished": "2019-04-02"}</script>'
    assert meta_of(ld, "<p>Last updated: March 3, 2025</p>").date == "2019-04-02"


def test_without_a_declared_publication_date_the_page_shows_which_date_it_is():
    head = '<meta property="article:modified_time" content="2024-06-02T08:00:00Z">'
    times = '<time datetime="2023-01-10T08:00:00Z"></time><time datetime="2023-03-05T08:00:00Z"></time>'
    assert meta_of(head, f"{times}<p>Posted March 5, 2023</p>").date == "2023-03-05"
    assert meta_of(head, f"{times}<p>Nothing shown.</p>").date == "2023-01-10"


def test_date_from_time_element_and_from_text():
    assert meta_of(body='<time datetime="2022-09-14T10:00">Sept 14</time>').date == "2022-09-14"
    assert meta_of(body="<p>Posted on 3rd March 2021 by Jo</p>").date == "2021-03-03"


def test_language_and_canonical_url():
    tree = html.fromstring('<html lang="de-AT"><head><link rel="canonical" href="https://example.com/a">'
                           "</head><body><p>x</p></body></html>")
    meta = page_metadata(tree, None)
    assert meta.language == "de" and meta.url == "https://example.com/a"
    assert page_metadata(tree, "https://example.com/b").url == "https://example.com/b"


def test_a_page_without_metadata():
    meta = meta_of(body="<p>Just a paragraph.</p>")
    assert (meta.title, meta.author, meta.date) == (None, None, None)


def test_written_by_label_and_name_in_the_next_element():
    body = ('<article><h1>Harbour plan</h1><p class="label">Written by</p><p class="x">Edda Tabor</p>'
            "<p>Text.</p></article>")
    assert meta_of(body=body).author == "Edda Tabor"


def test_an_organisation_is_the_author_only_when_no_person_is_named():
    article = {"@type": "Article", "author": {"@type": "Organization", "name": "Harbour Gazette"}}
    assert meta_of(ld(article)).author == "Harbour Gazette"
    assert meta_of(ld(article), '<span class="byline">By Jo Bloggs</span>').author == "Jo Bloggs"


@pytest.mark.parametrize("marker", ['class="PostByLine"', 'id="AUTHOR-name"', 'class="meta entry-Writer"'])
def test_byline_class_or_id_in_any_case(marker):
    body = f'<div class="logo">Harbour Gazette</div><article><p {marker}>By Jo Bloggs</p><p>Text.</p></article>'
    assert meta_of(body=body).author == "Jo Bloggs"


def test_an_avatar_with_an_author_class_is_not_the_byline():
    body = '<div class="author-avatar">Portrait</div><p class="byline">Jo Bloggs</p>'
    assert meta_of(body=body).author == "Jo Bloggs"


def test_date_in_a_citation_meta_tag_written_with_a_month_name():
    assert meta_of('<meta name="citation_publication_date" content="2023 Jan 7">').date == "2023-01-07"


def test_a_timestamp_written_in_the_text_and_a_written_date_in_a_meta_tag_of_its_own():
    assert meta_of(body="<p>Sara van Dijk</p><p>2022-11-23T08:10+02:00</p>").date == "2022-11-23"
    assert meta_of('<meta name="published" content="July 17, 2025">', "<p>Text.</p>").date == "2025-07-17"


def test_undeclared_dates():
    assert meta_of(body="<p>x</p>", url="https://example.com/2024/03/05/harbour-plan/").date == "2024-03-05"
    assert meta_of('<meta name="x-published-date" content="2024-03-05T06:00:00Z">').date == "2024-03-05"
    assert meta_of(body="<p>Updated: 10/31/2024</p>").date == "2024-10-31"  # month first with slashes
    assert meta_of(body="<p><span>23.07.2025</span></p>").date == "2025-07-23"  # day first with dots
    # a modification date is not the publication date; the URL's date wins over the text's numbers
    assert meta_of('<meta name="x-modified-date" content="2024-03-05">').date is None
    assert meta_of(body="<p>03/04/2020</p>", url="https://example.com/2019-01-02-x").date == "2019-01-02"


def test_the_h1_text_leaves_out_styles_scripts_and_buttons_inside_it():
    body = ("<h1><style>.t{color:red}</style>Winter cycling kit list<button>Copy link</button>"
            "<script>track()</script></h1><p>Text.</p>")
    assert meta_of("<title>Winter cycling kit list | Pedal Notes</title>", body).title == "Winter cycling kit list"
    assert meta_of("", body).title == "Winter cycling kit list"


def test_a_line_break_in_the_h1_parts_its_words():
    body = "<h1>Winter cycling<br>the kit list</h1><p>Text.</p>"
    head = "<title>Winter cycling the kit list | Pedal Notes</title>"
    assert meta_of(head, body).title == "Winter cycling the kit list"
    assert meta_of("", body).title == "Winter cycling the kit list"
    assert meta_of("", "<h1><style>.t{}</style>Winter cycling<br/>kit list</h1>").title == "Winter cycling kit list"


# ----------------------------------------------------------------------------- scraped text


_STORY = ("Passengers on the island route will have three sailings a day instead of five from Monday, after "
          "the operator took two of its four boats out of service for hull repairs.")


@pytest.mark.parametrize("byline, author, date", [
    ("By Nadia Okafor | May 3, 2024", "Nadia Okafor", "2024-05-03"),
    ("by Jo Reed and Sam Lee", "Jo Reed and Sam Lee", None),
    ("By Meaghan Weeden ● December 23, 2025 ● 4 min read", "Meaghan Weeden", "2025-12-23"),
    ("Written by Ana van der Berg, Senior Editor", "Ana van der Berg", None),
])
def test_scraped_text_takes_author_and_date_from_its_byline(byline, author, date):
    page = Stripper(input_type="text").process(f"Ferry timetable cut\n\n{byline}\n\n{_STORY}")
    article = page.article()
    assert (article.author, article.date) == (author, date)
    assert byline not in article.text
    assert [r.rule for r in article.removed] == ["STR051"]


@pytest.mark.parametrize("line", [
    "By the time the ferry arrived, the queue reached the car park.",
    "By Monday, the council will vote.",
    "By March 2025",
])
def test_a_line_that_starts_with_by_is_no_byline(line):
    article = Stripper(input_type="text").extract(f"Ferry timetable cut\n\n{line}\n\n{_STORY}")
    assert article.author is None
    assert line in article.text


def test_a_byline_below_the_first_paragraph_names_no_author():
    text = (f"Books of the year\n\n{_STORY}\n\nThe Man Who Saw Seconds\n\nby Alexander Boldizar\n\n"
            "A clerk who can see five seconds ahead works backwards from the outcome he wants, and the "
            "book follows what that does to a gunfight, a marriage and a bank.")
    article = Stripper(input_type="text").extract(text)
    assert article.author is None
    assert "by Alexander Boldizar" in article.text
