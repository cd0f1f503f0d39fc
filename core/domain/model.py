"""Value objects of the domain: administrative units and the dataset they form."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

KINDS = ("xa", "thi_tran", "phuong")
TERRAINS = ("lowland", "mountainous", "island")
PHUONG_PARENTS = ("quan", "thanh_pho", "thi_xa")


class DataError(ValueError):
    """A figure or field of the data is unusable; ``where`` says which row/field."""

    def __init__(self, message: str, where: str = "") -> None:
        super().__init__(f"{where}: {message}" if where else message)
        self.where = where
        self.detail = message


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
    classification_defaulted: bool = False

    def __post_init__(self) -> None:
        if not isinstance(self.code, str):
            raise DataError("a unit code must be text", self.code)
        if self.kind not in KINDS:
            raise DataError(f"unknown kind {self.kind!r}", self.code)
        if self.terrain not in TERRAINS:
            raise DataError(f"unknown terrain {self.terrain!r}", self.code)
        check_figure(self.population.value, "population", self.code)
        check_figure(self.area.value, "area_km2", self.code)


def check_figure(value: object, field_name: str, where: str = "") -> float:
    """Return ``value`` as a float, or raise DataError if negative/NaN/not a number."""
    if isinstance(value, bool):
        raise DataError(f"{field_name} is not a number: {value!r}", where)
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise DataError(f"{field_name} is not a number: {value!r}", where) from None
    if number != number or number in (float("inf"), float("-inf")):
        raise DataError(f"{field_name} is not a finite number", where)
    if number < 0:
        raise DataError(f"{field_name} is negative: {number:g}", where)
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
                    raise DataError(f"adjacency names unknown unit {code}")
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
