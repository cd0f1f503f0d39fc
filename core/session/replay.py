"""Gestures written down, replayed through the session: the command line's ``replay``.

A gestures file (``sapxep-gestures/1``) lists what a planner would do in the window, in order::

    {"format": "sapxep-gestures/1", "gestures": [
      {"do": "merge", "units": ["28813", "28816"], "name": "Giao Long"},
      {"do": "add", "group": "Giao Long", "units": ["28840"]},
      {"do": "remove", "units": ["28840"]},
      {"do": "rename", "group": "Giao Long", "name": "Giao Long Mới"},
      {"do": "kind", "group": "Giao Long Mới", "kind": "xa"},
      {"do": "seat", "group": "Giao Long Mới", "unit": "28816"},
      {"do": "exception", "group": "Giao Long Mới", "ground": "special-factors", "reason": "Cù lao biệt lập"},
      {"do": "dissolve", "group": "Giao Long Mới"},
      {"do": "exemption", "unit": "28849", "reason": "Có vị trí biệt lập"},
      {"do": "override", "unit": "28816", "population": 3093, "source": "Tờ trình 12/09/2019"},
      {"do": "rules", "rules": "nq35-2023"},
      {"do": "classify", "units": ["28816"], "terrain": "mountainous", "source": "Quyết định …"},
      {"do": "undo"}, {"do": "redo"}]}

A group is named by its name or its id, as it is when the gesture comes (a merger made two
gestures earlier is found by the name it was given). Each gesture goes through the session
exactly as the window's would; if one is refused, those done before it are undone, so the
scenario is as it was, and the refusal says which gesture.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from core.common.errors import CoreError
from core.common.messages import Message
from core.common.text import nfc, normalise_code
from core.domain import commands as c
from core.domain.classify import SetClassification
from core.domain.model import CLASSIFICATIONS
from core.domain.scenario import Group, Scenario, ScenarioError
from core.session.session import Session

FORMAT = "sapxep-gestures/1"
MAX_FILE_BYTES = 5 * 1024 * 1024


class GestureError(ScenarioError):
    """A gesture of a file cannot be read or done; the message names the gesture."""


def read_gestures_file(path: str | Path) -> list[dict]:
    from core.common.files import read_at_most
    path = Path(path)
    raw = read_at_most(path, MAX_FILE_BYTES, GestureError)      # a device or a pipe: refused in words
    if len(raw) > MAX_FILE_BYTES:
        raise GestureError("gestures.too_big", file=path.name, max_mb=MAX_FILE_BYTES // (1024 * 1024))
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise GestureError("scenario_file.not_utf8", file=path.name, byte=exc.start) from None
    except json.JSONDecodeError as exc:
        raise GestureError("scenario_file.malformed_json", file=path.name, line=exc.lineno,
                           column=exc.colno) from None
    except RecursionError:
        raise GestureError("scenario_file.too_deep", file=path.name) from None
    if isinstance(data, dict):
        if data.get("format", FORMAT) != FORMAT:
            raise GestureError("scenario_file.unsupported_format", format=str(data.get("format")),
                               expected=FORMAT)
        data = data.get("gestures")
    if not isinstance(data, list) or not all(isinstance(g, dict) for g in data):
        raise GestureError("gestures.not_a_list")
    return data


def _group(scenario: Scenario, ref: object, where: Message) -> Group:
    if not isinstance(ref, str) or not ref.strip():
        raise GestureError("gestures.missing", field="group", where=where)
    for g in scenario.groups:
        if g.id == ref:
            return g
    named = [g for g in scenario.groups if g.name == nfc(ref.strip())]
    if len(named) == 1:
        return named[0]
    if named:
        raise GestureError("gestures.group_ambiguous", group=ref, count=len(named), where=where)
    raise GestureError("gestures.no_such_group", group=ref, where=where)


def _codes(spec: dict, where: Message, key: str = "units") -> list[str]:
    value = spec.get(key)
    if isinstance(value, (str, int)):
        value = [value]
    if not isinstance(value, list) or not value:
        raise GestureError("gestures.missing", field=key, where=where)
    out = []
    for item in value:
        code = normalise_code(item) if isinstance(item, (str, int, float)) else None
        if not code:
            raise GestureError("scenario_file.not_a_code", value=repr(item)[:40], where=where)
        out.append(code)
    return out


def _text(spec: dict, key: str, where: Message, required: bool = True) -> str | None:
    value = spec.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str):
        raise GestureError("gestures.missing", field=key, where=where)
    return value


Builder = Callable[[Scenario, dict, Message], c.Command]
BUILDERS: dict[str, Builder] = {
    "merge": lambda s, g, w: c.Merge(_codes(g, w), g.get("name"), g.get("seat"), g.get("kind")),
    "add": lambda s, g, w: c.AddToGroup(_group(s, g.get("group"), w).id, _codes(g, w)),
    "remove": lambda s, g, w: c.RemoveFromGroup(_codes(g, w)),
    "dissolve": lambda s, g, w: c.Dissolve([_group(s, g.get("group"), w).id]),
    "rename": lambda s, g, w: c.RenameGroup(_group(s, g.get("group"), w).id, _text(g, "name", w)),
    "kind": lambda s, g, w: c.SetGroupKind(_group(s, g.get("group"), w).id, g.get("kind")),
    "seat": lambda s, g, w: c.SetSeat(_group(s, g.get("group"), w).id, _codes(g, w, "unit")[0]),
    "exception": lambda s, g, w: c.SetGroupException(_group(s, g.get("group"), w).id,
                                                     _text(g, "reason", w, required=False) or "",
                                                     _text(g, "ground", w, required=False) or ""),
    # A unit's classification (project-level): the fields given, with their source.
    "classify": lambda s, g, w: SetClassification(_codes(g, w), {k: v for k, v in g.items() if k in CLASSIFICATIONS},
                                                  str(g.get("source") or "")),
    "exemption": lambda s, g, w: c.SetExemption(_codes(g, w, "unit")[0], _text(g, "reason", w, required=False)),
    # The figures are checked by the command itself (a number, not negative, with a source).
    "override": lambda s, g, w: c.SetOverride(_codes(g, w, "unit")[0], g.get("population"), g.get("area_km2"),
                                              str(g.get("source") or "")),
    "rules": lambda s, g, w: c.SetRules(_text(g, "rules", w) or ""),
}


def replay(session: Session, gestures: list[dict]) -> list[Message]:
    """Do ``gestures`` on the session's scenario, in order; what each did, in words.

    All or nothing: when a gesture is refused, the ones done are undone and the refusal,
    naming the gesture, is raised.
    """
    said: list[Message] = []
    steps = 0                  # steps this replay made, net of its undos
    undone = 0                 # of those, undone and not yet redone (what "redo" may bring back)
    try:
        for i, spec in enumerate(gestures, start=1):
            where = Message("where.gesture", index=i)
            what = spec.get("do")
            if what == "undo":
                if not session.can_undo or steps == 0:
                    raise GestureError("gestures.nothing_to_undo", where=where)
                said.append(Message("change.undone", change=session.history.undo_command.describe(session.dataset)))
                session.undo()
                steps, undone = steps - 1, undone + 1
                continue
            if what == "redo":
                if not session.can_redo or undone == 0:
                    raise GestureError("gestures.nothing_to_redo", where=where)
                session.redo()
                said.append(Message("change.redone", change=session.history.undo_command.describe(session.dataset)))
                steps, undone = steps + 1, undone - 1
                continue
            build = BUILDERS.get(what) if isinstance(what, str) else None
            if build is None:
                raise GestureError("gestures.unknown", gesture=str(what), where=where)
            assert session.scenario is not None
            command = build(session.scenario, spec, where)
            try:
                session.do(command)
            except CoreError as exc:
                raise GestureError([Message("where.gesture_refused", index=i), *exc.messages]) from None
            steps, undone = steps + 1, 0
            said.append(command.describe(session.dataset))
    except Exception:
        while steps > 0:
            session.undo()
            steps -= 1
        raise
    return said
