"""The map of a scenario as a reportlab drawing: each unit filled with its group's
colour, merged units outlined, unit names as labels, a north arrow, and a scale
bar (imported boundaries) or a "schematic" stamp (cells from label points)."""
from __future__ import annotations

import shapely
from reportlab.graphics.shapes import Drawing, Line, Path, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from core.analysis.palette import OUTLINE_COLOUR, UNRESOLVED_OUTLINE, unit_colours
from core.domain.model import Dataset
from core.law.evaluation import ScenarioResult

from .fonts import BOLD, REGULAR
from .mapdata import SCHEMATIC, ScenarioShapes

SCHEMATIC_STAMP = "SƠ ĐỒ MINH HỌA – không phải ranh giới hành chính"
SCHEMATIC_NOTE = ("Chưa nhập bản đồ ranh giới: mỗi ô được dựng từ điểm nhãn của đơn vị (ô Voronoi), "
                  "chỉ thể hiện vị trí tương đối và quan hệ giáp ranh, không thể hiện hình dạng, "
                  "ranh giới hay diện tích thật.")


def _rings(geom) -> list[list[tuple[float, float]]]:
    rings = []
    for poly in shapely.get_parts(geom):
        if poly.geom_type != "Polygon" or poly.is_empty:
            continue
        rings.append(list(poly.exterior.coords))
        rings.extend(list(r.coords) for r in poly.interiors)
    return rings


class _Frame:
    """Metric coordinates → drawing points, keeping the aspect ratio."""

    def __init__(self, bounds, width: float, height: float, pad: float = 10) -> None:
        x0, y0, x1, y1 = bounds
        self.scale = min((width - 2 * pad) / max(x1 - x0, 1), (height - 2 * pad) / max(y1 - y0, 1))
        self.ox = pad + ((width - 2 * pad) - (x1 - x0) * self.scale) / 2 - x0 * self.scale
        self.oy = pad + ((height - 2 * pad) - (y1 - y0) * self.scale) / 2 - y0 * self.scale

    def xy(self, x: float, y: float) -> tuple[float, float]:
        return self.ox + x * self.scale, self.oy + y * self.scale


def _shape(frame: _Frame, geom, **style) -> Path:
    path = Path(fillMode=1, **style)     # even-odd: holes stay holes
    for ring in _rings(geom):
        for i, (x, y) in enumerate(ring):
            px, py = frame.xy(x, y)
            (path.moveTo if i == 0 else path.lineTo)(px, py)
        path.closePath()
    return path


def _nice_length(metres: float) -> float:
    """The longest round length not over ``metres``."""
    for step in (50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100):
        if step <= metres:
            return step
    return 100


def scenario_drawing(dataset: Dataset, result: ScenarioResult, shapes: ScenarioShapes,
                     width: float, height: float) -> Drawing:
    d = Drawing(width, height, initialFontName=REGULAR)
    d.add(Rect(0, 0, width, height, fillColor=colors.white, strokeColor=colors.HexColor("#999999"),
               strokeWidth=0.5))
    if not shapes.units:
        d.add(String(width / 2, height / 2, "Không có dữ liệu để vẽ bản đồ", fontName=REGULAR,
                     fontSize=10, textAnchor="middle"))
        return d
    all_geoms = shapely.union_all(list(shapes.units.values()))
    frame = _Frame(all_geoms.bounds, width, height - (14 if shapes.basis == SCHEMATIC else 0), pad=14)
    fills, _ = unit_colours(((g.group.name, g.group.members) for g in result.groups), dataset.units)
    for code, geom in shapes.units.items():
        d.add(_shape(frame, geom, fillColor=colors.HexColor(fills[code]),
                     strokeColor=colors.HexColor("#8a8a8a"), strokeWidth=0.4))
    for geom in shapes.merged.values():
        d.add(_shape(frame, geom, fillColor=None, strokeColor=colors.HexColor(OUTLINE_COLOUR),
                     strokeWidth=1.6))
    for code in result.unresolved:
        if code in shapes.units:
            d.add(_shape(frame, shapes.units[code], fillColor=None,
                         strokeColor=colors.HexColor(UNRESOLVED_OUTLINE), strokeWidth=1.4,
                         strokeDashArray=[3, 2]))
    placed: list[tuple[float, float, float, float]] = []
    for code, geom in sorted(shapes.units.items(), key=lambda kv: -kv[1].area):
        # Schematic cells are convex: the centroid sits inside, in the middle.
        pt = geom.centroid if shapes.basis == SCHEMATIC else _label_point(geom)
        x, y = frame.xy(pt.x, pt.y)
        name = dataset.units[code].name
        size = 6.5 if len(name) <= 10 else 6
        x, y = _free_spot(placed, x, y, stringWidth(name, REGULAR, size), size)
        d.add(String(x, y - 2, name, fontName=REGULAR, fontSize=size, textAnchor="middle",
                     fillColor=colors.HexColor("#1a1a1a")))
    _north_arrow(d, width - 22, height - 44)
    if shapes.basis == SCHEMATIC:
        d.add(Rect(6, height - 20, width - 12, 14, fillColor=colors.HexColor("#fff4d6"),
                   strokeColor=colors.HexColor("#c9a227"), strokeWidth=0.6))
        d.add(String(width / 2, height - 16, SCHEMATIC_STAMP, fontName=BOLD, fontSize=8,
                     textAnchor="middle", fillColor=colors.HexColor("#7a5c00")))
    else:
        _scale_bar(d, frame, 16, 12)
    return d


def _free_spot(placed: list, x: float, y: float, w: float, h: float) -> tuple[float, float]:
    """Nudge a label up or down until it overlaps no label placed before it."""
    for dy in (0, -h - 1, h + 1, -2 * h - 2, 2 * h + 2):
        box = (x - w / 2 - 1, y + dy - 3, x + w / 2 + 1, y + dy + h - 2)
        if all(box[2] < b[0] or box[0] > b[2] or box[3] < b[1] or box[1] > b[3] for b in placed):
            placed.append(box)
            return x, y + dy
    placed.append((x - w / 2, y - 3, x + w / 2, y + h - 2))
    return x, y


def _label_point(geom):
    try:
        from shapely.ops import polylabel
        return polylabel(max(shapely.get_parts(geom), key=lambda p: p.area), tolerance=10)
    except Exception:                       # an odd geometry still gets a label
        return geom.representative_point()


def _north_arrow(d: Drawing, x: float, y: float) -> None:
    d.add(Polygon([x, y + 22, x - 5, y + 6, x, y + 10, x + 5, y + 6],
                  fillColor=colors.HexColor("#333333"), strokeColor=None))
    d.add(String(x, y - 4, "B", fontName=BOLD, fontSize=8, textAnchor="middle"))


def _scale_bar(d: Drawing, frame: _Frame, x: float, y: float) -> None:
    metres = _nice_length(90 / frame.scale)
    length = metres * frame.scale
    d.add(Line(x, y, x + length, y, strokeColor=colors.black, strokeWidth=1.2))
    for px in (x, x + length):
        d.add(Line(px, y - 2, px, y + 2, strokeColor=colors.black, strokeWidth=1))
    label = f"{metres / 1000:g} km".replace(".", ",")
    d.add(String(x + length + 4, y - 3, label, fontName=REGULAR, fontSize=7))
