"""A cheap run of benchmarks/mutation.py (so that the script cannot rot): the ten drop-one-
condition mutants of the unfixed 昆明 encoding, judged as the benchmark judges them.

Expected outcomes, worked out from the text: every condition of 第七条第（五）项 (diagnosis) and of
第七条第（一）项 is named by its quote or item text (「纳入试点改造范围」, 「通过验收」, 「验收评定」), so
dropping it is caught by concept coverage (PC340) and by no older check; dropping the level
condition of 第七条第（一）项 leaves level 0/1 applicants in no tier (PC402).
"""

from __future__ import annotations

import datetime as dt
from types import ModuleType

from conftest import ROOT
from test_python_backend import import_path


def _load() -> ModuleType:
    return import_path(ROOT / "benchmarks" / "mutation.py", "mutation")


def test_kunming_mutants() -> None:
    mutation = _load()
    rows = mutation.run(ROOT / "tests" / "fixtures" / "unfixed", ("kunming",), dt.date(2025, 8, 1))
    got = {(m.block, m.dropped): o for m, o in rows["kunming"]}
    assert len(got) == 10 and all(o.valid for o in got.values())
    for key in [("diagnosis_subsidy", "in_pilot_scope"), ("diagnosis_subsidy", "acceptance_passed"),
                ("reform_subsidy", "in_pilot_scope"), ("reform_subsidy", "acceptance_passed")]:
        assert got[key].codes == ("PC340",) and not got[key].before and got[key].real, key
    assert got[("reform_subsidy", "digital_level >= 2")].codes == ("PC402",)
    # only PC140 (evaluation_agency left unused) sees the evaluation mutant: not counted as real
    ev = got[("evaluation_subsidy", "evaluation_agency")]
    assert ev.after and not ev.real
    assert sum(o.before for o in got.values()) == 6
    assert sum(o.real_before for o in got.values()) == 1  # PC402 above
    assert sum(o.real for o in got.values()) == 9
