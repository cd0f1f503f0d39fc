"""Hostile cases today's code fails, by test, each with its class of failure (issue 10).

Keys are case ids (``hostile_cases.py``), with ``-vi``/``-en`` when only one language fails.
The tests mark them xfail(strict=True): fix the class, the case passes, strict fails, and
the entry goes from here.
"""
# ruff: noqa: E501

DEV_ZERO = "'unexpected failure', exit 1: /dev/zero is read to the end (MemoryError)"
HUGE_NUMBER = "'unexpected failure', exit 1: 10**400 in a scenario file (OverflowError)"
TIME_LIMIT_NAN = 'propose --time-limit nan is taken silently'
UNEXPECTED_NOT_REFUSAL = "an 'unexpected failure' (exit 1) where a refusal in words is due"
DUPLICATE_GROUP_IDS = 'a scenario file with duplicate group ids is accepted (dissolving group 2 would dissolve group 1)'
OVERRIDE_WITHOUT_SOURCE = "an override without 'source' is accepted though the README requires it"
SHADOWING_ID = "a scenario file whose id is 'Phương án 2019' shadows the district's plan: that name now opens the impostor"
FILE_AS_FOLDER = "a file where the project's folder should be is refused with the untranslated OS text 'File exists'"
READONLY_FOLDER_MISNAMED = "a project in a read-only folder is refused as 'the folder does not exist or cannot be reached'"

TRACEBACK_TODAY: dict[str, str] = {
    **dict.fromkeys(['import-scenario-dev-zero', 'replay-dev-zero'], DEV_ZERO),
    **dict.fromkeys(['import-scenario-number-10-400'], HUGE_NUMBER),
}
EXPECT_TODAY: dict[str, str] = {
    **dict.fromkeys(['propose-time-limit-nan'], TIME_LIMIT_NAN),
    **dict.fromkeys(['import-scenario-dev-zero', 'import-scenario-number-10-400', 'replay-dev-zero'],
                    UNEXPECTED_NOT_REFUSAL),
    **dict.fromkeys(['import-scenario-duplicate-group-ids'], DUPLICATE_GROUP_IDS),
    **dict.fromkeys(['import-scenario-override-without-source'], OVERRIDE_WITHOUT_SOURCE),
    **dict.fromkeys(['import-scenario-shadowing-id'], SHADOWING_ID),
    **dict.fromkeys(['units-db-file_as_parent_db', 'import-scenario-db-file_as_parent_db', 'import-boundaries-db-file_as_parent_db'], FILE_AS_FOLDER),
    **dict.fromkeys(['units-db-readonly_folder', 'import-scenario-db-readonly_folder', 'import-boundaries-db-readonly_folder'], READONLY_FOLDER_MISNAMED),
}
ENGLISH_TODAY: dict[str, str] = {}
