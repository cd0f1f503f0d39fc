"""The domain of the planning tool: units, rule sets, scenarios, evaluation, storage.

No Qt here: the GUI in ``gui/`` adapts these objects, and the command line uses them alone.
"""
