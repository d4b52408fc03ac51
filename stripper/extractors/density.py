"""The density extractor: one walk over the page, then the smallest element
that holds most of the page's prose.

1. Walk the parsed page once (``lxml.etree.iterwalk``) and cut its text into
   blocks at block-level tags. Each block knows its text, how much of it is
   link text, and the open elements it sits in.
2. Weigh every block by its text outside links, and add the weight to every
   element around it.
3. The main region is the deepest element that still holds most of the
   weight; junk containers (class or id naming a share bar, sidebar, comment
   section...) do not count, unless they hold much of the page and no main
   or article element beside them holds the body. On article pages, an
   article-body container (``entry-content``...) holding half the region is
   the region.
4. The region's blocks, minus junk and navigation-like runs of links, are the
   body (a link of five words or more is a listing's entry, unless the page
   says it is an article or one product's page). Each line comes with the number
   of the element that holds it (``HOLDERS``): the text rules tell the lists and
   tables of the article's body from the widgets after it by it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from lxml import etree

from ..declared import Declared
from ..parse import page_body
from . import Extracted

# Elements whose content a reader never sees as text, or which only hold page chrome.
SKIPPED = frozenset({
    "script", "style", "template", "svg", "iframe", "object", "embed", "canvas", "head",
    "select", "option", "datalist", "textarea", "input", "meter", "progress", "button", "label",
})
# Elements that hold page chrome: junk containers, unless they hold much of the page
# (unclosed tags make parsers nest whole pages inside them).
CHROME = frozenset({
    "nav", "aside", "footer", "dialog", "menu", "form", "video", "audio", "map", "math", "noscript", "figcaption",
    "picture",
})
# Elements that hold a page's sections (a paragraph, a list or a table is held by one): the lines of
# a list in an article's body have the holder of its paragraphs, those of a widget after it another.
HOLDERS = frozenset({
    "div", "section", "article", "main", "body", "aside", "header", "footer", "nav", "form", "details",
    "fieldset", "center",
})
# Elements that start a new block (a new line of output).
BLOCK_LEVEL = frozenset({
    "html", "body", "p", "div", "section", "article", "main", "header", "li", "ul", "ol", "dl", "dt", "dd",
    "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "table", "tr", "tbody", "thead", "tfoot",
    "caption", "figure", "figcaption", "address", "details", "summary", "center", "form", "fieldset",
    "hr", "br", "hgroup", "legend",
})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
CELLS = frozenset({"td", "th"})

# class / id words of containers that hold junk, not content.
JUNK_WORDS = (
    "share", "sharing", "social", "sociable", "related", "newsletter", "subscribe", "subscription",
    "comments", "comment", "commentlist", "sidebar", "widget-area", "advert", "adverts", "advertisement",
    "advertising", "ads", "adsbygoogle", "ad-slot", "promo", "promos", "promotions", "promotion",
    "breadcrumbs", "breadcrumb", "cookies", "cookie", "consent", "gdpr", "popup", "modal", "sponsor",
    "sponsored", "sponsors", "outbrain", "taboola", "recommended", "recommendations", "recommendation",
    "navbar", "navigation", "nav", "menu", "footer", "masthead", "skip-link", "signup", "sign-up", "login",
    "author-bio", "authorbox", "author-box", "about-author", "tags", "tag-list", "tagcloud", "pagination",
    "pager", "post-nav", "post-navigation", "toolbar", "disclaimer", "banner", "byline", "meta-data",
    "post-meta", "entry-meta", "meta", "jp-relatedposts", "yarpp", "read-more", "more-stories", "trending",
    "most-popular", "print", "paywall", "timestamp",
)
JUNK_ATTR = re.compile(rf"(?:^|[\s_-])({'|'.join(JUNK_WORDS)})(?:$|[\s_-])", re.IGNORECASE)
# A class / id can hold a junk word only if it holds the word's first part as a whole name part
# (parts are split at white space, "_" and "-"); most hold none, and skip the regex.
_JUNK_FIRST_PARTS = frozenset(word.split("-")[0] for word in JUNK_WORDS)
_NAME_PARTS = str.maketrans("_-", "  ")
# Class names that start so are modifiers ("has-sidebar", "hide-read-more-ad"): never junk words.
MODIFIER_PREFIXES = ("has-", "no-", "with-", "without-", "hide-", "show-", "is-", "not-")
# Class names of page layouts that hold the content beside a sidebar (Genesis's "content-sidebar-wrap"
# around the article and its sidebar): never junk words.
LAYOUT_CLASSES = frozenset({"content-sidebar-wrap"})
# Elements that are never junk because of their class.
NEVER_JUNK = frozenset({"html", "body", "article", "main"})

# Inside the region, a line under NAV_MAX_CHARS characters that is nearly all link text
# (more than NAV_LINK_SHARE of it) is a menu item; longer link lines are headlines of a listing.
NAV_LINK_SHARE = 0.9
NAV_MAX_CHARS = 80
# On a page that does not say it is an article or one product's page, such a line of this many
# words or more, and of LISTING_ENTRY_WORDS_PER_LINK words a link at least, is an entry of a listing
# (a product's, a story's or a recipe's title: collections and listings are made of them), not a
# menu item or a row of sort links ("New in Price Best sellers"); on an article, it is a teaser of
# another one, and on a product's page a link to another product.
LISTING_ENTRY_MIN_WORDS = 5
LISTING_ENTRY_WORDS_PER_LINK = 2.5
# The main region holds at least this share of the page's weight; on pages whose structured
# data says they are articles, a smaller share: the body is one block of prose, and what
# surrounds it (teasers, bios, reviews) is rarely part of it. Listings, catalogues and
# service pages spread their content over more of the page.
REGION_SHARE = 0.85
ARTICLE_REGION_SHARE = 0.75
# Comment sections that hold more than this share of the page's weight, and five times the text
# outside all junk containers, are the page's content (a forum thread, a Q&A page); so are those
# of a page whose structured data says it is a forum thread or a Q&A page, however little they hold.
# On a page that says it is an article, they are readers' comments as soon as the text outside them
# reaches ARTICLE_BODY_MIN_WEIGHT (an article of its own), however many there are.
DISCUSSION = frozenset({"comment", "commentlist"})
DISCUSSION_MIN_SHARE = 0.4
ARTICLE_BODY_MIN_WEIGHT = 500
# A junk container holding more than this share of the page's weight is content after all (a
# page swallowed by an unclosed tag), unless it is an overlay (sign-in sheets, cookie settings and
# policy texts in modals are hidden until asked for, and never the page's content), or it sits
# beside a landmark: a main or article element holding LANDMARK_MIN_SHARE of the page's weight,
# or LANDMARK_MIN_CHARS characters, outside any junk container (then the page is not swallowed,
# and a footer is a footer, however many policy texts it holds).
JUNK_MAX_SHARE = 0.3
OVERLAYS = frozenset({"dialog", "modal", "popup", "cookie", "consent", "gdpr"})
LANDMARKS = frozenset({"main", "article"})
# Menus and banners are made of links and short labels; a "nav", "menu" or "banner" container
# holding a paragraph of SECTION_MIN_BLOCK characters outside links is a section of the page
# ("content-nav-section", a page builder's "cmp-cta__banner" around a part of the body), unless
# that paragraph speaks of cookies: consent managers call their box a banner too.
MENUS = frozenset({"nav", "navbar", "navigation", "menu"})
SECTIONS_IF_LONG = MENUS | {"banner"}
SECTION_MIN_BLOCK = 300
LANDMARK_MIN_SHARE = 0.1
LANDMARK_MIN_CHARS = 500
# On article pages, an article-body container (itemprop=articleBody, or one of these classes)
# holding BODY_MIN_SHARE of the region's weight is the region: what surrounds it inside the
# region (teasers, author boxes, product cards, testimonials) is not the article.
BODY_ATTR = re.compile(
    r"(?:^|[\s_-])(?:entry-content|post-content|article-content|article-body|articlebody|post-body|story-body|"
    r"article__body|article-text|blog-post-content|single-content|content-body|body-text|post-entry|entry-body|"
    r"article__content|post__content|story-content|editor-content)(?:$|[\s_-])",
    re.IGNORECASE,
)
BODY_MIN_SHARE = 0.5


@dataclass(slots=True)
class _Block:
    text: str
    link_chars: int
    tag: str
    path: tuple  # the open elements around the block, outermost first
    junk: tuple  # the junk containers around the block, outermost first
    links: int  # how many links the block's text runs through


class DensityExtractor:
    """Body from the densest region of the page; no metadata of its own."""

    name = "density"

    def extract(self, tree: Any, *, url: str | None, declared: Declared | None = None) -> Extracted:
        blocks = _body_blocks(tree, declared)
        numbers: dict = {}  # by holding element: its number, in order of appearance
        holders = [numbers.setdefault(_holder(block), len(numbers)) for block in blocks]
        return Extracted(lines=[block.text for block in blocks], url=url, holders=holders)


def _holder(block: _Block):
    """The innermost element of ``HOLDERS`` around ``block`` (the body, at the least)."""
    return next((element for element in reversed(block.path) if element.tag in HOLDERS), None)


def _body_blocks(tree, declared: Declared | None) -> list[_Block]:
    """The blocks of the body, in order; ``declared``: what the page's structured data says (read
    here when not given)."""
    body = page_body(tree)
    blocks = _walk(body)
    if not blocks:
        return []
    raw = [max(0, len(b.text) - b.link_chars) for b in blocks]
    raw_total = sum(raw)
    if not raw_total:
        return blocks
    # Junk containers are judged by all the text they hold.
    # Repeated containers are judged together: siblings (the posts of a thread) and cousins (the
    # entries of a listing, each in a box of its own list item).
    containers = {j for b in blocks for j in b.junk}
    group = {j: _group(j) for j in containers}
    kind = {j: _kind(j) for j in containers}
    longest: dict = {}  # by container: the weight of its longest block of text outside links
    longest_text: dict = {}  # and that block's text
    held: dict = {}
    held_kind: dict = {}
    held_landmark: dict = {}  # by main and article element: the weight they hold outside junk
    clean = 0
    for block, w in zip(blocks, raw, strict=True):
        if not w:
            continue
        if not block.junk:
            clean += w
            for element in block.path:
                if element.tag in LANDMARKS:
                    held_landmark[element] = held_landmark.get(element, 0) + w
            continue
        for j in block.junk:
            held[group[j]] = held.get(group[j], 0) + w
            if w > longest.get(j, 0):
                longest[j] = w
                longest_text[j] = block.text
        for k in {kind[j] for j in block.junk}:
            held_kind[k] = held_kind.get(k, 0) + w
    discussion = {k for k in DISCUSSION if held_kind.get(k, 0) > max(DISCUSSION_MIN_SHARE * raw_total, 5 * clean)}
    declared = declared or Declared(tree)
    article = declared.article
    # a page that is neither an article nor one product's page may be a listing (see _navigation_like)
    listing = not article and not declared.product
    if discussion and clean >= ARTICLE_BODY_MIN_WEIGHT and article and not declared.discussion:
        discussion = set()  # an article with a thread of comments under it
    if not discussion and not DISCUSSION.isdisjoint(held_kind) and declared.discussion:
        discussion = DISCUSSION & held_kind.keys()
    need = min(LANDMARK_MIN_SHARE * raw_total, LANDMARK_MIN_CHARS)
    landmarks = [element for element, w in held_landmark.items() if w >= need]
    junk_ok = {j for j in containers if kind[j] in discussion
               or (kind[j] in SECTIONS_IF_LONG and longest.get(j, 0) >= SECTION_MIN_BLOCK
                   and (kind[j] in MENUS or "cookie" not in longest_text[j].casefold()))
               or (kind[j] not in OVERLAYS and held.get(group[j], 0) > JUNK_MAX_SHARE * raw_total
                   and not (landmarks and _beside(j, landmarks)))}
    kept = [not b.junk or all(j in junk_ok for j in b.junk) for b in blocks]
    if discussion:  # the moderation form some forums wrap around a thread's posts is no junk to them
        kept = [keep or (any(kind[j] in discussion for j in b.junk)
                         and all(j in junk_ok or kind[j] == "form" for j in b.junk))
                for keep, b in zip(kept, blocks, strict=True)]
    weights, total = _weigh(blocks, raw, kept)
    if not total:  # everything looked like junk: judge the page by its text alone
        kept = [True] * len(blocks)
        weights, total = _weigh(blocks, raw, kept)
    if article:
        region = _region(body, weights, total, ARTICLE_REGION_SHARE)
        inner = _body_container(region, weights)
        region = region if inner is None else inner
    else:
        region = _region(body, weights, total, REGION_SHARE)
    out = []
    for block, keep in zip(blocks, kept, strict=True):
        if not keep or region not in block.path:
            continue
        if _navigation_like(block, listing):
            continue
        out.append(block)
    return out


def block_texts(tree) -> list[str]:
    """The text of every block of ``tree``, in order, none left out (no region, no junk test)."""
    return [block.text for block in _walk(page_body(tree))]


@functools.lru_cache(maxsize=4096)
def _junk_attrs(attrs: str) -> str | None:
    """The junk word in a class / id, singular and lower-case, or None. Modifier classes
    ("has-sidebar", "no-comments", "hide-read-more-ad") and layout classes ("content-sidebar-wrap")
    say what is around, inside or missing, not what the element is."""
    if "-" in attrs:
        attrs = " ".join(name for name in attrs.split()
                         if not (lower := name.lower()).startswith(MODIFIER_PREFIXES) and lower not in LAYOUT_CLASSES)
    if _JUNK_FIRST_PARTS.isdisjoint(attrs.casefold().translate(_NAME_PARTS).split()):
        return None
    found = JUNK_ATTR.search(attrs)
    return found.group(1).lower().rstrip("s") if found else None


def _kind(element) -> str:
    tag = element.tag
    if tag in CHROME:
        return tag
    return _junk_attrs((element.get("class") or "") + " " + _short_id(element.get("id"))) or tag


def _short_id(element_id: str | None) -> str:
    """The id, unless it is a slug made from a heading ("menu-innovation-strategies-for-...")."""
    if not element_id or element_id.count("-") + element_id.count("_") > 2:
        return ""
    return element_id


def _weigh(blocks: list[_Block], raw: list[int], kept: list[bool]) -> tuple[dict, int]:
    """Each element's weight: the weight of the kept blocks inside it."""
    weights: dict = {}
    total = 0
    for block, w, keep in zip(blocks, raw, kept, strict=True):
        if w and keep:
            total += w
            for element in block.path:
                weights[element] = weights.get(element, 0) + w
    return weights, total


def _group(element) -> tuple:
    """What repeated containers share: the element's tag and class, its parent's, and the element
    above its parent (so siblings and cousins, ``dl > dd > div.meta``, are one group)."""
    parent = element.getparent()
    return (parent.getparent(), parent.tag, parent.get("class"), element.tag, element.get("class"))


def _region(body, weights: dict, total: int, share: float):
    """The deepest element still holding ``share`` of the page's weight."""
    node = body
    need = share * total
    while True:
        best = None
        best_w = 0
        for child in node:
            w = weights.get(child, 0)
            if w > best_w:
                best, best_w = child, w
        if best is None or best_w < need:
            return node
        node = best


def _beside(container, landmarks: list) -> bool:
    """Whether a landmark lies outside the container (none lies inside: its text is not junk)."""
    around = set(container.iterancestors())
    return any(landmark not in around for landmark in landmarks)


def _body_container(region, weights: dict):
    """The first article-body container in the region holding BODY_MIN_SHARE of its weight, or None."""
    need = BODY_MIN_SHARE * weights.get(region, 0)
    for element in region.iterdescendants():
        if weights.get(element, 0) >= need and (
                element.get("itemprop") == "articleBody" or BODY_ATTR.search(element.get("class") or "")):
            return element
    return None


def _navigation_like(block: _Block, listing: bool) -> bool:
    """Whether a block is a menu item: a short line of link text (see ``NAV_MAX_CHARS``), but for
    a listing's entry on a page that does not say it is an article or one product's page (see
    ``LISTING_ENTRY_MIN_WORDS``)."""
    if block.tag in HEADINGS:
        return False
    n = len(block.text)
    if not (block.link_chars > NAV_LINK_SHARE * n and n < NAV_MAX_CHARS):
        return False
    # the text's spaces are single: its words are one more
    words = block.text.count(" ") + 1
    return not listing or words < LISTING_ENTRY_MIN_WORDS or words < LISTING_ENTRY_WORDS_PER_LINK * block.links


def _walk(body) -> list[_Block]:
    blocks: list[_Block] = []
    stack: list = []  # open elements
    junk_stack: list = [()]  # for each open element, the junk containers it sits in (a tuple)
    parts: list[str] = []  # the text of the block being read; never starts with white space alone
    link_chars = 0
    links = 0
    in_link = 0
    skip_depth = 0
    owners = ["body"]  # the open block-level tags

    def flush():
        nonlocal parts, link_chars, links
        text = " ".join("".join(parts).split())
        if owners[-1] == "tr":
            text = text.rstrip(" |")  # the separators of empty cells at the end of a row
        if text:
            blocks.append(_Block(text, min(link_chars, len(text)), owners[-1], tuple(stack), junk_stack[-1], links))
        parts = []
        link_chars = 0
        links = 0

    walker = etree.iterwalk(body, events=("start", "end"))
    for event, el in walker:
        tag = el.tag
        if event == "start":
            if tag in SKIPPED:
                walker.skip_subtree()
                skip_depth += 1
                continue
            parent_junk = junk = junk_stack[-1]
            if tag in CHROME:
                junk += (el,)
            elif tag not in NEVER_JUNK:
                classes = el.get("class")
                element_id = el.get("id")
                if (classes or element_id) and _junk_attrs((classes or "") + " " + _short_id(element_id)):
                    junk += (el,)

            # a <br> in a cell's own text is a space: the row stays one line
            block = tag in BLOCK_LEVEL and (tag != "br" or owners[-1] != "tr")
            if parts and (block or junk is not parent_junk):
                flush()
            if block:
                owners.append(tag)
            elif tag == "br":
                parts.append(" ")
            elif tag in CELLS:  # cells of a row are set apart as in a text table: "Size | Price"
                parts.append(" | " if any(not part.isspace() for part in parts) else " ")
            elif tag == "a":
                in_link += 1
                links += 1
            stack.append(el)
            junk_stack.append(junk)
            text = el.text
        else:
            if skip_depth and tag in SKIPPED:
                skip_depth -= 1
            else:
                block = tag in BLOCK_LEVEL and owners[-1] == tag  # it opened a block (see above)
                if parts and (block or junk_stack[-1] is not junk_stack[-2]):
                    flush()
                if block:
                    owners.pop()
                elif tag == "a":
                    in_link -= 1
                elif tag in CELLS:
                    parts.append(" ")
                stack.pop()
                junk_stack.pop()
            text = el.tail
        if text and (parts or not text.isspace()):
            parts.append(text)
            if in_link:
                link_chars += len(text.strip())
    if parts:
        flush()
    return blocks
