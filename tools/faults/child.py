"""Writes that have no CLI command, made through the core calls the GUI's session makes.

    python -m tools.faults.child save|delete|rename PROJECT.sqlite

Each prints one line on success and follows the CLI's convention otherwise: the reason
in words on stderr and exit code 2 for a refusal (``ProjectError``/``ScenarioError``);
anything else escapes as a traceback, which is what the harness is looking for.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SEED = "Phương án 2019"
SECOND = "Phương án B"
RENAMED = "Phương án 2019 (đã sửa tên)"


def edited_plan(project):
    """The 2019 plan after a planner's session: one more group, a figure override, a note."""
    s = project.get_scenario(SEED)
    d = project.dataset
    by_name = {u.name: c for c, u in d.units.items()}
    s.add_group(d, [by_name["Tân Phú"], by_name["Quới Thành"]], name="Tân Phú")
    s.set_override(d, by_name["Giao Hòa"], population=3093, source="Tờ trình HĐND huyện 12/09/2019")
    s.description = "Bản sửa sau khi lấy ý kiến cử tri. " * 40
    return s


def save(project) -> str:
    """Ctrl+S: ``Session.save`` → ``Project.save_scenario``, then the journal entry goes."""
    from core.storage.journal import Journal
    s = edited_plan(project)
    project.save_scenario(s)
    Journal(project.path).discard(s.id)
    return f"saved {s.name} v{s.version}"


def delete(project) -> str:
    """Phương án → Xóa…: ``Session.delete_scenario``."""
    from core.storage.journal import Journal
    s = project.get_scenario(SECOND)
    project.delete_scenario(s.id)
    Journal(project.path).discard(s.id)
    return f"deleted {s.name}"


def rename(project) -> str:
    """Phương án → Đổi tên…: ``Session.rename_scenario`` renames by saving the stored scenario."""
    from core.domain.scenario import ScenarioError, clean_name
    name = clean_name(RENAMED, "scenario name")
    if name in [s.name for s in project.scenarios() if s.name != SEED]:
        raise ScenarioError(f"a scenario named {name!r} already exists")
    stored = project.get_scenario(SEED)
    stored.name = name
    project.save_scenario(stored)
    return f"renamed to {name}"


CALLS = {"save": save, "delete": delete, "rename": rename}


def main(argv: list[str]) -> int:
    from core.domain.scenario import ScenarioError
    from core.storage.store import Project, ProjectError
    what, db = argv[0], Path(argv[1])
    try:
        project = Project(db)
        try:
            print(CALLS[what](project), flush=True)
        finally:
            project.close()
    except (ProjectError, ScenarioError) as exc:
        print(f"Lỗi / error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
