"""Roles on the shared store: a viewer reads, a planner edits, a lead submits a scenario, which is
then read-only for everyone but the leads, until a lead opens it again."""
from __future__ import annotations

import itertools

import psycopg
import pytest

from core.storage.pg.project import PgProject
from core.storage.store import ProjectError

SEED = "Phương án 2019"
_n = itertools.count(1)


def login(pg_url: str, role: str) -> str:
    name = f"{role}_{next(_n)}"
    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute(f"create role {name} login")
    return name


def as_user(pg_url: str, name: str) -> PgProject:
    p = PgProject(pg_url.replace("sapxep@", f"{name}@", 1))
    p.author = name
    return p


@pytest.fixture
def team(pg_url):
    admin = PgProject(pg_url)
    people = {role: login(pg_url, role) for role in ("lead", "planner", "viewer")}
    for role, name in people.items():
        admin.grant_role(name, role)
    assert sorted(admin.team()) == sorted((name, role) for role, name in people.items())
    opened = {role: as_user(pg_url, name) for role, name in people.items()}
    yield opened
    for p in [admin, *opened.values()]:
        p.close()


def test_a_viewer_reads_but_cannot_save(team):
    viewer = team["viewer"]
    s = viewer.get_scenario(SEED)
    assert len(viewer.dataset.units) == 22
    with pytest.raises(ProjectError) as refused:
        viewer.save_scenario(s)
    assert refused.value.code == "project.pg_no_permission"
    assert team["planner"].get_scenario(SEED).version == s.version


def test_a_submitted_scenario_is_read_only_for_planners_until_a_lead_reopens_it(team):
    lead, planner = team["lead"], team["planner"]
    mine = planner.get_scenario(SEED)
    planner.save_scenario(mine)
    with pytest.raises(ProjectError) as not_lead:
        planner.submit(mine.id)
    assert not_lead.value.code == "project.not_lead"
    lead.submit(mine.id)
    assert lead.status(mine.id)[:2] == ("submitted", lead.author)
    mine.description = "sửa sau khi trình"
    with pytest.raises(ProjectError) as refused:
        planner.save_scenario(mine)
    assert refused.value.code == "project.submitted" and lead.author in refused.value.text("en")
    with pytest.raises(ProjectError):
        planner.delete_scenario(mine.id)
    theirs = lead.get_scenario(SEED)
    theirs.description = "trưởng nhóm chỉnh"
    lead.save_scenario(theirs)                                  # a lead still can
    lead.submit(mine.id, submitted=False)
    again = planner.get_scenario(SEED)
    again.description = "sửa sau khi mở lại"
    planner.save_scenario(again)
    assert [c.action for c in lead.history(mine.id)][-4:] == ["submit", "save", "reopen", "save"]
