"""A scenario file is taken as a new scenario of this project, and refused in words when it
breaks the format's rules (README, "Scenario files")."""
import json

import pytest

from core.domain.scenario import ScenarioError
from core.domain.scenario_io import read_scenario_file, to_dict


def _file(tmp_path, project, change):
    data = to_dict(project.get_scenario("Phương án 2019"), with_ids=True)
    change(data)
    path = tmp_path / "pa.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_an_imported_file_gets_a_new_id_so_it_cannot_stand_in_for_a_stored_scenario(tmp_path, project):
    stored = project.get_scenario("Phương án 2019")
    read = read_scenario_file(_file(tmp_path, project, lambda d: None), project.dataset)
    assert read.id != stored.id and read.version == 0


def test_duplicate_group_ids_are_refused(tmp_path, project):
    def twin(d):
        d["groups"][1]["id"] = d["groups"][0]["id"]
    with pytest.raises(ScenarioError) as refused:
        read_scenario_file(_file(tmp_path, project, twin), project.dataset)
    assert refused.value.code == "scenario_file.duplicate_group_id"


def test_an_override_without_its_source_is_refused_naming_the_field(tmp_path, project):
    unit = next(iter(project.dataset.units))
    path = _file(tmp_path, project, lambda d: d.update(overrides=[{"unit": unit, "population": 5000}]))
    with pytest.raises(ScenarioError) as refused:
        read_scenario_file(path, project.dataset)
    assert "source" in refused.value.text("en") and "nguồn" in refused.value.text("vi")


@pytest.mark.parametrize("number", ["1" + "0" * 400, "1e400", "Infinity"])
def test_a_number_too_large_to_be_a_figure_is_refused(tmp_path, project, number):
    unit = next(iter(project.dataset.units))
    path = _file(tmp_path, project, lambda d: d.update(
        overrides=[{"unit": unit, "population": 12345, "source": "Tờ trình"}]))
    path.write_text(path.read_text(encoding="utf-8").replace("12345", number), encoding="utf-8")
    with pytest.raises(ScenarioError) as refused:
        read_scenario_file(path, project.dataset)
    assert refused.value.code in ("scenario_file.too_large", "scenario_file.negative")


def test_a_device_or_a_pipe_is_refused_before_anything_is_read(tmp_path):
    import os
    fifo = tmp_path / "ong.json"
    os.mkfifo(fifo)
    with pytest.raises(ScenarioError) as refused:
        read_scenario_file(fifo)
    assert refused.value.code == "file.not_regular_special"
