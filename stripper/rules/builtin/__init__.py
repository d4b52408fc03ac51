"""The built-in rule packs, in the order they run.

| codes  | pack                                        | module        |
|--------|---------------------------------------------|---------------|
| STR0xx | DOM: junk containers, hidden elements       | containers.py |
| STR050 | the title repeated as the first line        | head.py       |
| STR1xx | comment forms, prompts, threads, user cards | comments.py   |
| STR2xx | coverage and "read more" link lines         | links.py      |
| STR3xx | share, follow and print prompts             | share.py      |
| STR4xx | newsletter and subscription boxes           | newsletter.py |
| STR5xx | related lists, previous/next links          | related.py    |
| STR6xx | cookie and consent notices                  | notices.py    |
| STR7xx | advertising labels                          | notices.py    |
| STR8xx | tags, breadcrumbs, copyright footers        | footer.py     |
| STR85x | author boxes                                | authors.py    |
| STR890 | everything after the article's closing line | trailing.py   |
| STR900 | the trailing-junk pass                      | trailing.py   |
"""

from ..model import Rule
from . import (
    authors,
    comments,
    containers,
    footer,
    head,
    links,
    newsletter,
    notices,
    related,
    share,
    trailing,
)

_PACKS = (containers, head, comments, links, share, newsletter, related, notices, footer, authors,
          trailing)


def builtin_rules() -> list[Rule]:
    """Every built-in rule, DOM rules first, in chain order."""
    return [rule for pack in _PACKS for rule in pack.RULES]
