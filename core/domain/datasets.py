"""Read an embedded dataset (``data/<name>/``): units, adjacency and metadata."""
from __future__ import annotations

import csv
import json
from pathlib import Path

from core.common.messages import Message, known, pick, say
from core.common.paths import DEFAULT_DATASET
from core.common.text import nfc, normalise_code
from core.domain.classification import parse_value, province_type_of
from core.domain.model import CLASSIFICATION_DEFAULTS, CLASSIFICATIONS, DataError, Dataset, Figure, Unit, check_figure

# What a dataset's source is about ("what" in dataset.json) → the catalogue's words for it.
SOURCE_KINDS = {"unit list and GSO codes": "units", "population": "population",
                "natural area (official)": "area_official", "natural area (approximate)": "area_approximate",
                "adjacency": "adjacency", "2019 plan": "plan_2019", "classification": "classification"}


def source_what(source: dict, lang: str | None = None) -> str:
    """What one of a dataset's sources gives ('Quy mô dân số'), in ``lang``."""
    code = f"source.{SOURCE_KINDS.get(source.get('what', ''), '')}"
    if known(code):
        return say(code, lang)
    what = source.get("what", "")
    return pick({"vi": source.get("what_vi") or what, "en": what}, lang)


def source_text(source: dict, lang: str | None = None) -> str:
    """Where the figures come from, in ``lang`` (``source_vi`` beside ``source`` in dataset.json)."""
    return pick({"vi": source.get("source_vi") or source.get("source", ""), "en": source.get("source", "")}, lang)


def _float_or_none(text: str) -> float | None:
    text = (text or "").strip()
    return float(text) if text else None


def unit_from_row(row: dict, where: Message) -> Unit:
    """Build a Unit from a row of ``units.csv`` (or the same columns from the database)."""
    try:
        code = normalise_code(row["code"])
    except (KeyError, ValueError):
        raise DataError("data.bad_code", value=str(row.get("code", ""))[:40], where=where) from None
    here = Message("where.row_unit", row=where, code=code)
    for key in ("name", "kind", "population", "area_km2"):
        if row.get(key) in (None, ""):
            raise DataError("data.missing_field", field=key, where=here)
    pop = check_figure(row["population"], "population", here)
    area = check_figure(row["area_km2"], "area_km2", here)
    province = nfc(row.get("province") or "")
    return Unit(
        code=code, name=nfc(row["name"]), kind=row["kind"].strip(),
        population=Figure(pop, row.get("population_source", ""), row.get("population_date", ""), "census"),
        area=Figure(area, row.get("area_source", ""), row.get("area_date", ""), row.get("area_basis", "")),
        parent=(row.get("parent") or "").strip(),
        province=province, district=nfc(row.get("district") or ""),
        label_lat=_float_or_none(str(row.get("label_lat") or "")),
        label_lon=_float_or_none(str(row.get("label_lon") or "")),
        **_classification(row, province, here),
    )


def _classification(row: dict, province: str, where: Message) -> dict:
    """The classification fields of a row: the database's ``classification`` column (JSON, with
    what was defaulted and the planner's sources), else one column per field (``units.csv``, or a
    database written before schema 3): a missing or empty cell is the default, named defaulted."""
    blob = row.get("classification")
    if blob:
        try:
            data = json.loads(blob)
        except ValueError:
            raise DataError("data.bad_classification", where=where) from None
        out = {name: data.get(name, CLASSIFICATION_DEFAULTS[name]) for name in CLASSIFICATIONS}
        out["terrain"] = (row.get("terrain") or "lowland").strip()
        out["urban_class"] = (row.get("urban_class") or "").strip()
        out["border"] = str(row.get("border", "0")).strip() in ("1", "true", "True")
        out["bai_ngang"], out["red_river_delta"], out["island_district"] = (
            bool(out["bai_ngang"]), bool(out["red_river_delta"]), bool(out["island_district"]))
        out["defaulted"] = frozenset(n for n in data.get("defaulted", []) if n in CLASSIFICATION_DEFAULTS)
        out["sources"] = tuple(sorted((str(k), str(v)) for k, v in (data.get("sources") or {}).items()))
        out["arranged_in"] = str(data.get("arranged_in") or "")
        return out
    out, defaulted = {}, set()
    for name in CLASSIFICATIONS:
        raw = row.get(name)
        if raw is None or (isinstance(raw, str) and not raw.strip() and name != "urban_class"):
            out[name] = CLASSIFICATION_DEFAULTS[name]
            defaulted.add(name)
        else:
            out[name] = parse_value(name, raw.strip() if isinstance(raw, str) else raw, where)
    if "province_type" in defaulted and province_type_of(province) is not None:
        out["province_type"] = province_type_of(province)      # the province's title says it
        defaulted.discard("province_type")
    if str(row.get("classification_defaulted") or "0").strip() in ("1", "True", "true"):
        defaulted |= set(CLASSIFICATIONS) - {"province_type"}      # a table without classifications
    out["defaulted"] = frozenset(defaulted)
    return out


def unit_to_row(u: Unit) -> dict:
    """A unit as a row of the project's ``units`` table (the inverse of ``unit_from_row``)."""
    classification = {name: getattr(u, name) for name in
                      ("ethnic_minority_pct", "bai_ngang", "red_river_delta", "island_district", "province_type")}
    classification.update(defaulted=sorted(u.defaulted), sources=dict(u.sources), arranged_in=u.arranged_in)
    return {"code": u.code, "name": u.name, "kind": u.kind, "terrain": u.terrain,
            "urban_class": u.urban_class, "parent": u.parent, "border": int(u.border),
            "province": u.province, "district": u.district,
            "population": u.population.value, "population_source": u.population.source,
            "population_date": u.population.date, "area_km2": u.area.value,
            "area_basis": u.area.basis, "area_source": u.area.source, "area_date": u.area.date,
            "label_lat": u.label_lat, "label_lon": u.label_lon,
            "classification_defaulted": int(u.classification_defaulted),
            "classification": json.dumps(classification, ensure_ascii=False)}


def load_dataset(directory: Path = DEFAULT_DATASET) -> Dataset:
    meta = json.loads((directory / "dataset.json").read_text(encoding="utf-8"))
    units: dict[str, Unit] = {}
    with open(directory / meta["units_file"], encoding="utf-8", newline="") as fh:
        for i, row in enumerate(csv.DictReader(fh), start=2):
            row.setdefault("province", meta.get("province", ""))
            row.setdefault("district", meta.get("district", ""))
            if not row.get("province"):
                row["province"] = meta.get("province", "")
            if not row.get("district"):
                row["district"] = meta.get("district", "")
            where = Message("where.file_line", file=meta["units_file"], line=i)
            unit = unit_from_row(row, where)
            if unit.code in units:
                raise DataError("data.duplicate_code", code=unit.code, where=where)
            units[unit.code] = unit
    pairs = set()
    with open(directory / meta["adjacency_file"], encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            pairs.add((normalise_code(row["code_a"]), normalise_code(row["code_b"])))
    return Dataset(name=meta["name"], units=units, adjacency=pairs, meta=meta)


def seed_scenario_files(directory: Path = DEFAULT_DATASET) -> list[Path]:
    meta = json.loads((directory / "dataset.json").read_text(encoding="utf-8"))
    return [directory / name for name in meta.get("seed_scenarios", [])]
