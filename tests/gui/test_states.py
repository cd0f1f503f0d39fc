"""The window on a project with successive states (issue 11): switching to a scenario drafted on
another state shows that state's units, and the status bar says which state is shown."""
from __future__ import annotations

import contextlib
import io

from core.cli.run import main
from core.common.paths import DEFAULT_DATASET
from core.storage.store import Project
from tests.gui.conftest import opened_window

ROUNDS = DEFAULT_DATASET / "history"


def cli(db, *args) -> None:
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["--db", str(db), *args]) == 0


def test_a_scenario_on_the_2020_state_shows_its_21_units_and_the_status_bar_names_the_state(qtbot, db_path):
    Project(db_path).close()
    cli(db_path, "import-scenario", str(ROUNDS / "round_2020.json"))
    cli(db_path, "apply", "Vòng 2020", "--as", "2020")
    cli(db_path, "import-scenario", str(ROUNDS / "round_2024.json"))
    with opened_window(qtbot, db_path) as window:
        session = window.session
        window.scenario_actions.switch(session.project.get_scenario("Phương án 2019").id)
        assert len(session.dataset.units) == 22
        assert "Hiện trạng: “base” (0/1)" in window.summary.text()
        window.scenario_actions.switch(session.project.get_scenario("Vòng 2024").id)
        assert len(session.dataset.units) == 21
        assert "28816" not in session.dataset.units          # Giao Hòa went into Giao Long in 2020
        assert window.table.model.rowCount() == 21             # the unit table shows the 2020 units
        assert "Hiện trạng: “2020” (1/1)" in window.summary.text()


def test_a_project_with_one_state_shows_no_state_in_the_status_bar(window):
    assert "Hiện trạng" not in window.summary.text()


def test_the_status_bar_says_how_many_units_have_a_defaulted_classification(window):
    """Issue 11 item 3: every output says when classifications are defaulted, the status bar too."""
    import dataclasses

    from gui.main_window import state_words
    session = window.session
    assert not any("Phân loại mặc định" in w for w in state_words(session.project, session.dataset, "vi"))
    units = dict(session.dataset.units)
    for code in ("28813", "28816"):
        units[code] = dataclasses.replace(units[code], defaulted=frozenset({"terrain"}))
    dataset = dataclasses.replace(session.dataset, units=units)
    assert "Phân loại mặc định: 2 đơn vị" in state_words(session.project, dataset, "vi")
    assert "Defaulted classifications: 2 units" in state_words(session.project, dataset, "en")
