"""The classifications of a unit that the rule sets read, and those of a merged unit.

A unit's standard and its targets depend on more than its kind: terrain (lowland, mountainous,
highland, island), whether it lies on the national border, its ethnic-minority share, whether it
is an extremely poor coastal "bãi ngang" xã, whether it lies in the Red River Delta, its urban
class, whether it belongs to an island district, and whether its province is a centrally-governed
city. A statistics table, a dataset file or a planner (with a source) gives them; what no source
gave carries a default and is named in ``Unit.defaulted``, so every output can say so.

A merged unit's classification is derived from its members (``merged``): the resolutions do not
say how, so the tool takes the members' common value, else a rule per field below, and flags a
field whose members differ (``mixed``) or whose value some member only has by default
(``unknown``).
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from core.common.messages import Message
from core.common.text import fold
from core.domain.model import (
    CLASSIFICATION_DEFAULTS,
    CLASSIFICATIONS,
    PROVINCE_TYPES,
    TERRAINS,
    DataError,
    Unit,
    check_figure,
)

FLAGS = ("border", "bai_ngang", "red_river_delta", "island_district")
MOUNTAIN = ("mountainous", "highland")       # "miền núi, vùng cao": one standard in NQ 1211

# Words a table or a planner may write for each value (compared folded, without spaces).
TERRAIN_WORDS = {"lowland": "lowland", "dongbang": "lowland", "mountainous": "mountainous",
                 "miennui": "mountainous", "highland": "highland", "vungcao": "highland",
                 "island": "island", "haidao": "island"}
TRUE_WORDS = ("1", "true", "co", "yes", "x")
FALSE_WORDS = ("0", "false", "khong", "no")
PROVINCE_WORDS = {"tinh": "tinh", "province": "tinh", "tptw": "tp_tw", "tp_tw": "tp_tw",
                  "thanhpho": "tp_tw", "thanhphotructhuoctrunguong": "tp_tw", "city": "tp_tw"}


def relevant_defaulted(unit: Unit) -> frozenset[str]:
    """The defaulted fields that can change ``unit``'s verdict (``Unit.relevant_defaulted``)."""
    return unit.relevant_defaulted()


def values(unit: Unit) -> dict[str, object]:
    """Every classification field of ``unit`` → its value."""
    return {f: getattr(unit, f) for f in CLASSIFICATIONS}


def province_type_of(province: str) -> str | None:
    """'Thành phố Hà Nội' → 'tp_tw', 'Tỉnh Bến Tre' → 'tinh'; None when the name does not say."""
    key = fold(province)
    if key.startswith("thanh pho ") or key.startswith("tp "):
        return "tp_tw"
    if key.startswith("tinh "):
        return "tinh"
    return None


def parse_value(field_name: str, raw: object, where: Message | str = "") -> object:
    """The value of a classification field from what a table cell or a form holds; raise
    DataError naming the field and the allowed values. Empty text is refused here: the caller
    decides whether an empty cell means "not given"."""
    if field_name not in CLASSIFICATION_DEFAULTS:
        raise DataError("classification.unknown_field", field=str(field_name), known=list(CLASSIFICATIONS),
                        where=where)
    if field_name in FLAGS:
        if isinstance(raw, bool):
            return raw
        word = _word(raw)
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        raise DataError("classification.bad_flag", field=Message(f"classification.field.{field_name}"),
                        value=str(raw)[:40], where=where)
    if field_name == "terrain":
        terrain = raw if raw in TERRAINS else TERRAIN_WORDS.get(_word(raw))
        if terrain is None:
            raise DataError("classification.bad_terrain", value=str(raw)[:40], where=where)
        return terrain
    if field_name == "province_type":
        kind = raw if raw in PROVINCE_TYPES else PROVINCE_WORDS.get(_word(raw))
        if kind is None:
            raise DataError("classification.bad_province_type", value=str(raw)[:40], where=where)
        return kind
    if field_name == "ethnic_minority_pct":
        if raw is None:
            return None
        text = str(raw).strip().removesuffix("%").strip().replace(",", ".")
        share = check_figure(text, "ethnic_minority_pct", where)
        if share > 100:
            raise DataError("data.share_above_100", field=Message("field.ethnic_minority_pct"), value=share,
                            where=where)
        return share
    return str(raw).strip()          # urban_class: "I" … "V", or "" for none


def _word(raw: object) -> str:
    return fold(str(raw)).replace(" ", "").replace("_", "").replace("-", "")


def with_values(unit: Unit, changes: dict[str, object], source: str) -> Unit:
    """``unit`` with ``changes`` (field → value) set by hand from ``source``: those fields are no
    longer defaulted, and each carries the source."""
    sources = dict(unit.sources)
    for name in changes:
        sources[name] = source
    return replace(unit, **changes, defaulted=unit.defaulted - set(changes),
                   sources=tuple(sorted(sources.items())))


# ----- a merged unit -------------------------------------------------------------------------

@dataclass(frozen=True)
class MergedClassification:
    """What the rule set reads of a merged unit, with the fields that are mixed or unknown."""

    terrain: str
    border: bool
    ethnic_minority_pct: float | None
    bai_ngang: bool
    red_river_delta: bool
    urban_class: str
    island_district: bool
    province_type: str
    parent: str
    mixed: tuple[str, ...] = ()         # members differ: the derived value is the tool's choice
    unknown: tuple[str, ...] = ()       # some member has only the default

    def get(self, name: str) -> object:
        return getattr(self, name)


def merged(members: Sequence[Unit], seat: Unit | None = None,
           population: Sequence[float] | None = None) -> MergedClassification:
    """The classification of ``members`` merged into one unit.

    The members' common value when they agree; otherwise: on the border when any member is
    (the merged unit touches what any member touches); the ethnic-minority share weighted by
    ``population`` (each member's figures in the evaluation; when every share is known);
    terrain, bãi ngang, Red River Delta, urban class, island district and province type
    of the seat. A field whose members differ is ``mixed``, one some member has only by
    default is ``unknown`` (only fields that matter for some member are counted).
    """
    seat = seat or members[0]
    pops = list(population) if population is not None else [u.population.value for u in members]
    mixed: list[str] = []
    unknown: list[str] = []
    out: dict[str, object] = {}
    for name in CLASSIFICATIONS:
        vals = [getattr(u, name) for u in members]
        if any(name in relevant_defaulted(u) for u in members):
            unknown.append(name)
        if all(v == vals[0] for v in vals):
            out[name] = vals[0]
            continue
        if name == "ethnic_minority_pct":
            total = sum(pops)
            out[name] = (sum(v * p for v, p in zip(vals, pops)) / total
                         if total and all(v is not None for v in vals) else None)
            continue                     # a weighted share is derived, not a choice: not "mixed"
        mixed.append(name)
        out[name] = any(vals) if name == "border" else getattr(seat, name)
    return MergedClassification(**out, parent=seat.parent, mixed=tuple(mixed), unknown=tuple(unknown))


def count_defaulted(units: Iterable[Unit]) -> dict[str, int]:
    """How many units carry a default that can change their verdict, in all and per field."""
    total = 0
    per_field: dict[str, int] = {}
    for u in units:
        fields = relevant_defaulted(u)
        if fields:
            total += 1
            for name in fields:
                per_field[name] = per_field.get(name, 0) + 1
    return {"units": total, **{f: per_field[f] for f in CLASSIFICATIONS if f in per_field}}


def defaulted_message(counts: dict[str, int]) -> Message:
    """'Phân loại mặc định ở 120 đơn vị: địa hình 120, biên giới 98 …' (from ``count_defaulted``)."""
    if not counts.get("units"):
        return Message("classification.none_defaulted")
    fields = [Message("classification.defaulted_field", field=Message(f"classification.field.{f}"), count=n)
              for f, n in counts.items() if f != "units"]
    return Message("classification.defaulted", units=counts["units"], fields=fields)


def value_text(field_name: str, value: object) -> Message | str:
    """A classification value as a planner reads it ("miền núi", "có", "tỉnh", "35 %")."""
    if field_name in CLASSIFICATION_DEFAULTS and value is not None and not isinstance(value, bool):
        try:
            value = parse_value(field_name, value)
        except DataError:
            return str(value)
    if field_name == "terrain":
        return Message(f"terrain.{value}")
    if field_name == "province_type":
        return Message(f"province_type.{value}")
    if isinstance(value, bool):
        return Message("classification.yes" if value else "classification.no")
    if value is None:
        return Message("classification.unknown_value")
    if field_name == "ethnic_minority_pct":
        return Message("classification.share", value=value)
    return str(value) or Message("classification.none")
