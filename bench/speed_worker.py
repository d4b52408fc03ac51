"""One timed run of one tool over a list of inputs, in a fresh process (run by bench/speed.py).

    python bench/speed_worker.py TOOL INPUTS.json WARMUP

TOOL is one of ``stripper`` (``Stripper().extract(page, url=url)``), ``trafilatura``
(``trafilatura.extract(page)``), ``trafilatura-fast`` (``trafilatura.extract(page,
fast=True)``) and ``stripper-text`` (``Stripper(input_type="text").extract(text)``).
INPUTS.json holds ``[[source, url], ...]`` (a page file, ``gen:N`` for generated page N)
or, for ``stripper-text``, ``{"texts": [...]}``. Every input is loaded into memory
first; stripper runs ``Stripper.warm_up()`` (its lazy imports, such as trafilatura and
ftfy, are then made before the clock starts, as trafilatura's own import is), each tool runs
over the first WARMUP inputs, then over the whole list between
two ``time.perf_counter()`` / ``resource.getrusage()`` readings. One JSON line goes to
stdout: inputs, bytes (UTF-8 for texts), wall and CPU (user + system) seconds, errors.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import speed_data  # noqa: E402  (bench/speed_data.py)


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _tool(name: str):
    if name == "stripper":
        from stripper import Stripper, StripperError

        stripper = Stripper()
        stripper.warm_up()
        return lambda page, url: stripper.extract(page, url=url), (StripperError,)
    if name == "stripper-text":
        from stripper import Stripper, StripperError

        stripper = Stripper(input_type="text")
        stripper.warm_up()
        return lambda text, url: stripper.extract(text), (StripperError,)
    import trafilatura

    if name == "trafilatura":
        return lambda page, url: trafilatura.extract(page), ()
    if name == "trafilatura-fast":
        return lambda page, url: trafilatura.extract(page, fast=True), ()
    raise SystemExit(f"unknown tool {name!r}")


def main() -> None:
    name, inputs_file, warmup = sys.argv[1], sys.argv[2], int(sys.argv[3])
    spec = json.loads(Path(inputs_file).read_text(encoding="utf-8"))
    if isinstance(spec, dict):
        items = [(text, None) for text in spec["texts"]]
        size = sum(len(text.encode("utf-8")) for text, _ in items)
    else:
        items = [(speed_data.load(source), url) for source, url in spec]
        size = sum(len(page) for page, _ in items)
    run, expected = _tool(name)
    for page, url in items[:warmup]:
        try:
            run(page, url)
        except expected:
            pass
    errors = empty = 0
    wall0, cpu0 = time.perf_counter(), _cpu()
    for page, url in items:
        try:
            result = run(page, url)
        except expected:
            errors += 1
            continue
        if not (result if isinstance(result, str) else getattr(result, "text", None)):
            empty += 1
    wall, cpu = time.perf_counter() - wall0, _cpu() - cpu0
    print(
        json.dumps(
            {
                "tool": name,
                "inputs": len(items),
                "bytes": size,
                "wall": wall,
                "cpu": cpu,
                "errors": errors,
                "empty": empty,
            }
        )
    )


if __name__ == "__main__":
    main()
