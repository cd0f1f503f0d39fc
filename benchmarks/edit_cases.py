"""An edit at national size as the planner feels it: gesture → core → views → the window painted.

The real ``MainWindow`` on a copy of a national project, 1366×768 offscreen, a scenario of
2,000 groups, the map zoomed to a province (where a planner clicks communes) or fitted to the
country. Each gesture is the window's own action (the menu item or shortcut the planner uses),
timed from the trigger until Qt has delivered every paint it queued (the dirty regions of the
map, the table and the checks panel, as on a real screen). The selection is made before the
clock starts: clicking a unit is its own gesture.
"""
from __future__ import annotations

import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings
from PySide6.QtWidgets import QApplication

WIDTH, HEIGHT = 1366, 768
GESTURES = ("add", "remove", "merge", "undo", "redo")


class PaintCounter(QObject):
    """Counts the paint events delivered to the window's widgets (proof that painting happened)."""

    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def flush(app: QApplication, counter: PaintCounter) -> int:
    """Deliver posted events until no paint is left pending; returns the paints delivered."""
    total = 0
    for _ in range(6):
        before = counter.paints
        QCoreApplication.sendPostedEvents()
        app.processEvents()
        total += counter.paints - before
        if counter.paints == before and total:
            break
    return total


def isolated_settings(folder: Path) -> None:
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QCoreApplication.setOrganizationName("SapXepDVHC-bench")
    QCoreApplication.setApplicationName("edit-bench")


def answer_merges_with_the_proposal() -> None:
    """The merge dialog answered as a planner accepting its proposal (name and seat of the largest)."""
    from gui.dialogs import merge_dialog

    def ask(cls, parent, dataset, members, kind, lang):
        largest = max(members, key=lambda c: dataset.units[c].population.value)
        return merge_dialog.MergeChoice(dataset.units[largest].name, largest, None)
    merge_dialog.MergeDialog.ask = classmethod(ask)


def open_window(db: Path, tmp: Path, n_groups: int):
    """The main window on a copy of ``db`` with a scenario of ``n_groups`` pairs, shown at 1366×768."""
    import cases

    from core.storage.store import Project
    app = QApplication.instance() or QApplication([])
    isolated_settings(tmp / "settings")
    copy = tmp / "national-edit.sqlite"
    shutil.copyfile(db, copy)
    project = Project(copy)
    scenario = cases.scenario_with_groups(project.dataset, n_groups)
    project.add_scenario(scenario)
    project.close()
    from gui.app import create_main_window
    from gui.settings import scenario_key, settings
    settings().setValue(scenario_key(str(copy)), scenario.id)
    window = create_main_window(str(copy))
    window.resize(WIDTH, HEIGHT)
    window.show()
    window.checks_dock.raise_()        # the planner reads the verdicts while editing
    counter = PaintCounter()
    for widget in [window, *window.findChildren(QObject)]:
        if hasattr(widget, "installEventFilter"):
            widget.installEventFilter(counter)
    app.processEvents()
    flush(app, counter)
    return app, window, counter


def zoom_to_province(window, province: str | None) -> None:
    view = window.map
    if province is None:
        view.fit()
        return
    codes = [c for c, u in window.session.dataset.units.items() if u.province == province]
    view.show_rect(view.map_scene.codes_rect(codes))


def plan(session, province: str | None, count: int):
    """(group id, free neighbour, two free adjacent units) per round, inside ``province``."""
    scenario, dataset = session.scenario, session.dataset
    owner = scenario.grouped_codes()
    inside = (lambda c: True) if province is None else (lambda c: dataset.units[c].province == province)
    used: set[str] = set()
    rounds = []
    for group in scenario.groups:
        if len(rounds) >= count:
            break
        if not all(inside(c) for c in group.members):
            continue
        free = sorted(n for c in group.members for n in dataset.neighbours(c)
                      if n not in owner and n not in used and inside(n))
        if len(free) < 2:
            continue
        add = free[0]
        pair = None
        for a in free[1:]:
            partner = sorted(n for n in dataset.neighbours(a)
                             if n not in owner and n not in used and n != add and inside(n))
            if partner:
                pair = (a, partner[0])
                break
        if pair is None:
            continue
        used.update((add, *pair))
        rounds.append((group.id, add, pair))
    return rounds


FIRST: dict[tuple[str, str], float] = {}   # (view, gesture) → seconds of the first round
CPU: dict[str, list[float]] = {}      # the same gestures in CPU seconds of this process (less
                                       # sensitive than the wall clock to other work on the machine)


def timed(app, counter, action, name: str = "") -> tuple[float, int]:
    t, c = time.perf_counter(), time.process_time()
    action.trigger()
    paints = flush(app, counter)
    CPU.setdefault(name, []).append(time.process_time() - c)
    return time.perf_counter() - t, paints


def run_gestures(app, window, counter, rounds) -> dict[str, list[float]]:
    """add → remove → merge → undo → redo per round, each timed end to end."""
    s, a = window.session, window.actions_
    times: dict[str, list[float]] = {g: [] for g in GESTURES}
    paints: dict[str, list[int]] = {g: [] for g in GESTURES}

    def select(codes) -> None:
        s.set_selection(codes)
        flush(app, counter)

    for gid, add, (m1, m2) in rounds:
        group = s.scenario.group_by_id(gid)
        select([group.members[0], add])
        for name, action in (("add", a.add_to_group),):
            t, p = timed(app, counter, action, name)
            times[name].append(t)
            paints[name].append(p)
        assert add in s.scenario.group_by_id(gid).members, "the add gesture did not add"
        select([add])
        t, p = timed(app, counter, a.remove_from_group, "remove")
        times["remove"].append(t)
        paints["remove"].append(p)
        assert s.scenario.group_of(add) is None, "the remove gesture did not remove"
        select([m1, m2])
        t, p = timed(app, counter, a.merge, "merge")
        times["merge"].append(t)
        paints["merge"].append(p)
        assert s.scenario.group_of(m1) is not None, "the merge gesture did not merge"
        for name, action in (("undo", a.undo), ("redo", a.redo)):
            t, p = timed(app, counter, action, name)
            times[name].append(t)
            paints[name].append(p)
        assert s.scenario.group_of(m1) is not None, "redo did not bring the merger back"
    for name in GESTURES:
        if not all(paints[name]):
            raise AssertionError(f"{name}: some gestures painted nothing; the figure would not include the views")
    return times


def edit_figures(db: Path, runs: int = 12, n_groups: int = 2000,
                 views: tuple[str | None, ...] = ("province", None)) -> list[tuple[str, str, list[float]]]:
    """[(view, gesture, seconds per run)] for each view: a province zoom, then the whole country."""
    answer_merges_with_the_proposal()
    out = []
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        app, window, counter = open_window(db, tmp, n_groups)
        try:
            units = window.session.dataset.units
            by_province: dict[str, int] = {}
            for g in window.session.scenario.groups:
                p = units[g.members[0]].province
                by_province[p] = by_province.get(p, 0) + 1
            busiest = max(by_province, key=by_province.get)
            for view in views:
                province = busiest if view == "province" else None
                zoom_to_province(window, province)
                flush(app, counter)
                rounds = plan(window.session, province, runs + 1)
                label = f"province view ({province})" if province else "country view"
                times = run_gestures(app, window, counter, rounds)
                for name in GESTURES:
                    FIRST[(label, name)] = times[name][0]          # the first round fills caches
                    out.append((label, name, times[name][1:]))
        finally:
            window.session.undo_stack.setClean()
            window.close()
    return out


def undo_memory_mb(db: Path, steps: int = 200, n_groups: int = 2000) -> tuple[float, int]:
    """MB the undo history holds after ``steps`` gestures (traced Python allocations, history
    kept minus history cleared), and how many steps it holds."""
    import gc
    import tracemalloc
    answer_merges_with_the_proposal()
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        app, window, _ = open_window(db, tmp, n_groups)
        s, a = window.session, window.actions_
        try:
            rounds = plan(s, None, steps)
            tracemalloc.start()
            done = 0
            for gid, add, _pair in rounds:
                if done >= steps:
                    break
                group = s.scenario.group_by_id(gid)
                s.set_selection([group.members[0], add])
                a.add_to_group.trigger()
                done += 1
                if done < steps:
                    s.set_selection([add])
                    a.remove_from_group.trigger()
                    done += 1
            app.processEvents()
            gc.collect()
            held = tracemalloc.get_traced_memory()[0]
            depth = s.undo_stack.count()
            if hasattr(s, "clear_history"):      # the Qt stack and core's history
                s.clear_history()
            else:                                # before issue 9: the Qt stack alone
                s.undo_stack.clear()
            gc.collect()
            cleared = tracemalloc.get_traced_memory()[0]
            tracemalloc.stop()
        finally:
            s.undo_stack.setClean()
            window.close()
    return (held - cleared) / 2**20, depth


def summary(seconds: list[float]) -> tuple[float, float]:
    return statistics.median(seconds), max(seconds)
