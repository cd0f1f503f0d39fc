"""Value objects of the domain: administrative units and the dataset they form."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from core.common.errors import CoreError
from core.common.messages import Message

KINDS = ("xa", "thi_tran", "phuong", "dac_khu")
TERRAINS = ("lowland", "mountainous", "highland", "island")
PHUONG_PARENTS = ("quan", "thanh_pho", "thi_xa")
PROVINCE_TYPES = ("tinh", "tp_tw")          # a province, a centrally-governed city (thành phố trực thuộc TW)

# The classifications of a unit the rule sets read (besides its kind), each with its default:
# the value a unit has when no source gave one (``Unit.defaulted`` names those).
CLASSIFICATION_DEFAULTS: dict[str, object] = {
    "terrain": "lowland", "border": False, "ethnic_minority_pct": None, "bai_ngang": False,
    "red_river_delta": False, "urban_class": "", "island_district": False, "province_type": "tinh",
}
CLASSIFICATIONS = tuple(CLASSIFICATION_DEFAULTS)


class DataError(CoreError, ValueError):
    """A figure or field of the data is unusable; its ``where`` parameter says which row/field."""


@dataclass(frozen=True)
class Figure:
    """A number with where it comes from and the date it describes."""

    value: float
    source: str = ""
    date: str = ""
    basis: str = ""          # "official", "census", "approximate", "override", ...

    @property
    def approximate(self) -> bool:
        return self.basis.startswith("approximate")


@dataclass(frozen=True)
class Unit:
    """A commune-level administrative unit (xã, thị trấn or phường)."""

    code: str                # GSO code, text (leading zeros kept)
    name: str                # NFC, with diacritics
    kind: str                # one of KINDS
    population: Figure
    area: Figure             # natural area in km²
    terrain: str = "lowland"         # selects the xã standard
    urban_class: str = ""            # thị trấn / phường: "IV", "V", ...
    parent: str = ""                 # phường: quan / thanh_pho / thi_xa
    border: bool = False
    province: str = ""
    district: str = ""
    label_lat: float | None = None
    label_lon: float | None = None
    ethnic_minority_pct: float | None = None     # share of ethnic-minority population, % (None: unknown)
    bai_ngang: bool = False                      # an extremely poor coastal "bãi ngang" xã
    red_river_delta: bool = False                # in the Red River Delta
    island_district: bool = False                # a unit of an island district (huyện đảo)
    province_type: str = "tinh"                  # of its province: tinh / tp_tw
    # Classification fields no source gave (the unit carries the default), and the source of
    # each field a planner set by hand (field, source) – see ``core.domain.classification``.
    defaulted: frozenset[str] = frozenset()
    sources: tuple[tuple[str, str], ...] = ()
    # The rule set under which this unit was formed by an arrangement ("" when not known):
    # filled by the project's state history (successive rounds), read by exemptions such as
    # NQ 35/2023 "arranged in an earlier period".
    arranged_in: str = ""

    @property
    def classification_defaulted(self) -> bool:
        """True when a classification that can change this unit's verdict was not given."""
        return bool(self.relevant_defaulted())

    def relevant_defaulted(self) -> frozenset[str]:
        """The defaulted fields that can change this unit's verdict: terrain, border, island
        district and province type for every unit; bãi ngang and Red River Delta for a xã; the
        ethnic-minority share for a mountainous or highland xã. (Urban class is read and kept, but
        no verdict uses it: NQ 76 Điều 2 khoản 7 sets it aside, and the other periods' urban
        criteria are not encoded.)"""
        if not self.defaulted:
            return frozenset()
        wanted = {"terrain", "border", "island_district", "province_type"}
        if self.kind == "xa":
            wanted |= {"bai_ngang", "red_river_delta"}
            if self.terrain in ("mountainous", "highland"):
                wanted.add("ethnic_minority_pct")
        return self.defaulted & wanted

    def source_of(self, field_name: str) -> str:
        return dict(self.sources).get(field_name, "")

    def __post_init__(self) -> None:
        where = Message("where.unit", code=str(self.code))
        if not isinstance(self.code, str):
            raise DataError("data.code_not_text", where=where)
        if self.kind not in KINDS:
            raise DataError("data.unknown_kind", kind=str(self.kind), where=where)
        if self.terrain not in TERRAINS:
            raise DataError("data.unknown_terrain", terrain=str(self.terrain), where=where)
        if self.province_type not in PROVINCE_TYPES:
            raise DataError("data.unknown_province_type", value=str(self.province_type), where=where)
        if self.ethnic_minority_pct is not None:
            share = check_figure(self.ethnic_minority_pct, "ethnic_minority_pct", where)
            if share > 100:
                raise DataError("data.share_above_100", field=Message("field.ethnic_minority_pct"),
                                value=share, where=where)
        check_figure(self.population.value, "population", where)
        check_figure(self.area.value, "area_km2", where)


FIGURE_FIELDS = {"population": "field.population", "area_km2": "field.area_km2",
                 "ethnic_minority_pct": "field.ethnic_minority_pct"}


def check_figure(value: object, field_name: str, where: Message | str = "") -> float:
    """Return ``value`` as a float, or raise DataError if negative/NaN/not a number."""
    what = Message(FIGURE_FIELDS.get(field_name, "field.other"), name=field_name)
    if isinstance(value, bool):
        raise DataError("data.not_a_number", field=what, value=repr(value), where=where)
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        raise DataError("data.not_a_number", field=what, value=repr(value)[:40], where=where) from None
    if number != number or number in (float("inf"), float("-inf")):
        raise DataError("data.not_finite", field=what, where=where)
    if number < 0:
        raise DataError("data.negative", field=what, value=number, where=where)
    return number


def pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


@dataclass
class Dataset:
    """The units of one area (a district, a province, the country) and their adjacency."""

    name: str
    units: dict[str, Unit]
    adjacency: set[tuple[str, str]] = field(default_factory=set)
    meta: dict = field(default_factory=dict)
    _neighbours: dict[str, set[str]] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        for a, b in self.adjacency:
            for code in (a, b):
                if code not in self.units:
                    raise DataError("data.adjacency_unknown_unit", code=code)
        self.adjacency = {pair(a, b) for a, b in self.adjacency}

    def neighbours(self, code: str) -> set[str]:
        if self._neighbours is None:
            nb: dict[str, set[str]] = {c: set() for c in self.units}
            for a, b in self.adjacency:
                nb[a].add(b)
                nb[b].add(a)
            self._neighbours = nb
        return self._neighbours.get(code, set())

    def set_adjacency(self, pairs: Iterable[tuple[str, str]]) -> None:
        self.adjacency = {pair(a, b) for a, b in pairs}
        self._neighbours = None

    def is_connected(self, codes: Iterable[str]) -> bool:
        members = set(codes)
        if not members:
            return False
        start = next(iter(members))
        seen = {start}
        todo = [start]
        while todo:
            for nxt in self.neighbours(todo.pop()) & members:
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return seen == members

    def by_name(self, name: str) -> list[Unit]:
        from core.common.text import fold
        key = fold(name)
        return [u for u in self.units.values() if fold(u.name) == key]
