"""Every regression case under fixtures/, one test each (see fixtures/README.md).

A case marked ``xfail`` in its case.toml is expected to fail; when it starts
passing the test fails (strict), so the xfail gets removed.
"""

import pytest
from conftest import FIXTURES

from stripper.fixtures import CaseError, case_folders, check_case, load_case, make_stripper


def _params():
    for folder in case_folders(FIXTURES):
        try:
            xfail = load_case(folder).xfail
        except CaseError:
            xfail = None  # the test itself reports the error
        marks = [pytest.mark.xfail(reason=xfail, strict=True)] if xfail else []
        yield pytest.param(folder, id=folder.name, marks=marks)


@pytest.fixture(scope="module")
def stripper():
    return make_stripper()


@pytest.mark.parametrize("folder", list(_params()))
def test_case(folder, stripper):
    try:
        case = load_case(folder)
    except CaseError as exc:
        pytest.fail(str(exc), pytrace=False)
    result = check_case(case, stripper)
    if not result.passed:
        pytest.fail(f"{case.name} fails:\n{result.report()}", pytrace=False)
