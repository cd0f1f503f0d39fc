"""Hostile cases today's code fails, by test, each with its class of failure (issue 10).

Keys are case ids (``hostile_cases.py``), with ``-vi``/``-en`` when only one language fails.
The tests mark them xfail(strict=True): fix the class, the case passes, strict fails, and
the entry goes from here.
"""

TRACEBACK_TODAY: dict[str, str] = {}
EXPECT_TODAY: dict[str, str] = {}
ENGLISH_TODAY: dict[str, str] = {}
