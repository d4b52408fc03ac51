"""The ``stripper`` command line."""

from __future__ import annotations

import contextlib
import errno
import functools
import json
import os
import re
import signal
import sys
import tempfile
import textwrap
import threading
import warnings
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import click

from . import __version__
from .batch import STDIN, Input, Result, find_inputs, internal_error, one_line, os_reason, run
from .errors import RuleError, StripperError
from .extractors import extractor_names
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
    @click.option("--extend-select", "extend_select", multiple=True, metavar="CODES",
                  help="Also run these rules (e.g. rules that are off by default).")
    @click.option("--ignore", "ignore", multiple=True, metavar="CODES",
                  help="Skip these rules: codes, code prefixes or names.")
    @click.option("--rules", "rule_files", multiple=True, type=click.Path(dir_okay=False),
                  metavar="FILE.toml", help="Add the rules of a TOML rule file (repeatable).")
    @functools.wraps(func)
    def wrapper(*args, select, extend_select, ignore, rule_files, **kwargs):
        kwargs["rule_config"] = {
            "select": _split(select) if select else None,
            "extend_select": _split(extend_select),
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
    @click.option("--extractor", type=click.Choice(extractor_names()), default="auto", show_default=True,
                  help="Main-content extractor for HTML: auto (density, trafilatura for product pages and "
                       "pages where density finds almost nothing), density, or trafilatura.")
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
            max_bytes, extractor, rule_config) -> None:
    """Extract the article body of each input (files, directories, or - for stdin).

    Directories are searched recursively for .html, .htm, .xhtml, .html.gz
    and .txt files; results come in sorted path order whatever -j is.

    With several inputs (or a directory) on stdout, txt and md output put a
    line "==> PATH <==" before each input's text (as head(1) does); json
    prints an array, jsonl one object per line. Failed inputs are reported on
    stderr as "stripper: PATH: reason" (and as {"source", "error"} objects in
    json/jsonl) and the batch goes on; the exit status is 0 when every input
    succeeded, 1 when any failed, 2 for usage errors and 130 when interrupted.

    \b
    Examples:
      stripper extract page.html > page.txt
      cat page.html | stripper extract --url https://example.com/a > page.txt
      stripper extract -f jsonl -j 2 crawl/ > bodies.jsonl
      stripper extract -o clean/ crawl/
      stripper extract -o clean/ --skip-existing crawl/    # resume
      stripper extract --select STR --ignore STR3 page.html
      stripper extract --rules my-rules.toml crawl/
    """
    try:
        with warnings.catch_warnings():
            if quiet:
                warnings.simplefilter("ignore")
            status = _extract(paths, fmt, output_dir, jobs, timeout, skip_existing, quiet, input_type, url,
                              max_bytes, extractor, rule_config)
    except KeyboardInterrupt:  # Ctrl-C, or SIGTERM (see run_main)
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not give a traceback
        click.echo("stripper: interrupted", err=True)
        status = EXIT_INTERRUPTED
    except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
        raise
    except Exception as exc:  # a bug outside any one input: still no traceback
        click.echo(f"stripper: {internal_error(exc)}", err=True)
        status = EXIT_FAILED
    sys.exit(status)


def _extract(paths, fmt, output_dir, jobs, timeout, skip_existing, quiet, input_type, url,
             max_bytes, extractor, rule_config) -> int:
    if not paths and sys.stdin is not None and sys.stdin.isatty():
        raise click.UsageError("no input: name files or directories, or pipe a page into stdin")
    if skip_existing and not output_dir:
        raise click.UsageError("--skip-existing needs -o/--output-dir")
    inputs = find_inputs(paths or (STDIN,))
    if url and len(inputs) > 1:
        raise click.UsageError("--url applies to a single input")
    if url:
        try:
            urlsplit(url).hostname  # noqa: B018 -- raises ValueError for e.g. an unclosed [IPv6 address
        except ValueError as exc:
            raise click.UsageError(f"--url: not a valid URL ({exc})") from None
    stripper = _make_stripper(rule_config, input_type=input_type, max_bytes=max_bytes, extractor=extractor)
    several = len(inputs) > 1 or any(p != STDIN and os.path.isdir(p) for p in paths)
    if output_dir:
        try:
            sink = DirectorySink(Path(output_dir), fmt)
        except OSError as exc:
            _report(output_dir, f"cannot create the output directory: {os_reason(exc)}")
            return EXIT_FAILED
        if skip_existing:
            inputs = [item for item in inputs if item.problem or not sink.exists(item)]
    else:
        sink = StdoutSink(fmt, several=several)
    show_bar = len(inputs) > 1 and not quiet and sys.stderr.isatty()
    failed = False
    try:
        with _progress(len(inputs), show_bar) as bar:
            for result in _results(stripper, inputs, jobs=jobs, timeout=timeout, url=url):
                try:
                    sink.write(result.input, result.article, result.error)
                except SinkError as exc:
                    result = Result(result.input, error=str(exc))
                except OSError:  # standard output itself: handled below
                    raise
                except Exception as exc:
                    result = Result(result.input, error=internal_error(exc))
                if result.error is not None:
                    failed = True
                    if show_bar:
                        click.echo("\r\033[K", nl=False, err=True)  # clear the bar's line
                    _report(result.input.source, result.error)
                bar.update(1)
            sink.close()
    except BrokenPipeError:  # e.g. `stripper extract crawl/ | head`
        _silence_stdout()
        return EXIT_FAILED
    except OSError as exc:  # standard output is full or gone: nothing more can be written
        _silence_stdout()
        _report("standard output", os_reason(exc))
        return EXIT_FAILED
    return EXIT_FAILED if failed else 0


def _report(source: str, reason: str) -> None:
    """``stripper: PATH: reason`` on one line, whatever characters the file name holds."""
    click.echo(f"stripper: {_display_name(source)}: {one_line(reason)}", err=True)


def _display_name(source: str) -> str:
    """A path for a message or header line: control characters (a newline, ESC) escaped."""
    return "<stdin>" if source == STDIN else _CONTROL.sub(lambda m: repr(m.group())[1:-1], source)


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def _results(stripper: Stripper, inputs: list[Input], **options) -> Iterator[Result]:
    """``batch.run``, hardened: an exception escaping it (a bug) becomes the error of
    the input it was working towards, and the batch goes on with the inputs after it."""
    start = 0
    while start < len(inputs):
        with contextlib.closing(run(stripper, inputs[start:], **options)) as results:
            while True:
                try:
                    result = next(results)
                except StopIteration:
                    return
                except Exception as exc:
                    result = Result(inputs[start], error=internal_error(exc))
                    start += 1
                    yield result
                    break
                start += 1
                yield result


def _progress(total: int, show: bool):
    if show:
        return click.progressbar(length=total, file=sys.stderr, label="extracting")
    return contextlib.nullcontext(_NoBar())


class _NoBar:
    def update(self, n: int) -> None:
        pass


def _silence_stdout() -> None:
    """Point a dead standard output at /dev/null, so that the flush at exit cannot fail too."""
    if sys.stdout is None:
        return
    with contextlib.suppress(Exception):  # OSError; io.UnsupportedOperation: no file descriptor
        fd = sys.stdout.fileno()
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, fd)


class SinkError(Exception):
    """One output could not be written; the batch goes on."""


class StdoutSink:
    """Results on standard output, in one stream."""

    def __init__(self, fmt: str, several: bool) -> None:
        self.fmt, self.several, self.count = fmt, several, 0

    def write(self, item: Input, article, error) -> None:
        source = item.source
        if self.fmt in ("json", "jsonl"):
            obj = record(source, article, error)
            if self.fmt == "jsonl":
                self._emit(json.dumps(obj, ensure_ascii=False) + "\n")
            else:
                text = json.dumps(obj, ensure_ascii=False, indent=2)
                if self.several:
                    text = ("[\n" if self.count == 0 else ",\n") + textwrap.indent(text, "  ")
                self._emit(text if self.several else text + "\n")
        elif article is not None:
            header = ""
            if self.several:
                header = ("\n" if self.count else "") + f"==> {_display_name(source)} <==\n"
            self._emit(header + format_article(article, self.fmt, source))
        else:
            return  # a failed input: reported on stderr only
        self.count += 1

    def close(self) -> None:
        if self.fmt == "json" and self.several:
            self._emit("\n]\n" if self.count else "[]\n")

    @staticmethod
    def _emit(text: str) -> None:
        """Write UTF-8 whatever the locale, and flush: each input's output is complete once shown."""
        out = sys.stdout
        if out is None:  # started with standard output closed
            raise OSError(errno.EBADF, "Standard output is closed")
        buffer = getattr(out, "buffer", None)
        if buffer is None:
            out.write(text)
            out.flush()
        else:
            out.flush()
            buffer.write(text.encode("utf-8", errors="backslashreplace"))
            buffer.flush()


class DirectorySink:
    """One output file per input under a directory, each written atomically.

    Every file is written to a temporary file in the target's directory, then
    renamed over the target, so that an interrupted run (Ctrl-C, SIGTERM,
    SIGKILL, power cut) leaves each output either complete or absent. The
    temporary files of a killed run are removed by the next run.
    """

    def __init__(self, root: Path, fmt: str) -> None:
        self.root, self.fmt = root, fmt
        self.root.mkdir(parents=True, exist_ok=True)
        self.mode = 0o666 & ~_umask()
        self._remove_stale_temporaries()

    def _remove_stale_temporaries(self) -> None:
        for folder, _dirs, names in os.walk(self.root):
            for name in names:
                if name.startswith(TMP_PREFIX) and not _owner_alive(name):
                    with contextlib.suppress(OSError):
                        os.unlink(os.path.join(folder, name))

    def target(self, item: Input) -> Path:
        return self.root / (item.relative + SUFFIX[self.fmt])

    def exists(self, item: Input) -> bool:
        return self.target(item).is_file()

    def write(self, item: Input, article, error) -> None:
        if article is None:
            return
        target = self.target(item)
        fmt = "json" if self.fmt == "jsonl" else self.fmt
        # backslashreplace: a file name that is not UTF-8 shows as "\udcff" (valid JSON, and it
        # reads back as the same file name) instead of failing the write
        data = format_article(article, fmt, item.source).encode("utf-8", errors="backslashreplace")
        tmp = None
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f"{TMP_PREFIX}{os.getpid()}-", dir=target.parent)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.chmod(tmp, self.mode)
            os.replace(tmp, target)
        except OSError as exc:
            _discard(tmp)
            raise SinkError(f"cannot write {target}: {os_reason(exc)}") from None
        except BaseException:
            _discard(tmp)
            raise

    def close(self) -> None:
        pass


def _discard(tmp: str | None) -> None:
    if tmp is not None:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _owner_alive(name: str) -> bool:
    """Whether the run that owns temporary file ``name`` is still running (not ours)."""
    pid = name[len(TMP_PREFIX):].split("-", 1)[0]
    if not pid.isdigit() or int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, but is someone else's
        return True
    return True


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# -- explain ------------------------------------------------------------------------
@main.command()
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
@click.option("-f", "--format", "fmt", type=click.Choice(["txt", "json"]), default="txt",
              show_default=True, help="txt: one line per block; json: for tools.")
@click.option("--color/--no-color", default=None, help="Colour the output (default: on a terminal).")
@input_options
@rule_options
def explain(paths, fmt, color, input_type, url, max_bytes, extractor, rule_config) -> None:
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
    stripper = _make_stripper(rule_config, input_type=input_type, max_bytes=max_bytes, extractor=extractor)
    failed = False
    for item in inputs:
        try:
            if item.problem:
                raise StripperError(item.problem)
            page = stripper.process(read_input(item.source, max_bytes, regular_only=item.found), url=url)
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
        rule = ruler.get(code if code in {r.name for r in ruler} else code.upper())
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
    for heading, examples in (("Removes:", rule.removes), ("Keeps:", rule.keeps)):
        if examples:
            lines.append(heading)
            # examples of several lines are set apart by a blank line; one-line ones follow each other
            gap = [""] if any("\n" in example for example in examples) else []
            for n, example in enumerate(examples):
                lines += (gap if n else []) + [textwrap.indent(example, "    ")]
    click.echo("\n".join(lines).rstrip())


def _handle_sigterm(signum, frame):
    raise KeyboardInterrupt


def run_main() -> None:
    signal.signal(signal.SIGTERM, _handle_sigterm)
    main()


from .fixtures import fixtures as _fixtures  # noqa: E402

main.add_command(_fixtures)
