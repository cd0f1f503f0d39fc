"""Scenario files from elsewhere: rejected or sanitised with a message, never run."""
import json

import pytest

from core.domain.scenario import ScenarioError
from core.domain.scenario_io import read_scenario_file


def write(tmp_path, data, name="pa.json"):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_deeply_nested_json_is_refused_not_crashing(tmp_path, dataset):
    path = write(tmp_path, '{"name": "x", "rules": "nq653-2019", "groups": ' + "[" * 200_000 + "]" * 200_000 + "}")
    with pytest.raises(ScenarioError, match="lồng nhau quá sâu|không đúng cú pháp"):
        read_scenario_file(path, dataset)


def test_ten_megabytes_of_name_is_refused(tmp_path, dataset):
    path = write(tmp_path, {"name": "A" * 10_000_000, "rules": "nq653-2019"})
    with pytest.raises(ScenarioError, match="dài quá"):
        read_scenario_file(path, dataset)


def test_a_file_over_the_size_limit_is_refused_before_parsing(tmp_path, dataset):
    path = tmp_path / "big.json"
    with open(path, "wb") as fh:
        fh.truncate(200 * 1024 * 1024)
    with pytest.raises(ScenarioError, match="tối đa"):
        read_scenario_file(path, dataset)


def test_script_and_markup_in_names_stay_plain_text(tmp_path, dataset):
    evil = "<script>alert(1)</script><b>Giao Long</b>"
    path = write(tmp_path, {"name": evil, "rules": "nq653-2019",
                            "groups": [{"name": evil, "members": ["28813", "28816"]}]})
    s = read_scenario_file(path, dataset)
    assert s.name == evil and s.groups[0].name == evil     # kept as text; the GUI shows it as text


def test_control_characters_are_removed_from_names(tmp_path, dataset):
    path = write(tmp_path, {"name": "Phương\x00 án\x1b[31m 1", "rules": "nq653-2019"})
    assert read_scenario_file(path, dataset).name == "Phương án[31m 1"


def test_a_seat_that_is_not_a_member_and_a_reference_to_itself_are_refused(tmp_path, dataset):
    path = write(tmp_path, {"name": "x", "rules": "nq653-2019",
                            "groups": [{"name": "A", "members": ["28813", "28816"], "seat": "28849"}]})
    with pytest.raises(ScenarioError, match=r"trụ sở .*28849.* không phải là đơn vị của nhóm"):
        read_scenario_file(path, dataset)
    path = write(tmp_path, {"name": "x", "rules": "nq653-2019",
                            "groups": [{"name": "A", "members": ["28813", "28813"]}]})
    with pytest.raises(ScenarioError, match="kê hai lần|ít nhất hai"):
        read_scenario_file(path, dataset)


def test_a_file_that_is_not_utf8_says_so(tmp_path, dataset):
    path = tmp_path / "pa.json"
    path.write_bytes('{"name": "Phương án"}'.encode("utf-16"))
    with pytest.raises(ScenarioError, match="UTF-8"):
        read_scenario_file(path, dataset)
