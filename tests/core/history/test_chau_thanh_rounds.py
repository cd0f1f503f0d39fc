"""Châu Thành's history as successive states (issue 11, "Done when"): the 2020 merger under NQ 653
on the 2019 units, the 2024 mergers under NQ 35 on the 2020 state, the 2025 arrangement under NQ 76
on the 2024 state with three xã going to Bến Tre city – each round judged by its own clauses."""
from __future__ import annotations

import json

import pytest

from core.cli.run import main
from core.common.paths import DEFAULT_DATASET
from core.storage.store import Project

ROUNDS = DEFAULT_DATASET / "history"


def cli(db, capsys, *args) -> dict | str:
    capsys.readouterr()
    code = main(["--db", str(db), *args])
    out = capsys.readouterr()
    assert code == 0, out.err
    return json.loads(out.out) if "--json" in args else out.out


@pytest.fixture(scope="module")
def rounds(tmp_path_factory):
    """The three rounds applied one after the other; each round's check as it was judged."""
    db = tmp_path_factory.mktemp("rounds") / "chau-thanh.sqlite"
    Project(db).close()
    checks = {}
    import contextlib
    import io
    for file, name, state in (("round_2020.json", "Vòng 2020", "2020"), ("round_2024.json", "Vòng 2024", "2024"),
                              ("round_2025.json", "Vòng 2025", "2025")):
        for args in (["import-scenario", str(ROUNDS / file)], ["check", name, "--json"], ["apply", name, "--as", state]):
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                assert main(["--db", str(db), *args]) == 0
            if args[0] == "check":
                checks[state] = json.loads(out.getvalue())
    return db, checks


def test_2020_giao_hoa_merges_into_giao_long_by_nq653s_two_unit_exception(rounds):
    _db, checks = rounds
    check = checks["2020"]
    assert (check["units_before"], check["units_after"], check["state"]) == (22, 21, "base")
    (giao_long,) = check["groups"]
    assert giao_long["verdict"] == "exception"       # below 100 % of both, 2 units with special factors
    assert "Nghị quyết số 653/2019/UBTVQH14" in json.dumps(giao_long["findings"], ensure_ascii=False)
    assert (giao_long["area_km2"], giao_long["population"]) == (pytest.approx(11.209), 7251)


def test_2024_three_mergers_are_judged_under_nq35_on_the_2020_state(rounds):
    _db, checks = rounds
    check = checks["2024"]
    assert (check["units_before"], check["units_after"], check["state"]) == (21, 16, "2020")
    assert [g["name"] for g in check["groups"]] == ["An Phước", "Tường Đa", "Châu Thành"]
    assert check["groups"][2]["kind"] == "thi_tran"
    # Giao Long, arranged in 2020, is not asked to merge again.
    assert "28813" not in check["unresolved"]


def test_2025_four_new_xa_and_three_transfers_leave_nothing_unresolved(rounds):
    _db, checks = rounds
    check = checks["2025"]
    assert (check["units_before"], check["units_after"], check["state"]) == (16, 4, "2024")
    assert check["unresolved"] == []
    assert [t["unit"] for t in check["transfers"]] == ["28831", "28858", "28846"]
    assert check["transfers"][0]["to"].startswith("phường Sơn Đông")
    assert {g["name"]: g["kind"] for g in check["groups"]} == {"Phú Túc": "xa", "Giao Long": "xa",
                                                                 "Tiên Thủy": "xa", "Tân Phú": "xa"}
    assert all(len(g["members"]) >= 3 for g in check["groups"])
    assert all(g["verdict"] != "fails" for g in check["groups"])


def test_after_2025_the_district_is_four_xa_whose_history_reaches_back_to_2019(rounds, capsys):
    db, _checks = rounds
    states = cli(db, capsys, "states", "--json")
    assert [(s["name"], s["units"]) for s in states] == [("base", 22), ("2020", 21), ("2024", 16), ("2025", 4)]
    assert len(states[-1]["transfers"]) == 3
    project = Project(db)
    project.use_state("2025")
    units = project.dataset.units
    assert set(units) == {"28810", "28807", "28861", "28840"}
    # The district's population, less the three xã that went to Bến Tre city, is all there.
    base = project.base_dataset().units
    moved = {"28831", "28858", "28846"}
    project.use_state("2024")
    in_2024 = sum(u.population.value for c, u in project.dataset.units.items() if c not in moved)
    assert sum(u.population.value for u in units.values()) == pytest.approx(in_2024)
    assert len(base) == 22
    project.use_state("2025")
    giao_long_history = project.dataset.meta["history"]["28807"]
    assert [f["code"] for f in giao_long_history] == ["28828", "28807", "28813"]
    project.close()
