"""The Qt application: adapts ``core`` objects to windows, models and scenes."""
from .none_guard import install as _install_none_guard

_install_none_guard()
