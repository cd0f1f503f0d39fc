"""The autosave journal goes through the version check, is keyed by the exact id, skips a bad
entry with a word, and leaves nothing after the scenario is back as saved."""
import json

from core.domain.commands import Dissolve
from core.session import Session
from core.storage.journal import NEW, ON_STORED, STALE, Journal
from core.storage.store import Project


def _session(project):
    s = Session(project)
    s.open("Phương án 2019")
    return s


def _edit(session):
    session.do(Dissolve([session.scenario.groups[0].id]))


def test_an_entry_older_than_a_colleagues_save_is_recovered_as_a_new_scenario_not_over_it(project):
    mine = _session(project)
    _edit(mine)
    mine.autosave()                                    # then the window crashes
    colleague = _session(Project(project.path))
    colleague.scenario.description = "bản của đồng nghiệp"
    colleague.save()
    colleague.scenario.description = "bản của đồng nghiệp, lần 2"
    colleague.save()
    again = Session(Project(project.path))
    (entry,) = again.recovery_offer().entries
    assert entry.kind == STALE and entry.stored_version == 3
    again.recover(entry)
    stored = again.project.get_scenario("Phương án 2019")
    assert stored.description == "bản của đồng nghiệp, lần 2" and stored.version == 3
    recovered = again.project.get_scenario("Phương án 2019 (bản khôi phục)")
    assert len(recovered.groups) == len(stored.groups) - 1
    assert not again.journal.pending()


def test_an_entry_on_the_version_still_stored_comes_back_onto_it_as_one_undoable_step(project):
    mine = _session(project)
    _edit(mine)
    mine.autosave()
    again = Session(Project(project.path))
    (entry,) = again.recovery_offer().entries
    assert entry.kind == ON_STORED
    again.recover(entry)
    assert again.dirty and len(again.scenario.groups) == len(mine.scenario.groups)
    again.undo()
    assert not again.dirty


def test_an_entry_of_a_scenario_never_saved_is_stored_as_new(project):
    mine = _session(project)
    _edit(mine)
    mine.journal.write(mine.scenario.duplicate("Chưa lưu lần nào"))
    offer = Session(Project(project.path)).recovery_offer()
    assert NEW in {e.kind for e in offer.entries}


def test_ids_that_differ_only_in_punctuation_do_not_share_an_entry(project, tmp_path):
    journal = Journal(project.path)
    first, second = project.get_scenario("Phương án 2019"), project.get_scenario("Phương án 2019")
    first.id, first.name = "pa-1", "Một"
    second.id, second.name = "pa_1", "Hai"
    journal.write(first)
    journal.write(second)
    assert sorted(s.name for s in journal.pending()) == ["Hai", "Một"]
    journal.discard("pa-1")
    assert [s.name for s in journal.pending()] == ["Hai"]


def test_an_unreadable_entry_is_named_and_skipped_and_the_others_still_offered(project):
    mine = _session(project)
    _edit(mine)
    mine.autosave()
    (mine.journal.directory / "hong.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    (mine.journal.directory / "rac.json").write_text(json.dumps({"name": 5}), encoding="utf-8")
    offer = Session(Project(project.path)).recovery_offer()
    assert [e.scenario.name for e in offer.entries] == ["Phương án 2019"]
    assert sorted(offer.unreadable) == ["hong.json", "rac.json"]
    assert all(p.code == "journal.entry_unreadable" for p in offer.problems)
    assert "hong.json" in offer.problems[0].text("vi")


def test_undoing_back_to_the_saved_state_leaves_no_entry_for_the_next_start(project):
    mine = _session(project)
    _edit(mine)
    mine.autosave()
    mine.undo()
    mine.autosave()             # the timer's next tick, or the window's clean quit
    assert Session(Project(project.path)).recovery_offer().entries == []
