"""Where the project's embedded data lives and where a planner's database goes."""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = ROOT / "data"
DEFAULT_DATASET = DATA_DIR / "chau_thanh_2019"
APP_NAME = "SapXepDVHC"
APP_AUTHOR = "SapXepDVHC"


def default_db_path() -> Path:
    """The project database in the user's data folder (``SAPXEP_DB`` overrides it)."""
    env = os.environ.get("SAPXEP_DB")
    if env:
        return Path(env)
    from platformdirs import user_data_dir
    return Path(user_data_dir(APP_NAME, APP_AUTHOR)) / "du-an.sqlite"
