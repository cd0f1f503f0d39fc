"""Scenario files: the JSON format planners pass to each other.

A group's ``exception`` is the exception the planner recorded: a ground of the rule set and its
text; the older plain-text form (a reason alone) is still read.

Format (``sapxep-scenario/1``)::

    {"format": "sapxep-scenario/1", "name": "...", "description": "...",
     "rules": "nq653-2019",
     "groups": [{"name": "Giao Long", "members": ["28813", "28816"],
                 "seat": "28813", "kind": "xa",
                 "exception": {"ground": "special-factors", "text": "..."}}],
     "exemptions": [{"unit": "28849", "reason": "..."}],
     "overrides": [{"unit": "28816", "population": 3093, "source": "..."}],
     "splits": [{"unit": "28816", "parts": [{"id": "28816-1", "area_km2": 2.0,
                 "population": 1500, "source": "..."}, {"id": "28816-2", "rest": true}]}],
     "transfers": [{"unit": "28858", "to": "thành phố Bến Tre", "reason": "..."}],
     "state": "2020"}

A group may give the new unit's ``code``; ``members`` may name part ids; ``state`` is the
project state the scenario is drafted on (absent: the project's first).
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from core.common.messages import Message
from core.common.text import nfc, normalise_code
from core.domain.model import Dataset
from core.domain.scenario import FORMAT, Group, Override, Scenario, ScenarioError, clean_name
from core.domain.splits_io import split_from_data, split_to_data, transfer_from_data, transfer_to_data

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
        if g.exception_reason or g.exception_ground:
            item["exception"] = {"ground": g.exception_ground, "text": g.exception_reason}
        if g.code:
            item["code"] = g.code
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
    if scenario.splits:
        data["splits"] = [split_to_data(s) for s in scenario.splits]
    if scenario.transfers:
        data["transfers"] = [transfer_to_data(t) for t in scenario.transfers]
    if scenario.state:
        data["state"] = scenario.state
    if with_ids:
        data.update(id=scenario.id, created=scenario.created, modified=scenario.modified,
                    version=scenario.version)
    return data


def _field(name: str) -> Message:
    return Message("where.file_field", field=name)


def _item(key: str, index: int, name: str | None = None) -> Message:
    if name is None:
        return Message("where.file_item", list=key, index=index + 1)
    return Message("where.file_item_field", list=key, index=index + 1, field=name)


def _code(value: object, where: Message) -> str:
    try:
        return normalise_code(value)
    except ValueError:
        raise ScenarioError("scenario_file.not_a_code", value=repr(value)[:40], where=where) from None


def _member(value: object, where: Message) -> str:
    """A group member: a GSO code, or the id of a part of a split unit ("28816-1")."""
    if isinstance(value, str) and value.strip() and not value.strip().isdigit():
        text = nfc(value.strip())
        if not text.replace(".", "", 1).isdigit():
            return text[:40]
    return _code(value, where)


def _list(data: dict, key: str) -> list:
    value = data.get(key, [])
    if value is None:
        return []
    if not isinstance(value, list):
        raise ScenarioError("scenario_file.expected_list", where=_field(key))
    return value


def _exception(value: object, index: int) -> tuple[str, str]:
    """(ground, text) of a group's ``exception``: {"ground", "text"}, or the older plain text."""
    where = _item("groups", index, "exception")
    if value is None or value == "":
        return "", ""
    if isinstance(value, str):
        return "", nfc(value)
    if not isinstance(value, dict):
        raise ScenarioError("scenario_file.exception_form", where=where)
    ground, text = value.get("ground") or "", value.get("text") or ""
    if not isinstance(ground, str) or not isinstance(text, str):
        raise ScenarioError("scenario_file.not_text", where=where)
    return nfc(ground)[:80], nfc(text)


def from_dict(data: object, dataset: Dataset | None = None) -> Scenario:
    """Build a scenario from parsed JSON; with ``dataset``, also check codes and figures."""
    if not isinstance(data, dict):
        raise ScenarioError("scenario_file.not_an_object")
    fmt = data.get("format", FORMAT)
    if fmt != FORMAT:
        raise ScenarioError("scenario_file.unsupported_format", format=str(fmt)[:60], expected=FORMAT)
    name = clean_name(data.get("name", ""), _field("name"))
    rules = data.get("rules")
    if not isinstance(rules, str) or not rules:
        raise ScenarioError("scenario_file.missing_rules")
    description = data.get("description") or ""
    if not isinstance(description, str):
        raise ScenarioError("scenario_file.not_text", where=_field("description"))
    scenario = Scenario(name=name, rules=rules, description=nfc(description))
    for i, item in enumerate(_list(data, "groups")):
        if not isinstance(item, dict):
            raise ScenarioError("scenario_file.expected_object", where=_item("groups", i))
        members = item.get("members")
        if not isinstance(members, list):
            raise ScenarioError("scenario_file.expected_code_list", where=_item("groups", i, "members"))
        codes = [_member(m, _item("groups", i, "members")) for m in members]
        seat = item.get("seat") or ""
        kind = item.get("kind")
        ground, exception = _exception(item.get("exception"), i)
        group = Group(name=clean_name(item.get("name", ""), _item("groups", i, "name")), members=codes,
                      seat=_member(seat, _item("groups", i, "seat")) if seat else (codes[0] if codes else ""),
                      kind=kind, exception_reason=exception, exception_ground=ground)
        if item.get("code") not in (None, ""):
            group.code = _code(item["code"], _item("groups", i, "code"))
        if isinstance(item.get("id"), str) and item["id"]:
            group.id = item["id"][:40]
        scenario.groups.append(group)
    for i, item in enumerate(_list(data, "exemptions")):
        if not isinstance(item, dict) or not isinstance(item.get("reason"), str) or not item["reason"].strip():
            raise ScenarioError("scenario_file.exemption_incomplete", where=_item("exemptions", i))
        scenario.exemptions[_code(item.get("unit"), _item("exemptions", i, "unit"))] = nfc(item["reason"])
    for i, item in enumerate(_list(data, "overrides")):
        if not isinstance(item, dict):
            raise ScenarioError("scenario_file.expected_object", where=_item("overrides", i))
        code = _code(item.get("unit"), _item("overrides", i, "unit"))
        ov = Override(source=nfc(str(item.get("source") or "")))
        for key in ("population", "area_km2"):
            value = item.get(key)
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ScenarioError("scenario_file.not_a_number", value=repr(value)[:40],
                                    where=_item("overrides", i, key))
            if value != value or value < 0:
                raise ScenarioError("scenario_file.negative", value=repr(value)[:40],
                                    where=_item("overrides", i, key))
            if value > MAX_FIGURE:
                raise ScenarioError("scenario_file.too_large", value=repr(value)[:40], max=MAX_FIGURE,
                                    where=_item("overrides", i, key))
            setattr(ov, key, float(value))
        scenario.overrides[code] = ov
    scenario.splits = [split_from_data(item, _item("splits", i), _code) for i, item in enumerate(_list(data, "splits"))]
    scenario.transfers = [transfer_from_data(item, _item("transfers", i), _member)
                          for i, item in enumerate(_list(data, "transfers"))]
    state = data.get("state") or ""
    if not isinstance(state, str):
        raise ScenarioError("scenario_file.not_text", where=_field("state"))
    scenario.state = nfc(state)
    for key in ("id", "created", "modified"):
        if isinstance(data.get(key), str) and data[key]:
            setattr(scenario, key, data[key])
    if isinstance(data.get("version"), int):
        scenario.version = data["version"]
    if dataset is not None:
        scenario.validate(dataset)
    return scenario


def read_scenario_file(path: str | os.PathLike, dataset: Dataset | None = None, keep_id: bool = False) -> Scenario:
    """A scenario file as a new scenario of this project (a new id; the file's own id is not kept).

    Refused in words: a special file or a folder, a file past ``MAX_FILE_BYTES``, text that is
    not UTF-8 JSON, numbers too large to be figures, duplicate group ids, an override without
    its ``source``, and whatever ``from_dict`` and the dataset refuse."""
    from core.common.files import read_at_most
    from core.domain.scenario import new_id
    path = Path(path)
    raw = read_at_most(path, MAX_FILE_BYTES, ScenarioError)
    if len(raw) > MAX_FILE_BYTES:
        raise ScenarioError("scenario_file.too_big", file=path.name, size_mb=max(len(raw), path.stat().st_size)
                            // (1024 * 1024), max_mb=MAX_FILE_BYTES // (1024 * 1024))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ScenarioError("scenario_file.not_utf8", file=path.name, byte=exc.start) from None
    try:
        data = json.loads(text, parse_int=_parse_int)
    except json.JSONDecodeError as exc:
        raise ScenarioError("scenario_file.malformed_json", file=path.name, line=exc.lineno,
                            column=exc.colno) from None
    except RecursionError:
        raise ScenarioError("scenario_file.too_deep", file=path.name) from None
    _check_group_ids(data)
    scenario = from_dict(data, dataset)
    _check_sources(data)                    # after the figures themselves were found sound
    # A file from another office is a new scenario here, with its own id: it never takes
    # the place (or the name lookup) of a stored scenario.
    # ``keep_id``: a version-checked replace of the stored scenario (``import-scenario --replace``).
    if not keep_id:
        scenario.id, scenario.version = new_id(), 0
    return scenario


MAX_FIGURE = 1e12          # people or km²: far beyond any unit; a larger number is a mistake


def _parse_int(text: str) -> int | float:
    if len(text.lstrip("-")) > 15:
        return float("inf")                     # refused below as too large, without int()'s digit limit
    return int(text)


def _check_group_ids(data: object) -> None:
    """Group ids, when a file gives them, name one group each (a gesture on "group 2" must not
    reach group 1)."""
    if not isinstance(data, dict):
        return
    seen: dict[str, int] = {}
    groups = data.get("groups")
    for i, item in enumerate(groups if isinstance(groups, list) else []):
        gid = item.get("id") if isinstance(item, dict) else None
        if isinstance(gid, str) and gid:
            if gid in seen:
                raise ScenarioError("scenario_file.duplicate_group_id", id=gid[:40], first=seen[gid] + 1,
                                    where=_item("groups", i, "id"))
            seen[gid] = i


def _check_sources(data: dict) -> None:
    """Every override in a file names its source (README, "Scenario file format")."""
    overrides = data.get("overrides")
    for i, item in enumerate(overrides if isinstance(overrides, list) else []):
        if not isinstance(item, dict):
            continue
        source = item.get("source")
        if not isinstance(source, str) or not source.strip():
            raise ScenarioError("scenario_file.override_needs_source", where=_item("overrides", i, "source"))


def atomic_write_bytes(path: str | os.PathLike, payload: bytes) -> None:
    """Write ``payload`` to a temporary file beside ``path`` and move it into place."""
    import tempfile
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)            # the mode of any other file, not mkstemp's 0600
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
    # The id and version go with it, so that ``import-scenario --replace`` can tell whether the
    # stored scenario changed since this file was written.
    data = to_dict(scenario) | {"id": scenario.id, "version": scenario.version}
    payload = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    atomic_write_bytes(path, payload.encode("utf-8"))
