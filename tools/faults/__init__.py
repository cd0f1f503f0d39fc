"""The fault harness behind tools/fault_harness.py: operations, fault kinds, snapshots, verdicts."""
