"""Shared fixtures: a fresh project database per test, and the read-only shared data."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SHARED_DATA = ROOT.parent / "shared" / "data"
CHAU_THANH_GEOJSON = SHARED_DATA / "chau_thanh_communes_2019.geojson"


@pytest.fixture(autouse=True)
def vietnamese_by_default():
    """Every test starts, and leaves, with core wording in Vietnamese (the tool's default)."""
    from core.common.messages import set_language
    set_language("vi")
    yield
    set_language("vi")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "du-an.sqlite"


@pytest.fixture
def project(db_path: Path):
    from core.storage.store import Project
    p = Project(db_path)
    yield p
    p.close()


@pytest.fixture
def dataset(project):
    return project.dataset


@pytest.fixture
def chau_thanh_geojson() -> Path:
    if not CHAU_THANH_GEOJSON.exists():
        pytest.skip("../shared/data is not present")
    return CHAU_THANH_GEOJSON


def code_of(dataset, name: str) -> str:
    units = dataset.by_name(name)
    assert len(units) == 1, name
    return units[0].code
