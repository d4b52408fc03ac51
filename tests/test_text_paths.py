"""The quick paths of scraped-text handling give what the plain definitions give."""

import random
import re
import warnings

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from stripper import Stripper
from stripper.blocks import Lines, _beyond_ascii, _unprintable_lines, clean_line, split_text
from stripper.decode import decode, xml_safe
from stripper.errors import StripperError
from stripper.mojibake import mend_mojibake
from stripper.rules import BlockMatcher, TextState
from stripper.rules.model import normalise
from stripper.rules.patterns import _plain_phrase, _written_phrase, literal


def reference_split(text):
    """split_text as specified: what XML refuses cleaned, every line cleaned (its mojibake read
    again as UTF-8), paragraphs at lines of whitespace only."""
    text = xml_safe(text).replace("\r\n", "\n").replace("\r", "\n")
    paragraphs, current = [], []
    for line in text.split("\n"):
        line = clean_line(mend_mojibake(line))
        if line:
            current.append(line)
        elif current:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    title = None
    if len(paragraphs) > 1 and len(paragraphs[0]) == 1:
        first = paragraphs[0][0]
        words = first.split()
        sentence = first.endswith(".") and len(words) >= 4  # (no colon or section heading is drawn below)
        if len(first) <= 160 and len(words) <= 25 and not sentence:
            title = paragraphs.pop(0)[0]
    if len(paragraphs) == 1:
        paragraphs = [[line] for line in paragraphs[0]]
    return title, [(line, n) for n, lines in enumerate(paragraphs) for line in lines]


def numbered(lines):
    """Each block's text and the rank of its paragraph (split_text numbers paragraphs sparsely)."""
    ranks = {para: n for n, para in enumerate(sorted(set(lines.paras)))}
    return [(text, ranks[para]) for text, para in zip(lines.texts, lines.paras, strict=True)]


PIECES = ["a", "Word", "ß", "İ", ".", "_", " ", "  ", "\n", "\n\n", "\t", "\xa0", "\r", "\r\n",
          "\u2028", "\x85", "\u3000", "\x0b", "\x1c"]


def test_split_text_matches_its_definition_on_odd_whitespace():
    rng = random.Random(7)
    for _ in range(5000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 25)))
        title, lines = split_text(text)
        assert (title, numbered(lines)) == reference_split(text), repr(text)


# Any character, surrogates and controls included, with newlines and a few usual unprintable
# ones more often than chance would give them.
_ANY_CHAR = st.one_of(st.characters(blacklist_categories=()), st.sampled_from("\n\t\xa0\u200b\x85 aé’"))


@settings(max_examples=500, deadline=None)
@given(st.lists(_ANY_CHAR, max_size=40).map("".join))
def test_unprintable_lines_are_those_isprintable_refuses(text):
    lines = text.split("\n")
    expected = [i for i, line in enumerate(lines) if not line.isprintable()]
    assert _unprintable_lines(_beyond_ascii(text), lines) == expected


@pytest.mark.parametrize("raw, expected", [
    ("plain text", "plain text"),
    ("nul\x00here", "nulhere"),
    ("bell\x07and\x1fus", "bell and us"),
    ("lone \ud800 surrogate", "lone \ufffd surrogate"),
    ("non-character \ufffe\uffff", "non-character \ufffd\ufffd"),
    ("tab\tnewline\ncr\r kept", "tab\tnewline\ncr\r kept"),
])
def test_decode_replaces_what_xml_cannot_hold(raw, expected):
    assert decode(raw) == expected


XML_REFUSED = ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x0e", "\x1b", "\x1f", "\ud800", "\udfff", "\ufffe",
               "\uffff", "\ufeff", "\x7f"]


def _split_or_error(text, for_xml):
    try:
        title, lines = split_text(decode(text, for_xml=for_xml))
    except StripperError as exc:
        return str(exc)
    return title, numbered(lines)


def test_split_text_cleans_what_decode_leaves_for_it():
    rng = random.Random(5)
    for _ in range(5000):
        text = "".join(rng.choice(PIECES + XML_REFUSED) for _ in range(rng.randint(0, 20)))
        assert _split_or_error(text, False) == _split_or_error(text, True), repr(text)


def state(texts, **options):
    return TextState(Lines(list(texts), list(range(len(texts)))), **options)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(_ANY_CHAR, st.sampled_from(
    ["É", "ß", "µ", "Σ", "İ", "ﬁ", "©", "★", "`", "_", "\x7f", "\x9f", " â„¦ ", ".", " ", "’",
     "\n<p>Hiver</p><p>&Eacute;t&eacute;</p>\n"])),
    max_size=40).map("".join))
@example("Title\n\nThe key of this line ends in a combining dot once folded: İ")
@example("A line quoted in backticks: `")
def test_split_text_folds_and_keys_as_defined(text):
    # Scraped text takes quick paths to its case folds and keys when the characters outside ASCII
    # that it holds allow (Lines.beyond_ascii): they must come to casefold and normalise, with
    # the characters that cleaning brings in included: a C1 control read as Windows-1252
    # ("\x9f" is "Ÿ"), mended mojibake ("â„¦" is "Ω") and HTML source ("&Eacute;").
    lines = split_text(text)[1]
    state = TextState(lines)
    assert state.folded == [t.casefold().lstrip() for t in lines.texts]
    assert state.keys == [normalise(t) for t in lines.texts]


def test_keys_and_folded_are_normalise_and_casefold():
    texts = ["Hello, World!", "«Quoted»", "...", "_under_", "Straße.", "x", "ÉTÉ 2024 —", "a.b", "1."]
    rng = random.Random(11)
    texts += ["".join(rng.choice("aZ9_.-…» ßİ\u0301'\"") for _ in range(rng.randint(0, 6))) for _ in range(3000)]
    s = state(texts)
    assert s.keys == [normalise(t) for t in texts]
    assert s.folded == [t.lstrip().casefold() for t in texts]


MATCHER = BlockMatcher(
    blocks=[r"share|tweet", r"\d+\s+shares?", r"(?:view|show)\s+(?:all\s+)?(?:\d+\s+)?comments?",
            r"we use cookies.{0,50}", r"like(?: this)?", r"i agree", r"k\w+", r".{0,20}\ball rights reserved"],
    labels=[r"read more", r"tags?"],
    starts=[r"©", r"home\s*[›>/]\s*\S"],
    label_max_words=6,
)
TEXTS = [
    "Share", "TWEET", "12 shares", "1 share", "View all 3 comments", "show comments",
    "We use cookies to make this site work.", "We use cookies, as the study shows, to the end of a long sentence.",
    "Like this:", "like", "ı agree", "I AGREE", "\u212aelvin", "kelvin", "Kx", "(c) 2024 Site. All rights reserved.",
    "Read more: the story", "Read more about the long story that goes on for more than six words here",
    "Tags: a, b", "© 2024 Example", "Home › News", "home > ", "", "…", "12", "x", "ab", "shar", "Sharé",
    "The article went on and on.", "twee", "show  all comments",
]


def test_whole_page_matching_agrees_with_block_by_block_matching():
    s = state(TEXTS)
    one_by_one = [i for i, t in enumerate(TEXTS) if MATCHER.matches(normalise(t), t)]
    assert MATCHER.match_all(s.keys, s.folded, s.texts) == one_by_one
    assert "Share" in [TEXTS[i] for i in one_by_one]
    assert "The article went on and on." not in [TEXTS[i] for i in one_by_one]


def test_blocks_with_an_empty_key_match_what_matches_the_empty_text():
    texts = ["…", "Share", "", "•", "The article went on."]  # "…", "" and "•" have an empty key
    s = state(texts)
    optional = BlockMatcher(blocks=[r"(?:share)?"])
    assert optional.match_all(s.keys, s.folded, s.texts) == [0, 1, 2, 3]
    assert [i for i, t in enumerate(texts) if optional.matches(normalise(t), t)] == [0, 1, 2, 3]
    assert MATCHER.match_all(s.keys, s.folded, s.texts) == [1]  # none of its patterns matches ""


def test_case_insensitive_matches_outside_ascii_are_kept():
    # 'ı' (dotless i) and the Kelvin sign match 'i' and 'k' case-insensitively.
    s = state(["ı agree", "\u212aelvin"])
    assert MATCHER.match_all(s.keys, s.folded, s.texts) == [
        i for i, t in enumerate(["ı agree", "\u212aelvin"]) if MATCHER.matches(normalise(t), t)
    ]


def test_whole_page_matching_agrees_on_every_rule_example():
    stripper = Stripper(input_type="text")
    rules = stripper.ruler.active("text")
    union = stripper._prefilter(rules)
    lines = {line for rule in rules for example in rule.removes + rule.keeps for line in example.split("\n")}
    texts = sorted({variant for line in lines
                    for variant in (line, line.upper(), "» " + line, line + " !!", line[:3], line[1:])})
    s = state(texts)
    one_by_one = [i for i, t in enumerate(texts) if union.matches(normalise(t), t)]
    assert union.match_all(s.keys, s.folded, s.texts) == one_by_one
    assert len(one_by_one) > 50


def test_live_blocks_follow_removals():
    s = state([f"line {n}" for n in range(10)])
    assert s.live() == list(range(10))
    for i in (0, 4, 9):
        s.removed_by[i] = "X1"
    s.changed([9, 0, 4])
    assert s.live() == [1, 2, 3, 5, 6, 7, 8]
    s.removed_by[5] = "X2"
    s.changed()
    assert s.live() == [1, 2, 3, 6, 7, 8]
    many = state([f"line {n}" for n in range(40)])
    many.live()
    for i in range(5, 35, 2):  # more blocks at once than are cut out of the list one by one
        many.removed_by[i] = "X3"
    many.changed(list(range(5, 35, 2)))
    assert many.live() == [i for i in range(40) if not (5 <= i < 35 and i % 2)]


def test_each_rule_matches_what_it_would_match_alone():
    from stripper import Stripper

    stripper = Stripper(input_type="text")
    rules = stripper.ruler.active("text")
    lines = sorted({line for rule in rules for example in rule.removes + rule.keeps for line in example.split("\n")})
    texts = lines + [line.upper() for line in lines] + ["", "...", "© 2024", "12 shares"]
    s = state(texts, prefilter=stripper._prefilter(rules))
    found = s.prefilter.part_matches(s)
    assert set(found) == set(s.prefilter.parts)
    for part, indices in found.items():
        assert indices == {i for i, t in enumerate(texts) if part.matches(normalise(t), t)}
    assert sum(map(len, found.values())) > 50


def test_utf8_read_as_latin1_upstream_is_read_again():
    text = "Mobile’s year\n\nIt’s here — at last.".encode().decode("latin-1") + "\nCaf\u00e9 prices \u0085 rose."
    title, lines = split_text(text)
    assert title == "Mobile’s year"
    # a C1 control alone is a Windows-1252 character read as Latin-1: U+0085 is "…"
    assert lines.texts == ["It’s here — at last.", "Café prices … rose."]


def test_paragraph_numbers_are_ints_shared_by_the_lines_of_a_paragraph():
    title, lines = split_text("first line\nsecond line\n\nthird line")
    assert title is None
    assert lines.texts == ["first line", "second line", "third line"]
    assert lines.paras[0] == lines.paras[1] != lines.paras[2]
    assert all(type(para) is int for para in lines.paras)


@pytest.mark.parametrize("first", [
    "We have all been there before.",  # a sentence
    "Popular posts:",  # a label
    "Introduction", "1. Introduction", "Key Takeaways", "TL;DR",  # a section's heading
])
def test_a_first_line_that_is_no_title_stays_a_block(first):
    title, lines = split_text(f"{first}\n\nThe council approved the harbour plan on Tuesday night.")
    assert title is None
    assert lines.texts[0] == first


def test_junk_above_the_title_is_passed_over_and_left_to_the_rules():
    text = ("Join / Sign in\n\nShare on Pinterest\n\nHarbour plan approved\n\n"
            "The council approved the harbour plan on Tuesday night, after a year of hearings.")
    title, lines = split_text(text, junk=lambda line: line in ("Join / Sign in", "Share on Pinterest"))
    assert title == "Harbour plan approved"
    assert lines.texts[:2] == ["Join / Sign in", "Share on Pinterest"]
    article = Stripper(input_type="text").extract(text)
    assert article.title == "Harbour plan approved"
    assert article.text == "The council approved the harbour plan on Tuesday night, after a year of hearings."
    # four junk lines: whatever comes next is no title
    text = "a\n\nb\n\nc\n\nd\n\nHarbour plan approved\n\nThe plan."
    title, lines = split_text(text, junk=lambda line: len(line) == 1)
    assert title is None


def test_first_person_bio_openings_start_with_the_listed_initials():
    from stripper.rules.builtin.authors import _FIRST_PERSON, _FIRST_PERSON_INITIALS

    tails = ("m a writer", " am a writer", "y name is Jo", "i, I am a cook", "ch bin ein Koch",
             "e suis un cuisinier", "oy un cocinero", "alut, je suis un x", "ola, soy un x", "ey, I am a x")
    for code in range(0x3000):
        if any(_FIRST_PERSON.match(chr(code) + tail) for tail in tails):
            assert chr(code) in _FIRST_PERSON_INITIALS, f"{chr(code)!r} opens a bio but is not an initial"


def test_a_line_of_html_source_is_read_as_html():
    story = ('<h1>Harbour plan approved</h1> <p class="byline">March 3, 2025</p> '
             "<p>The council approved the harbour plan on Tuesday&nbsp;night.</p> "
             "<p>Work starts in May &amp; ends in 2027.</p> "
             "<p>This &lt;a href=&quot;https://ledger.example/harbour&quot;&gt;story&lt;/a&gt;"
             " first ran in the Ledger.</p>"
             " &lt;script&gt;track()&lt;/script&gt;")
    title, lines = split_text(story + "\n\nCopy to Clipboard")
    assert title == "Harbour plan approved"
    assert numbered(lines) == [
        ("March 3, 2025", 0),
        ("The council approved the harbour plan on Tuesday night.", 1),
        ("Work starts in May & ends in 2027.", 2),
        ("This story first ran in the Ledger.", 3),  # markup escaped in the markup is read too
        ("Copy to Clipboard", 4),
    ]


@pytest.mark.parametrize("line", [
    "<ul><li>One</li><li>Two</li><li>Three</li></ul>",  # markup more than text: code
    "Wrap each paragraph in <p> and </p>, and each item in <li> and </li>, then validate it.",  # prose about tags
    "<p>One closed paragraph, and that is all there is to this line of text.</p>",
])
def test_code_and_prose_about_tags_stay_as_they_are(line):
    title, lines = split_text("Notes\n\n" + line + "\n\nThe end of the notes, as a sentence.")
    assert lines.texts[0] == line


@pytest.mark.parametrize("raw, expected", [
    ("Home Repair Assis\xadtance Pro\xadgram", "Home Repair Assistance Program"),
    ("word\u2060joiner and \ufeffmark", "wordjoiner and mark"),
    ("\u200bhow to maximize\u200b\u200bthe", "how to maximize\u200b\u200bthe"),  # a zero-width space parts words
    ("\u200d Source: city records", "Source: city records"),
    ("Family: \U0001f468\u200d\U0001f469\u200d\U0001f467 at home",) * 2,  # joiners inside stay
    ("\u200b", ""),
])
def test_clean_line_drops_what_shows_nothing(raw, expected):
    assert clean_line(raw) == expected


def test_a_line_of_invisible_characters_is_no_block():
    title, lines = split_text("Title\n\nFirst paragraph.\n\u200b\n\u200d\nSecond paragraph.")
    assert lines.texts == ["First paragraph.", "Second paragraph."]


_LONG = ("The garden was built in 2022 on a flat section of roof above the school hall, using raised beds "
         "made from recycled plastic.")
_NEXT = ("Each class looks after its own bed and decides what to grow at the start of the year, and the "
         "cook plans lunches around it.")


def test_long_lines_parted_by_a_single_newline_render_as_paragraphs():
    title, lines = split_text(f"Title\n\nIntro line one.\nIntro line two.\n\n{_LONG}\n{_NEXT}")
    assert lines.render() == f"Intro line one.\nIntro line two.\n\n{_LONG}\n\n{_NEXT}"


def test_hard_wrapped_lines_and_a_long_line_without_a_sentence_end_stay_in_their_paragraph():
    wrapped = ("The garden was built in 2022 on a flat section of roof above the school\n"
               "hall, using raised beds made from recycled plastic and a drip system.")
    unfinished = _LONG.rstrip(".") + " and"
    title, lines = split_text(f"Title\n\n{wrapped}\n\n{unfinished}\n{_NEXT}")
    assert lines.render() == f"{wrapped}\n\n{unfinished}\n{_NEXT}"


# Pattern text close to what rules write: phrases, their escapes, and regex syntax around them.
_PATTERN_CHARS = st.sampled_from(list("ab É.'&?-\\s+*()[]|{}^$") + ["\\s+", "\\.", "\\?", "\\d", "\\-"])


@given(st.lists(_PATTERN_CHARS, max_size=12).map("".join))
@example("don\\'t\\s+stop")
@example("\\\\s+")
def test_phrases_read_from_a_pattern_s_text_are_the_parsed_ones(pattern):
    written = _written_phrase(pattern)
    try:
        with warnings.catch_warnings():  # "possible nested set" and the like, for "[[" ...
            warnings.simplefilter("ignore")
            tree = re._parser.parse(pattern, re.IGNORECASE)
    except re.error:
        assert written is None
        return
    if written is not None:
        assert written == _plain_phrase(tree)


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=30))
def test_every_phrase_literal_writes_is_read_without_a_parse(text):
    phrase = " ".join(text.casefold().split())
    parsed = _plain_phrase(re._parser.parse(literal(phrase)[0], re.IGNORECASE)) if phrase else None
    assert _written_phrase(literal(phrase)[0]) == parsed
