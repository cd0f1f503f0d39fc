"""Command-line commands for national-scale projects (hooked into ``core.cli.run``):

* ``new-project --boundaries FILE --stats FILE.csv [--tolerance M] [--name TEXT]`` — create
  the project database given by ``--db`` (must not exist) and report the join;
* ``unmatched`` — polygons and rows the import could not pair, with suggestions;
* ``resolve-match CODE ROW`` — pair a polygon with a statistics row by hand (saved);
* ``provinces [--rules ID] [--scenario S] [--district]`` — units and must-merge units per province.
"""
from __future__ import annotations

import json
import sys

COMMANDS = ("new-project", "unmatched", "resolve-match", "provinces")


def add_commands(sub) -> None:
    from core.imports.national import DEFAULT_TOLERANCE_M
    s = sub.add_parser("new-project", help="create a project (--db, a new file) from a boundary layer "
                                           "joined with a statistics table")
    s.add_argument("--boundaries", required=True, help="boundary layer (GeoJSON, GeoPackage, Shapefile)")
    s.add_argument("--stats", required=True, help="statistics table (CSV UTF-8)")
    s.add_argument("--tolerance", type=float, default=DEFAULT_TOLERANCE_M,
                   help=f"snapping tolerance for adjacency, metres (default {DEFAULT_TOLERANCE_M:g})")
    s.add_argument("--name", default="", help="name of the dataset")
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("unmatched", help="polygons and statistics rows the import could not pair")
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("resolve-match", help="pair an unmatched polygon with a statistics row by hand")
    s.add_argument("code", help="the polygon's unit code")
    s.add_argument("row", help="the row's id (e.g. ward_id) or its line number")

    s = sub.add_parser("provinces", help="units and must-merge units per province (or district)")
    s.add_argument("--rules", default="nq653-2019")
    s.add_argument("--scenario", help="also count grouped and unresolved units of this scenario")
    s.add_argument("--district", action="store_true", help="per district instead of per province")
    s.add_argument("--json", action="store_true")


def _print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _progress(frac: float, msg: str) -> None:
    print(f"\r[{frac * 100:5.1f} %] {msg:<40}", end="", file=sys.stderr, flush=True)


def cmd_new_project(args) -> None:
    from pathlib import Path

    from core.common.paths import default_db_path
    from core.imports.national import import_national
    db = Path(args.db) if args.db else default_db_path()
    project, report = import_national(db, args.boundaries, args.stats, tolerance_m=args.tolerance,
                                      name=args.name, progress=None if args.json else _progress)
    project.close()
    if not args.json:
        print(file=sys.stderr)
    d = report.as_dict()
    if args.json:
        _print_json(d)
        return
    print(f"Đã tạo dự án {db}: {report.matched} đơn vị")
    print(f"Ranh giới: {report.features} đa giác; bảng số liệu: {report.rows} dòng; ghép theo {report.join_by}")
    print(f"Tỉ lệ ghép: {report.matched}/{report.features} = {100 * report.match_rate:.2f} % "
          f"({', '.join(f'{k}: {v}' for k, v in report.stages.items())})")
    print(f"Không ghép được: {len(report.unmatched_features)} đa giác, {len(report.unmatched_rows)} dòng "
          f"(xem lệnh 'unmatched'; ghép tay bằng 'resolve-match MÃ DÒNG')")
    for f in report.unmatched_features:
        print(f"  đa giác {f['code']}: {f['name'] or '(không tên)'}, {f['district']}, {f['province']}")
    if report.fuzzy:
        print(f"Ghép theo tên gần đúng ({len(report.fuzzy)}), nên kiểm tra:")
        for f in report.fuzzy:
            print(f"  {f['code']} {f['layer']} ({f['district']}) ← {f['row_name']} [{f['row']}]")
    print(f"Liền kề: {report.pairs} cặp với dung sai {report.tolerance_m:g} m"
          + (f"; cạnh chung chính xác: {report.pairs_exact} cặp; dung sai thêm "
             f"{report.pairs_added_by_tolerance} cặp" if report.pairs_exact is not None else ""))
    for item in report.repaired:
        print(f"  đã sửa hình học: {item}")
    for item in report.rejected:
        print(f"  bỏ qua: {item}")
    for item in report.notes:
        print(f"  ghi chú: {item}")
    for item in report.warnings:
        print(f"CẢNH BÁO: chưa có cột phân loại (địa hình, biên giới, loại đô thị): mọi đơn vị được coi là "
              f"đồng bằng – xã miền núi, hải đảo bị xét theo tiêu chuẩn sai cho tới khi sửa. ({item})")


def cmd_unmatched(args, project) -> None:
    from core.imports.match_store import unmatched_features, unmatched_rows
    feats, rows = unmatched_features(project), unmatched_rows(project)
    if args.json:
        _print_json({"features": feats, "rows": rows})
        return
    print(f"Đa giác chưa ghép ({len(feats)}):")
    for f in feats:
        print(f"  {f['code']}  {f['name'] or '(không tên)'}, {f['district']}, {f['province']}")
        for s in f.get("suggestions", []):
            print(f"      gợi ý: dòng {s['row_id']}  {s['name']} ({s['district']}), "
                  f"dân số {s['population']:.0f}")
    print(f"Dòng số liệu chưa ghép ({len(rows)}):")
    for r in rows:
        print(f"  {r['row_id']}  {r['name']}, {r['district']}, {r['province']} ({r['kind']}), "
              f"dân số {r['population']:.0f}")


def cmd_resolve_match(args, project) -> None:
    from core.imports.match_store import resolve_match
    unit = resolve_match(project, args.code, args.row)
    n = len(project.dataset.neighbours(unit.code))
    print(f"Đã ghép đa giác {unit.code} với dòng {args.row}: {unit.name} ({unit.kind}), "
          f"dân số {unit.population.value:.0f}, {n} đơn vị liền kề")


def cmd_provinces(args, project) -> None:
    from core.analysis.summary import area_summary
    from core.law.rules import get_rule_set
    rules = get_rule_set(args.rules)
    scenario = project.get_scenario(args.scenario) if args.scenario else None
    rows = area_summary(project.dataset, rules, scenario, by="district" if args.district else "province")
    if args.json:
        _print_json({"rules": rules.id, "dataset": project.dataset.name,
                     "units": sum(r.units for r in rows), "must_merge": sum(r.must_merge for r in rows),
                     "areas": [r.as_dict() for r in rows]})
        return
    print(f"{project.dataset.name} – {rules.short}")
    print(f"{'Tỉnh / thành phố':40} {'Số ĐV':>7} {'Phải sắp xếp':>13}")
    for r in rows:
        print(f"{r.name[:40]:40} {r.units:>7} {r.must_merge:>13}")
    print(f"{'Cả nước / tổng':40} {sum(r.units for r in rows):>7} {sum(r.must_merge for r in rows):>13}")


def run(args) -> int | None:
    """Handle a national command; returns None for commands that need an open project."""
    if args.command == "new-project":
        cmd_new_project(args)
        return 0
    return None


HANDLERS = {"unmatched": cmd_unmatched, "resolve-match": cmd_resolve_match, "provinces": cmd_provinces}
