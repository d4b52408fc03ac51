#!/usr/bin/env python3
"""Corpus quality gate: score stripper (and trafilatura for comparison) on the
development corpus at ../shared/corpus (relative to the repository root).

    python bench/gate.py                    # full report, stripper vs trafilatura / identity
    python bench/gate.py --check            # ... and fail (exit 1) below the floors in bench/baseline.json
    python bench/gate.py --update-baseline  # raise the floors to the current scores
    python bench/gate.py --limit 50 --types article,forum --worst 10

Metric definitions: ../shared/corpus/README.md, implemented in bench/metrics.py.
Exit codes: 0 ok / gate passed / corpus missing (skipped); 1 gate failed;
2 cannot run (stripper not importable, partial run with --check, corpus
missing with --require-corpus, bad arguments).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import inspect
import json
import logging
import math
import multiprocessing
import os
import signal
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCH_DIR.parent
if str(BENCH_DIR) not in sys.path:
    sys.path.insert(0, str(BENCH_DIR))
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(1, str(REPO_ROOT))  # the stripper package, when not pip-installed

import metrics  # noqa: E402  (bench/metrics.py)

DEFAULT_CORPUS = REPO_ROOT / ".." / "shared" / "corpus"
DEFAULT_BASELINE = BENCH_DIR / "baseline.json"
HTML_DIR = "wcxb-dev"
TEXT_FILE = "text-dev.jsonl.gz"
PAGE_TYPES = ("article", "forum", "product", "collection", "listing", "documentation", "service")
TOLERANCE = 0.0005  # float noise allowed below a floor
META_FIELDS = ("title", "author", "date")
DEFAULT_CACHE_DIR = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "stripper-gate"
TRAFILATURA_META_NOTE = (
    "trafilatura text: trafilatura.extract(html, url=url) (default settings); "
    "trafilatura metadata: trafilatura.extract_metadata(html)."
)

# ===================================================================== workers
#
# Workers receive ("html", file_id) or ("text", index) and load the page /
# case themselves; they return only small per-document score records.

_W: dict = {}


class _PageTimeout(Exception):
    pass


def _on_alarm(signum, frame):  # pragma: no cover - only fires on a hang
    raise _PageTimeout()


def _init_worker(corpus: str, timeout: float) -> None:
    _W.clear()
    _W["corpus"] = Path(corpus)
    _W["timeout"] = timeout
    _W["text_cases"] = None
    for name in ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    if timeout and hasattr(signal, "SIGALRM"):
        signal.signal(signal.SIGALRM, _on_alarm)
    from stripper import Stripper

    _W["stripper_html"] = Stripper()
    _W["stripper_text"] = Stripper(input_type="text")


def _timed(fn, *args, **kwargs):
    """Run fn with the per-page (wall-clock) timeout; return (value, CPU seconds, error-or-None)."""
    timeout = _W.get("timeout") or 0
    use_alarm = timeout > 0 and hasattr(signal, "setitimer")
    t0 = time.process_time()
    try:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            value = fn(*args, **kwargs)
        finally:
            if use_alarm:
                signal.setitimer(signal.ITIMER_REAL, 0)
        return value, time.process_time() - t0, None
    except _PageTimeout:
        return None, time.process_time() - t0, ("timeout", f"no result after {timeout:g}s")
    except Exception as exc:  # scored as empty output, reported
        return None, time.process_time() - t0, (_error_kind(exc), f"{type(exc).__name__}: {exc}"[:300])


def _error_kind(exc: Exception) -> str:
    try:
        from stripper import StripperError
    except ImportError:  # pragma: no cover
        StripperError = ()  # type: ignore[assignment]
    return "rejected" if StripperError and isinstance(exc, StripperError) else "crash"


def _run_stripper_html(html: bytes, url):
    art = _W["stripper_html"].extract(html, url=url)
    return {"text": art.text or "", "title": art.title, "author": art.author, "date": art.date}


def _run_trafilatura_text(html: bytes, url):
    import trafilatura

    return trafilatura.extract(html, url=url) or ""


def _run_trafilatura_meta(html: bytes):
    import trafilatura

    doc = trafilatura.extract_metadata(html)
    if doc is None:
        return {"title": None, "author": None, "date": None}
    return {"title": doc.title, "author": doc.author, "date": doc.date}


def _text_scores(reference: str, prediction: str) -> dict:
    tp, fp, fn = metrics.shingle_counts(reference, prediction)
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "exact": metrics.exact_match(reference, prediction),
        "word_f1": metrics.word_f1(reference, prediction),
        "empty": not metrics.tokens(prediction),
    }


def _meta_scores(gt: dict, meta: dict | None) -> dict:
    """Per field: None when the reference has no value, else True/False."""
    meta = meta or {}
    out = {}
    if metrics.has_value(gt.get("title")):
        out["title"] = metrics.title_match(gt["title"], meta.get("title"))
    if metrics.has_value(gt.get("author")):
        out["author"] = metrics.author_match(gt["author"], meta.get("author"))
    if metrics.has_value(gt.get("publish_date")):
        out["date"] = metrics.date_match(gt["publish_date"], meta.get("date"))
    return out


def _score_html(file_id: str, with_trafilatura: bool = True) -> dict:
    root = _W["corpus"] / HTML_DIR
    with gzip.open(root / "html" / f"{file_id}.html.gz", "rb") as f:
        html = f.read()
    with open(root / "ground-truth" / f"{file_id}.json", encoding="utf-8") as f:
        page = json.load(f)
    gt = page.get("ground_truth") or {}
    url = page.get("url")
    reference = gt.get("main_content") or ""
    with_snips = gt.get("with") or []
    without_snips = gt.get("without") or []

    rec = {
        "id": file_id,
        "url": url,
        "type": ((page.get("_internal") or {}).get("page_type") or {}).get("primary") or "unknown",
        "tools": {},
    }

    runs = [("stripper", *_timed(_run_stripper_html, html, url))]
    if with_trafilatura:
        t_text, t_sec, t_err = _timed(_run_trafilatura_text, html, url)
        t_meta, tm_sec, tm_err = _timed(_run_trafilatura_meta, html)
        runs.append(("trafilatura", {"text": t_text or "", **(t_meta or {})}, t_sec, t_err or tm_err))

    for tool, out, sec, err in runs:
        text = (out or {}).get("text") or ""
        r = _text_scores(reference, text)
        r["snippets"] = metrics.snippet_counts(text, with_snips, without_snips)
        r["meta"] = _meta_scores(gt, out)
        r["seconds"] = sec
        r["error"] = err
        rec["tools"][tool] = r
    if with_trafilatura:
        rec["tools"]["trafilatura"]["meta_seconds"] = tm_sec
    return rec


def _load_text_cases(corpus: Path) -> list[dict]:
    with gzip.open(corpus / TEXT_FILE, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _score_text(index: int) -> dict:
    if _W["text_cases"] is None:
        _W["text_cases"] = _load_text_cases(_W["corpus"])
    case = _W["text_cases"][index]
    reference = case.get("expected") or ""
    inp = case.get("input") or ""
    out, sec, err = _timed(lambda: _W["stripper_text"].extract(inp).text or "")
    s = _text_scores(reference, out or "")
    s["seconds"], s["error"] = sec, err
    ident = _text_scores(reference, inp)
    ident["seconds"], ident["error"] = 0.0, None
    return {"index": index, "id": str(case.get("id", index)), "tools": {"stripper": s, "identity": ident}}


def _work(task: tuple) -> tuple[str, object, dict]:
    kind, key, with_trafilatura = task
    rec = _score_html(key, with_trafilatura) if kind == "html" else _score_text(key)
    return kind, key, rec


# ===================================================================== trafilatura cache
#
# trafilatura's per-page score records (numbers and match flags only, no
# text) are cached outside the repository, keyed by the trafilatura version,
# the source of this scorer and metrics.py, and each page's file stamps, so a
# gate run normally only has to run stripper.


class TrafilaturaCache:
    def __init__(self, directory: Path, corpus: Path):
        import trafilatura

        # invalidated by any change to the metrics or to the per-page scoring code
        digest = hashlib.sha256((BENCH_DIR / "metrics.py").read_bytes())
        for fn in (_score_html, _text_scores, _meta_scores, _run_trafilatura_text, _run_trafilatura_meta, _timed):
            digest.update(inspect.getsource(fn).encode())
        digest.update(str(corpus).encode())
        self.path = directory / f"trafilatura-{trafilatura.__version__}-{digest.hexdigest()[:16]}.json"
        self.corpus = corpus
        self.entries: dict = {}
        self.dirty = False
        try:
            with open(self.path, encoding="utf-8") as f:
                self.entries = json.load(f)
        except (OSError, ValueError):
            self.entries = {}

    def _stamp(self, file_id: str) -> list:
        root = self.corpus / HTML_DIR
        out = []
        for p in (root / "html" / f"{file_id}.html.gz", root / "ground-truth" / f"{file_id}.json"):
            st = p.stat()
            out += [st.st_size, st.st_mtime_ns]
        return out

    def get(self, file_id: str) -> dict | None:
        entry = self.entries.get(file_id)
        if entry and entry.get("stamp") == self._stamp(file_id):
            return entry["record"]
        return None

    def put(self, file_id: str, record: dict) -> None:
        self.entries[file_id] = {"stamp": self._stamp(file_id), "record": record}
        self.dirty = True

    def save(self) -> None:
        if not self.dirty:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(f".tmp{os.getpid()}")
            tmp.write_text(json.dumps(self.entries), encoding="utf-8")
            os.replace(tmp, self.path)
        except OSError as exc:
            print(f"(could not write the trafilatura cache {self.path}: {exc})", file=sys.stderr)


# ===================================================================== aggregation


def _rate(num: int, den: int) -> float | None:
    return num / den if den else None


def aggregate_text(records: list[dict], tool: str) -> dict:
    rs = [r["tools"][tool] for r in records]
    agg = metrics.aggregate_shingles((r["tp"], r["fp"], r["fn"]) for r in rs)
    return {
        "n": len(rs),
        "shingle_f1": agg["f1"],
        "precision": agg["precision"],
        "recall": agg["recall"],
        "exact": metrics.mean(1.0 if r["exact"] else 0.0 for r in rs),
        "word_f1": metrics.mean(r["word_f1"] for r in rs),
        "empty_outputs": sum(1 for r in rs if r["empty"]),
        "errors": _error_summary(rs),
        "seconds": sum(r["seconds"] for r in rs),
        "slowest": max(((r["seconds"], rec["id"]) for r, rec in zip(rs, records, strict=True)), default=None),
    }


def _error_summary(rs: list[dict]) -> dict:
    out: dict[str, int] = {}
    for r in rs:
        if r.get("error"):
            out[r["error"][0]] = out.get(r["error"][0], 0) + 1
    return out


def aggregate_html(records: list[dict], tool: str) -> dict:
    res = aggregate_text(records, tool)
    rs = [r["tools"][tool] for r in records]
    wf = sum(r["snippets"][0] for r in rs)
    wt = sum(r["snippets"][1] for r in rs)
    of = sum(r["snippets"][2] for r in rs)
    ot = sum(r["snippets"][3] for r in rs)
    res["snippets"] = {
        "with_found": wf,
        "with_total": wt,
        "with_rate": _rate(wf, wt),
        "without_found": of,
        "without_total": ot,
        "without_rate": _rate(of, ot),
        "f1": metrics.snippet_f1(tp=wf, fn=wt - wf, fp=of),
    }
    meta = {}
    for field in META_FIELDS:
        vals = [r["meta"][field] for r in rs if field in r["meta"]]
        meta[field] = {"n": len(vals), "correct": sum(vals), "accuracy": _rate(sum(vals), len(vals))}
    res["metadata"] = meta
    if tool == "trafilatura":
        res["metadata_seconds"] = sum(r.get("meta_seconds", 0.0) for r in rs)
    return res


def build_scores(html_recs: list[dict], text_recs: list[dict], run_info: dict) -> dict:
    scores: dict = {"run": run_info}
    if run_info["html"]:
        html: dict = {"n": len(html_recs)}
        for tool in ("stripper", "trafilatura"):
            html[tool] = aggregate_html(html_recs, tool)
        by_type = {}
        for ptype in PAGE_TYPES + tuple(sorted({r["type"] for r in html_recs} - set(PAGE_TYPES))):
            sub = [r for r in html_recs if r["type"] == ptype]
            if sub:
                by_type[ptype] = {tool: aggregate_text(sub, tool) for tool in ("stripper", "trafilatura")}
        html["by_type"] = by_type
        scores["html"] = html
    if run_info["text"]:
        scores["text"] = {"n": len(text_recs), **{t: aggregate_text(text_recs, t) for t in ("stripper", "identity")}}
    scores["gate"] = gate_scores(scores)
    return scores


def gate_scores(scores: dict) -> dict:
    """The flat stripper scores that bench/baseline.json puts floors under."""
    g: dict = {}
    if "html" in scores:
        s = scores["html"]["stripper"]
        g["html.shingle_f1"] = s["shingle_f1"]
        g["html.precision"] = s["precision"]
        g["html.recall"] = s["recall"]
        g["html.word_f1"] = s["word_f1"]
        for ptype, tools in scores["html"]["by_type"].items():
            g[f"html.word_f1.{ptype}"] = tools["stripper"]["word_f1"]
        g["snippets.f1"] = s["snippets"]["f1"]
        for field in META_FIELDS:
            if s["metadata"][field]["accuracy"] is not None:
                g[f"meta.{field}"] = s["metadata"][field]["accuracy"]
    if "text" in scores:
        s = scores["text"]["stripper"]
        g["text.shingle_f1"] = s["shingle_f1"]
        g["text.precision"] = s["precision"]
        g["text.recall"] = s["recall"]
    return g


# ===================================================================== report


def _f(x, digits: int = 3) -> str:
    return "-" if x is None else f"{x:.{digits}f}"


def _pair(a, b) -> str:
    return f"{_f(a)} / {_f(b)}"


class Table:
    """A small table rendered as aligned plain text or as Markdown.

    Column 0 and the columns listed in ``left`` are left-aligned, the rest
    (numbers) right-aligned.
    """

    def __init__(
        self,
        title: str,
        headers: list[str],
        rows: list[list[str]],
        notes: list[str] | None = None,
        left: tuple[int, ...] = (),
    ):
        self.title, self.headers, self.rows, self.notes = title, headers, rows, notes or []
        self.left = {0, *left}

    def text(self) -> str:
        widths = [max(len(str(c)) for c in col) for col in zip(self.headers, *self.rows, strict=True)]

        def line(cells):
            return "  ".join(
                str(c).ljust(w) if i in self.left else str(c).rjust(w)
                for i, (c, w) in enumerate(zip(cells, widths, strict=True))
            ).rstrip()

        out = [self.title, line(self.headers), "  ".join("-" * w for w in widths)]
        out += [line(r) for r in self.rows]
        out += [f"  {n}" for n in self.notes]
        return "\n".join(out)

    def markdown(self) -> str:
        out = [f"### {self.title}", "", "| " + " | ".join(self.headers) + " |"]
        out.append("|" + "|".join(":---" if i in self.left else "---:" for i in range(len(self.headers))) + "|")
        out += ["| " + " | ".join(str(c) for c in r) + " |" for r in self.rows]
        if self.notes:
            out += [""] + [f"- {n}" for n in self.notes]
        return "\n".join(out)


def build_tables(scores: dict, html_recs: list[dict], text_recs: list[dict], args) -> list[Table]:
    tables: list[Table] = []
    if "html" in scores:
        h = scores["html"]
        headers = ["HTML (stripper / trafilatura)", "n", "shingle F1", "precision", "recall", "exact", "word F1"]
        rows = []
        for label, s, t in [("all", h["stripper"], h["trafilatura"])] + [
            (p, v["stripper"], v["trafilatura"]) for p, v in h["by_type"].items()
        ]:
            rows.append(
                [
                    label,
                    str(s["n"]),
                    _pair(s["shingle_f1"], t["shingle_f1"]),
                    _pair(s["precision"], t["precision"]),
                    _pair(s["recall"], t["recall"]),
                    _pair(s["exact"], t["exact"]),
                    _pair(s["word_f1"], t["word_f1"]),
                ]
            )
        s, t = h["stripper"], h["trafilatura"]
        notes = [
            f"empty outputs: stripper {s['empty_outputs']}, trafilatura {t['empty_outputs']};"
            f" errors: stripper {_fmt_errors(s['errors'])}, trafilatura {_fmt_errors(t['errors'])}",
            TRAFILATURA_META_NOTE.split(";")[0] + ".",
        ]
        tables.append(Table(f"HTML main content: {HTML_DIR}, {h['n']} pages", headers, rows, notes))

        rows = []
        for label, key_found, key_total, key_rate in (
            ("with found (higher is better)", "with_found", "with_total", "with_rate"),
            ("without found (lower is better)", "without_found", "without_total", "without_rate"),
        ):
            rows.append(
                [label]
                + [
                    f"{x['snippets'][key_found]}/{x['snippets'][key_total]} = {_f(x['snippets'][key_rate])}"
                    for x in (s, t)
                ]
            )
        rows.append(["snippet F1", _f(s["snippets"]["f1"]), _f(t["snippets"]["f1"])])
        tables.append(Table("Snippets (whitespace-normalised substring match)", ["", "stripper", "trafilatura"], rows))

        rows = []
        for field, label in (
            ("title", "title (exact, ws-normalised)"),
            ("author", "author (case-insensitive)"),
            ("date", "date (first 10 chars)"),
        ):
            sm, tm = s["metadata"][field], t["metadata"][field]
            rows.append(
                [
                    label,
                    str(sm["n"]),
                    f"{sm['correct']} = {_f(sm['accuracy'])}",
                    f"{tm['correct']} = {_f(tm['accuracy'])}",
                ]
            )
        tables.append(
            Table(
                "Metadata accuracy (over pages whose reference has the field)",
                ["", "n", "stripper", "trafilatura"],
                rows,
                [TRAFILATURA_META_NOTE.split("; ")[1]],
            )
        )

    if "text" in scores:
        x = scores["text"]
        s, i = x["stripper"], x["identity"]
        rows = [
            [label, _f(s[key]), _f(i[key])]
            for label, key in (
                ("shingle F1", "shingle_f1"),
                ("precision", "precision"),
                ("recall", "recall"),
                ("exact", "exact"),
                ("word F1", "word_f1"),
            )
        ]
        notes = [f"empty outputs: stripper {s['empty_outputs']}; errors: stripper {_fmt_errors(s['errors'])}"]
        tables.append(Table(f"Scraped text: {TEXT_FILE}, {x['n']} cases", ["", "stripper", "identity"], rows, notes))

    rows = []
    if "html" in scores:
        rows.append(["stripper, HTML", f"{scores['html']['stripper']['seconds']:.1f}"])
        rows.append(["trafilatura.extract, HTML", f"{scores['html']['trafilatura']['seconds']:.1f}"])
        rows.append(["trafilatura.extract_metadata, HTML", f"{scores['html']['trafilatura']['metadata_seconds']:.1f}"])
    if "text" in scores:
        rows.append(["stripper, text", f"{scores['text']['stripper']['seconds']:.1f}"])
    run = scores["run"]
    rows.append([f"whole run, wall clock (-j {run['jobs']})", f"{run['wall_seconds']:.1f}"])
    slow = [
        f"{tool} {scores[part][tool]['slowest'][1]} ({scores[part][tool]['slowest'][0]:.1f}s)"
        for part, tool in (("html", "stripper"), ("html", "trafilatura"), ("text", "stripper"))
        if part in scores and scores[part][tool]["slowest"]
    ]
    notes = ["slowest page: " + ", ".join(slow)] if slow else []
    if run.get("trafilatura_cached_pages"):
        notes.append(
            f"trafilatura scores of {run['trafilatura_cached_pages']} pages came from {run['trafilatura_cache']};"
            " their seconds are those of the run that filled the cache (--no-cache reruns it)."
        )
    tables.append(Table("Timing (CPU seconds summed over pages; informational)", ["", "CPU s"], rows, notes))

    if args.worst or args.best:
        diffs = sorted(
            html_recs,
            key=lambda r: (r["tools"]["stripper"]["word_f1"] - r["tools"]["trafilatura"]["word_f1"], r["id"]),
        )
        for n, label, chosen in (
            (args.worst, "Worst", diffs[: args.worst] if args.worst else []),
            (args.best, "Best", list(reversed(diffs))[: args.best] if args.best else []),
        ):
            if not n:
                continue
            rows = [
                [
                    r["id"],
                    r["type"],
                    _f(r["tools"]["stripper"]["word_f1"]),
                    _f(r["tools"]["trafilatura"]["word_f1"]),
                    f"{r['tools']['stripper']['word_f1'] - r['tools']['trafilatura']['word_f1']:+.3f}",
                    r["url"] or "-",
                ]
                for r in chosen
            ]
            tables.append(
                Table(
                    f"{label} {n} pages by word F1, stripper minus trafilatura",
                    ["id", "type", "stripper", "trafilatura", "diff", "url"],
                    rows,
                    left=(1, 5),
                )
            )
    if args.worst_text:

        def text_f1(r, tool="stripper"):
            s = r["tools"][tool]
            return metrics.doc_shingle_f1(s["tp"], s["fp"], s["fn"])

        ranked = sorted(text_recs, key=lambda r: (text_f1(r), r["index"]))[: args.worst_text]
        rows = []
        for r in ranked:
            rows.append([r["id"], _f(text_f1(r)), _f(text_f1(r, "identity")), _f(r["tools"]["stripper"]["word_f1"])])
        tables.append(
            Table(
                f"Worst {args.worst_text} text cases by stripper shingle F1",
                ["id", "stripper shingle F1", "identity shingle F1", "stripper word F1"],
                rows,
            )
        )
    return tables


def _fmt_errors(errors: dict) -> str:
    return ", ".join(f"{v} {k}" for k, v in sorted(errors.items())) or "none"


def _error_pages(html_recs: list[dict], text_recs: list[dict]) -> list[str]:
    out = []
    for kind, recs in (("html", html_recs), ("text", text_recs)):
        for r in recs:
            err = r["tools"]["stripper"].get("error")
            if err and err[0] != "rejected":
                out.append(f"{kind} {r['id']}: {err[0]}: {err[1]}")
    return out


# ===================================================================== baseline / gate


def load_baseline(path: Path) -> dict:
    if not path.exists():
        return {"floors": {}}
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    data.setdefault("floors", {})
    return data


def check_floors(gate: dict, floors: dict) -> list[str]:
    failures = []
    for key, floor in sorted(floors.items()):
        value = gate.get(key)
        if value is None:
            failures.append(f"{key}: no score computed (floor {floor:.4f})")
        elif value < floor - TOLERANCE:
            failures.append(f"{key}: {value:.4f} < floor {floor:.4f} (down {floor - value:.4f})")
    return failures


def update_baseline(path: Path, baseline: dict, gate: dict, allow_lower: bool) -> list[str]:
    floors = dict(baseline.get("floors", {}))
    changes = []
    for key, value in sorted(gate.items()):
        value = math.floor(value * 1e6) / 1e6  # round down: never above the measured score
        old = floors.get(key)
        if old is None or value > old or (allow_lower and value != old):
            floors[key] = value
            changes.append(f"{key}: {'-' if old is None else f'{old:.4f}'} -> {value:.4f}")
    baseline = {k: v for k, v in baseline.items() if k != "floors"}
    baseline["floors"] = dict(sorted(floors.items()))
    with open(path, "w", encoding="utf-8") as f:
        json.dump(baseline, f, indent=2)
        f.write("\n")
    return changes


# ===================================================================== main


def list_pages(corpus: Path, types: set[str] | None, limit: int | None) -> list[str]:
    gt_dir = corpus / HTML_DIR / "ground-truth"
    ids = sorted(p.name[: -len(".html.gz")] for p in (corpus / HTML_DIR / "html").glob("*.html.gz"))
    if types:
        keep = []
        for fid in ids:
            with open(gt_dir / f"{fid}.json", encoding="utf-8") as f:
                page = json.load(f)
            if ((page.get("_internal") or {}).get("page_type") or {}).get("primary") in types:
                keep.append(fid)
        ids = keep
    return ids[:limit] if limit is not None else ids


def run_tasks(tasks: list[tuple], corpus: Path, jobs: int, timeout: float) -> dict:
    """Score every task; results keyed by task, independent of completion order."""
    results: dict = {}
    progress = sys.stderr.isatty()
    # biggest pages first so a slow page does not end up alone at the tail
    sizes = {}
    for kind, key, _ in tasks:
        sizes[(kind, key)] = (corpus / HTML_DIR / "html" / f"{key}.html.gz").stat().st_size if kind == "html" else 0
    ordered = sorted(tasks, key=lambda t: -sizes[t[:2]])
    if jobs <= 1:
        _init_worker(str(corpus), timeout)
        it = map(_work, ordered)
        pool = None
    else:
        pool = multiprocessing.Pool(jobs, initializer=_init_worker, initargs=(str(corpus), timeout))
        it = pool.imap_unordered(_work, ordered, chunksize=1)
    try:
        for n, (kind, key, rec) in enumerate(it, 1):
            results[(kind, key)] = rec
            if progress and (n % 50 == 0 or n == len(tasks)):
                print(f"\r  scored {n}/{len(tasks)}", end="", file=sys.stderr, flush=True)
    finally:
        if pool is not None:
            pool.terminate()
            pool.join()
    if progress:
        print(file=sys.stderr)
    return results


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="corpus directory (default: ../shared/corpus)")
    ap.add_argument("-j", "--jobs", type=int, default=2, help="worker processes (default 2)")
    ap.add_argument("--limit", type=int, help="only the first N HTML pages and first N text cases")
    ap.add_argument("--types", help="comma-separated HTML page types, e.g. article,forum (text-dev is unaffected)")
    only = ap.add_mutually_exclusive_group()
    only.add_argument("--only-html", action="store_true", help="skip text-dev")
    only.add_argument("--only-text", action="store_true", help="skip the HTML pages")
    ap.add_argument(
        "--worst", type=int, default=0, metavar="N", help="N pages where stripper word F1 - trafilatura's is lowest"
    )
    ap.add_argument("--best", type=int, default=0, metavar="N", help="N pages where it is highest")
    ap.add_argument(
        "--worst-text", type=int, default=0, metavar="N", help="N text cases with lowest stripper shingle F1"
    )
    ap.add_argument("--report", type=Path, metavar="FILE", help="also write the report as Markdown")
    ap.add_argument("--json", type=Path, metavar="FILE", help="dump all aggregate scores as JSON")
    ap.add_argument("--baseline", type=Path, default=DEFAULT_BASELINE, help="floors file (default bench/baseline.json)")
    ap.add_argument("--check", action="store_true", help="exit 1 when a score falls below its floor")
    ap.add_argument("--update-baseline", action="store_true", help="raise the floors to the current scores")
    ap.add_argument("--allow-lower", action="store_true", help="with --update-baseline: also lower floors")
    ap.add_argument("--require-corpus", action="store_true", help="exit 2 (not 0) when the corpus is missing")
    ap.add_argument(
        "--timeout", type=float, default=120.0, help="per-page seconds per tool before scoring it empty (0 = none)"
    )
    ap.add_argument("--no-cache", action="store_true", help="rerun trafilatura on every page (ignore the cache)")
    ap.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE_DIR, help=f"default {DEFAULT_CACHE_DIR}")
    args = ap.parse_args(argv)
    if args.jobs < 1:
        ap.error("-j must be at least 1")
    if args.limit is not None and args.limit < 0:
        ap.error("--limit must be >= 0")
    if args.types:
        args.type_set = {t.strip() for t in args.types.split(",") if t.strip()}
        unknown = args.type_set - set(PAGE_TYPES)
        if unknown:
            ap.error(f"unknown page type(s) {', '.join(sorted(unknown))}; choose from {', '.join(PAGE_TYPES)}")
    else:
        args.type_set = None
    if args.allow_lower and not args.update_baseline:
        ap.error("--allow-lower only goes with --update-baseline")
    return args


def main(argv=None) -> int:
    args = parse_args(argv)
    corpus = args.corpus.resolve()
    if not corpus.is_dir():
        print(f"corpus not found at {corpus}; skipping the gate")
        return 2 if args.require_corpus else 0
    needed = (corpus / HTML_DIR / "html", corpus / HTML_DIR / "ground-truth", corpus / TEXT_FILE)
    missing = [p for p in needed if not p.exists()]
    if missing:
        print(f"corpus at {corpus} is incomplete, missing: {', '.join(str(p) for p in missing)}", file=sys.stderr)
        return 2

    partial = args.limit is not None or args.type_set or args.only_html or args.only_text
    if (args.check or args.update_baseline) and partial:
        print(
            "--check / --update-baseline need the full corpus: drop --limit, --types, --only-html, --only-text",
            file=sys.stderr,
        )
        return 2

    try:
        import stripper
        from stripper import Stripper  # noqa: F401
    except Exception as exc:
        print(
            f"cannot import stripper.Stripper ({type(exc).__name__}: {exc}); run from the repo root "
            "or pip install -e .",
            file=sys.stderr,
        )
        return 2
    import trafilatura

    do_html, do_text = not args.only_text, not args.only_html
    page_ids = list_pages(corpus, args.type_set, args.limit) if do_html else []
    n_text = 0
    if do_text:
        n_text = len(_load_text_cases(corpus))
        if args.limit is not None:
            n_text = min(n_text, args.limit)
    cache = None if args.no_cache else TrafilaturaCache(args.cache_dir, corpus)
    cached = {fid: cache.get(fid) for fid in page_ids} if cache else {}
    n_cached = sum(1 for v in cached.values() if v is not None)
    tasks = [("html", fid, cached.get(fid) is None) for fid in page_ids] + [("text", i, False) for i in range(n_text)]

    t0 = time.perf_counter()
    results = run_tasks(tasks, corpus, args.jobs, args.timeout)
    wall = time.perf_counter() - t0
    html_recs = [results[("html", fid)] for fid in page_ids]
    text_recs = [results[("text", i)] for i in range(n_text)]
    for rec in html_recs:
        if cached.get(rec["id"]) is not None:
            rec["tools"]["trafilatura"] = cached[rec["id"]]
        elif cache:
            cache.put(rec["id"], rec["tools"]["trafilatura"])
    if cache:
        cache.save()

    run_info = {
        "corpus": str(corpus),
        "html": do_html,
        "text": do_text,
        "full": not partial,
        "limit": args.limit,
        "types": sorted(args.type_set) if args.type_set else None,
        "jobs": args.jobs,
        "wall_seconds": wall,
        "trafilatura_cached_pages": n_cached,
        "trafilatura_cache": str(cache.path) if cache else None,
        "stripper_version": getattr(stripper, "__version__", None),
        "trafilatura_version": getattr(trafilatura, "__version__", None),
        "trafilatura_note": TRAFILATURA_META_NOTE,
    }
    scores = build_scores(html_recs, text_recs, run_info)
    tables = build_tables(scores, html_recs, text_recs, args)

    head = (
        f"stripper {run_info['stripper_version'] or ''} vs trafilatura {run_info['trafilatura_version']} "
        f"on {corpus}" + ("" if run_info["full"] else "  [PARTIAL RUN]")
    )
    print(head + "\n")
    print("\n\n".join(t.text() for t in tables))

    crashes = _error_pages(html_recs, text_recs)
    if crashes:
        print(f"\nstripper crashed or timed out on {len(crashes)} page(s) (scored as empty):")
        for line in crashes[:20]:
            print(f"  {line}")
        if len(crashes) > 20:
            print(f"  ... and {len(crashes) - 20} more")

    if args.report:
        md = ["# Corpus quality gate report", "", head, ""] + [t.markdown() + "\n" for t in tables]
        args.report.write_text("\n".join(md), encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(scores, indent=2, sort_keys=True) + "\n", encoding="utf-8")

    status = 0
    if args.check:
        baseline = load_baseline(args.baseline)
        failures = check_floors(scores["gate"], baseline["floors"])
        if crashes:
            failures.append(f"stripper crashed or timed out on {len(crashes)} page(s) (see above)")
        if failures:
            print(f"\ngate FAILED ({args.baseline}):")
            for line in failures:
                print(f"  {line}")
            status = 1
        else:
            print(f"\ngate passed ({len(baseline['floors'])} floors in {args.baseline})")
    if args.update_baseline:
        changes = update_baseline(args.baseline, load_baseline(args.baseline), scores["gate"], args.allow_lower)
        print(f"\nbaseline {args.baseline}: " + ("; ".join(changes) if changes else "no floor changed"))
    return status


if __name__ == "__main__":
    sys.exit(main())
