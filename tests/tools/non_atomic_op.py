"""An operation that writes in two transactions, for proving the fault harness sees a half-state.

Loaded with ``tools/fault_harness.py --extra tests/tools/non_atomic_op.py --ops two-commits``.
"""
from tools.faults.operations import setup_chau_thanh
from tools.faults.registry import Operation, register

TWO_COMMITS = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1])
conn.execute("insert into meta values ('step_1', 'done')")
conn.commit()
time.sleep(0.5)                     # a kill now leaves step 1 without step 2
conn.execute("insert into meta values ('step_2', 'done')")
conn.commit()
print("both steps written")
"""

register(Operation("two-commits", "two transactions where one is due (a planted fault for the harness's own test)",
                   setup=setup_chau_thanh, argv=lambda case: ["-c", TWO_COMMITS, str(case.db)],
                   kinds=("kill",)))
