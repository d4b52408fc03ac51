#!/usr/bin/env python3
"""Where stripper's time goes: a sampling profile, folded into pipeline stages.

    pip install py-spy                    # development tools, not dependencies
    python bench/speed_profile.py         # 300 corpus pages, Stripper().extract(page, url=url)
    python bench/speed_profile.py --text  # ... and Stripper(input_type="text") over the texts
    python bench/speed_profile.py --tool pyinstrument   # the same with pyinstrument

py-spy samples the process from outside, so native code (lxml/libxml2) is
charged to the Python line that called it and the profiled code runs at full
speed. Every sample is credited to the innermost pipeline stage on its stack
(decode, parse, DOM rules, trafilatura's metadata / main extraction /
readability / justext / ..., text rules, render); the tables show each stage's
time including the stages nested in it, as a share of all samples of the run.
Pages come from ../shared/corpus (or the generator in bench/speed_data.py).

pyinstrument (``--tool pyinstrument``) is an in-process profiler; on this
workload it charges several times more time to the DOM rules (long XPath calls)
than py-spy and direct timing do, so py-spy is the default.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import speed_data  # noqa: E402  (bench/speed_data.py)

# (label, function names (bare or Class.method), file ending). The innermost match wins.
STAGES = [
    ("decode", ("decode",), "stripper/decode.py"),
    ("detect html/text", ("detect_kind",), "stripper/detect.py"),
    ("parse (parse_html)", ("parse_html",), "stripper/parse.py"),
    ("metadata (page_metadata)", ("page_metadata",), "stripper/metadata.py"),
    ("· date", ("_date",), "stripper/metadata.py"),
    ("· author", ("_author",), "stripper/metadata.py"),
    ("· title", ("_title",), "stripper/metadata.py"),
    ("DOM rules", ("run_dom_rules",), "stripper/rules/apply.py"),
    ("auto extractor", ("AutoExtractor.extract",), "stripper/extractors/auto.py"),
    ("· product-page test", ("is_product_page",), "stripper/extractors/auto.py"),
    ("· density extractor", ("DensityExtractor.extract",), "stripper/extractors/density.py"),
    ("· · page walk (blocks)", ("_walk",), "stripper/extractors/density.py"),
    ("· trafilatura fallback", ("TrafilaturaExtractor.extract",), "stripper/extractors/trafilatura.py"),
    ("trafilatura bare_extraction", ("bare_extraction",), "trafilatura/core.py"),
    ("tree copy", ("copy", "deepcopy"), "copy.py"),
    ("trafilatura_sequence", ("trafilatura_sequence",), "trafilatura/core.py"),
    ("forum check", ("_forum_thread_page",), "trafilatura/core.py"),
    ("prune_unwanted_nodes", ("prune_unwanted_nodes",), "trafilatura/htmlprocessing.py"),
    ("tree_cleaning", ("tree_cleaning",), "trafilatura/htmlprocessing.py"),
    ("convert_tags", ("convert_tags",), "trafilatura/htmlprocessing.py"),
    ("main extraction (extract_content)", ("extract_content",), "trafilatura/main_extractor.py"),
    ("fallback (compare_extraction)", ("compare_extraction",), "trafilatura/external.py"),
    ("readability", ("try_readability",), "trafilatura/external.py"),
    ("justext", ("justext_rescue",), "trafilatura/external.py"),
    ("sanitize_tree", ("sanitize_tree",), "trafilatura/external.py"),
    ("baseline rescue", ("baseline",), "trafilatura/baseline.py"),
    ("page text measure (html2txt)", ("html2txt",), "trafilatura/baseline.py"),
    ("recall retry (escalation)", ("_recall_retry",), "trafilatura/core.py"),
    ("xmltotxt (body to text)", ("xmltotxt",), "trafilatura/xml.py"),
    ("lines_from_extractor", ("lines_from_extractor",), "stripper/blocks.py"),
    ("split_text", ("split_text",), "stripper/blocks.py"),
    ("text rules", ("run_text_rules",), "stripper/rules/apply.py"),
    ("CSS/XPath selectors (ElementMatcher)", ("ElementMatcher.__call__",), "stripper/rules/patterns.py"),
    ("pattern rules (BlockMatcher)", ("BlockMatcher.__call__", "BlockMatcher.matches"), "stripper/rules/patterns.py"),
    ("block keys (normalise)", ("keys",), "stripper/rules/model.py"),
    ("scopes (in_scope, substantial)", ("in_scope", "substantial"), "stripper/rules/model.py"),
    ("render (Page.article)", ("article",), "stripper/pipeline.py"),
]
_FRAME = re.compile(r"^(?P<function>.*) \((?P<file>.*?)(?::(?P<line>\d+))?\)$")


def stage_of(function: str, path: str) -> str | None:
    short = function.rsplit(".", 1)[-1]
    path = "/" + path.replace("\\", "/")
    for label, functions, ending in STAGES:
        if (short in functions or function in functions) and path.endswith("/" + ending):
            return label
    return None


def fold(stacks) -> dict[tuple[str, ...], float]:
    """Weight of each stack, keyed by the path of stages on it (outermost first)."""
    own: dict[tuple[str, ...], float] = defaultdict(float)
    for frames, weight in stacks:
        path: tuple[str, ...] = ()
        for function, file in frames:
            stage = stage_of(function, file)
            if stage and (not path or path[-1] != stage):
                path += (stage,)
        own[path] += weight
    return own


def tree_table(own: dict[tuple[str, ...], float], total: float, min_share: float, unit: str) -> list[str]:
    inclusive: dict[tuple[str, ...], float] = defaultdict(float)
    for path, weight in own.items():
        for i in range(1, len(path) + 1):
            inclusive[path[:i]] += weight
    lines = [f"| stage (indented: inside the one above) | {unit} | share |", "| --- | ---: | ---: |"]

    def key(path):
        return tuple(x for i in range(1, len(path) + 1) for x in (-inclusive[path[:i]], path[i - 1]))

    for path in sorted(inclusive, key=key):
        share = inclusive[path] / total
        if share < min_share:
            continue
        indent = "· " * (len(path) - 1)
        lines.append(f"| {indent}{path[-1]} | {inclusive[path]:.0f} | {share:.1%} |")
    outside = own.get((), 0.0)
    lines.append(f"| (outside every stage: the loop, Stripper.process glue) | {outside:.0f} | {outside / total:.1%} |")
    return lines


def flat_table(own: dict[tuple[str, ...], float], total: float, unit: str) -> list[str]:
    """Each stage's total wherever it runs (counted once per stack)."""
    flat: dict[str, float] = defaultdict(float)
    for path, weight in own.items():
        for stage in dict.fromkeys(path):
            flat[stage] += weight
    lines = [f"| stage, wherever it runs | {unit} | share |", "| --- | ---: | ---: |"]
    for stage, weight in sorted(flat.items(), key=lambda kv: -kv[1]):
        lines.append(f"| {stage} | {weight:.0f} | {weight / total:.1%} |")
    return lines


# -- the profiled loop (child process) --------------------------------------------------
def load_inputs(kind: str, pages: int):
    if kind == "html":
        corpus = speed_data.corpus_pages()
        if corpus:
            items = [(speed_data.load(p), u) for p, u in speed_data.spread(corpus, pages)]
            source = f"{len(items)} wcxb-dev pages spread evenly over {len(corpus)}"
        else:
            items = [(speed_data.load(f"gen:{i}"), None) for i in range(pages)]
            source = f"{len(items)} generated pages"
        return items, source, sum(len(p) for p, _ in items)
    texts = speed_data.corpus_texts()
    source = f"{len(texts)} text-dev texts"
    if not texts:
        texts = [speed_data.generated_text(i) for i in range(772)]
        source = f"{len(texts)} generated texts"
    return [(t, None) for t in texts], source, sum(len(t.encode("utf-8")) for t in texts)


def child(kind: str, pages: int, rounds: int) -> None:
    logging.disable(logging.CRITICAL)
    from stripper import Stripper

    items, source, size = load_inputs(kind, pages)
    stripper = Stripper() if kind == "html" else Stripper(input_type="text")
    for page, url in items[:3]:
        stripper.extract(page, url=url)
    print("START", flush=True)
    cpu0, wall0 = time.process_time(), time.perf_counter()
    for _ in range(rounds):
        for page, url in items:
            stripper.extract(page, url=url)
    print(
        json.dumps(
            {
                "source": source,
                "bytes": size,
                "inputs": len(items),
                "rounds": rounds,
                "cpu": time.process_time() - cpu0,
                "wall": time.perf_counter() - wall0,
            }
        )
    )


# -- the profilers ---------------------------------------------------------------------------
def with_pyspy(kind: str, pages: int, rounds: int, rate: int):
    pyspy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "stacks.txt"
        cmd = [
            pyspy,
            "record",
            "--rate",
            str(rate),
            "--format",
            "raw",
            "--output",
            str(raw),
            "--nonblocking",
            "--",
            sys.executable,
            __file__,
            "--child",
            kind,
            "--pages",
            str(pages),
            "--rounds",
            str(rounds),
        ]
        done = subprocess.run(cmd, capture_output=True, text=True)
        if done.returncode != 0 or not raw.exists():
            raise SystemExit(f"py-spy failed ({done.returncode}): {done.stderr[-1500:]}")
        info = json.loads(next(ln for ln in reversed(done.stdout.splitlines()) if ln.startswith("{")))
        stacks = []
        for line in raw.read_text(encoding="utf-8", errors="replace").splitlines():
            stack, _, count = line.rpartition(" ")
            frames = []
            for frame in stack.split(";"):
                m = _FRAME.match(frame)
                frames.append((m["function"], m["file"]) if m else (frame, ""))
            # only samples of the measured loop (not loading the pages, not the warm-up)
            if any(f == "Stripper.extract" for f, _ in frames) and frames[0][0] == "<module>":
                stacks.append((frames, int(count)))
    return stacks, info, "samples"


def with_pyinstrument(kind: str, pages: int, rounds: int, rate: int):
    from pyinstrument import Profiler

    logging.disable(logging.CRITICAL)
    from stripper import Stripper

    items, source, size = load_inputs(kind, pages)
    stripper = Stripper() if kind == "html" else Stripper(input_type="text")
    for page, url in items[:3]:
        stripper.extract(page, url=url)
    profiler = Profiler(interval=1 / rate)
    cpu0, wall0 = time.process_time(), time.perf_counter()
    profiler.start()
    for _ in range(rounds):
        for page, url in items:
            stripper.extract(page, url=url)
    profiler.stop()
    info = {
        "source": source,
        "bytes": size,
        "inputs": len(items),
        "rounds": rounds,
        "cpu": time.process_time() - cpu0,
        "wall": time.perf_counter() - wall0,
    }
    stacks = []

    def walk(frame, above):
        frames = above + [(frame.function, frame.file_path or "")]
        own = frame.time - sum(c.time for c in frame.children)
        if own > 0:
            stacks.append((frames, own * 1000))
        for c in frame.children:
            walk(c, frames)

    walk(profiler.last_session.root_frame(), [])
    return stacks, info, "ms"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=300, help="corpus pages, spread evenly")
    parser.add_argument("--text", action="store_true", help="also profile the scraped-text path")
    parser.add_argument("--tool", choices=["py-spy", "pyinstrument"], default="py-spy")
    parser.add_argument("--rate", type=int, default=250, help="samples per second")
    parser.add_argument("--min-share", type=float, default=0.003, help="hide smaller stages")
    parser.add_argument("--child", choices=["html", "text"], help=argparse.SUPPRESS)
    parser.add_argument("--rounds", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, args.pages, args.rounds)
        return 0
    profile = with_pyspy if args.tool == "py-spy" else with_pyinstrument
    runs = [("html", 1)] + ([("text", 3)] if args.text else [])
    for kind, rounds in runs:
        stacks, info, unit = profile(kind, args.pages, rounds, args.rate)
        own = fold(stacks)
        total = sum(own.values())
        what = (
            "`Stripper().extract(page, url=url)`" if kind == "html" else '`Stripper(input_type="text").extract(text)`'
        )
        print(
            f"## {kind.upper()}: {what} over {info['source']} ({info['bytes'] / 1e6:.1f} MB"
            f"{', ' + str(rounds) + ' passes' if rounds > 1 else ''}), {args.tool}\n"
        )
        per_core = info["bytes"] * rounds / 1e6 / info["cpu"]
        print(
            f"Profiled run: wall {info['wall']:.1f} s, CPU {info['cpu']:.1f} s "
            f"({info['inputs'] * rounds / info['cpu']:.1f} inputs/s, {per_core:.2f} MB/s per "
            f"core, under the profiler); {total:.0f} {unit}.\n"
        )
        print("\n".join(tree_table(own, total, args.min_share, unit)))
        print()
        if kind == "html":
            print("\n".join(flat_table(own, total, unit)))
            print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
