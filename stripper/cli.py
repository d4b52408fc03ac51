"""The ``stripper`` command line."""

from __future__ import annotations

import contextlib
import functools
import json
import os
import signal
import sys
import tempfile
import textwrap
import warnings
from pathlib import Path

import click

from . import __version__
from .batch import STDIN, Input, find_inputs, run
from .errors import RuleError, StripperError
from .pipeline import DEFAULT_MAX_BYTES, Stripper
from .render import FORMATS, SUFFIX, format_article, record

TMP_PREFIX = ".stripper-tmp-"
EXIT_FAILED, EXIT_INTERRUPTED = 1, 130


def _say_error(source: str, reason: str) -> None:
    name = "<stdin>" if source == STDIN else source
    click.echo(f"stripper: {name}: {reason}", err=True)


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    click.echo(f"stripper: warning: {message}", err=True)


def rule_options(func):
    """Options that configure the rules, shared by extract, explain and rules."""

    @click.option("--select", "select", multiple=True, metavar="CODES",
                  help="Run only these rules: codes, code prefixes or names (comma-separated, repeatable).")
    @click.option("--ignore", "ignore", multiple=True, metavar="CODES",
                  help="Skip these rules: codes, code prefixes or names.")
    @click.option("--rules", "rule_files", multiple=True, type=click.Path(dir_okay=False),
                  metavar="FILE.toml", help="Add the rules of a TOML rule file (repeatable).")
    @functools.wraps(func)
    def wrapper(*args, select, ignore, rule_files, **kwargs):
        kwargs["rule_config"] = {
            "select": _split(select) if select else None,
            "ignore": _split(ignore),
            "rules": list(rule_files),
        }
        return func(*args, **kwargs)

    return wrapper


def input_options(func):
    """Options that say how inputs are read, shared by extract and explain."""

    @click.option("--input-type", type=click.Choice(["auto", "html", "text"]), default="auto",
                  show_default=True, help="Treat inputs as HTML, as scraped text, or decide from the content.")
    @click.option("--url", metavar="URL", help="The page's URL (one input only): metadata and domain-scoped rules.")
    @click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES,
                  show_default=True, help="Refuse inputs larger than this many bytes.")
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper


def _split(values) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _make_stripper(rule_config, **options) -> Stripper:
    try:
        return Stripper(**rule_config, **options)
    except RuleError as exc:
        raise click.UsageError(str(exc)) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "--version", prog_name="stripper")
def main() -> None:
    """Pull the article body out of web pages and scraped text, without the junk.

    \b
    Examples:
      stripper extract page.html > page.txt
      cat page.html | stripper extract --url https://example.com/a
      stripper extract -f jsonl -j 2 crawl/ > bodies.jsonl
      stripper extract -o clean/ crawl/
      stripper explain page.html
      stripper rules show STR101
    """
    warnings.showwarning = _show_warning


# -- extract ------------------------------------------------------------------------
@main.command()
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="txt", show_default=True,
              help="txt: the body; json/jsonl: every field plus source; md: title heading and body.")
@click.option("-o", "--output-dir", type=click.Path(file_okay=False), metavar="DIR",
              help="Write one file per input into DIR, mirroring the input tree.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), metavar="SECONDS",
              help="Give up on a page after this many seconds.")
@click.option("--skip-existing", is_flag=True, help="With -o: skip inputs whose output file exists.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no warnings.")
@input_options
@rule_options
def extract(paths, fmt, output_dir, jobs, timeout, skip_existing, quiet, input_type, url,
            max_bytes, rule_config) -> None:
    """Extract the article body of each input (files, directories, or - for stdin).

    Directories are searched recursively for .html, .htm, .xhtml, .html.gz
    and .txt files; results come in sorted path order whatever -j is.

    With several inputs on stdout, txt and md output put a line
    "==> PATH <==" before each input's text (as head(1) does); json prints an
    array, jsonl one object per line. Failed inputs are reported on stderr as
    "stripper: PATH: reason" (and as {"source", "error"} objects in json/jsonl);
    the exit status is 1 when any input failed.

    \b
    Examples:
      stripper extract page.html > page.txt
      cat page.html | stripper extract --url https://example.com/a > page.txt
      stripper extract -f jsonl -j 2 crawl/ > bodies.jsonl
      stripper extract -o clean/ crawl/
      stripper extract --select STR --ignore STR3 page.html
      stripper extract --rules my-rules.toml crawl/
    """
    if quiet:
        warnings.simplefilter("ignore")
    inputs = find_inputs(paths or (STDIN,))
    if url and len(inputs) > 1:
        raise click.UsageError("--url applies to a single input")
    if skip_existing and not output_dir:
        raise click.UsageError("--skip-existing needs -o/--output-dir")
    stripper = _make_stripper(rule_config, input_type=input_type, max_bytes=max_bytes)
    if output_dir:
        sink = DirectorySink(Path(output_dir), fmt)
        if skip_existing:
            inputs = [item for item in inputs if item.problem or not sink.exists(item)]
    else:
        sink = StdoutSink(fmt, several=len(inputs) > 1)
    failed = False
    show_bar = len(inputs) > 1 and not quiet and sys.stderr.isatty()
    try:
        with _progress(len(inputs), show_bar) as bar:
            for result in run(stripper, inputs, jobs=jobs, timeout=timeout, url=url):
                if result.error is not None:
                    failed = True
                    _say_error(result.input.source, result.error)
                sink.write(result.input, result.article, result.error)
                bar.update(1)
        sink.close()
    except KeyboardInterrupt:
        click.echo("stripper: interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(EXIT_FAILED)
    sys.exit(EXIT_FAILED if failed else 0)


def _progress(total: int, show: bool):
    if show:
        return click.progressbar(length=total, file=sys.stderr, label="extracting")
    return contextlib.nullcontext(_NoBar())


class _NoBar:
    def update(self, n: int) -> None:
        pass


def _silence_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


class StdoutSink:
    """Results on standard output, in one stream."""

    def __init__(self, fmt: str, several: bool) -> None:
        self.fmt, self.several, self.count = fmt, several, 0
        self.out = click.get_text_stream("stdout")

    def write(self, item: Input, article, error) -> None:
        source = item.source
        if self.fmt in ("json", "jsonl"):
            obj = record(source, article, error)
            if self.fmt == "jsonl":
                self.out.write(json.dumps(obj, ensure_ascii=False) + "\n")
            else:
                text = json.dumps(obj, ensure_ascii=False, indent=2)
                if self.several:
                    text = ("[\n" if self.count == 0 else ",\n") + textwrap.indent(text, "  ")
                self.out.write(text if self.several else text + "\n")
        elif article is not None:
            if self.several:
                self.out.write(("\n" if self.count else "") + f"==> {source} <==\n")
            self.out.write(format_article(article, self.fmt, source))
        self.count += 1
        self.out.flush()

    def close(self) -> None:
        if self.fmt == "json" and self.several:
            self.out.write("\n]\n" if self.count else "[]\n")
            self.out.flush()


class DirectorySink:
    """One output file per input under a directory, each written atomically."""

    def __init__(self, root: Path, fmt: str) -> None:
        self.root, self.fmt = root, fmt
        self.root.mkdir(parents=True, exist_ok=True)
        for stale in self.root.rglob(TMP_PREFIX + "*"):  # left by a killed run
            with contextlib.suppress(OSError):
                stale.unlink()

    def target(self, item: Input) -> Path:
        return self.root / (item.relative + SUFFIX[self.fmt])

    def exists(self, item: Input) -> bool:
        return self.target(item).exists()

    def write(self, item: Input, article, error) -> None:
        if article is None:
            return
        target = self.target(item)
        target.parent.mkdir(parents=True, exist_ok=True)
        fmt = "json" if self.fmt == "jsonl" else self.fmt
        data = format_article(article, fmt, item.source).encode("utf-8")
        fd, tmp = tempfile.mkstemp(prefix=TMP_PREFIX, dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.chmod(tmp, 0o644)
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise

    def close(self) -> None:
        pass


# -- explain ------------------------------------------------------------------------
@main.command()
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
@click.option("-f", "--format", "fmt", type=click.Choice(["txt", "json"]), default="txt",
              show_default=True, help="txt: one line per block; json: for tools.")
@click.option("--color/--no-color", default=None, help="Colour the output (default: on a terminal).")
@input_options
@rule_options
def explain(paths, fmt, color, input_type, url, max_bytes, rule_config) -> None:
    """Show every block of a page, kept or removed, with the rule that removed it.

    \b
    Examples:
      stripper explain page.html
      stripper explain -f json page.html | jq '.blocks[] | select(.removed_by)'
    """
    from .batch import read_input

    inputs = find_inputs(paths or (STDIN,))
    if url and len(inputs) > 1:
        raise click.UsageError("--url applies to a single input")
    stripper = _make_stripper(rule_config, input_type=input_type, max_bytes=max_bytes)
    failed = False
    for item in inputs:
        try:
            if item.problem:
                raise StripperError(item.problem)
            page = stripper.process(read_input(item.source, max_bytes), url=url)
        except StripperError as exc:
            _say_error(item.source, str(exc))
            failed = True
            continue
        if fmt == "json":
            click.echo(json.dumps({
                "source": item.source,
                "kind": page.kind,
                "dom_removed": [{"rule": r.rule, "text": r.text} for r in page.dom_removed],
                "blocks": [{"text": b.text, "removed_by": b.removed_by} for b in page.blocks],
            }, ensure_ascii=False))
            continue
        if len(inputs) > 1:
            click.echo(f"==> {item.source} <==")
        click.echo(click.style(f"{item.source}: {page.kind}", bold=True), color=color)
        if page.dom_removed:
            click.echo("dropped before extraction:", color=color)
            for removal in page.dom_removed:
                text = removal.text if len(removal.text) <= 100 else removal.text[:99] + "…"
                click.echo(click.style(f"  - {removal.rule:<8} {text}", fg="red"), color=color)
        for block in page.blocks:
            if block.removed_by is None:
                click.echo(f"  + {'kept':<8} {block.text}", color=color)
            else:
                click.echo(click.style(f"  - {block.removed_by:<8} {block.text}", fg="red"), color=color)
    sys.exit(EXIT_FAILED if failed else 0)


# -- rules --------------------------------------------------------------------------
@main.group(invoke_without_command=True)
@rule_options
@click.pass_context
def rules(ctx, rule_config) -> None:
    """List the rules: code, name, stage, scope, on/off and summary.

    \b
    Examples:
      stripper rules
      stripper rules --select STR1
      stripper rules show STR101
    """
    ctx.obj = rule_config
    if ctx.invoked_subcommand is not None:
        return
    ruler = _make_stripper(rule_config).ruler
    for rule in ruler:
        state = "on" if ruler.is_enabled(rule.code) else "off"
        click.echo(f"{rule.code:<8} {rule.name:<26} {rule.stage:<5} {rule.scope:<9} {state:<4} {rule.summary}")


@rules.command("show")
@click.argument("code")
@click.pass_obj
def rules_show(rule_config, code) -> None:
    """Print a rule's documentation and examples."""
    ruler = _make_stripper(rule_config).ruler
    try:
        rule = ruler.get(code.upper()) if code.upper() in {r.code for r in ruler} else ruler.get(code)
    except RuleError as exc:
        raise click.UsageError(str(exc)) from None
    state = "on" if ruler.is_enabled(rule.code) else "off"
    lines = [
        f"{rule.code} {rule.name}",
        f"stage: {rule.stage}   scope: {rule.scope}   {state} by default   from: {rule.origin}",
    ]
    if rule.domains:
        lines.append("domains: " + ", ".join(rule.domains))
    lines += ["", rule.summary, ""]
    if rule.doc:
        lines += [textwrap.dedent(rule.doc).strip(), ""]
    if rule.removes:
        lines.append("Removes:")
        lines += [textwrap.indent(example, "    ") for example in rule.removes]
    if rule.keeps:
        lines.append("Keeps:")
        lines += [textwrap.indent(example, "    ") for example in rule.keeps]
    click.echo("\n".join(lines).rstrip())


def _handle_sigterm(signum, frame):
    raise KeyboardInterrupt


def run_main() -> None:
    signal.signal(signal.SIGTERM, _handle_sigterm)
    main()
