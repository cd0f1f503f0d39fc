"""Synthetic tessellations: the sizes asked for, a planar-like adjacency, reproducible."""
from core.imports.synthetic import synthetic_dataset


def test_a_tessellation_has_the_units_asked_for_and_is_connected():
    dataset, geoms, _ = synthetic_dataset(300, seed=5)
    assert len(dataset.units) == len(geoms) == 300
    assert dataset.is_connected(dataset.units)
    mean_neighbours = 2 * len(dataset.adjacency) / 300
    assert 4.5 < mean_neighbours < 6.5
    assert abs(sum(u.area.value for u in dataset.units.values()) / 300 - 30) < 5


def test_the_same_seed_gives_the_same_units():
    a, _, _ = synthetic_dataset(50, seed=9)
    b, _, _ = synthetic_dataset(50, seed=9)
    assert a.units == b.units and a.adjacency == b.adjacency
