"""The message catalogue: every code a planner can meet has Vietnamese and English text."""
from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from core.common import errors
from core.common.messages import LANGUAGES, Message, catalogue, placeholders, say

ROOT = Path(__file__).resolve().parents[3]
# Calls whose first argument is a message code.
CODE_CALLS = {"Message", "say", "line", "_err", "CoreError", "ScenarioError", "DataError", "ProjectError",
              "StatsError", "BoundaryError", "ExportError", "MatchError", "ConflictError", "UnknownScenario",
              "UnknownRuleSet", "RuleSetError", "CliError"}


def _codes_used() -> dict[str, str]:
    """Every literal message code in core/ and gui/ → where it is used."""
    found: dict[str, str] = {}
    for path in sorted((ROOT / "core").rglob("*.py")) + sorted((ROOT / "gui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            first = node.args[0]
            if name in CODE_CALLS and isinstance(first, ast.Constant) and isinstance(first.value, str) \
                    and " " not in first.value and "." in first.value:
                found.setdefault(first.value, f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def _sample(spec: str) -> object:
    if spec in ("area", "int", "num", "pct"):
        return 1234.5
    if spec in ("list", "and", "clauses"):
        return ["Giao Long", "Giao Hòa"]
    if spec.startswith("@"):
        return "xa"
    if spec.startswith("n|"):
        return 2
    if spec == "msg":
        return Message("where.group_name")
    return "Giao Hòa"


def test_every_message_has_vietnamese_and_english_text():
    missing = [(code, lang) for code, entry in catalogue().items() for lang in LANGUAGES
               if not entry.get(lang, "").strip()]
    assert not missing


def test_both_languages_of_a_message_use_the_same_figures():
    differ = [code for code, entry in catalogue().items()
              if placeholders(entry["vi"]) != placeholders(entry["en"])]
    assert not differ


def test_every_message_code_used_in_the_code_is_in_the_catalogue():
    unknown = {code: where for code, where in _codes_used().items() if code not in catalogue()}
    assert not unknown, f"message codes without text: {unknown}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_can_be_worded_with_its_figures(lang):
    for code, entry in catalogue().items():
        params = {name.split(".")[0]: _sample(spec or "")
                  for _, name, spec, _ in string.Formatter().parse(entry[lang]) if name}
        text = say(code, lang, **params)
        assert text and "{" not in text, code


def test_a_refusal_reads_in_the_chosen_language_and_names_the_unit():
    exc = errors.CoreError("scenario.unit_in_two_groups", unit="Giao Hòa (28816)", group="Giao Long",
                           where=Message("where.group", index=2, name="An Phước"))
    assert exc.text("vi") == ("Nhóm thứ 2 (An Phước): đơn vị Giao Hòa (28816) đã thuộc nhóm Giao Long; "
                              "mỗi đơn vị chỉ thuộc một nhóm.")
    assert exc.text("en").startswith("Group 2 (An Phước): the unit Giao Hòa (28816) is already in group")


def test_figures_in_a_message_are_written_as_each_language_writes_them():
    assert say("data.negative", "vi", field=Message("field.population"), value=-3093.5,
               where=Message("where.unit", code="28816")) == "Đơn vị mã 28816: quy mô dân số là số âm (-3.093,5)."
    assert say("data.negative", "en", field=Message("field.population"), value=-3093.5,
               where=Message("where.unit", code="28816")) == "Unit 28816: the population is negative (-3,093.5)."


def test_a_long_list_of_problems_shows_the_first_twenty_and_how_many_more():
    exc = errors.CoreError([Message("scenario.unknown_unit", code=str(i), where=Message("where.edit"))
                            for i in range(25)])
    lines = exc.text("vi").splitlines()
    assert len(lines) == 21 and lines[-1] == "… và 5 vấn đề khác."


def _finding_codes() -> dict[str, str]:
    """Every Finding the evaluation makes → where (its first argument is the finding's code)."""
    found = {}
    for path in sorted((ROOT / "core" / "law").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Finding" and node.args:
                first = node.args[0]
                codes = [first.value] if isinstance(first, ast.Constant) else []
                if isinstance(first, ast.Name) and first.id == "what":
                    codes = ["area", "population"]          # the loop over both figures
                for code in codes:
                    found.setdefault(code, f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_every_finding_of_the_evaluation_has_its_sentence_in_both_languages():
    codes = _finding_codes()
    assert {"area", "population", "contiguous", "not_contiguous", "name_clash"} <= set(codes)
    missing = {code: where for code, where in codes.items() if f"finding.{code}" not in catalogue()}
    assert not missing


def test_every_kind_verdict_and_severity_has_its_words():
    from core.domain.model import KINDS
    from core.law.evaluation import FAIL, PASS
    from core.law.verdict import EXCEPTION, FAILS, MEETS
    codes = [f"kind.{k}" for k in KINDS] + [f"verdict.{v}" for v in (MEETS, EXCEPTION, FAILS, PASS, FAIL)] \
        + [f"severity.{s}" for s in ("ok", "info", "warning", "fail")]
    assert not [c for c in codes if c not in catalogue()]


def test_argparse_words_are_argparse_own_texts():
    """The argparse.* entries are looked up by argparse's English text: each must be one it uses."""
    import argparse
    source = Path(argparse.__file__).read_text(encoding="utf-8")
    unknown = [code for code, entry in catalogue().items()
               if code.startswith("argparse.") and repr(entry["en"]) not in source
               and repr(entry["en"]).replace("'", '"') not in source]
    assert not unknown


def _sentences_raised() -> list[str]:
    """Errors a planner reads, still raised with an English sentence instead of a message code
    (ValueError and the like are programming errors, caught before anyone reads them)."""
    out = []
    for path in sorted((ROOT / "core").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args:
                func, first = node.exc.func, node.exc.args[0]
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
                sentence = isinstance(first, ast.JoinedStr) or (
                    isinstance(first, ast.Constant) and isinstance(first.value, str) and " " in first.value)
                if name in CODE_CALLS - {"Message", "say"} and sentence:
                    out.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return out


def test_core_raises_no_english_sentences():
    assert not _sentences_raised()


def test_codes_made_from_data_keys_have_their_text():
    """Codes built at run time from a key: export formats, comparison measures, data sources."""
    from core.analysis.compare import MEASURES
    from core.cli.report import UNIT_COLUMNS
    from core.domain.datasets import SOURCE_KINDS
    from core.export import FORMATS
    codes = [f"export.format.{f}" for f in FORMATS.values()] + [f"compare.measure.{m}" for m in MEASURES] \
        + [f"source.{s}" for s in SOURCE_KINDS.values()] + [f"cli.units.head.{c}" for c in UNIT_COLUMNS]
    assert not [c for c in codes if c not in catalogue()]
