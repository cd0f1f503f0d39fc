"""The Qt application: adapts ``core`` objects to windows, models and scenes."""
