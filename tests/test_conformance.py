"""The conformance table (pyscript_ffi_host/cases/), run unchanged on every
interpreter: each case proves one row of docs/contract.md with its exact observation."""

import pytest

from pyscript_ffi_host.cases import CASES, OURS, judge, program


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_case(interp, case):
    problem = judge(case, interp.run(program(case, OURS[interp.name])))
    assert problem is None, problem
