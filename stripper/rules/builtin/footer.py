"""Tag, category and breadcrumb lines; copyright footers; lines of symbols or data (STR8xx)."""

import re
from collections import Counter
from itertools import compress, pairwise, repeat
from operator import eq, itemgetter, le, not_

from ..model import Rule
from ..patterns import BlockMatcher, pattern_rule

TAG_LINES = pattern_rule(
    "STR801",
    "tag-lines",
    "Tag and category lines: 'Tags: economy, trade', 'Filed under: Science', 'Posted in News'.",
    doc="""What it does: removes lines that list the article's tags, topics or
categories after a label, in four languages.

Why: taxonomy lines sit before or after the body and are kept by extractors
as short paragraphs.""",
    labels=[r"tags?", r"tagged(?: with| as)?", r"topics?", r"filed under", r"categories",
            r"category", r"posted in", r"published in", r"schlagwörter", r"schlagworte",
            r"themen", r"stichwörter", r"étiquettes", r"mots[- ]clés", r"catégories?",
            r"thèmes", r"etiquetas", r"categorías?", r"temas"],
    starts=[r"posted in \w", r"posted under \w", r"filed under \w", r"tagged \w"],
    blocks=[r"tags|topics|categories|schlagwörter|étiquettes|etiquetas"],
    label_max_words=30,
    removes=("Tags: economy, trade, tariffs", "Filed under: Science", "Posted in News", "Posted under Car Tires",
             "Schlagwörter: Bahn, Streik", "Étiquettes : économie"),
    keeps=("Tags on the birds showed they flew more than 3,000 kilometres in a month.",),
)

BREADCRUMBS = pattern_rule(
    "STR802",
    "breadcrumbs",
    "Breadcrumb trails: 'Home › News › Science', 'You are here: Home / Blog'.",
    doc="""What it does: removes breadcrumb trails: a home label followed by path
separators, or a "You are here" label.

Why: breadcrumbs precede the title and carry only section names.""",
    starts=[r"(?:home|startseite|accueil|inicio|portada)\s*(?:[›»>/|→]|::)\s*\S",
            r"you are here\s*:", r"sie sind hier\s*:", r"vous êtes ici\s*:", r"estás en\s*:"],
    label_max_words=20,
    removes=("Home › News › Science", "Home / Blog / Recipes", "You are here: Home » Reviews",
             "Startseite > Politik > Inland"),
    keeps=("Home is where the work is, for a growing share of the city's residents.",),
)

COPYRIGHT_FOOTERS = pattern_rule(
    "STR803",
    "copyright-footers",
    "Copyright footers: '© 2024 Example Media. All rights reserved.'",
    doc="""What it does: removes copyright lines and "All rights reserved" footers,
in four languages, and the licence lines of republished stories ("This article
first appeared on … and is republished here under a Creative Commons license").

Why: the site footer follows the body in scraped text; a republished story ends
with the credit line its source's republishing box asks for.""",
    starts=[r"©", r"\(c\)\s*(?:\d{4}|copyright)", r"copyright\s*(?:©|\(c\)|\d{4})"],
    blocks=[
        r".{0,150}\ball rights reserved.{0,100}",
        r"(?:.{0,150}\W)?alle rechte vorbehalten.{0,100}",
        r"(?:.{0,150}\W)?tous droits réservés.{0,100}",
        r"(?:.{0,150}\W)?todos los derechos reservados.{0,100}",
        r"copyright(?: \d{4})?",
        r"republish our (?:articles|stories) for free.{0,120}",
        r"this (?:article|story|post) (?:first|originally) appeared (?:on|in) .{1,80} "
        r"and is republished here under a creative commons .{1,120}",
    ],
    label_max_words=40,
    removes=("© 2024 Example Media. All rights reserved.", "Copyright 2023 The Daily Example",
             "Alle Rechte vorbehalten.", "© Le Journal 2025 – Tous droits réservés",
             "Republish our articles for free, online or in print, under a Creative Commons license.",
             "This article first appeared on The Valley Ledger and is republished here under a Creative Commons"
             " Attribution-NoDerivatives 4.0 International License."),
    keeps=("Copyright law has not kept pace with the technology, the committee concluded.",
           "This article first appeared on the front page of the Ledger in 1998."),
)

IMAGE_CREDITS = pattern_rule(
    "STR804",
    "image-credits",
    "Photo and image credit lines: 'Credit: Jane Doe', 'Photo: Reuters', 'Image via Getty'.",
    doc="""What it does: removes short lines that credit a photo, image or video or say
where it comes from ("Image from Mary's April 2024 review"), and captions that end
with their credit ("... Credit: Jo Smith", "... on a ridgeline. Photo: Jo Smith").

Why: captions are dropped with their images, but credit lines stay behind
between paragraphs.""",
    labels=[r"(?:photo|image|picture|video|illustration|graphic)?\s*(?:credit|credits|source)",
            r"photo(?:graph)?s?", r"image", r"foto", r"bild", r"crédit(?: photo)?", r"fotografía"],
    starts=[r"(?:photo|image|picture|illustration) (?:by|via|courtesy of) \w",
            r"(?:credit|courtesy|©)\s*(?:of\s+)?(?:getty|reuters|ap|afp|shutterstock|istock|unsplash)"],
    blocks=[r"(?:getty images|reuters|afp|shutterstock|istock|unsplash|ap photo)"
            r"(?:\s*/\s*[\w .]{1,40})?",
            # in parentheses, or "courtesy of" alone: "(Image credit: Jo Smith)", "Courtesy of the brand"
            r"(?:photo|image|picture|video) (?:credit|source)s?: .{1,60}",
            r"courtesy(?: of)? [\w .&'’-]{1,40}",
            # where a picture comes from: "Image from Mary's April 2024 review"
            r"(?:photo|image|picture|screenshot)s? from [\w .&'’-]{3,60}",
            r"(?:photo|image|picture|video)s? courtesy(?: of)?:? [\w .&'’-]{1,40}",
            # a caption that ends with its credit: "The view from the ridge. Credit: Jo Smith"
            r".{10,300}[.!?…\w] (?:photo )?credit: [\w.'’ -]{2,40}",
            # or with its photographer, after a full stop: "Testing the watch on a ridge. Photo: Jo
            # Smith", "... in the winter light. Photograph courtesy of Refugia". Like "getty" below,
            # ". photo" is searched for in the page first (about 1% of the scraped-text path)
            r".{10,300}\. photo(?:graph)?(?:(?: by| courtesy(?: of)?)\s?:?|\s?[:|–-]) [\w.'’ /&,-]{2,60}",
            # the photographer and Getty, or a caption that ends with them: "Firn | Getty Images",
            # "A busy trail in May. Jo Reed/Moment via Getty Images". "getty" is searched for in the
            # page before the pattern runs, about 1% of the scraped-text path: other agencies were
            # too rare at the end of a line to pay for theirs.
            r".{1,300}(?: ?[|/:] ?| via )getty(?: images)?"],
    label_max_words=12,
    removes=("Credit: The Spruce Eats", "Photo: Reuters", "Image by Jane Doe", "(Image credit: Wareable)",
             "Courtesy of the brand", "Photo courtesy Harbour Architects", "Image courtesy of: Jo Smith",
             "Getty Images", "Source: company filings",
             "The family that backpacks together stays together. Credit: Chris Miller",
             "Image from Mary's April 2024 review",
             "A runner tests the watch on a ridgeline. Photo: Trail Weekly/Jo Reed",
             "The fluffy seedheads glow in the winter light. Photograph courtesy of Refugia",
             "The Sony mirrorless system. Photo by: Mario Calvo",
             "Firn | Getty Images",
             "Do you have a healthy relationship with your phone? Morsa Images/DigitalVision via Getty Images"),
    keeps=("Credit card debt rose for the fourth quarter in a row, the bank said.",
           "Shutterstock expands deal with OpenAI | TechCrunch",
           "The picture library was sold to Getty Images in 1996.",
           "Create depth in your photographs by experimenting with foregrounds.",
           "Family/group photos – work with the photographer on your list",
           "Images from the telescope show the comet's tail, which stretched for millions of miles."),
)

_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")
_FIRST_CHAR = itemgetter(slice(0, 1))
_COUNTER = re.compile(r"[\d.,\s]{1,7}")


def no_letters(state, indices):
    """Lines without a single letter: symbols, and bare counters (not the numbers of a list)."""
    texts = state.texts
    # A letter first (str.isalpha: never a digit or '_') is the common case and needs no regex;
    # the test runs as a C loop over the lines.
    starts = map(str.isalpha, map(_FIRST_CHAR, map(texts.__getitem__, indices)))
    found = [i for i in compress(indices, map(not_, starts))
             if not _LETTER.search(text := texts[i]) and (not _DIGIT.search(text) or _COUNTER.fullmatch(text))]
    numbers = {i: int(match[1]) for i in found if (match := _LIST_NUMBER.fullmatch(texts[i]))}
    if len(numbers) < 2:
        return found
    listed = _list_numbers(numbers)
    return [i for i in found if i not in listed]


# The number of a list's item on a line of its own ("3", "3."), and how many lines after it the
# next one may come.
_LIST_NUMBER = re.compile(r"(\d{1,3})\.?")
_LIST_ITEM_MAX_LINES = 8


def _list_numbers(numbers: dict[int, int]) -> set[int]:
    """Of the lines holding a bare number (line index: number), those that count a list: the
    line with the next number follows within a few lines, or the one with the number before
    comes a few lines before."""
    listed = set()
    lines = sorted(numbers)
    for a, b in pairwise(lines):
        if numbers[b] == numbers[a] + 1 and b - a <= _LIST_ITEM_MAX_LINES:
            listed.update((a, b))
    return listed


NO_LETTER_LINES = Rule(
    "STR805",
    "no-letter-lines",
    "text",
    "Lines without a single letter or figure (stars, icons), and bare counters (not a list's numbers).",
    no_letters,
    doc="""What it does: removes lines that hold no letter, in any script, and
either no figure either (star ratings, icon glyphs, bullets, zero-width
joiners) or only a bare number (share and comment counters: "342", "1,204").
Prices, dates and scores ("$19.99", "12/05/2024", "4.5 / 5") stay, and so do
the numbers of a list's items on lines of their own ("1", "2." ...): a bare
number stays when the next number follows within eight lines, or the one
before it came as close.

Why: widgets leave such fragments between paragraphs; a line of running text
always has letters. Figures with units or separators are content on product
pages, listings and tables, and an ordered list's numbers, once its markup is
gone, stand on lines of their own before each item.""",
    removes=("342", "1,204", "★ ★ ★ ★ ★", "\u2022"),
    keeps=("1.2K claps", "The vote was 52 to 48.", "$19.99", "12/05/2024", "4.5 / 5",
           "1\nLook for a deal on the hire company's own site first.\n2\nBring every document the desk asks for."),
)

# A line of serialized data: a JSON object (or an array of them) of _DATA_MIN_CHARS or more, with
# _DATA_MIN_KEYS quoted keys or more. Matched at the start of the case-folded text, where the
# pattern prefilter finds it among the lines that start with "{" or "[" (at no cost on others).
_DATA_MIN_CHARS = 400
_DATA_MIN_KEYS = 10
_DATA_MAX_SHARE = 0.8
_DATA = BlockMatcher(
    starts=[rf'\[?\{{"(?=.{{{_DATA_MIN_CHARS - 2}}})[^"]{{1,80}}":(?:.*?":){{{_DATA_MIN_KEYS - 1}}}'],
    label_max_words=1 << 30,  # data has as many words as it likes
)


def data_lines(state, indices):
    """Long lines of JSON: a widget's settings, printed as text (but not a page's text that is
    nearly all data: then the data is what the page holds)."""
    found = _DATA.matching(state)
    if not found:
        return []
    texts, wanted = state.texts, set(indices)
    most = _DATA_MAX_SHARE * state.chars
    return [i for i in sorted(found) if i in wanted and len(texts[i]) <= most]


# Lets the pattern prefilter find the lines of data.
data_lines.block_matchers = (_DATA,)

# An example of a text that is data through and through.
_PAGE_OF_DATA = "{" + ",".join(f'"field{n}":{n}' for n in range(150)) + "}"

DATA_LINES = Rule(
    "STR807",
    "data-lines",
    "text",
    "Long lines of JSON data: a widget's settings printed as text.",
    data_lines,
    doc="""What it does: removes a line that is a JSON object (or an array of them)
of 400 characters or more, with ten quoted keys or more:
'{"layoutMobile":2,"layoutDesktop":4,"buttonAlign":"Center",...}'.

Why: product widgets and page builders keep their settings as JSON in an
element's text (for a script to read), and extractors print it as a
paragraph. No reader sees it. A JSON example in an article about code has a
few keys ('{"name": "Ana", "score": 82}'), and stays; so does data that makes
up nearly all the page's text (four fifths or more): there it is what the page
holds.""",
    removes=('{"layoutMobile":2,"layoutDesktop":4,"buttonAlign":"Center","buttonText":"Buy now",'
             '"productTitle":{"hue":213,"brightness":12,"size":16},"price":{"show":true,"size":14},'
             '"image":{"ratio":"square","crop":false},"badge":{"show":false,"text":"Sale"},'
             '"variants":{"show":true,"style":"dropdown"},"quantity":{"show":false},'
             '"cart":{"redirect":"checkout","open":false},"tracking":{"utm_source":"store",'
             '"utm_medium":"widget","utm_campaign":"product-card"},"locale":"en-US",'
             '"currency":"USD","theme":{"font":"inherit","radius":4,"shadow":"none"}}',),
    keeps=('{"name": "Ana", "score": 82}', _PAGE_OF_DATA,
           '{"model": "small", "max_tokens": 200, "prompt": "Write a short story about a lighthouse keeper '
           'who finds a message in a bottle. The story should be set on a small island in the North Sea in '
           'the winter of 1953, and it should end with the keeper deciding whether to answer the message. '
           'Keep the language simple enough for a ten-year-old reader, and give the keeper a dog."}'),
)

_REPEAT_MIN_CHARS = 60
# A run of this many lines repeated in the same order is a section printed twice.
_REPEAT_MIN_RUN = 4


def repeated(state, indices):
    """Long lines that already appeared earlier on the page, word for word. In scraped text: a
    line that appears twice, or a line of a run of _REPEAT_MIN_RUN lines repeated in order."""
    keys, texts = state.keys, state.texts
    if state.kind == "text" and len(state.key_counts) == len(keys):  # nothing repeats
        return []
    long = list(compress(range(len(texts)), map(le, repeat(_REPEAT_MIN_CHARS), map(len, texts))))
    long_keys = list(map(keys.__getitem__, long))
    if len(set(long_keys)) == len(long):  # the usual page: nothing repeats
        return []
    counts = Counter(long_keys) if state.kind == "text" else None
    wanted = set(indices)
    first: dict[str, int] = {}
    found = []
    for i, key in zip(long, long_keys, strict=True):
        j = first.setdefault(key, i)
        if j != i and i in wanted and (counts is None or counts[key] <= 2
                                       or _run(keys, j, i) >= _REPEAT_MIN_RUN):
            found.append(i)
    return found


def _run(keys: list[str], first: int, copy: int) -> int:
    """How many lines, ``copy`` among them, repeat in order the lines around ``first``."""
    run = 1
    a, b = copy - 1, first - 1
    while b >= 0 and a != first and keys[a] == keys[b]:
        run, a, b = run + 1, a - 1, b - 1
    a, b = copy + 1, first + 1
    while a < len(keys) and b != copy and keys[a] == keys[b]:
        run, a, b = run + 1, a + 1, b + 1
    return run


REPEATED_LINES = Rule(
    "STR806",
    "repeated-lines",
    "text",
    "Long lines (60 characters or more) repeated word for word: seen twice, or in a repeated run of lines.",
    repeated,
    doc="""What it does: removes every later copy of a line of 60 characters or more
that already appeared earlier on the page. In scraped text, a line that
comes back three times or more stays, unless it belongs to a run of four
lines or more repeated in the same order.

Why: responsive templates print the same paragraph twice (one copy for
phones, one for desktops, one of them hidden by CSS), or a whole section
twice; teaser boxes repeat the article's standfirst. A reader sees each
sentence once. Scraped text holds the article alone, and there a line that
comes back three times or more on its own is part of the article's
structure (the same credit under every webcam on a page of webcams, the
same warm-up on every day of a training plan). On a page, such lines are
more often a forum's quoted posts and signatures, or a disclaimer under
every product, and go. Short lines (headings such as "Pros",
"Ingredients") are left alone.""",
    removes=("The council approved the harbour budget on Tuesday, after a two-hour debate.\n\n"
             "The council approved the harbour budget on Tuesday, after a two-hour debate.",
             "Ferries run every twenty minutes from the north quay until midnight.\n"
             "Tickets are sold at the kiosk and on the harbour company's app.\n"
             "Bikes travel free on every crossing outside the morning rush hour.\n"
             "The last ferry back leaves the island at a quarter past eleven.\n\n"
             "Ferries run every twenty minutes from the north quay until midnight.\n"
             "Tickets are sold at the kiosk and on the harbour company's app.\n"
             "Bikes travel free on every crossing outside the morning rush hour.\n"
             "The last ferry back leaves the island at a quarter past eleven.\n\n"
             "Ferries run every twenty minutes from the north quay until midnight.\n"
             "Tickets are sold at the kiosk and on the harbour company's app.\n"
             "Bikes travel free on every crossing outside the morning rush hour.\n"
             "The last ferry back leaves the island at a quarter past eleven."),
    keeps=("Pros\n\nPros",
           "Half Dome\nThis view from the valley floor shows the snow line on the granite face.\n"
           "This webcam image is provided courtesy of the park's conservancy and refreshes each minute.\n\n"
           "El Capitan\nThis view from the tunnel shows the whole valley and the weather coming in.\n"
           "This webcam image is provided courtesy of the park's conservancy and refreshes each minute.\n\n"
           "Glacier Point\nThis view from the rim looks down four thousand feet to the village.\n"
           "This webcam image is provided courtesy of the park's conservancy and refreshes each minute."),
)

# A table of contents: a run of at least this many lines, each a heading that comes later.
_CONTENTS_MIN_RUN = 3
_CONTENTS_MAX_CHARS = 150


def contents_lists(state, indices):
    """In scraped text: runs of short lines that each come back once later, in the same order and
    mostly apart (the headings a table of contents lists). Its scope is the whole text, so the
    lines it may remove are the kept ones, which it checks as it goes (``indices`` is not needed)."""
    if state.kind != "text":
        return []
    keys, counts = state.keys, state.key_counts
    if len(counts) == len(keys):  # the usual text: no line comes back
        return []
    twice = set(compress(counts, map(eq, counts.values(), repeat(2))))
    twice.discard("")
    if not twice:
        return []
    # Where the second copy of each short line that comes exactly twice is (both copies kept so far).
    removed_by, first, following = state.removed_by, {}, {}
    for i in compress(range(len(keys)), map(twice.__contains__, keys)):
        key = keys[i]
        if len(key) <= _CONTENTS_MAX_CHARS and removed_by[i] is None:
            j = first.setdefault(key, i)
            if j != i:
                following[j] = i
    runs: list[list[int]] = []
    for i in sorted(following):
        if runs and runs[-1][-1] == i - 1 and following[i] > following[i - 1]:
            runs[-1].append(i)
        else:
            runs.append([i])
    return [i for run in runs if _lists_headings(run, following) for i in run]


def _lists_headings(run: list[int], following: dict[int, int]) -> bool:
    """Whether a run of first copies is a table of contents: long enough, every second copy after
    it, and at least half of those apart from the one before (text between two headings)."""
    if len(run) < _CONTENTS_MIN_RUN or following[run[0]] <= run[-1]:
        return False
    targets = [following[n] for n in run]
    apart = sum(b - a > 1 for a, b in pairwise(targets))
    return apart * 2 >= len(targets) - 1


CONTENTS_LISTS = Rule(
    "STR808",
    "contents-lists",
    "text",
    "Tables of contents in scraped text: a run of lines that each come back later as a heading.",
    contents_lists,
    doc="""What it does: in scraped text, removes a run of three or more short
lines (150 characters at most) when each of them comes back exactly once
later in the text, in the same order, with text between most of them: the
entries of a table of contents, whose headings follow. The headings stay.

Why: guides and listicles open with a table of contents ("In this article"),
and a scrape keeps its entries as lines of their own: each heading of the
article is then read twice, first as a list at the top. Lines that come back
side by side (a list printed twice), or three times and more (the days of a
training plan, the tags under every product), are a page's structure, not a
table of contents, and stay. On a page, the extractor sees the table of
contents as an element of its own; this rule leaves HTML pages alone, where
a question list over an FAQ's answers and a product's tabs over its sections
look the same and are kept by readers as often as not.""",
    removes=("Choosing a tent\nPacking the car\nPitching in the rain\n\n"
             "Choosing a tent\n\nA tent for two weighs about two kilos and packs to the size of a loaf; a tent "
             "for three weighs half as much again and is worth it for the room to sit up in.\n\n"
             "Packing the car\n\nHeavy things go low and forward, and the tent goes in last so that it comes out "
             "first, before the rain does.\n\n"
             "Pitching in the rain\n\nPitch the fly first, then clip the inner tent under it, so that the floor "
             "stays dry while the poles go in.",),
    keeps=("Monday: easy run\nTuesday: intervals\nWednesday: rest\n\n"
           "Monday: easy run\nTuesday: intervals\nWednesday: rest",
           "Flour\nButter\nSugar\n\nSugar\n\nThe sugar is creamed with the butter until pale.\n\n"
           "Flour\n\nThe flour is folded in last, by hand.\n\nButter\n\nThe butter should be soft."),
)

RULES = [TAG_LINES, BREADCRUMBS, COPYRIGHT_FOOTERS, IMAGE_CREDITS, NO_LETTER_LINES, DATA_LINES, CONTENTS_LISTS,
         REPEATED_LINES]
