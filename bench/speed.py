#!/usr/bin/env python3
"""Speed and memory of stripper against trafilatura; the table goes to stdout and bench/RESULTS.md.

    python bench/speed.py            # full run (about 10-12 minutes on 2 idle cores, more when busy)
    python bench/speed.py --quick    # smaller counts (a few minutes), same measures
    python bench/speed.py --no-write # print only

Measures (every figure in the same run, on the same inputs):

1. HTML, one process. stripper (``Stripper().extract(page_bytes, url=url)``),
   trafilatura default (``trafilatura.extract(page_bytes)``) and trafilatura
   ``fast=True``, each in a fresh subprocess (bench/speed_worker.py) over the
   same page list, gunzipped in memory beforehand; a warm-up on a few pages
   (and ``Stripper.warm_up()``, which makes stripper's lazy imports),
   then ``time.perf_counter()`` and ``resource.getrusage()`` around the loop.
   Rounds are interleaved (A B C A B C ...); the median round is reported, and
   ratios are the median of the per-round ratios.
2. ``stripper extract -f jsonl -j 2`` against ``-j 1`` over one directory of
   pages (symlinks to corpus pages), output to /dev/null, in three pairs of
   adjacent runs, (-j 1, -j 2), (-j 2, -j 1), (-j 1, -j 2); the median of the
   pairs' wall-clock ratios.
3. Scraped text: ``Stripper(input_type="text")`` over text inputs, MB/s per
   core (bytes / CPU seconds; MB = 10^6 bytes of UTF-8).
4. Peak memory (max RSS from ``os.wait4``: the process and the workers it
   reaped) of ``stripper extract -f jsonl`` over a small and a large batch of
   generated pages (the small batch is the start of the large one).
5. Pathological pages: 20 MB of HTML and 100,000 nested elements, with the
   CLI defaults and with ``--timeout 10``; and a page over ``--max-bytes``.

Inputs: ../shared/corpus (wcxb-dev HTML pages, text-dev texts) when present,
else pages and texts from the generator in bench/speed_data.py. Nothing from
the corpus is written into the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))

import speed_data  # noqa: E402  (bench/speed_data.py)

PYTHON = sys.executable
WORKER = str(BENCH_DIR / "speed_worker.py")
RESULTS = BENCH_DIR / "RESULTS.md"
MB = 1e6

TARGET_HTML_RATIO = 2.0
TARGET_TEXT_MBS = 20.0
TARGET_JOBS_RATIO = 1.8
TARGET_MEMORY_RATIO = 1.5
TARGET_PATHOLOGICAL_S = 10.0

FULL = {
    "html_pages": 200,
    "rounds": 3,
    "text_rounds": 9,
    "warmup": 5,
    "jobs_pages": 2000,
    "text_inputs": 0,
    "memory_small": 200,
    "memory_large": 20_000,
    "watchdog": 180,
}
QUICK = {
    "html_pages": 60,
    "rounds": 3,
    "text_rounds": 3,
    "warmup": 3,
    "jobs_pages": 300,
    "text_inputs": 200,
    "memory_small": 200,
    "memory_large": 2_000,
    "watchdog": 90,
}
HUGE_BYTES = 20_000_000  # under the 20 MiB --max-bytes default, so it is processed
OVER_BYTES = 21_000_000  # over it, so it is refused
NESTING = 100_000


def mark(ok: bool | None) -> str:
    return "–" if ok is None else ("✓" if ok else "✗")


def log(message: str) -> None:
    print(f"[speed] {message}", file=sys.stderr, flush=True)


# -- running a measured command -------------------------------------------------------
@dataclass
class Run:
    wall: float
    cpu: float  #: user + system seconds of the process and the children it reaped
    maxrss_kb: int  #: largest resident set of the process or of any child it reaped
    returncode: int
    stdout: str = ""
    stderr: str = ""
    killed: bool = False


def run_measured(
    argv: list[str], *, timeout: float | None = None, capture: bool = True, workdir: str | None = None
) -> Run:
    """Run ``argv``; wall clock around it, CPU and max RSS from ``os.wait4``.

    stdout/stderr go to temporary files (``capture``) or /dev/null. After
    ``timeout`` seconds the process group is killed (``killed`` is set).
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        sink_out = out if capture else subprocess.DEVNULL
        start = time.perf_counter()
        proc = subprocess.Popen(
            argv, stdout=sink_out, stderr=err, stdin=subprocess.DEVNULL, cwd=workdir, start_new_session=True
        )
        killed = threading.Event()

        def kill() -> None:
            killed.set()
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

        timer = threading.Timer(timeout, kill) if timeout else None
        if timer:
            timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            if timer:
                timer.cancel()
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Run(
            wall,
            usage.ru_utime + usage.ru_stime,
            usage.ru_maxrss,
            proc.returncode,
            out.read().decode("utf-8", "replace") if capture else "",
            err.read().decode("utf-8", "replace"),
            killed.is_set(),
        )


def worker(tool: str, inputs_file: Path, warmup: int) -> dict:
    run = run_measured([PYTHON, WORKER, tool, str(inputs_file), str(warmup)])
    if run.returncode != 0:
        raise SystemExit(f"bench worker {tool} failed ({run.returncode}):\n{run.stderr[-2000:]}")
    return json.loads(run.stdout.strip().splitlines()[-1])


def stripper_cli() -> str:
    found = Path(PYTHON).with_name("stripper")
    return str(found) if found.exists() else shutil.which("stripper") or "stripper"


# -- the machine -----------------------------------------------------------------------
def machine() -> list[str]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "?"
    try:
        ram = f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.1f} GiB"
    except (ValueError, OSError, AttributeError):
        pass
    cores = os.cpu_count()
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else cores
    versions = []
    for dist in (
        "stripper-boilerplate",
        "trafilatura",
        "lxml",
        "htmldate",
        "justext",
        "charset-normalizer",
        "courlan",
    ):
        try:
            versions.append(f"{dist} {metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            pass
    try:
        from lxml import etree

        versions.append("libxml2 " + ".".join(map(str, etree.LIBXML_VERSION)))
    except ImportError:
        pass
    return [
        f"- CPU: {cpu}, {cores} logical cores ({usable} usable by this process)",
        f"- RAM: {ram}",
        f"- OS: {platform.platform()}",
        f"- Python: {platform.python_implementation()} {platform.python_version()}",
        f"- Packages: {', '.join(versions)}",
    ]


def loadavg() -> str:
    try:
        return "/".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


# -- the sections -----------------------------------------------------------------------
@dataclass
class Report:
    lines: list[str] = field(default_factory=list)
    checks: list[tuple[str, str, str, str]] = field(default_factory=list)
    timings: list[str] = field(default_factory=list)

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)

    def check(self, what: str, value: str, target: str, ok: bool | None) -> None:
        self.checks.append((what, value, target, mark(ok)))


def html_speed(rep: Report, cfg: dict, tmp: Path) -> None:
    corpus = speed_data.corpus_pages()
    if corpus:
        pages = speed_data.spread(corpus, cfg["html_pages"])
        source = f"{len(pages)} wcxb-dev pages spread evenly over the {len(corpus)}"
    else:
        pages = [(f"gen:{i}", speed_data.generated_page(i)[1]) for i in range(cfg["html_pages"])]
        source = f"{len(pages)} generated pages (corpus not found)"
    inputs = tmp / "html-pages.json"
    inputs.write_text(json.dumps(pages))
    tools = ("stripper", "trafilatura", "trafilatura-fast")
    results: dict[str, list[dict]] = {tool: [] for tool in tools}
    load0 = loadavg()
    for r in range(cfg["rounds"]):
        for tool in tools:
            log(f"HTML round {r + 1}/{cfg['rounds']}: {tool} over {len(pages)} pages")
            results[tool].append(worker(tool, inputs, cfg["warmup"]))
    size = results["stripper"][0]["bytes"]
    n = len(pages)
    rep.add(
        f"## 1. HTML, one process ({source}, {size / MB:.1f} MB)",
        "",
        f"Median of {cfg['rounds']} interleaved rounds, each tool in a fresh process, "
        f"after a warm-up on {cfg['warmup']} pages (and `Stripper.warm_up()`, stripper's lazy imports). "
        "Wall: `time.perf_counter()`; "
        "CPU: user + system from `resource.getrusage()`. "
        f"Load average before / after: {load0} / {loadavg()}.",
        "",
        "| tool | pages/s (wall) | MB/s (wall) | pages/s (CPU) | MB/s (CPU) "
        "| wall s per round | CPU s per round | empty / errors |",
        "| --- | ---: | ---: | ---: | ---: | --- | --- | ---: |",
    )

    labels = {
        "stripper": "stripper `Stripper().extract(page, url=url)`",
        "trafilatura": "trafilatura `extract(page)`",
        "trafilatura-fast": "trafilatura `extract(page, fast=True)`",
    }
    for tool in tools:
        walls = [x["wall"] for x in results[tool]]
        cpus = [x["cpu"] for x in results[tool]]
        wall, cpu = statistics.median(walls), statistics.median(cpus)

        last = results[tool][-1]
        rep.add(
            f"| {labels[tool]} | {n / wall:.2f} | {size / MB / wall:.2f} | {n / cpu:.2f} "
            f"| {size / MB / cpu:.2f} | {' '.join(f'{w:.1f}' for w in walls)} "
            f"| {' '.join(f'{c:.1f}' for c in cpus)} | {last['empty']} / {last['errors']} |"
        )
    rep.add("")
    rep.add(
        "Ratios: the median over rounds of the two tools' time ratio within each round (a slow round slows both).",
        "",
        "| ratio (throughput) | wall | CPU | target |",
        "| --- | ---: | ---: | --- |",
    )
    for other, name in (("trafilatura", "default"), ("trafilatura-fast", "fast=True")):
        pairs = list(zip(results[other], results["stripper"], strict=True))
        rw = statistics.median(o["wall"] / s["wall"] for o, s in pairs)
        rc = statistics.median(o["cpu"] / s["cpu"] for o, s in pairs)
        target = f"≥ {TARGET_HTML_RATIO:g}×" if other == "trafilatura" else "(for reference)"
        ok = rw >= TARGET_HTML_RATIO if other == "trafilatura" else None
        rep.add(f"| stripper / trafilatura {name} | {rw:.2f}× | {rc:.2f}× | {target} {mark(ok)} |")
        if other == "trafilatura":
            rep.check(
                "HTML: stripper / trafilatura default (wall; CPU)",
                f"{rw:.2f}×; {rc:.2f}×",
                f"≥ {TARGET_HTML_RATIO:g}×",
                rw >= TARGET_HTML_RATIO,
            )
    rep.add("")


def jobs_scaling(rep: Report, cfg: dict, tmp: Path) -> None:
    corpus = speed_data.corpus_pages()
    folder = tmp / "jobs"
    folder.mkdir()
    n = cfg["jobs_pages"]
    if corpus:
        for i, (path, _) in enumerate(speed_data.cycle(corpus, n)):
            os.symlink(path, folder / f"{i:05d}.html.gz")
        source = (
            f"{n} corpus pages (symlinks; the {len(corpus)} wcxb-dev pages in order, repeated from the start)"
            if n > len(corpus)
            else f"{n} corpus pages"
        )
    else:
        for i in range(n):
            (folder / f"{i:05d}.html").write_text(speed_data.generated_page(i)[0])
        source = f"{n} generated pages"
    cli = stripper_cli()
    load0 = loadavg()
    # Three pairs of adjacent runs, in the order (-j 1, -j 2), (-j 2, -j 1), (-j 1, -j 2): each
    # pair's ratio sees the machine at one speed, and the median of the three leaves out a pair
    # that a burst of other work on the machine skewed, as the HTML section does with its rounds.
    order = [(1, 2), (2, 1), (1, 2)]
    pairs: list[dict[int, Run]] = []
    for first, second in order:
        pair_runs: dict[int, Run] = {}
        for jobs in (first, second):
            log(f"extract -j {jobs} over {n} pages (pair {len(pairs) + 1}/{len(order)})")
            pair_runs[jobs] = run_measured(
                [cli, "extract", "-q", "-f", "jsonl", "-j", str(jobs), str(folder)], capture=False)
        pairs.append(pair_runs)
    runs = {jobs: [pair_runs[jobs] for pair_runs in pairs] for jobs in (1, 2)}
    wall = {jobs: statistics.median(run.wall for run in runs[jobs]) for jobs in runs}
    cpu = {jobs: statistics.median(run.cpu for run in runs[jobs]) for jobs in runs}
    pair_ratios = [pair_runs[1].wall / pair_runs[2].wall for pair_runs in pairs]
    ratio = statistics.median(pair_ratios)
    # The machine's own ceiling for -j 2: two separate -j 1 processes at once, each on every other
    # page, with no pool between them. On virtual CPUs, two busy processes each run slower.
    files = sorted(folder.iterdir())
    halves = []
    for k in (0, 1):
        half = tmp / f"jobs-half{k}"
        half.mkdir()
        for path in files[k::2]:
            os.symlink(os.readlink(path) if path.is_symlink() else path, half / path.name)
        halves.append(half)
    log("two separate extract -j 1 at once, every other page each")
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=2) as pool:
        pair = list(pool.map(
            lambda half: run_measured([cli, "extract", "-q", "-f", "jsonl", "-j", "1", str(half)], capture=False),
            halves,
        ))
    pair_wall = time.perf_counter() - start
    pair_cpu = pair[0].cpu + pair[1].cpu
    rep.add(
        f"## 2. `stripper extract -f jsonl -j N DIR > /dev/null` ({source})",
        "",
        "Three pairs of runs, in the order (-j 1, -j 2), (-j 2, -j 1), (-j 1, -j 2): the two runs of a "
        "pair see the machine at one speed, and a steady drift weighs on both sides alike. Wall clock of "
        "the whole command (start-up included). "
        f"Load average before / after: {load0} / {loadavg()}.",
        "",
        "| pair | jobs | wall s | pages/s | CPU s (all processes) | cores used (CPU / wall) | exit | -j 2 / -j 1 |",
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    )
    for number, ((first, second), pair_runs, pair_ratio) in enumerate(zip(order, pairs, pair_ratios, strict=True), 1):
        for jobs in (first, second):
            run = pair_runs[jobs]
            rep.add(
                f"| {number} | -j {jobs} | {run.wall:.1f} | {n / run.wall:.2f} | {run.cpu:.1f} "
                f"| {run.cpu / run.wall:.2f} | {run.returncode} | {f'{pair_ratio:.2f}×' if jobs == second else ''} |"
            )
    rep.add(
        f"| | two -j 1 at once, every other page each | {pair_wall:.1f} | {n / pair_wall:.2f} | {pair_cpu:.1f} "
        f"| {pair_cpu / pair_wall:.2f} | {pair[0].returncode}, {pair[1].returncode} | |"
    )
    ok = ratio >= TARGET_JOBS_RATIO
    rep.add(
        "",
        f"Speed-up -j 2 / -j 1 (median of the pairs' wall-time ratios): **{ratio:.2f}×** "
        f"(target ≥ {TARGET_JOBS_RATIO:g}× {mark(ok)}; {os.cpu_count()} logical cores). "
        f"CPU of -j 2 / -j 1: {cpu[2] / cpu[1]:.2f} (median runs: what the worker processes add, and what two "
        "busy cores cost each process). When other processes "
        'share the machine, -j 2 gets fewer than two cores: compare "cores used" with 2.',
        "",
        f"The machine's ceiling, two separate -j 1 processes at once on every other page each: "
        f"{wall[1] / pair_wall:.2f}× the median one-process speed, with {pair_cpu / cpu[1]:.2f}× its CPU time "
        f"for the same pages; -j 2 reaches {ratio / (wall[1] / pair_wall):.0%} of that ceiling.",
        "",
    )
    value = f"{ratio:.2f}×"
    cores = cpu[2] / wall[2]
    if cores < TARGET_JOBS_RATIO:
        value += f" (-j 2 got {cores:.2f} cores: machine busy, or workers idle)"
    rep.check("-j 2 / -j 1 (wall)", value, f"≥ {TARGET_JOBS_RATIO:g}×", ok)


def text_speed(rep: Report, cfg: dict, tmp: Path) -> None:
    texts = speed_data.corpus_texts()
    if texts:
        if cfg["text_inputs"]:
            texts = speed_data.spread(texts, cfg["text_inputs"])
        source = f"{len(texts)} text-dev inputs"
    else:
        texts = [speed_data.generated_text(i) for i in range(cfg["text_inputs"] or 1000)]
        source = f"{len(texts)} generated texts (corpus not found)"
    inputs = tmp / "texts.json"
    inputs.write_text(json.dumps({"texts": texts}))
    runs = []
    for r in range(cfg["text_rounds"]):  # each round is short: more of them steady the median
        log(f"text round {r + 1}/{cfg['text_rounds']} over {len(texts)} texts")
        runs.append(worker("stripper-text", inputs, cfg["warmup"]))
    size = runs[0]["bytes"]
    cpu = statistics.median(x["cpu"] for x in runs)
    wall = statistics.median(x["wall"] for x in runs)
    mbs = size / MB / cpu
    best = size / MB / min(x["cpu"] for x in runs)
    ok = mbs >= TARGET_TEXT_MBS
    per_round = " ".join(f"{x['cpu']:.2f}" for x in runs)
    rep.add(
        f'## 3. Scraped text: `Stripper(input_type="text").extract(text)` ({source}, '
        f"{size / MB:.1f} MB of UTF-8, passed as str)",
        "",
        "Each round is a fresh process. The target is checked on the median round; the quickest "
        "round, the one other processes slowed least, is shown beside it.",
        "",
        "| MB/s per core (CPU, median round) | quickest round | MB/s (wall) | texts/s (CPU) | CPU s per round "
        "| target |",
        "| ---: | ---: | ---: | ---: | --- | --- |",
        f"| **{mbs:.2f}** | {best:.2f} | {size / MB / wall:.2f} | {len(texts) / cpu:.0f} "
        f"| {per_round} | ≥ {TARGET_TEXT_MBS:g} MB/s "
        f"{mark(ok)} |",
        "",
    )
    rep.check("Text: MB/s per core", f"{mbs:.2f}", f"≥ {TARGET_TEXT_MBS:g}", ok)


def memory(rep: Report, cfg: dict, tmp: Path) -> None:
    small, large = cfg["memory_small"], cfg["memory_large"]
    folder = tmp / "memory"
    log(f"writing {large} generated pages")
    sizes = 0
    for i in range(large):
        sub = folder / "large" / f"{i // 1000:03d}"
        if i % 1000 == 0:
            sub.mkdir(parents=True)
        page = speed_data.generated_page(i, small=True)[0].encode("utf-8")
        sizes += len(page)
        (sub / f"{i:05d}.html").write_bytes(page)
    # the small batch: the first pages of the large one (same generator, same sizes)
    (folder / "small").mkdir()
    for i in range(small):
        os.symlink(folder / "large" / f"{i // 1000:03d}" / f"{i:05d}.html", folder / "small" / f"{i:05d}.html")
    cli = stripper_cli()
    runs = {}
    for name, count in (("small", small), ("large", large)):
        log(f"extract -f jsonl over {count} files (peak memory)")
        runs[name] = run_measured([cli, "extract", "-q", "-f", "jsonl", str(folder / name)], capture=False)
    ratio = runs["large"].maxrss_kb / runs["small"].maxrss_kb
    ok = ratio <= TARGET_MEMORY_RATIO
    rep.add(
        "## 4. Peak memory: `stripper extract -f jsonl DIR > /dev/null` (-j 1)",
        "",
        f"Generated pages (bench/speed_data.py, small variant, mean "
        f"{sizes / large / 1000:.1f} kB); the {small}-file batch is the first {small} of "
        f"the {large:,}-file batch. Max RSS from `os.wait4`.",
        "",
        "| files | max RSS MB | wall s | files/s | exit |",
        "| ---: | ---: | ---: | ---: | ---: |",
    )
    for name, count in (("small", small), ("large", large)):
        run = runs[name]
        rep.add(
            f"| {count:,} | {run.maxrss_kb / 1024:.1f} | {run.wall:.1f} | {count / run.wall:.0f} | {run.returncode} |"
        )
    rep.add("", f"Ratio {large:,} / {small}: **{ratio:.2f}** (target ≤ {TARGET_MEMORY_RATIO:g} {mark(ok)}).", "")
    rep.check(f"Memory: max RSS {large:,} / {small} files", f"{ratio:.2f}", f"≤ {TARGET_MEMORY_RATIO:g}", ok)


def pathological(rep: Report, cfg: dict, tmp: Path) -> None:
    folder = tmp / "pathological"
    folder.mkdir()
    huge, over, nested = folder / "huge.html", folder / "over.html", folder / "nested.html"
    huge.write_bytes(speed_data.huge_page(HUGE_BYTES))
    over.write_bytes(speed_data.huge_page(OVER_BYTES))
    nested.write_bytes(speed_data.nested_page(NESTING))
    cli = stripper_cli()
    watchdog = cfg["watchdog"]
    cases = [
        (f"{huge.stat().st_size / MB:.1f} MB of HTML (one long article)", huge, []),
        (f"{huge.stat().st_size / MB:.1f} MB of HTML, `--timeout 10`", huge, ["--timeout", "10"]),
        (f"{over.stat().st_size / MB:.1f} MB of HTML (over `--max-bytes`)", over, []),
        (f"{NESTING:,} nested `<div>` ({nested.stat().st_size / MB:.1f} MB)", nested, []),
    ]
    rep.add(
        "## 5. Pathological pages: `stripper extract -f jsonl FILE`",
        "",
        f"CLI defaults unless shown (`--max-bytes` 20,971,520, no timeout); a watchdog kills a run after {watchdog} s.",
        "",
        "| page | result | wall s | max RSS MB | target |",
        "| --- | --- | ---: | ---: | --- |",
    )
    for label, path, extra in cases:
        log(f"pathological: {label}")
        run = run_measured([cli, "extract", "-q", "-f", "jsonl", *extra, str(path)], timeout=watchdog)
        message = next((ln for ln in run.stderr.splitlines() if ln.startswith("stripper:")), "")
        if run.killed:
            result, ok = f"still running after {watchdog} s (killed)", False
        elif run.returncode == 0:
            try:
                chars = len(json.loads(run.stdout.splitlines()[0]).get("text") or "")
            except (ValueError, IndexError):
                chars = 0
            result, ok = f"finished, {chars:,} characters of text", run.wall <= TARGET_PATHOLOGICAL_S
        else:
            clear = bool(message)
            reason = message.split(": ", 2)[-1] if message else run.stderr.strip()[-200:]
            result = f"exit {run.returncode}: {reason}"
            ok = clear and run.wall <= TARGET_PATHOLOGICAL_S + 2
        rep.add(
            f"| {label} | {result} | {run.wall:.1f} | {run.maxrss_kb / 1024:.0f} "
            f"| ≤ {TARGET_PATHOLOGICAL_S:g} s or a clear error {mark(ok)} |"
        )
        if not extra or ok is False:
            rep.check(
                f"Pathological: {label}",
                f"{run.wall:.1f} s, {result}",
                f"≤ {TARGET_PATHOLOGICAL_S:g} s or clear error",
                ok,
            )
    rep.add("")


# -- main -----------------------------------------------------------------------------
def render(rep: Report, cfg: dict, mode: str, started: str, elapsed: float) -> str:
    head = [
        "# stripper speed and memory",
        "",
        f"`python bench/speed.py{' --quick' if mode == 'quick' else ''}` ({mode} run, "
        f"started {started}, {elapsed / 60:.1f} min: {', '.join(rep.timings)}). MB = 10^6 bytes. "
        "Other processes on the machine slow every figure, CPU time included (virtual CPUs): "
        "see the load averages and the per-round times.",
        "",
        "## Machine",
        "",
        *machine(),
        "",
        "## Targets",
        "",
        "| measure | value | target | |",
        "| --- | --- | --- | --- |",
        *(f"| {w} | {v} | {t} | {m} |" for w, v, t, m in rep.checks),
        "",
    ]
    counts = (
        f"Counts ({mode}): {cfg['html_pages']} HTML pages × {cfg['rounds']} rounds; "
        f"texts × {cfg['text_rounds']} rounds (median); "
        f"-j scaling over {cfg['jobs_pages']} pages; memory {cfg['memory_small']} vs "
        f"{cfg['memory_large']:,} files. `--quick` uses {QUICK['html_pages']} pages, "
        f"{QUICK['jobs_pages']} pages, {QUICK['text_inputs']} texts and "
        f"{QUICK['memory_small']} vs {QUICK['memory_large']:,} files."
    )
    return "\n".join(head + rep.lines + [counts, ""])


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller counts: a few minutes instead of about ten")
    parser.add_argument("--no-write", action="store_true", help="do not write bench/RESULTS.md")
    parser.add_argument("--output", type=Path, default=RESULTS, help="where to write the table")
    parser.add_argument(
        "--only", default="html,jobs,text,memory,pathological", help="comma-separated sections to run (default: all)"
    )
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    cfg = QUICK if args.quick else FULL
    mode = "quick" if args.quick else "full"
    only = {s.strip() for s in args.only.split(",") if s.strip()}
    sections = [
        ("html", html_speed),
        ("jobs", jobs_scaling),
        ("text", text_speed),
        ("memory", memory),
        ("pathological", pathological),
    ]
    unknown = only - {name for name, _ in sections}
    if unknown:
        raise SystemExit(f"unknown section(s): {', '.join(sorted(unknown))}")
    started = time.strftime("%Y-%m-%d %H:%M")
    t0 = time.perf_counter()
    rep = Report()
    with tempfile.TemporaryDirectory(prefix="stripper-bench-") as tmp:
        for name, section in sections:
            if name in only:
                s0 = time.perf_counter()
                section(rep, cfg, Path(tmp))
                rep.timings.append(f"{name} {time.perf_counter() - s0:.0f} s")
    text = render(rep, cfg, mode, started, time.perf_counter() - t0)
    print(text)
    if not args.no_write:
        args.output.write_text(text, encoding="utf-8")
        log(f"written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
