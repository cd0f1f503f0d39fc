"""The command line: ``python main.py <command>``. Uses core only; never starts Qt."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from core.cli import national as cli_national
from core.cli.report import scenario_json, scenario_text, unit_json, units_text
from core.common.messages import set_language
from core.domain.model import DataError
from core.domain.scenario import ScenarioError
from core.domain.scenario_io import read_scenario_file, write_scenario_file
from core.export.files import ExportError
from core.imports.boundaries import BoundaryError, import_boundaries
from core.law.evaluation import evaluate, evaluate_unit
from core.law.rules import UnknownRuleSet, all_rule_sets, get_rule_set
from core.law.wording import pick
from core.storage.store import ProjectError, open_project

COMMANDS = ("units", "rules", "scenarios", "check", "import-scenario", "export-scenario",
            "import-boundaries", "export", "compare")
COMMANDS += cli_national.COMMANDS


class CliError(Exception):
    pass


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="main.py",
        description="Sắp xếp đơn vị hành chính cấp xã – planning tool. Without a command, starts the app.")
    p.add_argument("--db", help="project database file (default: one in the user's data folder)")
    p.add_argument("--lang", choices=("vi", "en"), default="vi", help="language of the text output")
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("units", help="units with figures, %% of standard, must-merge and why")
    s.add_argument("--rules", default="nq653-2019", help="rule set id (default nq653-2019)")
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("rules", help="rule sets available")
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("scenarios", help="scenarios in the database")
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("check", help="evaluate a scenario (by name or id)")
    s.add_argument("scenario")
    s.add_argument("--rules", help="judge under another rule set than the scenario's")
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("import-scenario", help="add a scenario from a JSON file")
    s.add_argument("file")
    s.add_argument("--name", help="store under another name")

    s = sub.add_parser("export-scenario", help="write a scenario to a JSON file")
    s.add_argument("scenario")
    s.add_argument("--to", required=True, help="target .json file")

    s = sub.add_parser("export", help="write a scenario summary: .pdf .xlsx .csv .gpkg .geojson")
    s.add_argument("scenario")
    s.add_argument("--to", required=True, help="target file; the extension chooses the format")
    s.add_argument("--rules", help="judge under another rule set than the scenario's")

    s = sub.add_parser("compare", help="compare two or more scenarios side by side")
    s.add_argument("scenarios", nargs="+", metavar="SCENARIO")
    s.add_argument("--rules", help="judge every scenario under this rule set")
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("import-boundaries", help="import a boundary layer (GeoPackage, Shapefile, GeoJSON)")
    s.add_argument("file")
    g = s.add_mutually_exclusive_group()
    g.add_argument("--code-field", help="field holding the GSO unit code")
    g.add_argument("--name-field", help="field holding the unit name")
    s.add_argument("--tolerance", type=float, default=0.0, help="snapping tolerance for adjacency, metres")
    s.add_argument("--json", action="store_true")
    cli_national.add_commands(sub)
    return p


def _print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def cmd_rules(args, out) -> None:
    rules = all_rule_sets()
    if args.json:
        _print_json([{"id": r.id, "title": r.title, "citation": r.citation, "period": r.period,
                      "standards_source": r.standards_source,
                      "must_merge": [{"id": c.id, "text": pick(c.text), "article": c.article,
                                      "uncertain": c.uncertain} for c in r.criteria],
                      "uncertain": r.uncertain} for r in rules.values()])
        return
    for r in rules.values():
        print(f"{r.id:12} {pick(r.title, args.lang)}")
        print(f"{'':12} {r.citation}")
        for c in r.criteria:
            print(f"{'':12} – {pick(c.text, args.lang)}" + (" (chưa xác minh)" if c.uncertain else ""))


def cmd_units(args, project) -> None:
    rules = get_rule_set(args.rules)
    results = [evaluate_unit(u, rules) for u in project.dataset.units.values()]
    if args.json:
        must = [r for r in results if r.must_merge]
        by_province: dict[str, dict] = {}
        for r in results:
            p = by_province.setdefault(r.unit.province or "", {"units": 0, "must_merge": 0})
            p["units"] += 1
            p["must_merge"] += int(r.must_merge)
        _print_json({"rules": rules.id, "dataset": project.dataset.name, "count": len(results),
                     "must_merge_count": len(must), "by_province": by_province,
                     "units": [unit_json(r) for r in results]})
    else:
        print(f"{project.dataset.name}")
        print(units_text(results, rules, args.lang))


def cmd_scenarios(args, project) -> None:
    items = project.scenarios()
    if args.json:
        _print_json([{"id": s.id, "name": s.name, "rules": s.rules, "groups": len(s.groups),
                      "description": s.description, "created": s.created, "modified": s.modified}
                     for s in items])
        return
    for s in items:
        print(f"{s.id}  {s.name}  [{s.rules}]  {len(s.groups)} nhóm")


def cmd_check(args, project) -> None:
    scenario = project.get_scenario(args.scenario)
    rules = get_rule_set(args.rules or scenario.rules)
    result = evaluate(project.dataset, rules, scenario)
    if args.json:
        _print_json(scenario_json(result, args.lang))
    else:
        print(scenario_text(result, args.lang))


def cmd_import_scenario(args, project) -> None:
    scenario = read_scenario_file(args.file, project.dataset)
    get_rule_set(scenario.rules)
    if args.name:
        scenario.name = args.name
    project.add_scenario(scenario)
    print(f"Đã nhập phương án “{scenario.name}” ({len(scenario.groups)} nhóm), id {scenario.id}")


def cmd_export_scenario(args, project) -> None:
    scenario = project.get_scenario(args.scenario)
    target = Path(args.to)
    if target.suffix.lower() != ".json":
        raise CliError(f"{target}: export-scenario writes JSON; use a .json file name "
                       "(use 'export' for PDF, XLSX, CSV, GPKG, GeoJSON)")
    write_scenario_file(scenario, target)
    print(f"Đã ghi phương án “{scenario.name}” vào {target}")


def cmd_import_boundaries(args, project) -> None:
    report = import_boundaries(project, args.file, code_field=args.code_field,
                               name_field=args.name_field, tolerance_m=args.tolerance)
    if args.json:
        _print_json(report.as_dict())
        return
    d = report.as_dict()
    print(f"Tệp: {args.file} – {d['features']} đối tượng, ghép theo {d['match_by']}")
    print(f"Ghép được: {d['matched']}; không ghép được: {len(d['unmatched_features'])} đối tượng, "
          f"{len(d['unmatched_units'])} đơn vị")
    for item in d["unmatched_features"]:
        print(f"  đối tượng không ghép được: {item}")
    for code in d["unmatched_units"]:
        print(f"  đơn vị không có ranh giới: {code} {project.dataset.units[code].name}")
    for item in d["repaired"]:
        print(f"  đã sửa hình học: {item}")
    for item in d["rejected"]:
        print(f"  bỏ qua: {item}")
    for item in d["notes"]:
        print(f"  ghi chú: {item}")
    print(f"Quan hệ liền kề suy ra từ ranh giới: {d['adjacency_pairs']} cặp "
          f"(thêm {len(d['adjacency_added'])}, bớt {len(d['adjacency_removed'])} so với trước)")
    for a, b in d["adjacency_added"]:
        print(f"  + {a} – {b}")
    for a, b in d["adjacency_removed"]:
        print(f"  − {a} – {b}")
    print("Diện tích (số liệu dùng để xét / tính từ ranh giới):")
    for code, item in d["areas"].items():
        print(f"  {code} {project.dataset.units[code].name}: {item['official_or_recorded_km2']:.3f} / "
              f"{item['computed_km2']:.3f} km² ({item['difference_pct']:+.1f} %)")


def cmd_export(args, project) -> None:
    from core.export import FORMATS, export_scenario, format_of
    suffix = format_of(args.to)              # an unsupported name fails before any work
    scenario = project.get_scenario(args.scenario)
    rules = get_rule_set(args.rules) if args.rules else None
    dossier = export_scenario(project, scenario, args.to, rules)
    print(f"Đã ghi {FORMATS[suffix]} của phương án “{scenario.name}” ({dossier.rules_id}) vào {args.to}")


def cmd_compare(args, project) -> None:
    from core.analysis.compare import LABELS, compare
    from core.cli.compare_text import comparison_json, comparison_text
    if len(args.scenarios) < 2:
        raise CliError("compare needs at least two scenarios")
    if len(args.scenarios) > len(LABELS):
        raise CliError(f"compare takes at most {len(LABELS)} scenarios")
    scenarios = [project.get_scenario(ref) for ref in args.scenarios]
    comp = compare(project.dataset, scenarios, get_rule_set(args.rules) if args.rules else None)
    if args.json:
        _print_json(comparison_json(comp, args.lang))
    else:
        print(comparison_text(comp, args.lang))


HANDLERS = {"export": cmd_export, "compare": cmd_compare,"units": cmd_units, "scenarios": cmd_scenarios, "check": cmd_check,
            "import-scenario": cmd_import_scenario, "export-scenario": cmd_export_scenario,
            "import-boundaries": cmd_import_boundaries}
HANDLERS.update(cli_national.HANDLERS)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    set_language(args.lang)
    try:
        if args.command == "rules":
            cmd_rules(args, None)
            return 0
        if cli_national.run(args) is not None:
            return 0
        project = open_project(args.db)
        try:
            HANDLERS[args.command](args, project)
        finally:
            project.close()
        return 0
    except (UnknownRuleSet, ProjectError, ScenarioError, BoundaryError, DataError, CliError,
            ExportError) as exc:
        print(f"Lỗi / error: {exc}", file=sys.stderr)
        return 2
    except FileNotFoundError as exc:
        print(f"Lỗi / error: no such file: {exc.filename}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
