from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEED = FIXTURES / "seed-ibm-facial-recognition"

# Two paragraphs of plain prose, used to surround examples in tests.
PROSE = (
    "The council met on Tuesday evening to discuss the new budget, which includes money for "
    "repairs to the harbour wall and two new buses for the northern districts.",
    "Residents who spoke at the meeting said they welcomed the plan, although several asked "
    "why the library would stay closed on Sundays for another year.",
)


@pytest.fixture
def seed_bytes() -> bytes:
    return (SEED / "input.txt").read_bytes()
