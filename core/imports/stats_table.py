"""Read a statistics table (CSV) of commune-level units: names, kind, population, area,
and, when the table has them, classification columns and a unit code.

The table is checked as a whole before anything uses it: a missing column, a
negative, empty or non-numeric population, or a duplicate code raises
``StatsError`` naming the file, the line and the column, and nothing changes.

Columns are found by name (case-insensitive), so both the 2019 census export
(``city``/``district``/``ward``/``ward_title``/``total``/``area_sqm``) and a
planner's own sheet (``province``/``district``/``name``/``kind``/``population``/
``area_km2``/``terrain``/``urban_class``/``border``/``code``) are read.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from core.common.errors import LegacyWhere
from core.common.text import fold, nfc
from core.domain.model import TERRAINS, DataError, check_figure

MAX_TABLE_BYTES = 64 * 1024 * 1024

ALIASES = {
    "province": ("province", "city", "tinh", "province_vn", "tinh_thanh"),
    "district": ("district", "huyen", "district_vn", "quan_huyen"),
    "name": ("ward", "name", "commune", "ten", "ten_xa", "commune_vn", "xa"),
    "kind": ("ward_title", "kind", "type", "loai", "cap"),
    "province_title": ("city_title", "province_title", "province_type"),
    "district_title": ("dist_title", "district_title", "district_type"),
    "population": ("total", "population", "dan_so", "danso", "population_2019"),
    "area_km2": ("area_km2", "dien_tich", "dien_tich_km2"),
    "area_sqm": ("area_sqm", "area_m2"),
    "code": ("code", "gso_code", "ma_xa", "ma_dvhc", "commune_id"),
    "row_id": ("ward_id", "row_id", "id"),
    "terrain": ("terrain", "dia_hinh", "classification"),
    "urban_class": ("urban_class", "loai_do_thi"),
    "border": ("border", "bien_gioi"),
}
REQUIRED = ("province", "district", "name", "population")
CLASSIFICATION = ("terrain", "urban_class", "border")

# Unit kind from the type word of the table (any spelling, with or without spaces).
KIND_WORDS = {"xa": "xa", "phuong": "phuong", "thitran": "thi_tran", "thi_tran": "thi_tran"}
# The parent of a phường, from the district's type word.
PARENT_WORDS = {"quan": "quan", "thanhpho": "thanh_pho", "thixa": "thi_xa"}
TERRAIN_WORDS = {"lowland": "lowland", "dongbang": "lowland", "mountainous": "mountainous",
                 "miennui": "mountainous", "vungcao": "mountainous", "highland": "mountainous",
                 "island": "island", "haidao": "island"}


class StatsError(LegacyWhere, DataError):
    """The statistics table cannot be used; ``where`` names the file, line and column."""


@dataclass(frozen=True)
class StatsRow:
    line: int                       # line number in the file (header is line 1)
    row_id: str                     # the table's own id when it has one, else "line N"
    province: str
    district: str
    name: str
    kind: str | None                # xa / thi_tran / phuong, None when the table does not say
    kind_word: str                  # the type word as written ("ThịTrấn", "Huyện", ...)
    province_title: str
    district_title: str
    parent: str                     # phường: quan / thanh_pho / thi_xa ("" when unknown)
    population: float
    area_km2: float | None          # official/recorded area when the table has it
    area_sqm: float | None          # an approximate area in m² when the table has it
    code: str | None
    terrain: str | None
    urban_class: str | None
    border: bool | None

    @property
    def label(self) -> str:
        return f"{self.name}, {self.district}, {self.province}"


@dataclass
class StatsTable:
    path: str
    rows: list[StatsRow]
    columns: dict[str, str]         # role → column name in the file
    has_classification: bool

    def by_id(self, ref: str) -> StatsRow:
        """A row by the table's id or by ``line N`` / ``N`` (the line number)."""
        for row in self.rows:
            if row.row_id == ref:
                return row
        text = ref.lower().removeprefix("line").strip()
        if text.isdigit():
            for row in self.rows:
                if row.line == int(text):
                    return row
        raise StatsError(f"no row {ref!r} in the statistics table", self.path)


def _word(text: str) -> str:
    return fold(text).replace(" ", "").replace("_", "")


def _optional_float(raw: str, column: str, where: str) -> float | None:
    raw = (raw or "").strip()
    if not raw:
        return None
    return check_figure(raw.replace(",", ""), column, where)


def read_stats_table(path: str | Path) -> StatsTable:
    """Read and check the whole table; raise ``StatsError`` at the first bad row."""
    path = Path(path)
    if not path.is_file():
        raise StatsError("no such file", str(path))
    if path.stat().st_size == 0:
        raise StatsError("the file is empty (0 bytes)", path.name)
    if path.stat().st_size > MAX_TABLE_BYTES:
        raise StatsError("far larger than a table of communes; was it picked by mistake?", path.name)
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            header = [h.strip() for h in (reader.fieldnames or [])]
            raw_rows = list(reader)
    except UnicodeDecodeError:
        raise StatsError("not UTF-8 text; save the table as CSV UTF-8", path.name) from None
    except csv.Error as exc:
        raise StatsError(f"not a readable CSV file ({exc})", path.name) from None
    lower = {h.lower(): h for h in header}
    columns = {}
    for role, names in ALIASES.items():
        for name in names:
            if name in lower:
                columns[role] = lower[name]
                break
    missing = [role for role in REQUIRED if role not in columns]
    if missing:
        raise StatsError(f"missing column(s) {', '.join(missing)} (accepted names: "
                         + "; ".join(f"{r}: {'/'.join(ALIASES[r])}" for r in missing)
                         + f"); the file has: {', '.join(header)}", path.name)
    if not raw_rows:
        raise StatsError("the table has no rows", path.name)
    rows: list[StatsRow] = []
    seen_codes: dict[str, int] = {}
    seen_ids: dict[str, int] = {}
    for line, raw in enumerate(raw_rows, start=2):
        try:
            rows.append(_row(raw, line, columns, path.name, seen_codes, seen_ids))
        except StatsError:
            raise
        except DataError as exc:             # a figure refused by check_figure
            raise StatsError(exc.messages) from None
    has_class = any(role in columns for role in CLASSIFICATION)
    return StatsTable(str(path), rows, columns, has_class)


def _row(raw: dict, line: int, columns: dict[str, str], fname: str,
         seen_codes: dict[str, int], seen_ids: dict[str, int]) -> StatsRow:
    def get(role: str) -> str:
        col = columns.get(role)
        return nfc(raw.get(col) or "") if col else ""

    where = f"{fname} line {line}"
    for role in ("province", "district", "name"):
        if not get(role):
            raise StatsError(f"empty {columns[role]!r}", where)
    pop_raw = get("population")
    if not pop_raw:
        raise StatsError(f"empty population ({columns['population']!r})", where)
    population = check_figure(pop_raw.replace(",", ""), columns["population"], where)
    area_km2 = _optional_float(get("area_km2"), columns.get("area_km2", ""), where)
    area_sqm = _optional_float(get("area_sqm"), columns.get("area_sqm", ""), where)
    kind_word = get("kind")
    kind = KIND_WORDS.get(_word(kind_word)) if kind_word else None
    parent = PARENT_WORDS.get(_word(get("district_title")), "")
    code = get("code") or None
    if code is not None:
        if code.endswith(".0") and code[:-2].isdigit():
            code = code[:-2]
        if code in seen_codes:
            raise StatsError(f"duplicate code {code} (also on line {seen_codes[code]})", where)
        seen_codes[code] = line
    row_id = get("row_id") or f"line {line}"
    if row_id in seen_ids:
        raise StatsError(f"duplicate id {row_id} (also on line {seen_ids[row_id]})", where)
    seen_ids[row_id] = line
    terrain = None
    if get("terrain"):
        terrain = TERRAIN_WORDS.get(_word(get("terrain")))
        if terrain is None:
            raise StatsError(f"unknown terrain {get('terrain')!r} (one of {', '.join(TERRAINS)})", where)
    border = None
    if get("border"):
        text = _word(get("border"))
        if text not in ("0", "1", "true", "false", "co", "khong", "yes", "no"):
            raise StatsError(f"border must be 1/0 (or có/không), not {get('border')!r}", where)
        border = text in ("1", "true", "co", "yes")
    return StatsRow(line, row_id, get("province"), get("district"), get("name"), kind, kind_word,
                    get("province_title"), get("district_title"), parent, population, area_km2,
                    area_sqm, code, terrain, get("urban_class") or None, border)
