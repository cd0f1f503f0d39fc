"""Read a statistics table (CSV) of commune-level units: names, kind, population, area,
and, when the table has them, classification columns and a unit code.

The table is checked as a whole before anything uses it: a missing column, a
negative, empty or non-numeric population, or a duplicate code raises
``StatsError`` naming the file, the line and the column, and nothing changes.
Columns may be separated by ',' or ';' (or tabs), and numbers written the Vietnamese
way (``12.345``, ``0,26``) or the English way: the convention is recognised for the
whole table, or the table is refused naming the value that leaves it open
(``core.imports.table_numbers``). An Excel workbook is refused with the way to save it.

Columns are found by name (case-insensitive), so both the 2019 census export
(``city``/``district``/``ward``/``ward_title``/``total``/``area_sqm``) and a
planner's own sheet (``province``/``district``/``name``/``kind``/``population``/
``area_km2``/``terrain``/``urban_class``/``border``/``code``) are read.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from core.common.messages import Message
from core.common.text import fold, nfc
from core.domain.classification import parse_value
from core.domain.model import DataError, check_figure
from core.imports.table_numbers import AMBIGUOUS, BAD, EN, VI, Evidence, clean, style_of, to_number_text

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
    "ethnic_minority_pct": ("ethnic_minority_pct", "ty_le_dtts", "dan_toc_thieu_so_pct"),
    "bai_ngang": ("bai_ngang", "xa_bai_ngang"),
    "red_river_delta": ("red_river_delta", "dong_bang_song_hong", "dbsh"),
    "island_district": ("island_district", "huyen_dao"),
}
REQUIRED = ("province", "district", "name", "population")
# Classification columns a table may have (each read into the unit; what it lacks is defaulted).
CLASSIFICATION = ("terrain", "urban_class", "border", "ethnic_minority_pct", "bai_ngang", "red_river_delta",
                  "island_district")

# Unit kind from the type word of the table (any spelling, with or without spaces).
KIND_WORDS = {"xa": "xa", "phuong": "phuong", "thitran": "thi_tran", "thi_tran": "thi_tran"}
# The parent of a phường, from the district's type word.
PARENT_WORDS = {"quan": "quan", "thanhpho": "thanh_pho", "thixa": "thi_xa"}


class StatsError(DataError):
    """The statistics table cannot be used; its ``where`` names the file, line and column."""


NUMBER_ROLES = {"population": True, "area_km2": False, "area_sqm": False}     # role → a count?
DELIMITERS = (",", ";", "\t")


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
    # The other classifications (None: the table has no such column, or the cell is empty).
    classification: dict = field(default_factory=dict)

    @property
    def label(self) -> str:
        return f"{self.name}, {self.district}, {self.province}"


@dataclass
class StatsTable:
    path: str
    rows: list[StatsRow]
    columns: dict[str, str]         # role → column name in the file
    has_classification: bool
    notes: list[Message] = field(default_factory=list)     # delimiter, number convention

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
        raise StatsError("stats.no_row", ref=ref, where=_where_file(self.path))


def _where_file(path: str | Path) -> Message:
    return Message("imports.where.file", file=Path(path).name)


def _where(fname: str, line: int, column: str = "") -> Message:
    if column:
        return Message("imports.where.file_line_column", file=fname, line=line, column=column)
    return Message("where.file_line", file=fname, line=line)


def _word(text: str) -> str:
    return fold(text).replace(" ", "").replace("_", "")


def _open_checked(path: Path) -> str:
    """The text of the table, or a refusal that says what the file is and what to do."""
    where = _where_file(path)
    if not path.is_file():
        raise StatsError("stats.file.missing", where=where)
    size = path.stat().st_size
    if size == 0:
        raise StatsError("stats.file.empty", where=where)
    if size > MAX_TABLE_BYTES:
        raise StatsError("stats.file.too_large", where=where, mb=size / 2**20, limit_mb=MAX_TABLE_BYTES // 2**20)
    raw = path.read_bytes()
    if raw.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise StatsError("stats.file.spreadsheet", where=where)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    else:
        encoding = "utf-8-sig"
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        raise StatsError("stats.file.not_utf8", where=where) from None


def _delimiter(text: str) -> str:
    """The delimiter of the header line: the one it has most of (',' when none)."""
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_stats_table(path: str | Path) -> StatsTable:
    """Read and check the whole table; raise ``StatsError`` at the first bad row."""
    path = Path(path)
    text = _open_checked(path)
    delimiter = _delimiter(text)
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
        header = [h.strip() for h in (reader.fieldnames or [])]
        reader.fieldnames = header
        raw_rows = list(reader)
    except csv.Error as exc:
        raise StatsError("stats.file.not_csv", where=_where(path.name, getattr(exc, "line_num", 0) or 1)) from None
    lower = {h.lower(): h for h in header}
    columns = {}
    for role, names in ALIASES.items():
        for name in names:
            if name in lower:
                columns[role] = lower[name]
                break
    missing = [role for role in REQUIRED if role not in columns]
    if missing:
        raise StatsError("stats.missing_columns", where=_where_file(path), roles=missing,
                         accepted=[Message("stats.accepted_names", role=r, names=list(ALIASES[r])) for r in missing],
                         header=header)
    if not raw_rows:
        raise StatsError("stats.no_rows", where=_where_file(path))
    notes = []
    if delimiter != ",":
        notes.append(Message("stats.note.delimiter", delimiter=Message(f"stats.delimiter.{_DELIM_NAMES[delimiter]}")))
    style = _number_style(raw_rows, columns, path.name)
    if style is not None:
        notes.append(Message("stats.note.numbers", style=Message("stats.style.vietnamese" if style == VI
                                                                 else "stats.style.english")))
    rows: list[StatsRow] = []
    seen_codes: dict[str, int] = {}
    seen_ids: dict[str, int] = {}
    for line, raw in enumerate(raw_rows, start=2):
        rows.append(_row(raw, line, columns, path.name, seen_codes, seen_ids, style))
    has_class = any(role in columns for role in CLASSIFICATION)
    return StatsTable(str(path), rows, columns, has_class, notes)


_DELIM_NAMES = {";": "semicolon", "\t": "tab", ",": "comma"}


def _number_style(raw_rows: list[dict], columns: dict[str, str], fname: str) -> str | None:
    """The table's number convention (VI, EN or None when every number is plain)."""
    evidence = Evidence()
    for line, raw in enumerate(raw_rows, start=2):
        for role, count in NUMBER_ROLES.items():
            col = columns.get(role)
            if col:
                evidence.see(raw.get(col) or "", count, line, col)
    if VI in evidence.first and EN in evidence.first:
        (l1, c1, v1), (l2, c2, v2) = evidence.first[VI], evidence.first[EN]
        raise StatsError("stats.number.mixed", where=_where_file(fname),
                         vi=Message("stats.number.example", where=_where(fname, l1, c1), value=v1),
                         en=Message("stats.number.example", where=_where(fname, l2, c2), value=v2))
    if evidence.style is None and AMBIGUOUS in evidence.first:
        line, col, value = evidence.first[AMBIGUOUS]
        raise StatsError("stats.number.ambiguous", where=_where(fname, line, col), value=value,
                         count=evidence.ambiguous)
    return evidence.style


def _figure(raw: str, column: str, where: Message, style: str | None) -> float:
    text = clean(raw)
    if style_of(text, False) != BAD:
        text = to_number_text(text, style)          # else refused below: not a number
    try:
        return check_figure(text, column, where)
    except DataError as exc:
        raise StatsError(exc.messages) from None


def _optional_float(raw: str, column: str, fname: str, line: int, style: str | None) -> float | None:
    raw = (raw or "").strip()
    if not raw:
        return None
    return _figure(raw, column, _where(fname, line, column), style)


def _row(raw: dict, line: int, columns: dict[str, str], fname: str,
         seen_codes: dict[str, int], seen_ids: dict[str, int], style: str | None = None) -> StatsRow:
    def get(role: str) -> str:
        col = columns.get(role)
        return nfc(raw.get(col) or "") if col else ""

    for role in ("province", "district", "name"):
        if not get(role):
            raise StatsError("stats.empty_cell", where=_where(fname, line, columns[role]))
    pop_raw = get("population")
    if not pop_raw:
        raise StatsError("stats.empty_population", where=_where(fname, line, columns["population"]))
    population = _figure(pop_raw, columns["population"], _where(fname, line, columns["population"]), style)
    area_km2 = _optional_float(get("area_km2"), columns.get("area_km2", ""), fname, line, style)
    area_sqm = _optional_float(get("area_sqm"), columns.get("area_sqm", ""), fname, line, style)
    kind_word = get("kind")
    kind = KIND_WORDS.get(_word(kind_word)) if kind_word else None
    parent = PARENT_WORDS.get(_word(get("district_title")), "")
    code = get("code") or None
    if code is not None:
        if code.endswith(".0") and code[:-2].isdigit():
            code = code[:-2]
        if code in seen_codes:
            raise StatsError("stats.duplicate_code", code=code, first=seen_codes[code],
                             where=_where(fname, line, columns["code"]))
        seen_codes[code] = line
    row_id = get("row_id") or f"line {line}"
    if row_id in seen_ids:
        raise StatsError("stats.duplicate_id", id=row_id, first=seen_ids[row_id],
                         where=_where(fname, line, columns.get("row_id", "")))
    seen_ids[row_id] = line
    found: dict[str, object] = {}
    for role in CLASSIFICATION:
        text = get(role)
        if not text:
            continue
        try:
            found[role] = parse_value(role, text, _where(fname, line, columns[role]))
        except DataError as exc:
            raise StatsError(exc.messages) from None
    terrain, border = found.pop("terrain", None), found.pop("border", None)
    urban_class = found.pop("urban_class", None) or None
    return StatsRow(line, row_id, get("province"), get("district"), get("name"), kind, kind_word,
                    get("province_title"), get("district_title"), parent, population, area_km2,
                    area_sqm, code, terrain, urban_class, border, found)
