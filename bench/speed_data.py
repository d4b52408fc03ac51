"""Inputs for bench/speed.py: the development corpus when present, else generated pages.

Corpus (read in place, never copied): ``../shared/corpus/wcxb-dev/html/*.html.gz``
(URLs from ``ground-truth/NNNN.json``) and ``../shared/corpus/text-dev.jsonl.gz``
(field ``input``).

The generator is deterministic (seeded by the page index): article pages with
a cookie banner, navigation, breadcrumbs, byline, share bars, an inline
newsletter box, tags, related posts, comments with a comment form, a sidebar
and a footer; and scraped-article texts with the junk lines scrapers keep.
"""

from __future__ import annotations

import gzip
import html
import json
import random
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCH_DIR.parent
CORPUS = REPO_ROOT.parent / "shared" / "corpus"
HTML_DIR = CORPUS / "wcxb-dev" / "html"
TRUTH_DIR = CORPUS / "wcxb-dev" / "ground-truth"
TEXT_FILE = CORPUS / "text-dev.jsonl.gz"


# -- corpus --------------------------------------------------------------------------
def corpus_pages() -> list[tuple[str, str | None]]:
    """(path of the .html.gz file, URL) for every corpus page, sorted; [] without the corpus."""
    if not HTML_DIR.is_dir():
        return []
    pages = []
    for path in sorted(HTML_DIR.glob("*.html.gz")):
        url = None
        truth = TRUTH_DIR / (path.name[: -len(".html.gz")] + ".json")
        try:
            url = json.loads(truth.read_text(encoding="utf-8")).get("url") or None
        except (OSError, ValueError):
            pass
        pages.append((str(path), url))
    return pages


def corpus_texts() -> list[str]:
    """The ``input`` of every text case; [] without the corpus."""
    if not TEXT_FILE.is_file():
        return []
    with gzip.open(TEXT_FILE, "rt", encoding="utf-8") as handle:
        return [json.loads(line)["input"] for line in handle if line.strip()]


def spread(items: list, n: int) -> list:
    """``n`` items spread evenly over ``items`` (all of them when n >= len), in order."""
    if n >= len(items):
        return list(items)
    step = len(items) / n
    return [items[int(i * step)] for i in range(n)]


def cycle(items: list, n: int) -> list:
    """``n`` items, repeating ``items`` from the start as often as needed."""
    return [items[i % len(items)] for i in range(n)]


def load(source: str) -> bytes:
    """The bytes of a page file (gunzipped in memory) or of a ``gen:INDEX`` generated page."""
    if source.startswith("gen:"):
        return generated_page(int(source[4:]))[0].encode("utf-8")
    data = Path(source).read_bytes()
    return gzip.decompress(data) if source.endswith(".gz") else data


# -- generator -------------------------------------------------------------------------
_WORDS = (
    "the council said on tuesday that new plan would cost more than expected and residents who "
    "spoke at meeting asked why library stays closed for another year while harbour wall needs "
    "repairs after storm reached coast at dawn officials reported water levels rising across "
    "northern districts where two buses will run every hour from next month according to report "
    "published by regional office which also found that school budgets have fallen since last "
    "spring despite promises made during election campaign by mayor whose team now argues this "
    "figure ignores grants paid directly to teachers parents however remain unconvinced saying "
    "classes grew larger each term researchers at university measured air quality near busy "
    "roads during morning traffic and found levels well above limits set by national agency "
    "company announced quarterly results showing profits up sharply thanks to strong demand for "
    "its software in europe asia though analysts warned costs of new data centres could weigh on "
    "margins next year farmers describe difficult season with late frost followed by weeks of "
    "drought that cut harvest by almost third in some valleys"
).split()
_SECTIONS = (
    "News",
    "Politics",
    "Business",
    "Technology",
    "Science",
    "Health",
    "Sport",
    "Culture",
    "Travel",
    "Opinion",
    "Climate",
    "Education",
)
_FIRST = ("Anna", "Ben", "Carla", "David", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas")
_LAST = ("Martin", "Okafor", "Schmidt", "Dubois", "García", "Kowalski", "Nguyen", "Rossi")
_SITES = ("The Harbour Post", "Northern Ledger", "Valley Times", "City Courier", "Daily Compass")
_CSS = (
    ".site-header{display:flex;gap:1rem}.entry-content p{margin:0 0 1em;line-height:1.6}"
    ".sharedaddy a{padding:4px}.widget{border-top:1px solid #ddd}"
)
_JS = "window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)};"


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(8, 24))]
    return " ".join(words).capitalize() + rng.choice((".", ".", ".", "?", "!"))


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(2, 6)))


def _title(rng: random.Random) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(rng.randint(5, 10))).capitalize()


def generated_page(index: int, small: bool = False) -> tuple[str, str]:
    """(HTML, URL) of generated article page ``index``, deterministic.

    About 8 to 25 kB; ``small``: fewer paragraphs and no inline script, about 5 to 8 kB.
    """
    rng = random.Random(index)
    site = rng.choice(_SITES)
    host = site.lower().replace(" ", "") + ".example"
    section = rng.choice(_SECTIONS)
    title = _title(rng)
    slug = "-".join(title.lower().split()[:6])
    url = f"https://www.{host}/{section.lower()}/2024/{index % 12 + 1:02d}/{slug}-{index}"
    author = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
    date = f"2024-{index % 12 + 1:02d}-{index % 28 + 1:02d}"
    esc = html.escape
    nav = "".join(f'<li><a href="/{s.lower()}">{s}</a></li>' for s in _SECTIONS)
    body = []
    for i in range(rng.randint(3, 6) if small else rng.randint(5, 18)):
        if i and rng.random() < 0.15:
            body.append(f"<h2>{esc(_title(rng))}</h2>")
        if rng.random() < 0.06:
            body.append(f"<blockquote><p>{esc(_sentence(rng))}</p></blockquote>")
        if rng.random() < 0.06:
            items = "".join(f"<li>{esc(_sentence(rng))}</li>" for _ in range(rng.randint(2, 5)))
            body.append(f"<ul>{items}</ul>")
        body.append(f"<p>{esc(_paragraph(rng))}</p>")
        if i == 2 and rng.random() < 0.5:
            body.append(f"<p><strong>Full coverage: {section}</strong></p>")
        if i == 3 and rng.random() < 0.5:
            body.append(
                '<div class="newsletter-box"><p>Sign up for our newsletter</p>'
                '<form action="/newsletter/subscribe"><input type="email" '
                'placeholder="Your email"><button>Subscribe</button></form></div>'
            )
    related = "".join(
        f'<li><a href="/{section.lower()}/{k}">{esc(_title(rng))}</a></li>' for k in range(rng.randint(3, 6))
    )
    comments = "".join(
        f'<li class="comment"><div class="comment-author">{rng.choice(_FIRST)}</div>'
        f'<p>{esc(_sentence(rng))}</p><a class="reply">Reply</a></li>'
        for _ in range(rng.randint(0, 6))
    )
    popular = "".join(f'<li><a href="/p/{k}">{esc(_title(rng))}</a></li>' for k in range(5))
    share_class = rng.choice(("sharedaddy sd-sharing-enabled", "share-buttons", "post-share", "article-tools"))
    ld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": title,
            "datePublished": date,
            "author": {"@type": "Person", "name": author},
        }
    )
    # pages carry inline scripts of very different sizes
    padding = "" if small else _JS * rng.randint(5, 150)
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{esc(title)} | {esc(site)}</title>
<meta name="description" content="{esc(_sentence(rng))}">
<meta property="og:title" content="{esc(title)}"><meta name="author" content="{esc(author)}">
<meta property="article:published_time" content="{date}T08:00:00Z">
<link rel="canonical" href="{url}">
<style>{_CSS}</style>
<script type="application/ld+json">{ld}</script>
<script>{padding}</script>
</head><body class="single post-template">
<div id="cookie-notice" class="cookie-notice"><p>We use cookies to improve your experience.
<a href="/privacy">Learn more</a></p><button>Accept</button></div>
<header class="site-header"><a class="logo" href="/">{esc(site)}</a>
<nav class="main-navigation"><ul>{nav}</ul></nav></header>
<nav class="breadcrumbs"><a href="/">Home</a> » <a href="/{section.lower()}">{section}</a></nav>
<main id="main"><article class="post type-post">
<h1 class="entry-title">{esc(title)}</h1>
<p class="byline">By <span class="author">{esc(author)}</span> · <time datetime="{date}">{date}</time></p>
<div class="{share_class}"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Email</a></div>
<div class="entry-content">{"".join(body)}</div>
<div class="sharedaddy sd-sharing-enabled"><h3>Share this:</h3><ul><li><a>Twitter</a></li>
<li><a>Facebook</a></li><li><a>Print</a></li></ul></div>
<div class="tags">Tags: <a href="/tag/{section.lower()}">{section}</a></div>
<div id="jp-relatedposts" class="jp-relatedposts"><h3>Related</h3><ul>{related}</ul></div>
</article>
<div id="comments" class="comments-area"><ol class="comment-list">{comments}</ol>
<div id="respond" class="comment-respond"><h3>Leave a Reply</h3><form id="commentform">
<textarea placeholder="Please enter your comment!"></textarea><input name="author"
placeholder="Name"><button>Post Comment</button></form></div></div></main>
<aside class="sidebar"><section class="widget"><h2>Most read</h2><ul>{popular}</ul></section>
</aside>
<footer class="site-footer"><p>© 2024 {esc(site)}. All rights reserved.</p>
<ul><li><a href="/privacy">Privacy</a></li><li><a href="/terms">Terms</a></li></ul></footer>
</body></html>
"""
    return page, url


_TEXT_JUNK_INLINE = (
    "Full coverage: {section}",
    "Advertisement",
    "Read more: {title}",
    "Share this article",
    "ADVERTISEMENT",
)
_TEXT_JUNK_TAIL = (
    "Share this:",
    "Facebook",
    "Twitter",
    "Related",
    "{title}",
    "Sign up for our newsletter",
    "Leave a Reply",
    "Please enter your comment!",
    "© 2024 {site}. All rights reserved.",
)


def generated_text(index: int) -> str:
    """Scraped-article text ``index``: title, paragraphs, inline and trailing junk lines."""
    rng = random.Random(10_000_000 + index)
    title, section, site = _title(rng), rng.choice(_SECTIONS), rng.choice(_SITES)
    blocks = [title]
    for i in range(rng.randint(4, 16)):
        blocks.append(_paragraph(rng))
        if i in (1, 4) and rng.random() < 0.4:
            blocks.append(rng.choice(_TEXT_JUNK_INLINE).format(section=section, title=_title(rng)))
    tail = [line.format(title=_title(rng), site=site) for line in _TEXT_JUNK_TAIL if rng.random() < 0.6]
    blocks.append("\n".join(tail))
    return "\n\n".join(blocks) + "\n"


# -- pathological pages --------------------------------------------------------------
def huge_page(size: int) -> bytes:
    """One valid HTML page of about ``size`` bytes: a long article of generated paragraphs."""
    rng = random.Random(20)
    head = b"<!DOCTYPE html><html lang='en'><head><title>Very long page</title></head><body>"
    head += b"<article><h1>Very long page</h1>"
    tail = b"</article></body></html>\n"
    parts, total = [head], len(head) + len(tail)
    while total < size:
        para = f"<p>{_paragraph(rng)}</p>\n".encode()
        parts.append(para)
        total += len(para)
    data = b"".join(parts)
    return data[: size - len(tail)].rsplit(b"</p>", 1)[0] + b"</p>" + tail


def nested_page(depth: int) -> bytes:
    """A page whose article paragraph sits inside ``depth`` nested <div> elements."""
    rng = random.Random(21)
    intro = "".join(f"<p>{_paragraph(rng)}</p>" for _ in range(3))
    return (
        "<!DOCTYPE html><html><head><title>Deeply nested page</title></head><body>"
        f"<article><h1>Deeply nested page</h1>{intro}</article>"
        + "<div>" * depth
        + f"<p>{_paragraph(rng)}</p>"
        + "</div>" * depth
        + "</body></html>\n"
    ).encode()
