"""A unit made from a polygon of a boundary layer and its row of a statistics table."""
from __future__ import annotations

from pathlib import Path

from core.common.messages import Message
from core.common.text import fold, strip_type
from core.domain.classification import province_type_of
from core.domain.model import CLASSIFICATION_DEFAULTS, CLASSIFICATIONS, DataError, Figure, Unit
from core.imports.name_match import Place, kind_of
from core.imports.stats_table import StatsRow, StatsTable

PROVINCE_TITLES = {"thanhpho": "Thành phố", "tinh": "Tỉnh"}
CENSUS_DATE = "2019-04-01"


def unit_from_match(code: str, layer: Place, row: StatsRow, table: StatsTable,
                    area_km2: float, label: tuple[float, float] | None, boundaries_name: str) -> Unit:
    """The unit a polygon and its statistics row make together."""
    kind = row.kind or layer.kind or kind_of(row.kind_word + " x")
    if kind is None:
        raise DataError("data.unknown_kind_word", unit=row.label, word=row.kind_word,
                        where=Message("where.file_line", file=Path(table.path).name, line=row.line))
    title = PROVINCE_TITLES.get(fold(row.province_title).replace(" ", ""), "")
    province = f"{title} {layer.province}".strip() if layer.province else row.province
    population = Figure(row.population, f"{Path(table.path).name}, dòng {row.line} "
                        f"(Tổng điều tra dân số và nhà ở 2019, theo xã)", CENSUS_DATE, "census")
    if row.area_km2 is not None:
        area = Figure(row.area_km2, f"{Path(table.path).name}, dòng {row.line}", "", "table")
    else:
        area = Figure(round(area_km2, 4), f"tính từ ranh giới {boundaries_name} (đa giác độ phân giải "
                      "thấp, phép chiếu Albers đồng diện tích); không phải diện tích tự nhiên chính thức",
                      "2019", "approximate (polygons)")
    given = {"terrain": row.terrain, "urban_class": row.urban_class, "border": row.border,
             "province_type": province_type_of(province), **row.classification}
    values = {f: CLASSIFICATION_DEFAULTS[f] if given.get(f) is None else given[f] for f in CLASSIFICATIONS}
    return Unit(code=code, name=strip_type(layer.name) or row.name, kind=kind, population=population,
                area=area, parent=row.parent if kind == "phuong" else "",
                province=province, district=layer.district or row.district,
                label_lat=label[1] if label else None, label_lon=label[0] if label else None,
                **values, defaulted=frozenset(f for f in CLASSIFICATIONS if given.get(f) is None))
