"""Author boxes after the article (STR85x)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from itertools import compress, repeat
from operator import le

from ..model import FUNCTION_WORDS, Rule, TextState, word_count
from ..patterns import pattern_rule

AUTHOR_BOX_LABELS = pattern_rule(
    "STR851",
    "author-box-labels",
    "Author-box headings: 'About the author', 'Written by', 'Reviewed by Jane Doe', 'Über den Autor'.",
    doc="""What it does: removes the headings of author and review boxes: "About the
author" (with the bio that follows it on the same line), "The author",
"Written by", "Reviewed by", "Edited by", "Fact-checked by" alone or with a
name of a few words, in English, German, French and Spanish.

Why: blogs and guides close with an author box; its heading and the name
under it are kept by extractors as short paragraphs after the body. A
sentence that starts with "Written by" and goes on ("Written by a former
judge, the novel ...") is longer than a name and stays.""",
    blocks=[
        r"about (?:the|this|our) authors?(?![’']s)(?:\W.{0,800})?",
        r"(?:the )?author|(?:the )?authors|about the authors?",
        r"(?:(?:written|reviewed|edited|fact[- ]?checked|medically reviewed|updated|researched)"
        r"(?: and (?:written|reviewed|edited|fact[- ]?checked|updated|researched))?|article) by"
        r"(?:\W+[^\W\d_][\w'’.-]*){0,4}(?:,\W*[\w'’.&®-]+(?: [\w'’.&®-]+){0,3})?",
        r"(?:über (?:den autor|die autorin)|zum autor|zur autorin|à propos de l['’]auteur|"
        r"sobre (?:el autor|la autora))(?:\W.{0,800})?",
        r"(?:geschrieben|verfasst) von(?: \w+){0,4}|(?:écrit|rédigé) par(?: \w+){0,4}|"
        r"(?:escrito|redactado) por(?: \w+){0,4}",
        r"view all (?:posts|articles|stories) by .{1,60}|(?:read )?more (?:posts|articles|stories) by .{1,60}|"
        r"view all articles by this author|full bio|see full bio|view (?:full )?profile",
        r"(?:contributing|staff|senior) (?:writer|editor|reporter)",
    ],
    removes=("About the author", "Written by", "Reviewed by: Anna Kowalski, CFP",
             "About the Author: Sam Reed is a travel writer based in Lisbon.",
             "Fact-checked by", "Über den Autor", "À propos de l'auteur",
             "View all posts by Sam Reed"),
    keeps=("Written by a former judge, the novel follows three families through the war years.",
           "About the author's childhood little is known, the biographer admits."),
)

# A person's name on a line of its own: two to four capitalised words, perhaps after "By"
# and before credentials ("Jane Doe, CFP").
_NAME_LINE = re.compile(
    r"(?i:(?:written |posted )?by:?\s+)?"
    r"((?:(?:Dr|Prof|Mr|Mrs|Ms)\.?\s+)?[^\W\d_a-z][^\W\d_]*\.?(?:[ -](?:[^\W\d_a-z][^\W\d_]*\.?|"
    r"(?:de|van|von|der|da|di|del|la|le)(?= ))){1,3})"
    r"(?:,?\s+[\w.®]+(?:[ ,]+[\w.®]+){0,2})?",
)
# The words _NAME_LINE allows before a name.
_NAME_PREFIXES = frozenset({"by", "by:", "written", "posted"})
# How a bio opens when it is in the first person.
# (its possible first letters are _FIRST_PERSON_INITIALS: keep the two in step)
_FIRST_PERSON = re.compile(
    r"(?i:(?:hi|hey|hello|hallo|salut|hola)\W+)?(?i:i['’]m|i am|my name is|ich bin|je suis|soy)"
    r" (?:(?i:an?|ein|eine|un|une|una) |([^\W\d_a-z][^\W\d_]*))",
)
# Words that show a paragraph speaks of a person: third-person pronouns and the trades of
# authors (a first-person bio is recognised by its opening, "I'm Jo").
_PERSONAL = frozenset(
    """he she his her him hers er ihr sein seine il elle él ella writer editor journalist
    reporter author contributor correspondent freelance blogger copywriter columnist""".split()
)
# The letters _FIRST_PERSON can start with (case-insensitive matching lets "İ", "ı" and "ſ" in): a
# new opening in _FIRST_PERSON may need its initial here.
_FIRST_PERSON_INITIALS = frozenset("HhIiJjMmSsİıſ")
_WORD = re.compile(r"[\w'’]+")
# A role line between the name and the bio: "Senior Editor", "Contributing Writer".
_ROLE_MAX_WORDS = 6
_TERMINAL = re.compile(r"[.!?]$")
# Words that start headings ("The Bottom Line", "My Experience") but are no part of names.
_NOT_NAMES = FUNCTION_WORDS | frozenset(
    "my our your their about how why what when where who top best new more all".split()
)
_PRONOUN_OPENING = re.compile(r"(?:He|She|His|Her|I|I['’]m|My|When (?:he|she|I)) ")
# The bio must come after this share of the page's text: bios close articles.
_MIN_SHARE_BEFORE = 0.4


def _person(text: str) -> str | None:
    """The name on a name line, or None."""
    if len(text) > 60:
        return None
    first = text.partition(" ")[0].casefold()
    if first in _NOT_NAMES and first not in _NAME_PREFIXES:
        return None  # a heading ("How We Tested"): the name would start with this word
    match = _NAME_LINE.fullmatch(text.rstrip(" *:"))
    if match is None:
        return None
    name = match.group(1)
    words = [w for w in re.split(r"[ -]", name) if w]
    if any(w.casefold() in _NOT_NAMES for w in words):
        return None
    if not all(w[0].isupper() for w in words if w.lower() not in {"de", "van", "von", "der", "da", "di",
                                                                    "del", "la", "le"}):
        return None
    return name


def _given(name: str) -> list[str]:
    """The words of a name without a title (Dr, Prof ...)."""
    words = name.split()
    return words[1:] if words[0].rstrip(".").lower() in {"dr", "prof", "mr", "mrs", "ms"} else words


def _may_open_bio(text: str, name_words: tuple[str, ...]) -> bool:
    """A quick test that :func:`_opens_bio` may hold for ``text`` and any name on a name line
    whose first five words are ``name_words``: the name's first word is one of them ("Written by
    Dr. Jo Reed"), or the text opens in the first person."""
    return text.startswith(name_words) or (
        text[:1] in _FIRST_PERSON_INITIALS and _FIRST_PERSON.match(text) is not None)


def _opens_bio(text: str, name: str) -> bool:
    """Whether ``text`` reads as the bio of ``name``: it opens with the name (or the first
    name, or "I'm ...") and speaks of a person."""
    given = _given(name)
    first = given[0]
    me = _FIRST_PERSON.match(text)
    first_person = me is not None and (not me.group(1) or first.startswith(me.group(1))
                                       or me.group(1).startswith(first))
    opens = (text.startswith(name) or text.startswith(" ".join(given))
             or (text.startswith(first) and text[len(first):len(first) + 1] in {" ", ",", "’", "'", "("})
             or first_person)
    if not opens or word_count(text) < 8:
        return False
    if first_person:
        return True
    return any(w in _PERSONAL for w in map(str.casefold, _WORD.findall(text)))


def named_bio(heading: str, text: str) -> bool:
    """Whether ``heading`` is a person's name and ``text`` reads as that person's bio."""
    name = _person(heading)
    return name is not None and _opens_bio(text, name)


def author_bios(state: TextState, indices: Sequence[int]) -> list[int]:
    """A name line, an optional role line and the bio paragraph that opens with the name."""
    texts = state.texts
    first = state.first_past(_MIN_SHARE_BEFORE)
    # Name lines are rare: short lines of two to seven capitalised words, followed (perhaps
    # after a role line) by a line that may open a bio. Both tests are cheap, and come first.
    later = indices[bisect_left(indices, first):]
    short = compress(later, map(le, map(len, map(texts.__getitem__, later)), repeat(60)))
    live = state.live()
    names = []
    for i in short:
        text = texts[i]
        if not (0 < text.count(" ") <= 6 and text.partition(",")[0].istitle()):
            continue
        n = bisect_left(live, i)
        words = tuple(text.split(" ", 5)[:5])
        if any(_may_open_bio(texts[j], words) for j in live[n + 1:n + 3]) and (name := _person(text)):
            names.append((n, i, name))
    if not names:
        return []
    wanted = set(indices)
    found: list[int] = []
    done = -1  # the last live position already taken into a bio
    for n, i, name in names:
        if n <= done or n + 1 >= len(live):
            continue
        box = [i]
        m = n + 1
        role = texts[live[m]]
        if (m + 1 < len(live) and word_count(role) <= _ROLE_MAX_WORDS and not _TERMINAL.search(role)
                and not _opens_bio(role, name)):
            box.append(live[m])
            m += 1
        if not _opens_bio(texts[live[m]], name):
            continue
        box.append(live[m])
        first = _given(name)[0]
        # Further paragraphs of the same bio open with the first name or a pronoun.
        m += 1
        while m < len(live) and (texts[live[m]].startswith(first + " ")
                                 or _PRONOUN_OPENING.match(texts[live[m]])):
            box.append(live[m])
            m += 1
        found.extend(j for j in box if j in wanted)
        done = m - 1
    return found


AUTHOR_BIOS = Rule(
    "STR852",
    "author-bios",
    "text",
    "An author's name on its own line, then the bio that opens with it: 'Jane Doe' / 'Jane Doe is a writer ...'.",
    author_bios,
    enabled=False,
    doc="""What it does: in the second part of the page, removes an author box: a
line holding only a person's name (two to four capitalised words, perhaps
"By" before it or credentials after it), an optional short role line
("Senior Editor"), and the paragraph after it when that paragraph opens with
the same name, the first name or "I'm", and speaks of a person (he, she, my,
writer, editor ...); following paragraphs of the bio that open with the first
name or a pronoun go with it.

Why: blogs, guides and company sites end articles with the author's box; the
bio is a real paragraph, so the trailing-junk pass, which stops at prose,
cannot reach it, and every line after it stays too. A section heading
followed by a paragraph about a product or a place ("Memorial Park" /
"Memorial Park is home to ...") does not speak of a person and stays.

Off by default: it looks at every short line of the text's second part, about
a tenth of the scraped-text path's time; turn it on with
``--extend-select STR852``.""",
    removes=("Sam Reed\nSenior Editor\nSam Reed is a travel writer based in Lisbon. He has covered"
             " southern Europe for ten years.",
             "Ana Ortiz\nHi, I'm Ana! I write about gardening for small balconies and teach"
             " workshops in my town."),
    keeps=("Memorial Park\nMemorial Park is home to the oldest trails in the county, with"
           " twelve miles of loops for every level.",
           "Grace Hopper\nGrace Hopper wrote one of the first compilers and taught a generation"
           " of programmers."),
)

RULES = [AUTHOR_BOX_LABELS, AUTHOR_BIOS]
