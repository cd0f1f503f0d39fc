"""Which state and figure set an open project reads, the same for a file and a shared store.

Both backends keep ``_state`` (a position, None for the first), ``_figures`` (a figure-set name,
None for the units' own) and the caches ``_dataset`` and ``_geometries`` that a change of either
empties; ``core.storage.history`` resolves names and builds the dataset.
"""
from __future__ import annotations

from core.domain.model import Dataset


class ChosenView:
    _state: int | None
    _figures: str | None
    _dataset: Dataset | None

    @property
    def dataset(self) -> Dataset:
        """The units of the state chosen (``use_state``; the first by default) with the figure set
        chosen (``use_figures``; the units' own by default)."""
        if self._dataset is None:
            from core.storage import history
            self._dataset = history.selected_dataset(self, self._state, self._figures)
        return self._dataset

    def use_state(self, ref: str | None) -> None:
        """Read the state ``ref`` (a name or position; None or "base": the first) from now on."""
        from core.storage import history
        position = (history.resolve_state(self, ref).position if ref else None) or None
        if position != self._state:
            self._state, self._dataset, self._geometries = position, None, None

    def use_figures(self, name: str | None) -> None:
        """Read the figure set ``name`` (None or "base": the units' own) from now on."""
        from core.storage import history
        chosen = history.resolve_figures(self, name).name if name else None
        chosen = None if chosen == "base" else chosen
        if chosen != self._figures:
            self._figures, self._dataset = chosen, None

    @property
    def figures_name(self) -> str:
        """The figure set read ("" for the units' own)."""
        return self._figures or ""

    @property
    def state_position(self) -> int:
        return self._state or 0
