"""Scenario edits keep the scenario valid; the JSON file format round-trips."""
import json

import pytest

from core.domain.scenario import Scenario, ScenarioError
from core.domain.scenario_io import read_scenario_file, to_dict, write_scenario_file
from tests.conftest import code_of


def test_a_unit_belongs_to_at_most_one_group(dataset):
    s = Scenario("x", "nq653-2019")
    s.add_group(dataset, [code_of(dataset, "Giao Long"), code_of(dataset, "Giao Hòa")])
    with pytest.raises(ScenarioError, match="đã thuộc nhóm"):
        s.add_group(dataset, [code_of(dataset, "Giao Hòa"), code_of(dataset, "An Hóa")])
    assert len(s.groups) == 1


def test_a_group_needs_two_members(dataset):
    s = Scenario("x", "nq653-2019")
    with pytest.raises(ScenarioError, match="ít nhất hai đơn vị"):
        s.add_group(dataset, [code_of(dataset, "Giao Long")])
    g = s.add_group(dataset, [code_of(dataset, "Giao Long"), code_of(dataset, "Giao Hòa")])
    with pytest.raises(ScenarioError):
        s.remove_member(g.id, code_of(dataset, "Giao Hòa"))


def test_default_name_and_seat_are_the_most_populous_member(dataset):
    s = Scenario("x", "nq653-2019")
    g = s.add_group(dataset, [code_of(dataset, "An Hóa"), code_of(dataset, "An Phước")])
    assert g.name == "An Phước" and g.seat == code_of(dataset, "An Phước")


def test_unknown_code_and_negative_override_are_refused(dataset):
    s = Scenario("x", "nq653-2019")
    with pytest.raises(ScenarioError, match="Không có đơn vị mã 99999"):
        s.add_group(dataset, ["99999", "28801"])
    with pytest.raises(ScenarioError, match="số âm"):
        s.set_override(dataset, "28801", population=-5, source="x")
    with pytest.raises(ScenarioError, match="nguồn số liệu"):
        s.set_override(dataset, "28801", population=5000, source="")
    assert not s.groups and not s.overrides


def test_json_round_trip_keeps_everything_a_planner_entered(dataset, tmp_path):
    s = Scenario("Phương án thử", "nq35-2023", description="Ghi chú")
    g = s.add_group(dataset, [code_of(dataset, "An Hóa"), code_of(dataset, "An Phước"),
                              code_of(dataset, "Phú An Hòa")], name="An Hòa Phước", kind="xa")
    s.set_exemption(dataset, code_of(dataset, "Giao Hòa"), "Có địa giới ổn định từ năm 1945")
    s.set_override(dataset, code_of(dataset, "Giao Long"), population=4158, source="Nhân khẩu, tờ trình 12/09/2019")
    path = tmp_path / "pa.json"
    write_scenario_file(s, path)
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["groups"][0]["members"] == g.members and raw["rules"] == "nq35-2023"
    assert "An Hòa Phước" in path.read_text(encoding="utf-8")   # diacritics stored as text
    back = read_scenario_file(path, dataset)
    assert to_dict(back) == to_dict(s)


def test_malformed_json_says_where(tmp_path, dataset):
    path = tmp_path / "bad.json"
    path.write_text('{"name": "x",\n "rules": "nq653-2019",\n "groups": [}', encoding="utf-8")
    with pytest.raises(ScenarioError, match="dòng 3"):
        read_scenario_file(path, dataset)


def test_codes_that_lost_their_leading_zeros_are_restored(dataset):
    from core.domain.scenario_io import from_dict
    s = from_dict({"name": "x", "rules": "nq653-2019",
                   "groups": [{"name": "G", "members": [28813, 28816.0]}]}, dataset)
    assert s.groups[0].members == ["28813", "28816"]


def test_a_unit_in_two_groups_in_a_file_is_rejected(dataset):
    from core.domain.scenario_io import from_dict
    with pytest.raises(ScenarioError, match="đã thuộc nhóm"):
        from_dict({"name": "x", "rules": "nq653-2019",
                   "groups": [{"name": "A", "members": ["28813", "28816"]},
                              {"name": "B", "members": ["28816", "28849"]}]}, dataset)
