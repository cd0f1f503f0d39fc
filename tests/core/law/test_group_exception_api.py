"""A planner records a group exception by picking one of the rule set's grounds and writing its
text; the verdict becomes "below standard – exception applies" with the article, in the session
(what the window calls), in the scenario file and after undo."""
import json

import pytest

from core.domain.commands import SetGroupException
from core.domain.scenario import ScenarioError
from core.domain.scenario_io import from_dict, to_dict
from core.law.evaluation import EXCEPTION, FAILS
from core.law.wording import ground_choices, group_verdict_label
from core.session import Session


@pytest.fixture
def session(project):
    s = Session(project)
    s.open("Phương án 2019")
    return s


def _giao_long(session):
    group = next(g for g in session.scenario.groups if g.name == "Giao Long")
    return group, next(r for r in session.result.groups if r.group.id == group.id)


def test_nq653_the_grounds_a_planner_picks_are_worded_in_both_languages_with_their_article(session):
    [choice] = ground_choices(session.rules, members=2)
    assert choice.id == "special-factors" and choice.fits and choice.needs_text
    assert choice.label.text("vi").startswith("Nhập 02 đơn vị hành chính cùng cấp")
    assert "Nghị quyết số 653/2019/UBTVQH14" in choice.label.text("en")
    assert choice.label.text("en").startswith("2 units of the same level")
    assert "yếu tố đặc thù" in choice.prompt.text("vi")
    assert not ground_choices(session.rules, members=3)[0].fits      # for exactly two units


def test_nq653_a_two_unit_group_with_the_special_factors_ground_is_below_standard_but_an_exception(session):
    group, before = _giao_long(session)
    assert before.verdict == FAILS
    session.do(SetGroupException(group.id, "Cù lao, sông Hàm Luông ngăn cách", ground="special-factors"))
    _, after = _giao_long(session)
    assert after.verdict == EXCEPTION and after.exception["ground"] == "special-factors"
    assert after.exception["reason"] == "Cù lao, sông Hàm Luông ngăn cách" and not after.exception["automatic"]
    label = group_verdict_label(after, "vi")
    assert "ngoại lệ" in label and "Nghị quyết số 653/2019/UBTVQH14" in label
    session.undo()
    assert _giao_long(session)[1].verdict == FAILS


def test_the_ground_and_its_text_are_kept_in_the_scenario_file_and_on_disk(session, project):
    group, _ = _giao_long(session)
    session.do(SetGroupException(group.id, "Cù lao", ground="special-factors"))
    data = json.loads(json.dumps(to_dict(session.scenario), ensure_ascii=False))
    item = next(g for g in data["groups"] if g["name"] == "Giao Long")
    assert item["exception"] == {"ground": "special-factors", "text": "Cù lao"}
    assert next(g for g in from_dict(data).groups if g.name == "Giao Long").exception_ground == "special-factors"
    session.save()
    reopened = Session(project)
    reopened.open("Phương án 2019")
    assert _giao_long(reopened)[1].verdict == EXCEPTION


def test_a_ground_needing_its_text_is_refused_without_it_and_nothing_changes(session):
    group, _ = _giao_long(session)
    with pytest.raises(ScenarioError) as refused:
        session.do(SetGroupException(group.id, "  ", ground="special-factors"))
    assert "needs its content" in refused.value.text("en")
    assert _giao_long(session)[0].exception_ground == "" and not session.can_undo
