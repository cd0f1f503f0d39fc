"""Dialogs. Each is opened through a ``classmethod ask()`` that returns the planner's
answer (or None when cancelled), so tests replace ``ask`` and never block."""
