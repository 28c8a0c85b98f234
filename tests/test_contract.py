"""docs/contract.md and what proves it cannot drift apart (host side, no interpreter)."""

import ast
from pathlib import Path

from pyscript_ffi_host import contract
from pyscript_ffi_host.cases import CASES


def test_the_contract_doc_is_true_and_current():
    assert contract.problems() == []


def test_every_case_of_the_table_proves_a_row_of_the_doc():
    ids = {row.id for row in contract.rows(contract.DOC.read_text())}
    assert {case.spec for case in CASES} <= ids


def test_a_stale_doc_is_caught():
    text = contract.DOC.read_text().replace("`dict-one-key`, ", "", 1)
    assert any("stale" in problem for problem in contract.problems(text))


def test_a_case_without_a_row_is_caught():
    text = contract.DOC.read_text().replace("| `to_js.dict` |", "| `to_js.dict-gone` |", 1)
    found = contract.problems(text)
    assert "case dict-one-key proves row 'to_js.dict', which the contract does not have" in found


def with_proof(row_id, cell):
    """docs/contract.md with the last cell of row `row_id` replaced by `cell`."""
    text = contract.DOC.read_text()
    row = next(r for r in contract.rows(text) if r.id == row_id)
    lines = text.split("\n")
    lines[row.line - 1] = f"| `{row_id}` | {row.promise} | {cell} |"
    return "\n".join(lines)


def test_a_pending_row_that_is_proved_is_caught():
    found = contract.problems(with_proof("to_js.set", "not yet delivered (issue 13)"))
    assert "row to_js.set says 'not yet delivered' but set-one proves it" in found


def test_a_delivered_row_without_proof_is_caught(tmp_path: Path):
    found = contract.problems(with_proof("api.undefined", "nothing"), tests=tmp_path)
    assert "row api.undefined is proved by nothing: mark it 'not yet delivered (issue N)'" in found


def test_a_test_naming_a_missing_row_or_no_row_is_caught(tmp_path: Path):
    (tmp_path / "test_x.py").write_text(
        "import pytest\n\n\n@pytest.mark.contract('to_js.nowhere')\ndef test_a():\n    pass\n\n\n"
        "def test_b():\n    pass\n"
    )
    found = contract.problems(tests=tmp_path)
    assert "test_x.py::test_a proves row 'to_js.nowhere', which the contract does not have" in found
    assert "test_x.py::test_b has no @pytest.mark.contract naming the row it proves" in found


def test_public_names_are_read_from_the_api_row():
    init = ast.parse((contract.ROOT / "pyscript_ffi" / "__init__.py").read_text())
    assigned = {ast.unparse(n.targets[0]): n.value for n in init.body if isinstance(n, ast.Assign)}
    listed = assigned["__all__"]
    assert contract.public_names() == ast.literal_eval(listed)  # the same names, in the same order
