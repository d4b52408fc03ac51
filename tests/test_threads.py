"""One Stripper shared by many threads gives the same articles as serial use."""

import threading
from concurrent.futures import ThreadPoolExecutor

from conftest import FIXTURES

from stripper import Stripper, StripperError
from stripper.batch import Input, process, read_input

THREADS = 8


def fixture_inputs() -> list[tuple[str, bytes]]:
    paths = sorted(FIXTURES.glob("*/input.*"))
    assert len(paths) >= 8
    return [(str(path), read_input(str(path), None)) for path in paths]


def outcome(stripper: Stripper, data: bytes):
    try:
        return stripper.extract(data)
    except StripperError as exc:
        return f"error: {exc}"


def test_eight_threads_share_one_stripper():
    inputs = fixture_inputs()
    serial = {path: outcome(Stripper(), data) for path, data in inputs}
    shared = Stripper()
    start = threading.Barrier(THREADS)

    def work(offset: int):
        start.wait()  # all threads begin together
        # every thread does every input, each starting at a different one
        rotated = inputs[offset:] + inputs[:offset]
        return {path: outcome(shared, data) for path, data in rotated}

    with ThreadPoolExecutor(THREADS) as pool:
        results = list(pool.map(work, [n * len(inputs) // THREADS for n in range(THREADS)]))
    for result in results:
        assert result.keys() == serial.keys()
        for path in serial:
            assert result[path] == serial[path], path


def test_batch_process_from_threads_reads_and_extracts_independently():
    paths = sorted(FIXTURES.glob("*/input.*"))
    shared = Stripper()
    items = [Input(str(p), p.parent.name, found=True) for p in paths]
    serial = [process(shared, item) for item in items]
    with ThreadPoolExecutor(THREADS) as pool:
        threaded = list(pool.map(lambda item: process(shared, item), items))
    assert threaded == serial
