"""Related, recommended and most-read lists; previous/next links (STR5xx)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from itertools import chain

from ..model import Rule, TextState, is_prose, word_count, words_reach
from ..patterns import BlockMatcher, literal, pattern_rule
from .comments import DATE

# A list item under a "related" heading: a headline, not a paragraph, or a teaser's excerpt,
# cut short ("... the council said on Tuesday th...").
_ITEM_MAX_WORDS = 20
# In scraped text, a related list past this share of the text is the page's own, after the
# article: under each of its headlines, an excerpt of up to this many words goes with it.
_TEASERS_PAST = 0.5
_EXCERPT_MAX_WORDS = 40
_TRUNCATED = ("...", "…", "[…]", "[...]")

RELATED_HEADINGS = BlockMatcher(
    blocks=[
        r"(?:more )?related(?: (?:posts?|articles?|stories|story|content|news|reading|links|topics|videos?|"
        r"guides|products|reads))?",
        r"(?:if you (?:liked|enjoyed) this (?:post|article|story),? )?"
        r"(?:you|we think you) (?:may|might|will|could) (?:also )?(?:like|love|enjoy|be interested in)"
        r"(?: to read| the following (?:articles|posts|stories|topics)(?: as well)?)?",
        r"(?:more |other )?(?:related|similar|recommended|helpful|popular) (?:articles|posts|stories|guides|reads)"
        r" (?:from|by|on) .{1,40}|related articles and links",
        r"more (?:articles|posts|stories) (?:you|we think you) (?:may|might|will) (?:also )?(?:like|love|enjoy)",
        r"explore more(?: \w+){0,2} (?:articles|posts|stories|guides)(?: (?:on|about) .{1,40})?",
        r"view all (?:blog )?(?:posts|articles|stories)",
        r"you['’]ll (?:also )?(?:like|love|enjoy)|related articles that link to this one",
        r"read more (?:articles|stories|posts|news)",
        r"(?:the )?latest (?:from|on) (?:the|our) blog",
        r"you may be interested in|recommended(?: for you| reading| stories| articles| posts| content)?",
        r"more (?:from|in|on|by|about) .{1,40}|more (?:stories|articles|news|posts|to read)",
        r"(?:most|the most) (?:read|popular|viewed|shared|commented|recent)(?: (?:articles|stories|posts|now|today))?",
        r"popular(?: (?:posts|stories|articles|now|today|this week))?|trending(?: (?:now|stories|articles))?",
        r"top stories|latest (?:news|posts|stories|articles|headlines)|recent (?:posts|articles|stories)",
        r"also in (?:the )?news|also (?:on|in) (?:this site|our site)",
        r"what to read next|read next|up next|don't miss|editor'?s picks|in case you missed it",
        r"more from (?:the )?author|more from (?:this|our) .{1,30}|other (?:stories|articles)",
        r"similar (?:posts|articles|stories)|further reading|keep reading|around the web",
        r"ähnliche (?:artikel|beiträge|themen)|das könnte sie auch interessieren|meistgelesen|"
        r"weitere artikel|mehr aus .{1,30}|verwandte (?:artikel|beiträge)|beliebte beiträge",
        r"articles similaires|à lire aussi|a lire aussi|les plus lus|sur le même sujet|"
        r"vous aimerez aussi|articles liés|dans la même rubrique|à découvrir aussi",
        r"artículos relacionados|noticias relacionadas|te puede interesar|lo más leído|"
        r"también te puede interesar|más noticias|entradas relacionadas|te recomendamos",
    ],
)


def related_list(state: TextState, indices: Iterable[int]) -> list[int]:
    """A related-list heading and the headline-like lines right after it; in the second half of
    scraped text, also the short excerpt under each headline, when two headlines or more have one."""
    removed: list[int] = []
    texts = state.texts
    headings = RELATED_HEADINGS.matching(state)
    if not headings:
        return removed
    late = state.first_past(_TEASERS_PAST) if state.kind == "text" else len(texts)
    items: list[int] = []  # the list being read: its heading, then its items
    excerpts: list[int] = []  # where in ``items`` its excerpts stand
    after_headline = False
    for i in chain(indices, (None,)):
        heading = i in headings
        if not items and not heading:
            continue  # not in a list: the common case
        if i is not None and not heading:  # a line of the list being read, or the one after it
            text = texts[i]
            words = word_count(text)
            headline = words <= _ITEM_MAX_WORDS and not is_prose(text)
            if headline or text.endswith(_TRUNCATED):
                items.append(i)
                after_headline = headline
                continue
            if after_headline and items[0] >= late and words <= _EXCERPT_MAX_WORDS:
                excerpts.append(len(items))
                items.append(i)
                after_headline = False
                continue
        # The list ends here. A lone excerpt is rather the article going on after a short list.
        removed.extend(items[: excerpts[0]] if len(excerpts) == 1 else items)
        items, excerpts, after_headline = [i] if heading else [], [], False
    return removed


# Lets the pattern prefilter find the headings' candidates too.
related_list.block_matchers = (RELATED_HEADINGS,)

RELATED_LISTS = Rule(
    "STR501",
    "related-lists",
    "text",
    "'Related posts', 'You may also like', 'Most read' headings and the headlines under them.",
    related_list,
    doc="""What it does: removes a heading that announces a list of other articles
("Related posts", "You may also like", "Most read", "Also in the news",
"More helpful articles by …", "If you liked this post you might also like:",
"Ähnliche Artikel", "Articles similaires", "Artículos relacionados") together
with the headline-like lines that follow it, and teasers' excerpts cut short
("... the council said on Tuesday th..."), up to the next line of prose.
In scraped text, a list whose heading stands in the second half of the text
also loses the excerpt of up to 40 words under each headline ("The Ultimate
Barn Wedding Checklist" / "Planning a barn wedding? We've got you covered.").

Why: related-post widgets follow the body in nearly every template, and their
headlines are easily mistaken for short paragraphs. Their excerpts read as
sentences, so nothing else removes them. On a page's extracted article the
excerpts stay: what follows such a heading there is often the page's own
listing. For the same reason a bare "Explore more" is no related heading: a
listing's own section may bear it; "Explore more articles on …" is one.""",
    removes=("Related posts\nHow the city rebuilt its harbour\nA short history of the tram",
             "You may also like\nTen walks on the coast",
             "Most Read\nCouncil votes on budget\nSchool to close in June",
             "Artículos relacionados\nEl Gobierno aprueba el plan",
             "You’ll also love\nThe Ultimate Barn Wedding Checklist",
             "You may like to read:\nCouncil votes on budget",
             "Related guides\nHow to re-sleeve a rudder bush",
             "If you liked this post you might also like:\nHow to re-sleeve a rudder bush",
             "You may be interested in the following articles as well:\nTen walks on the coast",
             "More Helpful Articles by Harbour Chandlery:\nHow to choose a mooring line",
             "Explore more articles on sailing\nTen walks on the coast",
             "More Articles You Might Enjoy\nThe Best Dinghies for Beginners",
             "Recommended content\nHow to choose a mooring line",
             "Also in the News\nFront Page\nTHE COUNCIL voted on Tuesday to approve the harbour budget after"
             " a debate that ran late into th..."),
    keeps=("Related research has reached the same conclusion, the authors wrote in their paper.",
           "Most read the report as a warning, although its authors insisted it was not one.",
           "Related resources",
           "Explore More\nThe harbour's new tide gauge",
           "You might like the following tools:\nA tide table\nA hand-bearing compass",
           "Helpful posts from readers have been collected in the forum's FAQ since 2019."),
)

# A teaser card's date on a line of its own ("Mar 3, 2026", "12/05/2024").
_CARD_DATES = BlockMatcher(blocks=[rf"(?:(?:published|posted|updated)(?: on)?:? )?{DATE}"])
# Cards have this many lines at most between two dates, and a run has this many dates at least.
_CARD_MAX_LINES = 4
_RUN_MIN_DATES = 3
# Runs start after this share of the page's text: they follow the article.
_RUN_MIN_SHARE_BEFORE = 0.4


def teaser_runs(state: TextState, indices: Sequence[int]) -> list[int]:
    """Runs of teaser cards after the article: three dated cards or more, each a few lines long."""
    dates = _CARD_DATES.matching(state)
    if len(dates) < _RUN_MIN_DATES:
        return []
    texts = state.texts
    live = indices
    runs: list[list[int]] = []
    for i in sorted(dates):
        n = bisect_left(live, i)
        if n == len(live) or live[n] != i:
            continue  # a date an earlier rule removed
        if runs and n - runs[-1][-1] <= _CARD_MAX_LINES + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    runs = [run for run in runs if len(run) >= _RUN_MIN_DATES]
    if not runs or live[runs[0][0]] < state.first_past(_RUN_MIN_SHARE_BEFORE):
        return []  # cards from early on: a listing, whose cards are the content
    found: list[int] = []
    for run in runs:
        # every card is as long as the shortest gap between two of its dates, and a card's date
        # closes it: the first card's other lines come before its date
        size = min(b - a for a, b in zip(run, run[1:], strict=False))
        lo = max(0, run[0] - (size - 1))
        cards = live[lo:run[-1] + 1]
        if words_reach(texts, live[:lo], sum(word_count(texts[i]) for i in cards) + 1):  # more words before
            found.extend(cards)
    return found


# Lets the pattern prefilter find the dates' candidates too.
teaser_runs.block_matchers = (_CARD_DATES,)

TEASER_RUNS = Rule(
    "STR503",
    "teaser-runs",
    "text",
    "Runs of dated teaser cards after the article: a headline, an excerpt and a date, three times or more.",
    teaser_runs,
    doc="""What it does: past the first 40% of the page, finds three lines or more
that are only a date ("Mar 3, 2026", "12/05/2024"), each at most four lines
from the next, and removes them with the lines of their cards: the headline
and excerpt before each date. Nothing is removed when such a run starts in
the page's first 40%, and a run is left alone when it holds more words than
everything before it: then the page is a listing, and the cards are its content.

Why: blog and news templates list other posts after the body as cards; an
excerpt is a sentence or two of prose, so the trailing-junk pass stops at it,
and no heading announces the list in every template.""",
    removes=("New tram stops open\nMar 3, 2026\nLibrary hours extended\nFeb 26, 2026\n"
             "Harbour wall repairs begin\nFeb 19, 2026",),
    keeps=("New tram stops open\nMar 3, 2026\nLibrary hours extended\nFeb 26, 2026",),
)

POST_NAVIGATION = pattern_rule(
    "STR502",
    "post-navigation",
    "Previous/next links: 'Previous article', 'Next post', 'Newer Post Older Post Home'.",
    doc="""What it does: removes the previous/next navigation of blog and news
templates, alone or with the linked headline after a separator.

Why: the navigation sits between the article and its comments.""",
    blocks=literal("previous article", "next article", "previous post", "next post",
                   "previous story", "next story", "newer post", "older post", "newer posts",
                   "older posts", "previous", "next", "home", "article précédent",
                   "article suivant", "artículo anterior", "siguiente artículo",
                   "vorheriger artikel", "nächster artikel", "entrada anterior",
                   "entrada siguiente")
    + [r"(?:newer posts?\W*)?(?:older posts?\W*)?home", r"newer posts?\W+older posts?",
       r"(?:previous|next|prev)(?: (?:article|post|story|entry))?\W*(?:next|previous)?"
       r"(?: (?:article|post|story|entry))?"],
    labels=[r"previous(?: article| post| story)?", r"next(?: article| post| story)?", r"prev",
            r"article précédent", r"article suivant", r"artículo anterior", r"siguiente artículo"],
    label_max_words=20,
    removes=("Previous article", "Next article", "Newer Post Older Post Home",
             "Previous post: How we moved our servers"),
    keeps=("Next year the festival moves to a larger site on the edge of town.",
           "Next-generation batteries could double the range of the city's buses"),
)

RULES = [RELATED_LISTS, TEASER_RUNS, POST_NAVIGATION]
