"""The labels of a threshold bar never overprint one another and stay on the bar."""
from itertools import pairwise

from gui.threshold_bar import GAP, label_places


def overlaps(places):
    return any(a[0] + a[2] + GAP > b[0] + 0.01 for a, b in pairwise(places))


def test_70_and_100_percent_close_together_are_pushed_apart():
    places = label_places([200.0, 212.0], [30.0, 38.0], 300.0, ["70 %", "100 %"])
    assert len(places) == 2 and not overlaps(places)


def test_labels_near_the_right_end_are_pulled_back_inside_without_overprinting():
    places = label_places([280.0, 295.0], [30.0, 38.0], 300.0, ["70 %", "100 %"])
    assert len(places) == 2 and not overlaps(places)
    assert places[-1][0] + places[-1][2] <= 299 and places[0][0] >= 0


def test_a_bar_too_narrow_for_every_label_keeps_the_standard():
    places = label_places([20.0, 30.0, 40.0], [30.0, 30.0, 38.0], 60.0, ["30 %", "70 %", "100 %"])
    assert [text for _, text, _ in places] == ["100 %"]
