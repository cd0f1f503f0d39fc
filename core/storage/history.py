"""A project's states and figure sets: choosing one, reading it, adding the next.

Each function takes the open ``core.storage.store.Project``.

``Project.use_state`` / ``use_figures`` choose; ``Project.dataset`` then reads the chosen
state's units with the chosen figures (``selected_dataset``). ``add_state`` and
``add_figure_set`` write in one transaction each (``BEGIN IMMEDIATE``).
"""
from __future__ import annotations

from core.common.errors import CoreError
from core.common.messages import Message
from core.common.text import fold
from core.domain.datasets import unit_from_row, unit_to_row
from core.domain.figures import own_figures, with_figures
from core.domain.model import Dataset
from core.domain.scenario import Scenario, now_iso
from core.storage.states import (
    BASE,
    FigureSet,
    StateInfo,
    insert_figure_set,
    insert_state,
    list_figure_sets,
    list_states,
    load_figure_set,
    load_state,
)
from core.storage.transaction import immediate


class HistoryError(CoreError):
    """A state or figure set cannot be found or added; the message says why."""


def _file(project):
    """The SQLite connection of a project file; None for the shared store, which keeps only the
    first state and the units' own figures for now (``core.storage.pg``)."""
    db = getattr(project, "db", None)
    return db.conn if db is not None else None


def _writable(project):
    conn = _file(project)
    if conn is None:
        raise HistoryError("project.pg_no_states")
    return conn


def states(project) -> list[StateInfo]:
    """Every state, the first (the project's units as imported) at position 0."""
    first = StateInfo(0, BASE, units=len(project.base_dataset().units), created=project.meta("created"))
    conn = _file(project)
    return [first] + (list_states(conn) if conn is not None else [])


def latest_state(project) -> StateInfo:
    return states(project)[-1]


def resolve_state(project, ref: str | None) -> StateInfo:
    """A state by name (exact, then without case and tone marks), by position, or "base"."""
    known = states(project)
    if ref is None or ref == "" or ref == BASE:
        return known[0]
    match = [s for s in known if s.name == ref] or [s for s in known if fold(s.name) == fold(ref)] \
        or [s for s in known if ref.isdigit() and s.position == int(ref)]
    if len(match) != 1:
        raise HistoryError("state.unknown", ref=ref, known=[s.name for s in known])
    return match[0]


def figure_sets(project) -> list[FigureSet]:
    own = own_figures(project.base_dataset())
    conn = _file(project)
    return [FigureSet(BASE, own["source"], own["date"])] + (list_figure_sets(conn) if conn is not None else [])


def resolve_figures(project, name: str | None) -> FigureSet:
    if not name or name == BASE:
        return figure_sets(project)[0]
    conn = _file(project)
    found = load_figure_set(conn, name) if conn is not None else None
    if found is None and conn is not None:
        by_fold = [f for f in list_figure_sets(conn) if fold(f.name) == fold(name)]
        found = load_figure_set(conn, by_fold[0].name) if len(by_fold) == 1 else None
    if found is None:
        raise HistoryError("figures.unknown", ref=name, known=[f.name for f in figure_sets(project)])
    return found


def state_dataset(project, position: int) -> Dataset:
    """The units of the state at ``position`` (0: the first) with their own figures."""
    base = project.base_dataset()
    if not position:
        return base
    rows, pairs, history, _wkb = load_state(project.db.conn, position)
    units = {}
    for i, row in enumerate(rows):
        unit = unit_from_row(row, Message("where.state_row", state=position, row=i + 1))
        units[unit.code] = unit
    info = next(s for s in states(project) if s.position == position)
    meta = dict(base.meta)
    meta.update(state={"name": info.name, "position": position, "scenario": info.scenario, "rules": info.rules},
                history=history)
    return Dataset(base.name, units, pairs, meta)


def selected_dataset(project, position: int | None, figures: str | None) -> Dataset:
    dataset = state_dataset(project, position or 0)
    if not position:
        dataset.meta.setdefault("state", {"name": BASE, "position": 0, "scenario": "", "rules": ""})
    if figures:
        fs = resolve_figures(project, figures)
        return with_figures(dataset, fs.name, fs.source, fs.date, fs.values)
    dataset.meta["figures"] = own_figures(dataset) | {"name": BASE}
    return dataset


def dataset_for_scenario(project, scenario: Scenario) -> Dataset:
    """The units a scenario is drafted on: its state's (with the figures chosen)."""
    wanted = resolve_state(project, scenario.state or None).position
    if wanted == project.state_position:
        return project.dataset
    return selected_dataset(project, wanted, project.figures_name or None)


def state_geometries(project, position: int) -> dict:
    import shapely
    _rows, _pairs, _history, wkb = load_state(project.db.conn, position)
    if not wkb:
        return {}
    return dict(zip(wkb, shapely.from_wkb(list(wkb.values()))))


def check_new_state(project, name: str, scenario: Scenario) -> str:
    """``name`` (cleaned) when ``scenario`` can become the next state under it, else a refusal:
    the name is empty or taken, or the scenario is not drafted on the latest state."""
    from core.domain.scenario import clean_name
    name = clean_name(name, Message("where.state_name"))
    known = states(project)
    if any(fold(s.name) == fold(name) for s in known):
        raise HistoryError("state.name_taken", name=name)
    drafted_on = resolve_state(project, scenario.state or None)
    if drafted_on.position != known[-1].position:
        raise HistoryError("state.not_latest", scenario=scenario.name, state=drafted_on.name, latest=known[-1].name)
    return name


def add_state(project, name: str, scenario: Scenario, rules_id: str, nxt, figures: str = "") -> StateInfo:
    """Write ``nxt`` (``core.analysis.next_state.NextState``) as the state after the latest, in one
    transaction; refused when the name is taken or the scenario is not drafted on the latest state."""
    import shapely

    _writable(project)
    name = check_new_state(project, name, scenario)
    known = states(project)
    info = StateInfo(known[-1].position + 1, name, scenario.name, scenario.id, rules_id, figures, now_iso(),
                     len(nxt.dataset.units), {"transfers": nxt.transfers, "formed": nxt.formed})
    wkb = {code: shapely.to_wkb(geom) for code, geom in nxt.geometries.items()}
    with immediate(project.db.conn) as conn:       # a failure reaches the CLI as sqlite3.Error, worded there
        insert_state(conn, info, [unit_to_row(u) for u in nxt.dataset.units.values()], nxt.dataset.adjacency,
                     nxt.history, wkb)
    return info


def add_figure_set(project, figures: FigureSet) -> None:
    if figures.name == BASE or any(fold(f.name) == fold(figures.name) for f in figure_sets(project)):
        raise HistoryError("figures.name_taken", name=figures.name)
    figures.created = figures.created or now_iso()
    with immediate(_writable(project)) as conn:
        insert_figure_set(conn, figures)
