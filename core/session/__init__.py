"""The planner's working session without Qt: open, edit through commands, undo, save, recover."""
from core.session.history import DEFAULT_LIMIT, History
from core.session.session import NoScenario, Session

__all__ = ["DEFAULT_LIMIT", "History", "NoScenario", "Session"]
