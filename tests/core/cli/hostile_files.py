"""Hostile input files, made at test time in a folder: what a planner might pick by mistake,
what another program writes, what an attacker crafts.

``HostileFiles(folder)`` builds each file the first time it is asked for (``files.get("binary")``)
and returns its path; ``files.project(...)`` copies a ready project database for a case to write.
Nothing here is committed as a binary blob.
"""
from __future__ import annotations

import csv
import json
import random
import shutil
import sqlite3
import threading
from pathlib import Path

from tests.conftest import ROOT

SEED_SCENARIO = ROOT / "data" / "chau_thanh_2019" / "scenario_2019.json"
CHAU_THANH_CODES = [f"288{n:02d}" for n in range(1, 65, 3)]     # 28801, 28804, … 28864: the 22 units
BEN_TRE = (106.30, 10.30)
PARIS = (2.30, 48.80)
SPARSE_BYTES = 3 * 2**30


def _boxes(origin: tuple[float, float], codes: list[str], size: float = 0.02) -> list:
    """One square per code on a grid, neighbours sharing edges (a tidy stand-in for a layer)."""
    from shapely.geometry import box
    side = 5
    return [box(origin[0] + (i % side) * size, origin[1] + (i // side) * size,
                origin[0] + (i % side + 1) * size, origin[1] + (i // side + 1) * size) for i in range(len(codes))]


def _feature_collection(features: list[dict]) -> str:
    return json.dumps({"type": "FeatureCollection", "features": features})


class HostileFiles:
    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self._made: dict[str, Path] = {}
        self._lock = threading.Lock()

    def get(self, name: str) -> Path:
        with self._lock:
            if name not in self._made:
                self._made[name] = getattr(self, "_" + name.replace("-", "_"))()
            return self._made[name]

    def path(self, name: str) -> Path:
        return self.folder / name

    # ----- any command ---------------------------------------------------------------------
    def _empty_json(self) -> Path:
        return self._write("empty.json", b"")

    def _empty_geojson(self) -> Path:
        return self._write("empty.geojson", b"")

    def _empty_csv(self) -> Path:
        return self._write("empty.csv", b"")

    def _blank_json(self) -> Path:
        return self._write("blank.json", b" \n\t\n")

    def _binary(self) -> Path:
        return self._write("binary.json", random.Random(10).randbytes(64 * 1024))

    def _binary_geojson(self) -> Path:
        return self._write("binary.geojson", random.Random(11).randbytes(64 * 1024))

    def _binary_csv(self) -> Path:
        return self._write("binary.csv", random.Random(12).randbytes(64 * 1024))

    def _huge_json(self) -> Path:
        return self._sparse("huge.json")

    def _huge_geojson(self) -> Path:
        return self._sparse("huge.geojson")

    def _huge_csv(self) -> Path:
        return self._sparse("huge.csv")

    def _folder_json(self) -> Path:
        p = self.path("a-folder.json")
        p.mkdir(exist_ok=True)
        return p

    def _dev_zero(self) -> Path:
        return Path("/dev/zero")

    # ----- scenario files --------------------------------------------------------------------
    def _seed(self) -> dict:
        return json.loads(SEED_SCENARIO.read_text(encoding="utf-8"))

    def _scenario(self, slug: str, name: str, change) -> Path:
        data = self._seed()
        data["name"] = f"Phương án {name}"
        change(data)
        return self._write(f"scenario-{slug}.json", json.dumps(data, ensure_ascii=False).encode("utf-8"))

    def _good_scenario(self) -> Path:
        return self._scenario("good", "nhận từ huyện", lambda d: None)

    def _duplicate_group_ids(self) -> Path:
        def change(d):
            for g in d["groups"]:
                g["id"] = "nhom-1"
        return self._scenario("duplicate-group-ids", "trùng mã nhóm", change)

    def _bad_groups_100000(self) -> Path:
        return self._scenario("100000-bad-groups", "100.000 nhóm hỏng", lambda d: d.update(
            groups=[{"name": f"Nhóm {i}", "members": ["99999", "99998"]} for i in range(100_000)]))

    def _override_without_source(self) -> Path:
        return self._scenario("no-source", "thiếu nguồn", lambda d: d.update(overrides=[{"unit": "28816", "population": 3093}]))

    def _number_10_400(self) -> Path:
        text = json.dumps(dict(self._seed(), name="Phương án số khổng lồ",
                               overrides=[{"unit": "28816", "population": 1, "source": "x"}]), ensure_ascii=False)
        text = text.replace('"population": 1,', '"population": 1' + "0" * 400 + ",")
        return self._write("scenario-10-400.json", text.encode("utf-8"))

    def _nan_override(self) -> Path:
        text = json.dumps(dict(self._seed(), name="Phương án NaN",
                               overrides=[{"unit": "28816", "population": 1, "source": "x"}]), ensure_ascii=False)
        return self._write("scenario-nan.json", text.replace('"population": 1,', '"population": NaN,').encode())

    def _shadowing_id(self) -> Path:
        """A file whose id is the name of the district's plan: opened by that name, it would win."""
        return self._scenario("shadowing-id", "giả", lambda d: d.update(id="Phương án 2019", groups=[]))

    def _deep_json(self) -> Path:
        return self._write("scenario-deep.json", ("[" * 200_000 + "]" * 200_000).encode())

    def _list_json(self) -> Path:
        return self._write("scenario-list.json", b"[1, 2, 3]")

    def _unknown_rules(self) -> Path:
        return self._scenario("unknown-rules", "luật lạ", lambda d: d.update(rules="nq999-2099"))

    def _members_not_list(self) -> Path:
        return self._scenario("members-not-a-list", "thành viên sai", lambda d: d["groups"][0].update(members="28813,28816"))

    def _geojson_as_scenario(self) -> Path:
        return self._write("ranh-gioi-nhu-phuong-an.json", self._layer_text(BEN_TRE).encode())

    # ----- gesture files (replay) ------------------------------------------------------------
    def _gestures(self, slug: str, gestures, fmt: str = "sapxep-gestures/1") -> Path:
        text = json.dumps({"format": fmt, "gestures": gestures}, ensure_ascii=False)
        return self._write(f"gestures-{slug}.json", text.encode("utf-8"))

    def _good_gestures(self) -> Path:
        return self._gestures("good", [{"do": "merge", "units": ["28840", "28843"], "name": "Tân Phú"}])

    def _gestures_unknown_do(self) -> Path:
        return self._gestures("unknown-do", [{"do": "explode", "group": "Giao Long"}])

    def _gestures_unknown_unit(self) -> Path:
        return self._gestures("unknown-unit", [{"do": "merge", "units": ["28840", "99999"]}])

    def _gestures_100000_bad(self) -> Path:
        return self._gestures("100000-bad", [{"do": "add", "group": "Không có", "units": ["99999"]}] * 100_000)

    def _gestures_override_without_source(self) -> Path:
        return self._gestures("no-source", [{"do": "override", "unit": "28816", "population": 3093}])

    def _gestures_number_10_400(self) -> Path:
        path = self._gestures("10-400", [{"do": "override", "unit": "28816", "population": 1, "source": "x"}])
        path.write_text(path.read_text(encoding="utf-8").replace('"population": 1,', '"population": 1' + "0" * 400 + ","),
                        encoding="utf-8")
        return path

    def _gestures_not_a_list(self) -> Path:
        return self._write("gestures-not-a-list.json", b'{"format": "sapxep-gestures/1", "gestures": "merge"}')

    def _gestures_wrong_format(self) -> Path:
        return self._gestures("wrong-format", [{"do": "undo"}], fmt="sapxep-scenario/1")

    def _gestures_rename_to_a_taken_name(self) -> Path:
        return self._gestures("taken-name", [{"do": "rename", "group": "Giao Long", "name": "An Phước"}])

    # ----- boundary layers -------------------------------------------------------------------
    def _layer_text(self, origin, codes=CHAU_THANH_CODES, nan_first: bool = False) -> str:
        from shapely.geometry import mapping
        feats = []
        for code, geom in zip(codes, _boxes(origin, codes)):
            g = mapping(geom)
            g["coordinates"] = [[list(p) for p in ring] for ring in g["coordinates"]]
            feats.append({"type": "Feature", "properties": {"gso_code": code}, "geometry": g})
        text = _feature_collection(feats)
        if nan_first:
            first = feats[0]["geometry"]["coordinates"][0][1]
            text = text.replace(json.dumps(first), "[NaN, NaN]", 1)
        return text

    def _far_from_vietnam(self) -> Path:
        return self._write("ranh-gioi-o-paris.geojson", self._layer_text(PARIS).encode())

    def _nan_coordinates(self) -> Path:
        return self._write("ranh-gioi-nan.geojson", self._layer_text(BEN_TRE, nan_first=True).encode())

    def _nan_gpkg(self) -> Path:
        import geopandas as gpd
        from shapely.geometry import Polygon
        geoms = _boxes(BEN_TRE, CHAU_THANH_CODES)
        geoms[0] = Polygon([(106.3, 10.3), (float("nan"), float("nan")), (106.32, 10.3), (106.3, 10.32)])
        path = self.path("ranh-gioi-nan.gpkg")
        gpd.GeoDataFrame({"gso_code": CHAU_THANH_CODES}, geometry=geoms, crs="EPSG:4326").to_file(path)
        return path

    def _several_layers(self) -> Path:
        import geopandas as gpd
        path = self.path("nhieu-lop.gpkg")
        few = CHAU_THANH_CODES[:4]
        gpd.GeoDataFrame({"gso_code": few}, geometry=_boxes(BEN_TRE, few), crs="EPSG:4326").to_file(
            path, layer="a_diem_sai")
        gpd.GeoDataFrame({"gso_code": CHAU_THANH_CODES}, geometry=_boxes(BEN_TRE, CHAU_THANH_CODES),
                         crs="EPSG:4326").to_file(path, layer="ranh_gioi_xa")
        return path

    def _good_layer(self) -> Path:
        return self._write("ranh-gioi-hop-le.geojson", self._layer_text(BEN_TRE).encode())

    def _csv_as_layer(self) -> Path:
        return self._write("bang-so-lieu.csv", (ROOT / "data" / "chau_thanh_2019" / "units.csv").read_bytes())

    def _xlsx_as_layer(self) -> Path:
        from openpyxl import Workbook
        wb = Workbook()
        ws = wb.active
        ws.append(["gso_code", "name", "population"])
        for code in CHAU_THANH_CODES:
            ws.append([code, f"Xã {code}", 5000])
        path = self.path("bang-so-lieu.xlsx")
        wb.save(path)
        return path

    # ----- statistics tables (new-project) ---------------------------------------------------
    def _synthetic(self) -> tuple[Path, Path]:
        from core.imports.synthetic import write_synthetic_files
        return write_synthetic_files(12, self.folder / "synthetic", seed=4)

    def _synthetic_layer(self) -> Path:
        return self._synthetic()[0]

    def _synthetic_stats(self) -> Path:
        return self._synthetic()[1]

    def _rewrite_stats(self, name: str, change, delimiter: str = ",") -> Path:
        rows = list(csv.reader(open(self._synthetic()[1], encoding="utf-8")))
        change(rows)
        path = self.path(name)
        with open(path, "w", encoding="utf-8", newline="") as fh:
            csv.writer(fh, delimiter=delimiter).writerows(rows)
        return path

    def _vietnamese_numbers(self) -> Path:
        """Saved from Excel in the Vietnamese locale: '12.345' people, '0,26' km²."""
        def change(rows):
            rows[0].append("area_km2")
            for r in rows[1:]:
                r[7] = f"{int(r[7]):,}".replace(",", ".")
                r.append("28,5")
        return self._rewrite_stats("so-lieu-dinh-dang-viet.csv", change)

    def _semicolon_table(self) -> Path:
        return self._rewrite_stats("so-lieu-cham-phay.csv", lambda rows: None, delimiter=";")

    def _stats_as_layer_name(self) -> Path:
        return self._write("so-lieu.geojson", self._synthetic()[1].read_bytes())

    # ----- project databases -----------------------------------------------------------------
    def _other_program_sqlite(self) -> Path:
        path = self.path("chuong-trinh-khac.sqlite")
        conn = sqlite3.connect(path)
        conn.execute("create table contacts (name text, phone text)")
        conn.execute("insert into contacts values ('Nguyễn Văn A', '0901')")
        conn.commit()
        conn.close()
        return path

    def _empty_sqlite(self) -> Path:
        return self._write("rong.sqlite", b"")

    def _garbage_sqlite(self) -> Path:
        return self._write("hong.sqlite", b"SQLite format 3\x00" + random.Random(13).randbytes(8192))

    def _write(self, name: str, data: bytes) -> Path:
        path = self.path(name)
        path.write_bytes(data)
        return path

    def _sparse(self, name: str) -> Path:
        path = self.path(name)
        with open(path, "wb") as fh:
            fh.truncate(SPARSE_BYTES)
        return path


def copy_project(source: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return target
