"""DOM rules: the containers junk lives in, and hidden elements (STR0xx).

These run on the parsed page before extraction and drop whole elements.
"""

import re

from lxml.etree import XPath

from ...blocks import clean_line
from ...declared import Declared
from ..model import DomState, Rule
from ..patterns import ElementMatcher, selector_rule

_LOWER = "translate(@style, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ ', 'abcdefghijklmnopqrstuvwxyz')"

HIDDEN_ELEMENTS = selector_rule(
    "STR001",
    "hidden-elements",
    "Elements a browser does not show: hidden, aria-hidden=\"true\", inline display:none.",
    xpath=[
        "//*[@hidden or @aria-hidden='true' or "
        f"contains({_LOWER}, 'display:none') or contains({_LOWER}, 'visibility:hidden')]",
    ],
    enabled=False,
    doc="""What it does: drops elements with the ``hidden`` attribute,
``aria-hidden="true"``, or an inline ``display:none`` / ``visibility:hidden``
style, before extraction. Off by default: enable it with ``--select``.

Why: pages carry invisible form states, modal dialogs and screen-reader
duplicates whose text a reader never sees. It is off by default because many
pages hide real content until a script shows it (tabs, "read more" toggles,
lazily revealed listings), and dropping that content cost more recall on real
pages than the junk it removed was worth.""",
    removes=('<div hidden><p>Thanks for signing up! Check your inbox.</p></div>',
             '<p style="display: none">Please enter a valid email address.</p>',
             '<span aria-hidden="true">Share this article</span>'),
    keeps=('<p style="color: grey">The storm reached the coast at dawn.</p>',
           '<div aria-hidden="false"><p>Officials said the bridge would reopen.</p></div>'),
)

# The form readers write a comment in, and the sections that list the comments.
_COMMENT_FORM = ElementMatcher(["#respond", ".comment-respond", "#commentform", "form.comment-form",
                                ".td-comments-title-wrap", ".wpd-form-wrap"])
_COMMENT_SECTIONS = ElementMatcher(["#comments", ".comment-list", ".commentlist", ".comments-area",
                                    "#disqus_thread", ".comments-section", ".comment-section", "#wpdcom"])


def comment_containers(state: DomState) -> list:
    """Comment forms, and comment sections unless the page says it is a forum thread or a Q&A page."""
    found = _COMMENT_FORM(state)
    sections = _COMMENT_SECTIONS(state)
    if sections and not Declared(state.root).discussion:
        found += sections
    return found


COMMENT_FORMS = Rule(
    "STR002",
    "comment-form-containers",
    "dom",
    "Comment forms and comment sections: #respond, .comment-respond, #comments, Disqus.",
    comment_containers,
    doc="""What it does: drops WordPress (classic, block and tagDiv themes),
wpDiscuz and Disqus comment forms and comment lists before extraction. On a
page whose JSON-LD says it is a forum thread or a Q&A page
(``DiscussionForumPosting``, ``QAPage``), only the forms go: the comment
sections there hold the posts, which are the page's content.

Why: a comment form's prompts are the junk most often left at the end of
scraped articles.""",
    removes=('<div id="respond"><h3>Leave a Reply</h3><form><textarea placeholder="Please enter'
             ' your comment!"></textarea></form></div>',
             '<div id="comments"><ol class="comment-list"><li>Great article, thanks!</li></ol></div>'),
    keeps=('<div class="comment-policy-note"><p>The editors read every letter.</p></div>',
           '<script type="application/ld+json">{"@type": "DiscussionForumPosting"}</script>'
           '<div id="comments"><p>Has anyone re-sleeved a rudder bush without lifting the boat?</p></div>'),
)

SHARE_BARS = selector_rule(
    "STR003",
    "share-bar-containers",
    "Share bars: Jetpack sharedaddy, AddToAny, tagDiv and generic social-share blocks.",
    css=[".sharedaddy", ".sd-sharing", ".sd-sharing-enabled", ".share-buttons", ".social-share",
         ".social-sharing", ".sharing-buttons", ".addtoany_share_save_container", ".a2a_kit",
         ".td-post-sharing", ".share-bar", ".shareaholic-canvas", ".ssba", ".social-buttons",
         ".share-links", ".post-share", ".entry-share", ".sharethis-inline-share-buttons"],
    doc="""What it does: drops the share-button bars of common plugins and themes.

Why: their labels ("Share this:", "Facebook", "Twitter") end up as one-word paragraphs.""",
    removes=('<div class="sharedaddy sd-sharing-enabled"><h3>Share this:</h3><ul><li>'
             '<a>Twitter</a></li><li><a>Facebook</a></li></ul></div>',),
    keeps=('<div class="shared-history"><p>The two towns share a long history.</p></div>',),
)

_RELATED_WIDGETS = ElementMatcher([
    "#jp-relatedposts", ".jp-relatedposts", ".related-posts", ".related_posts", ".yarpp-related", ".crp_related",
    ".td-related-posts", ".td_block_related_posts", ".related-articles", ".related-stories", "aside.related",
    ".relatedposts", ".wp-block-jetpack-related-posts", ".you-may-also-like"])
# Elementor's page builder: a single post's template shows the post in a "post content" widget,
# and any "posts" or "loop grid" widget beside it lists other posts.
_ELEMENTOR_POST_CONTENT = ElementMatcher([".elementor-widget-theme-post-content"])
_ELEMENTOR_POST_LISTS = ElementMatcher([".elementor-widget-posts", ".elementor-widget-loop-grid"])


def related_widgets(state: DomState) -> list:
    """Related-post widgets, and the post lists of an Elementor single-post template."""
    found = _RELATED_WIDGETS(state)
    contents = _ELEMENTOR_POST_CONTENT(state)
    if contents:
        found += [element for element in _ELEMENTOR_POST_LISTS(state)
                  if not any(ancestor in contents for ancestor in element.iterancestors())]
    return found


RELATED_WIDGETS = Rule(
    "STR004",
    "related-post-widgets",
    "dom",
    "Related-post widgets: Jetpack, YARPP, Contextual Related Posts, tagDiv, Elementor post lists beside a post.",
    related_widgets,
    doc="""What it does: drops related-post widgets before extraction: those of
Jetpack, YARPP, Contextual Related Posts and tagDiv themes, and on a page built
with Elementor whose template shows a single post (a "post content" widget),
the "posts" and "loop grid" widgets outside it. On an Elementor blog index,
which has no post content widget, the post lists are the page and stay.

Why: their headlines and excerpts belong to other articles.""",
    removes=('<div id="jp-relatedposts" class="jp-relatedposts"><h3>Related</h3><p>'
             '<a>Ten walks on the coast</a></p></div>',
             '<div class="elementor-widget-theme-post-content"><img src="harbour-wall.jpg" alt=""></div>'
             '<div class="elementor-widget-posts"><article><h3>Ten walks on the coast</h3>'
             '<p>Our favourite routes, from the cliffs to the dunes.</p></article></div>'),
    keeps=('<div class="relation"><p>The relation between the two was never easy.</p></div>',
           '<div class="elementor-widget-posts"><article><h3>Ten walks on the coast</h3>'
           '<p>Our favourite routes, from the cliffs to the dunes.</p></article></div>'),
)

NEWSLETTER_FORMS = selector_rule(
    "STR005",
    "newsletter-forms",
    "Newsletter boxes: Mailchimp for WP, Jetpack and Ghost sign-up cards, subscribe forms.",
    css=[".mc4wp-form", ".newsletter-signup", ".newsletter-box", ".newsletter-form",
         ".subscribe-form", ".subscription-form", ".wp-block-jetpack-subscriptions",
         ".kg-signup-card", ".gh-signup", ".email-signup", ".subscribe-widget",
         ".subscription-widget-wrap", ".substack-subscribe", "form[action*='subscribe']",
         "form[action*='newsletter']"],
    doc="""What it does: drops newsletter sign-up boxes and subscribe forms.

Why: the boxes sit inside article bodies and hold whole sentences, so
extractors keep them.""",
    removes=('<form class="mc4wp-form"><p>Sign up for our newsletter</p>'
             '<input type="email" placeholder="Your email"></form>',),
    keeps=('<div class="news"><p>The newsroom moved to a new building in May.</p></div>',),
)

COOKIE_BANNERS = selector_rule(
    "STR006",
    "cookie-banners",
    "Cookie banners: OneTrust, Cookiebot, Complianz, Cookie Notice and generic consent boxes.",
    css=["#onetrust-banner-sdk", "#onetrust-consent-sdk", "#cookie-notice", "#cookie-law-info-bar",
         ".cookie-banner", ".cookie-notice", ".cc-window", "#CybotCookiebotDialog",
         ".cmplz-cookiebanner", "#gdpr-cookie-notice", "#cookie-consent", ".cookie-consent",
         "#cookiebanner", ".cookiebanner", "#usercentrics-root", ".qc-cmp2-container"],
    doc="""What it does: drops consent-management banners and dialogs.

Why: their text ("We use cookies …") is in the page before any script runs.""",
    removes=('<div id="onetrust-banner-sdk"><p>We use cookies to personalise content.</p>'
             '<button>Accept All Cookies</button></div>',),
    keeps=('<div class="cookies-recipe"><p>Bake the cookies for twelve minutes.</p></div>',),
)

REVIEW_SECTIONS = selector_rule(
    "STR007",
    "review-sections",
    "Customer reviews on shop pages: WooCommerce, Amazon, Shopify review apps (Judge.me, Okendo, Stamped).",
    css=["#reviews", "#customer-reviews", "#product-reviews", ".product-reviews", ".woocommerce-Reviews",
         "[data-hook=review]", ".review-list", ".reviews-list", ".yotpo-reviews", ".jdgm-rev-widg",
         ".spr-reviews", ".okeReviews", ".stamped-reviews"],
    doc="""What it does: drops the customer-review sections of shop pages before
extraction: WooCommerce's "Reviews" tab, Amazon's review list, and the
widgets of Shopify's review apps.

Why: a product page's body is the product's description; its reviews are
other people's posts, and a long list of them can outweigh the description.
A review that is a site's own article is not marked up this way, and, as
for every DOM rule, no element holding more than a quarter of the page's
text is dropped.""",
    removes=('<div id="reviews" class="woocommerce-Reviews"><h2>2 reviews for Linen apron</h2>'
             '<p>Lovely apron, washes well.</p></div>',),
    keeps=('<div class="review-summary"><p>Our review: a sturdy apron that washes well.</p></div>',),
)

_POPOVERS = XPath("//*[@popover]")


def popovers(state: DomState) -> list:
    """Elements with the ``popover`` attribute."""
    source = state.source
    if source is None or "popover" in source:  # a quick test first: in 160 of 1,497 pages' source
        return _POPOVERS(state.root)
    return []


POPOVERS = Rule(
    "STR008",
    "popovers",
    "dom",
    "Popovers: elements with the popover attribute, which a browser shows only when asked.",
    popovers,
    doc="""What it does: drops elements with the ``popover`` attribute before
extraction.

Why: a browser hides a popover until a script or a button opens it, and
sites keep their app-install instructions ("To install this app on iOS …"),
notification settings, sign-in sheets and share menus in them. Unlike
``hidden`` or ``display:none`` (STR001, off by default), the attribute is not
used to hold back a page's own text for later: a popover is an overlay by
definition. (A closed ``<dialog>``, the other such overlay, is page chrome to
the extractor already.)""",
    removes=('<i-card popover><h4>Install this app</h4><p>Tap the Share icon, then Add to Home Screen.</p>'
             '</i-card>',
             '<div popover="manual"><p>Sign in to save this article to your reading list.</p></div>',
             '<div\npopover><p>Allow notifications from this site in your browser settings.</p></div>'),
    keeps=('<div class="popover-help"><p>Officials said the bridge would reopen.</p></div>',),
)

# Class names that hide an element from the eye and leave it to screen readers.
_SCREEN_READER_ONLY = ElementMatcher([".sr-only", ".visually-hidden", ".visuallyhidden", ".screen-reader-text",
                                      ".screen-reader-only", ".u-sr-only", ".u-srOnly", ".is-srOnly", ".clipped",
                                      ".a-offscreen", ".element-invisible"])


def screen_reader_copies(state: DomState) -> list:
    """Screen-reader-only elements that repeat the text shown right before or after them."""
    found = []
    for element in _SCREEN_READER_ONLY(state):
        text = clean_line(element.text_content())
        if not text:
            continue
        before = element.getprevious()
        if before is None:
            parent = element.getparent()
            shown_before = clean_line(parent.text or "") if parent is not None else ""
        else:
            shown_before = clean_line(before.tail or "") or clean_line(before.text_content())
        after = element.getnext()
        next_to = after is not None and not clean_line(element.tail or "")
        shown_after = clean_line(after.text_content()) if next_to else ""
        if text in (shown_before, shown_after):
            found.append(element)
    return found


SCREEN_READER_COPIES = Rule(
    "STR009",
    "screen-reader-copies",
    "dom",
    "Screen-reader copies: a visually hidden element (.sr-only, .clipped) repeating the text beside it.",
    screen_reader_copies,
    doc="""What it does: drops an element that a class hides from the eye and
leaves to screen readers (``sr-only``, ``visually-hidden``,
``screen-reader-text``, ``clipped``, ``u-srOnly``, ``a-offscreen`` and their
kin) when its text is the text shown right before it (its previous sibling,
or its parent's text when it comes first) or right after it.

Why: shops and forums print a price, a title or a label twice, once for the
eye (often ``aria-hidden``, or an icon's tooltip) and once for screen
readers; an extractor reads both and glues them ("EUR 163.12EUR 163.12").
Other screen-reader text is left alone: a hidden heading or label may be the
only place a page says what a list is.""",
    removes=('<div class="price"><span aria-hidden="true">EUR 163.12</span>'
             '<span class="clipped">EUR 163.12</span></div>',
             '<p><span>Sold by Harbour Books<span class="sr-only">Sold by Harbour Books</span></span></p>'),
    keeps=('<p><a href="/cart">Cart<span class="sr-only">, 2 items</span></a></p>',
           '<p>Officials said the bridge would reopen.<span class="visually-hidden">Opens in a new window</span></p>'),
)


# The disclosure an ad network puts in each sponsored card ("Why you're seeing this ad"): the
# texts that may hold it, then the words themselves, as a label (a short text of its own), not
# inside a sentence or a script.
_AD_DISCLOSURE_LITERALS = ("seeing this ad", "Seeing this ad", "Why this ad")
_AD_DISCLOSURE_TEXTS = XPath("//text()[{}]".format(
    " or ".join(f"contains(., '{literal}')" for literal in _AD_DISCLOSURE_LITERALS)))
_AD_DISCLOSURE = re.compile(r"\b(?:seeing this ad|why this ad)\b", re.IGNORECASE)
_AD_LABEL_MAX_CHARS = 80


def sponsored_cards(state: DomState) -> list:
    """The list items that hold an ad's disclosure label."""
    source = state.source
    if source is not None and not any(literal in source for literal in _AD_DISCLOSURE_LITERALS):
        return []
    found: dict = {}  # the list items, once each, in document order
    for text in _AD_DISCLOSURE_TEXTS(state.root):
        if len(text.strip()) > _AD_LABEL_MAX_CHARS or not _AD_DISCLOSURE.search(text):
            continue
        holder = text.getparent()  # for a tail text, the element it follows: its container is that one's parent
        if holder is not None and text.is_tail:
            holder = holder.getparent()
        if holder is None:
            continue
        item = holder if holder.tag == "li" else next(holder.iterancestors("li"), None)
        if item is not None:
            found[item] = None
    return list(found)


SPONSORED_CARDS = Rule(
    "STR010",
    "sponsored-cards",
    "dom",
    "Sponsored cards: a list item holding an ad's disclosure label ('Why you're seeing this ad').",
    sponsored_cards,
    doc="""What it does: drops the list item around an ad network's disclosure
label ("Why you're seeing this ad", "Why this ad?": a short text of its own)
before extraction. The words inside a sentence, or outside a list, are left
alone: an article may write about such labels.

Why: shops and marketplaces slip promoted listings among their product cards
and carousels, each with a button that explains the ad; an extractor reads
every card as content.""",
    removes=('<ul><li><a>Ladies Ribbed Vest Top</a> $7.98 <div role="dialog"><h2>Why you\'re seeing this ad'
             '</h2><p>Promoted items are selected based on what we think may interest you.</p></div></li></ul>',),
    keeps=('<ul><li>The council said it would stop seeing this advert as a matter for the planning board.</li></ul>',
           '<ul><li>Tap the menu on a post and choose "Why am I seeing this ad?" to see who paid for it and'
           ' whom they meant to reach.</li></ul>',
           '<article><h1>Ad labels explained</h1><p>Why this ad?</p><p>Each network words its label'
           ' differently.</p></article>',
           '<ul><li>Harbour brass bell, six inch</li>Why this ad?<li>Second bell</li></ul>'),
)

RULES = [HIDDEN_ELEMENTS, COMMENT_FORMS, SHARE_BARS, RELATED_WIDGETS, NEWSLETTER_FORMS,
         COOKIE_BANNERS, REVIEW_SECTIONS, POPOVERS, SCREEN_READER_COPIES, SPONSORED_CARDS]
