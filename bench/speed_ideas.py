#!/usr/bin/env python3
"""Measure speed-up ideas for stripper without changing it (numbers for bench/PROFILE.md).

    python bench/speed_ideas.py              # HTML variants on 300 corpus pages, 3 rounds
    python bench/speed_ideas.py --pages 100 --rounds 1 --only text
    python bench/speed_ideas.py --only html --variants "lean-meta,all"   # a subset

Every variant runs in this one process over the same pages, rounds
interleaved; a variant is stripper with one change applied from the outside
(a different extractor object, or a prototype swapped in for one function)
for the duration of its own calls. For each variant: CPU time (median round),
its ratio to trafilatura's default, whether its output is identical to
stripper's, and its quality against the corpus ground truth (bench/metrics.py,
the metrics of bench/gate.py).

Variants:
  dom1pass    one pass over the elements instead of one XPath per rule (prototype,
              same elements as the rules' CSS/XPath)
  date-quick  htmldate without its extensive search (``extensive_search=False``)
  lean-meta   only the metadata stripper returns (no sitename/categories/tags/license),
              date-quick
  lean-meta, author only from meta tags / JSON-LD
              lean-meta without trafilatura's author search in the page body
  fast        trafilatura ``fast=True``: no readability/justext fallback
  all         dom1pass + lean-meta + fast
  fast + lean-meta (DOM rules as now)
  all-cond    all, then the default (fallback) extraction again when the fast text is
              short (< --cond-chars characters)

Text variants (``--only text``): the scraped-text path with cached per-block
views and a union pre-filter for the pattern rules, and a cheaper line clean-up;
outputs are checked identical.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import re
import re._parser as sre_parse
import statistics
import string
import sys
import time
from datetime import datetime
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))

import metrics  # noqa: E402  (bench/metrics.py)
import speed_data  # noqa: E402  (bench/speed_data.py)

SHORT_WORDS = 40  # the longest label_max_words of the built-in pattern rules
TODAY = datetime.now().astimezone().strftime("%Y-%m-%d")


# -- extractors: trafilatura called differently -------------------------------------------
class VariantExtractor:
    """stripper's TrafilaturaExtractor with options: fast, date search, lean metadata."""

    name = "trafilatura"

    def __init__(self, fast=False, extensive_date=True, lean_meta=False, cond_chars=0, author_search=True):
        self.author_search = author_search
        self.fast, self.extensive_date = fast, extensive_date
        self.lean_meta, self.cond_chars = lean_meta, cond_chars
        self.reran = 0

    def extract(self, tree, *, url):
        import trafilatura

        from stripper.extractors import Extracted

        params = {"original_date": True, "extensive_search": self.extensive_date, "max_date": TODAY}
        meta = lean_metadata(tree, url, params, self.author_search) if self.lean_meta else None
        options = dict(
            url=url,
            include_comments=False,
            include_tables=True,
            with_metadata=not self.lean_meta,
            date_extraction_params=params,
        )
        document = trafilatura.bare_extraction(tree, fast=self.fast, **options)
        if self.cond_chars and self.fast and len((document and document.text) or "") < self.cond_chars:
            self.reran += 1
            document = trafilatura.bare_extraction(tree, fast=False, **options)
        if document is None and meta is None:
            return Extracted(url=url)
        text = (document.text if document is not None else "") or ""
        source = meta if meta is not None else document
        return Extracted(
            lines=text.split("\n"),
            title=source.title or None,
            author=source.author or None,
            date=source.date or None,
            url=source.url or url,
            language=(document.language if document is not None else None) or None,
        )


def lean_metadata(tree, url, date_params, author_search=True):
    """trafilatura.metadata.extract_metadata without sitename, categories, tags, license."""
    from htmldate import find_date
    from trafilatura.metadata import (
        examine_meta,
        extract_author,
        extract_meta_json,
        extract_title,
        extract_url,
    )

    md = examine_meta(tree)
    if md.author and " " not in md.author:
        md.author = None
    with contextlib.suppress(Exception):
        md = extract_meta_json(tree, md)
    if not md.title:
        md.title = extract_title(tree)
    if not md.author and author_search:
        md.author = extract_author(tree)
    if not md.url:
        md.url = extract_url(tree, url)
    md.date = find_date(tree, **{**date_params, "url": md.url})
    md.clean_and_trim()
    return md


# -- DOM rules in one pass (prototype) --------------------------------------------------------
_SIMPLE = re.compile(
    r"^(?P<tag>[a-z][a-z0-9]*)?(?:(?P<kind>[.#])(?P<name>[\w-]+)"
    r"|\[(?P<attr>[\w-]+)\*=['\"](?P<value>[^'\"]+)['\"]\])$"
)
_HIDDEN = ("//*[@hidden]", "//*[@aria-hidden='true']")
_STYLE = str.maketrans(string.ascii_uppercase, string.ascii_lowercase, " ")
_CANDIDATES = "//*[@class or @id or @hidden or @aria-hidden or @style or @action]"


class OnePass:
    """Replaces ElementMatcher.__call__: the page's attributed elements are listed once,
    and each rule filters that list with set look-ups instead of evaluating its XPath."""

    def __init__(self):
        from lxml.etree import XPath

        self.candidates = XPath(_CANDIDATES)
        self.specs: dict[int, object] = {}

    def spec(self, matcher):
        key = id(matcher)
        if key not in self.specs:
            self.specs[key] = self._compile(matcher)
        return self.specs[key]

    @staticmethod
    def _compile(matcher):
        ids, classes, tag_classes, contains, hidden = set(), set(), set(), [], False
        xpaths = list(matcher.xpath)
        if xpaths:
            if len(xpaths) != 3 or tuple(xpaths[:2]) != _HIDDEN:
                return None  # not the hidden-elements rule: keep the XPath
            hidden = True
        for selector in matcher.css:
            m = _SIMPLE.match(selector.strip())
            if not m:
                return None
            if m["kind"] == "#":
                if m["tag"]:
                    return None
                ids.add(m["name"])
            elif m["kind"] == ".":
                (tag_classes.add((m["tag"], m["name"])) if m["tag"] else classes.add(m["name"]))
            else:
                contains.append((m["tag"], m["attr"], m["value"]))
        return ids, classes, tag_classes, contains, hidden

    def index(self, state):
        cached = state.__dict__.get("_onepass")
        if cached is None:
            cached = []
            for el in self.candidates(state.root):
                get = el.get
                cls = get("class")
                style = get("style")
                hidden = (
                    get("hidden") is not None
                    or get("aria-hidden") == "true"
                    or (
                        style is not None
                        and (
                            "display:none" in style.translate(_STYLE) or "visibility:hidden" in style.translate(_STYLE)
                        )
                    )
                )
                cached.append((el, el.tag, get("id"), set(cls.split()) if cls else (), hidden))
            state.__dict__["_onepass"] = cached
        return cached

    def __call__(self, matcher, state):
        spec = self.spec(matcher)
        if spec is None:
            return matcher._expression(state.root)
        ids, classes, tag_classes, contains, want_hidden = spec
        out = []
        for el, tag, id_, cls, hidden in self.index(state):
            if (
                (want_hidden and hidden)
                or (id_ is not None and id_ in ids)
                or (cls and (not classes.isdisjoint(cls) or any(t == tag and c in cls for t, c in tag_classes)))
                or any((t is None or t == tag) and v in (el.get(a) or "") for t, a, v in contains)
            ):
                out.append(el)
        return out


@contextlib.contextmanager
def patched(obj, name, value):
    old = getattr(obj, name)
    setattr(obj, name, value)
    try:
        yield
    finally:
        setattr(obj, name, old)


# -- HTML experiment ------------------------------------------------------------------------------
def html_experiment(args) -> list[str]:
    logging.disable(logging.CRITICAL)
    import trafilatura

    from stripper import Stripper, StripperError
    from stripper.rules.patterns import ElementMatcher

    corpus = speed_data.corpus_pages()
    if not corpus:
        return ["(HTML experiment skipped: corpus not found)"]
    chosen = speed_data.spread(corpus, args.pages)
    pages = []
    for path, url in chosen:
        truth_file = speed_data.TRUTH_DIR / (Path(path).name[: -len(".html.gz")] + ".json")
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        pages.append((speed_data.load(path), url, truth.get("ground_truth") or {}))
    one_pass = OnePass()

    def onepass_call(self, state, indices=None):
        return one_pass(self, state)

    def stripper_variant(extractor=None, dom1pass=False):
        s = Stripper()
        if extractor is not None:
            s.extractor = extractor

        def run(page, url):
            ctx = patched(ElementMatcher, "__call__", onepass_call) if dom1pass else contextlib.nullcontext()
            with ctx:
                try:
                    art = s.extract(page, url=url)
                except StripperError:
                    return {"text": ""}
            return {"text": art.text, "title": art.title, "author": art.author, "date": art.date}

        return run

    def traf(fast):
        def run(page, url):
            return {"text": trafilatura.extract(page, fast=fast) or ""}

        return run

    cond = VariantExtractor(fast=True, extensive_date=False, lean_meta=True, cond_chars=args.cond_chars)
    variants = {
        "trafilatura default": traf(False),
        "trafilatura fast=True": traf(True),
        "stripper (now)": stripper_variant(),
        "dom1pass": stripper_variant(dom1pass=True),
        "date-quick": stripper_variant(VariantExtractor(extensive_date=False)),
        "lean-meta": stripper_variant(VariantExtractor(extensive_date=False, lean_meta=True)),
        "fast": stripper_variant(VariantExtractor(fast=True)),
        "lean-meta, author only from meta tags / JSON-LD": stripper_variant(
            VariantExtractor(extensive_date=False, lean_meta=True, author_search=False)
        ),
        "all": stripper_variant(VariantExtractor(fast=True, extensive_date=False, lean_meta=True), dom1pass=True),
        "fast + lean-meta (DOM rules as now)": stripper_variant(
            VariantExtractor(fast=True, extensive_date=False, lean_meta=True)
        ),
        f"all-cond (< {args.cond_chars} chars: again with fallback)": stripper_variant(cond, dom1pass=True),
    }
    if args.variants:
        wanted = [w.strip() for w in args.variants.split(",")]
        variants = {
            k: v
            for k, v in variants.items()
            if k in ("trafilatura default", "stripper (now)", "fast") or any(k.startswith(w) for w in wanted)
        }
    times = {name: [] for name in variants}
    outputs: dict[str, list[dict]] = {}
    for page, url, _ in pages[:3]:
        for run in variants.values():
            run(page, url)
    for r in range(args.rounds):
        for name, run in variants.items():
            print(f"[ideas] round {r + 1}/{args.rounds}: {name}", file=sys.stderr, flush=True)
            if name.startswith("all-cond"):
                cond.reran = 0
            results = []
            t0 = time.process_time()
            for page, url, _ in pages:
                results.append(run(page, url))
            times[name].append(time.process_time() - t0)
            outputs.setdefault(name, results)
    base_time = min(times["trafilatura default"])
    now = outputs["stripper (now)"]
    size = sum(len(p) for p, _, _ in pages)
    lines = [
        f"### HTML variants: {len(pages)} wcxb-dev pages ({size / 1e6:.1f} MB), "
        f"{args.rounds} interleaved rounds, CPU time (best round)",
        "",
        "| variant | CPU s | pages/s per core | vs trafilatura default | vs stripper now "
        "| same output as now | shingle F1 | word F1 | snippets F1 | title | author | date |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name in variants:
        t = min(times[name])
        out = outputs[name]
        q = quality(pages, out)
        same = sum(1 for a, b in zip(out, now, strict=True) if a == b)
        is_stripper = "trafilatura" not in name
        meta_cols = f"{q['title']:.3f} | {q['author']:.3f} | {q['date']:.3f}" if is_stripper else "– | – | –"
        lines.append(
            f"| {name} | {t:.1f} | {len(pages) / t:.2f} | {base_time / t:.2f}× "
            f"| {min(times['stripper (now)']) / t:.2f}× "
            f"| {same}/{len(pages) if is_stripper else '–'} | {q['shingle_f1']:.3f} "
            f"| {q['word_f1']:.3f} | {q['snippets']:.3f} | {meta_cols} |"
        )
    lines += ["", f"all-cond re-ran the default extraction on {cond.reran} of {len(pages)} pages (last round).", ""]
    lines += fallback_census(pages, outputs["stripper (now)"], outputs["fast"])
    return lines


def quality(pages, outputs) -> dict:
    counts, word, snips, meta = [], [], [0, 0, 0], {"title": [], "author": [], "date": []}
    for (_, _, gt), out in zip(pages, outputs, strict=True):
        reference, text = gt.get("main_content") or "", out.get("text") or ""
        counts.append(metrics.shingle_counts(reference, text))
        word.append(metrics.word_f1(reference, text))
        wf, wt, of, _ = metrics.snippet_counts(text, gt.get("with") or [], gt.get("without") or [])
        snips[0] += wf
        snips[1] += wt - wf
        snips[2] += of
        for field, ref_key, match in (
            ("title", "title", metrics.title_match),
            ("author", "author", metrics.author_match),
            ("date", "publish_date", metrics.date_match),
        ):
            if metrics.has_value(gt.get(ref_key)):
                meta[field].append(match(gt[ref_key], out.get(field)))
    return {
        "shingle_f1": metrics.aggregate_shingles(counts)["f1"],
        "word_f1": metrics.mean(word),
        "snippets": metrics.snippet_f1(*snips),
        **{k: metrics.mean(map(float, v)) for k, v in meta.items()},
    }


def fallback_census(pages, default_out, fast_out) -> list[str]:
    """Pages whose body text changes when the fallback is skipped, and what that costs."""
    changed, better, worse = [], 0, 0
    for (_, _, gt), d, f in zip(pages, default_out, fast_out, strict=True):
        if d["text"] == f["text"]:
            continue
        reference = gt.get("main_content") or ""
        wd, wf = metrics.word_f1(reference, d["text"]), metrics.word_f1(reference, f["text"])
        changed.append((len(f["text"]), wd, wf))
        better += wf > wd + 0.01
        worse += wf < wd - 0.01
    short = sum(1 for n, _, _ in changed if n < 3000)
    lines = [
        f"Fallback census (stripper now vs fast): body text differs on {len(changed)} of "
        f"{len(pages)} pages; fast is better (word F1 +0.01) on {better}, worse on {worse}; "
        f"{short} of the changed pages have a fast text under 3,000 characters."
    ]
    if changed:
        lines[-1] += (
            f" Mean word F1 on the changed pages: with fallback "
            f"{statistics.mean(w for _, w, _ in changed):.3f}, fast "
            f"{statistics.mean(w for _, _, w in changed):.3f}."
        )
    return lines + [""]


# -- text experiment ------------------------------------------------------------------------------
def text_experiment(args) -> list[str]:
    from stripper import Stripper
    from stripper import blocks as blocks_module
    from stripper.rules.model import word_count
    from stripper.rules.patterns import BlockMatcher

    texts = speed_data.corpus_texts() or [speed_data.generated_text(i) for i in range(772)]
    size = sum(len(t.encode("utf-8")) for t in texts)
    stripper = Stripper(input_type="text")
    original_call = BlockMatcher.__call__
    widths: dict[int, int] = {}

    def max_width(matcher) -> int:
        """Longest key the whole-block regex can match (sre's width), reading ``\\s+`` as one
        character: block texts have their whitespace runs collapsed by clean_line."""
        if id(matcher) not in widths:
            pattern = matcher._whole.pattern.replace("\\s+", "\\s") if matcher._whole else ""
            widths[id(matcher)] = sre_parse.parse(pattern, re.IGNORECASE).getwidth()[1] if pattern else 0
        return widths[id(matcher)]

    def views(state):
        v = state.__dict__.get("_views")
        if v is None:
            v = ({}, {})  # per block: casefolded text, word count (filled on demand)
            state.__dict__["_views"] = v
        return v

    def guarded_call(self, state, indices):
        folded, words = views(state)
        keys, blocks = state.keys, state.blocks
        whole, leading, limit, width = self._whole, self._leading, self.label_max_words, max_width(self)
        out = []
        for i in indices:
            key = keys[i]
            if whole is not None and len(key) <= width and whole.fullmatch(key):
                out.append(i)
                continue
            if leading is None:
                continue
            if i not in words:
                words[i] = word_count(blocks[i].text)
            if words[i] > limit:
                continue
            if i not in folded:
                folded[i] = blocks[i].text.lstrip().casefold()
            if leading.match(folded[i]):
                out.append(i)
        return out

    def short_only_call(self, state, indices):
        """guarded_call, and whole-block patterns only tried on blocks of <= 40 words."""
        folded, words = views(state)
        keys, blocks = state.keys, state.blocks
        whole, leading, limit = self._whole, self._leading, self.label_max_words
        out = []
        for i in indices:
            if i not in words:
                words[i] = word_count(blocks[i].text)
            n = words[i]
            if n > SHORT_WORDS:
                continue
            if whole is not None and whole.fullmatch(keys[i]):
                out.append(i)
                continue
            if leading is None or n > limit:
                continue
            if i not in folded:
                folded[i] = blocks[i].text.lstrip().casefold()
            if leading.match(folded[i]):
                out.append(i)
        return out

    copyright_rule = next((r for r in stripper.ruler.active("text") if r.code == "STR803"), None)
    needles = ("rights reserved", "rechte vorbehalten", "droits réservés", "derechos reservados", "copyright")

    class LiteralGuard:
        """The STR803 whole-block regex behind a test for the literals it needs."""

        def __init__(self, regex):
            self.regex, self.pattern = regex, regex.pattern

        def fullmatch(self, key):
            if not any(n in key for n in needles):
                return None
            return self.regex.fullmatch(key)

    def clean_line(line: str) -> str:
        return " ".join(line.split())

    from stripper import decode as decode_module

    bare = Stripper(input_type="text", select=[])

    def run_all(which=stripper):
        return [which.extract(t) for t in texts]

    guard = [(BlockMatcher, "__call__", guarded_call)]
    literal = [(copyright_rule.apply, "_whole", LiteralGuard(copyright_rule.apply._whole))] if copyright_rule else []
    setups = {
        "now": [],
        "guards: regex width, word count before the label regex, cached casefold": guard,
        "... + STR803 behind a literal test": guard + literal,
        "... + clean_line with str.split": guard + literal + [(blocks_module, "clean_line", clean_line)],
        f"pattern rules only on blocks of <= {SHORT_WORDS} words, + clean_line, + STR803 test": [
            (BlockMatcher, "__call__", short_only_call),
            (blocks_module, "clean_line", clean_line),
        ]
        + literal,
    }
    if hasattr(decode_module, "_xml_safe"):
        setups["... + no _xml_safe scan for text input (lxml never sees it)"] = setups[
            f"pattern rules only on blocks of <= {SHORT_WORDS} words, + clean_line, + STR803 test"
        ] + [(decode_module, "_xml_safe", lambda text: text)]
    from stripper.rules import model as model_module

    def normalise(text: str) -> str:  # [\W_] is "not str.isalnum()" for str patterns
        text = text.casefold()
        start, end = 0, len(text)
        while start < end and not text[start].isalnum():
            start += 1
        while end > start and not text[end - 1].isalnum():
            end -= 1
        return text[start:end]

    last = list(setups)[-1]
    setups["... + normalise() trimming edges with str.isalnum"] = setups[last] + [
        (model_module, "normalise", normalise)
    ]
    floors = {
        "floor: no text rules at all (select=[])": [],
        "floor: no text rules, clean_line with str.split": [(blocks_module, "clean_line", clean_line)],
    }
    times = {name: [] for name in [*setups, *floors]}
    results = {}
    for _ in range(args.rounds):
        for name, patches in [*setups.items(), *floors.items()]:
            with contextlib.ExitStack() as stack:
                for obj, attr, value in patches:
                    stack.enter_context(patched(obj, attr, value))
                t0 = time.process_time()
                arts = run_all(bare if name in floors else stripper)
                times[name].append(time.process_time() - t0)
            if name not in floors:
                results.setdefault(name, [(a.text, a.removed, a.title) for a in arts])
    assert BlockMatcher.__call__ is original_call
    lines = [
        f"### Text path: {len(texts)} texts ({size / 1e6:.1f} MB), "
        f'`Stripper(input_type="text")`, {args.rounds} rounds, CPU time (best round)',
        "",
        "| variant | CPU s | MB/s per core | identical output |",
        "| --- | ---: | ---: | ---: |",
    ]
    for name in [*setups, *floors]:
        t = min(times[name])
        same = (
            f"{sum(1 for a, b in zip(results[name], results['now'], strict=True) if a == b)}/{len(texts)}"
            if name in results
            else "(not comparable)"
        )
        lines.append(f"| {name} | {t:.2f} | {size / 1e6 / t:.2f} | {same} |")
    return lines + [""]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--cond-chars", type=int, default=1500)
    parser.add_argument("--only", choices=["html", "text"])
    parser.add_argument("--variants", help="HTML variants to run (name prefixes, comma-separated)")
    args = parser.parse_args(argv)
    out = []
    if args.only in (None, "text"):
        out += text_experiment(args)
        print("\n".join(out), flush=True)
    if args.only in (None, "html"):
        lines = html_experiment(args)
        print("\n".join(lines), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
