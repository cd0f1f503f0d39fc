"""Scenario files: the JSON format planners pass to each other.

Format (``sapxep-scenario/1``)::

    {"format": "sapxep-scenario/1", "name": "...", "description": "...",
     "rules": "nq653-2019",
     "groups": [{"name": "Giao Long", "members": ["28813", "28816"],
                 "seat": "28813", "kind": "xa", "exception": ""}],
     "exemptions": [{"unit": "28849", "reason": "..."}],
     "overrides": [{"unit": "28816", "population": 3093, "source": "..."}]}
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from core.common.text import nfc, normalise_code
from core.domain.model import Dataset
from core.domain.scenario import FORMAT, Group, Override, Scenario, ScenarioError, clean_name

MAX_FILE_BYTES = 20 * 1024 * 1024


def to_dict(scenario: Scenario, with_ids: bool = False) -> dict:
    data: dict = {
        "format": FORMAT,
        "name": scenario.name,
        "description": scenario.description,
        "rules": scenario.rules,
        "groups": [],
        "exemptions": [{"unit": c, "reason": r} for c, r in sorted(scenario.exemptions.items())],
        "overrides": [],
    }
    for g in scenario.groups:
        item = {"name": g.name, "members": list(g.members), "seat": g.seat, "kind": g.kind}
        if g.exception_reason:
            item["exception"] = g.exception_reason
        if with_ids:
            item["id"] = g.id
        data["groups"].append(item)
    for code, ov in sorted(scenario.overrides.items()):
        item = {"unit": code, "source": ov.source}
        if ov.population is not None:
            item["population"] = ov.population
        if ov.area_km2 is not None:
            item["area_km2"] = ov.area_km2
        data["overrides"].append(item)
    if with_ids:
        data.update(id=scenario.id, created=scenario.created, modified=scenario.modified,
                    version=scenario.version)
    return data


def _code(value: object, where: str) -> str:
    try:
        return normalise_code(value)
    except ValueError:
        raise ScenarioError(f"{where}: not a unit code: {value!r}") from None


def _list(data: dict, key: str) -> list:
    value = data.get(key, [])
    if value is None:
        return []
    if not isinstance(value, list):
        raise ScenarioError(f"{key}: expected a list")
    return value


def from_dict(data: object, dataset: Dataset | None = None) -> Scenario:
    """Build a scenario from parsed JSON; with ``dataset``, also check codes and figures."""
    if not isinstance(data, dict):
        raise ScenarioError("the file does not hold a scenario object")
    fmt = data.get("format", FORMAT)
    if fmt != FORMAT:
        raise ScenarioError(f"format: unsupported scenario format {fmt!r} (expected {FORMAT})")
    name = clean_name(data.get("name", ""), "name")
    rules = data.get("rules")
    if not isinstance(rules, str) or not rules:
        raise ScenarioError("rules: missing rule set id")
    description = data.get("description") or ""
    if not isinstance(description, str):
        raise ScenarioError("description: must be text")
    scenario = Scenario(name=name, rules=rules, description=nfc(description))
    for i, item in enumerate(_list(data, "groups")):
        where = f"groups[{i}]"
        if not isinstance(item, dict):
            raise ScenarioError(f"{where}: expected an object")
        members = item.get("members")
        if not isinstance(members, list):
            raise ScenarioError(f"{where}.members: expected a list of unit codes")
        codes = [_code(m, f"{where}.members[{j}]") for j, m in enumerate(members)]
        seat = item.get("seat") or ""
        kind = item.get("kind")
        exception = item.get("exception") or ""
        if not isinstance(exception, str):
            raise ScenarioError(f"{where}.exception: must be text")
        group = Group(name=clean_name(item.get("name", ""), f"{where}.name"), members=codes,
                      seat=_code(seat, f"{where}.seat") if seat else (codes[0] if codes else ""),
                      kind=kind, exception_reason=nfc(exception))
        if isinstance(item.get("id"), str) and item["id"]:
            group.id = item["id"][:40]
        scenario.groups.append(group)
    for i, item in enumerate(_list(data, "exemptions")):
        where = f"exemptions[{i}]"
        if not isinstance(item, dict) or not isinstance(item.get("reason"), str) or not item["reason"].strip():
            raise ScenarioError(f"{where}: needs a unit and a reason")
        scenario.exemptions[_code(item.get("unit"), f"{where}.unit")] = nfc(item["reason"])
    for i, item in enumerate(_list(data, "overrides")):
        where = f"overrides[{i}]"
        if not isinstance(item, dict):
            raise ScenarioError(f"{where}: expected an object")
        code = _code(item.get("unit"), f"{where}.unit")
        ov = Override(source=nfc(str(item.get("source") or "")))
        for key in ("population", "area_km2"):
            value = item.get(key)
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ScenarioError(f"{where}.{key}: not a number: {value!r}")
            if value != value or value < 0:
                raise ScenarioError(f"{where}.{key}: must be a non-negative number, got {value!r}")
            setattr(ov, key, float(value))
        scenario.overrides[code] = ov
    for key in ("id", "created", "modified"):
        if isinstance(data.get(key), str) and data[key]:
            setattr(scenario, key, data[key])
    if isinstance(data.get("version"), int):
        scenario.version = data["version"]
    if dataset is not None:
        scenario.validate(dataset)
    return scenario


def read_scenario_file(path: str | os.PathLike, dataset: Dataset | None = None) -> Scenario:
    path = Path(path)
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ScenarioError(f"{path.name}: file is {size // (1024 * 1024)} MB; a scenario file is at most "
                            f"{MAX_FILE_BYTES // (1024 * 1024)} MB")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ScenarioError(f"{path.name}: not UTF-8 text (byte {exc.start})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ScenarioError(f"{path.name}: malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    except RecursionError:
        raise ScenarioError(f"{path.name}: the JSON is nested too deeply to be a scenario") from None
    scenario = from_dict(data, dataset)
    # A file from another office is a new scenario here, with its own id.
    return scenario


def atomic_write_bytes(path: str | os.PathLike, payload: bytes) -> None:
    """Write ``payload`` to a temporary file beside ``path`` and move it into place."""
    import tempfile
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_scenario_file(scenario: Scenario, path: str | os.PathLike) -> None:
    payload = json.dumps(to_dict(scenario), ensure_ascii=False, indent=2) + "\n"
    atomic_write_bytes(path, payload.encode("utf-8"))
