"""Hostile cases today's code fails, by test, each with its class of failure (issue 10).

Keys are case ids (``hostile_cases.py``), with ``-vi``/``-en`` when only one language fails.
The tests mark them xfail(strict=True): fix the class, the case passes, strict fails, and
the entry goes from here.
"""
# ruff: noqa: E501

FOLDER_AS_FILE = 'a folder where a file is expected reaches the user as an IsADirectoryError traceback'
TABLE_AS_LAYER = 'a CSV/XLSX given as a boundary layer: pandas AttributeError traceback'
FILE_AS_FOLDER = "a file where the database's folder should be: FileExistsError traceback"
READONLY_FILE_WRITE = 'a read-only database file: sqlite3.OperationalError traceback on the first write'
NAN_COORDINATES = 'NaN coordinates reach GEOS: GEOSException traceback'
TOLERANCE_INF = '--tolerance inf reaches GEOS: GEOSException traceback'
DEV_ZERO = '/dev/zero is read to the end: MemoryError traceback'
HUGE_NUMBER = '10**400 in a scenario file: OverflowError traceback'
UNKNOWN_COMMAND = 'an unknown command opens the window instead of exiting 2 with the list of commands'
TRACEBACK_NOT_REFUSAL = 'a traceback (exit 1) where a refusal in words is due'
READONLY_UNNAMED = 'refused without naming read-only / chỉ đọc'
FAR_FROM_VIETNAM = 'imported with no word that the polygons lie far outside Vietnam'
LAYER_NOT_ASKED = 'a layer was taken without asking which (the file has two: a_diem_sai, ranh_gioi_xa)'
TOLERANCE_RANGE = 'a tolerance out of range (1e9, negative, nan) is taken silently'
DUPLICATE_GROUP_IDS = 'a scenario file with duplicate group ids is accepted (dissolving group 2 would dissolve group 1)'
OVERRIDE_WITHOUT_SOURCE = "an override without 'source' is accepted though the README requires it"
SHADOWING_ID = "'Phương án 2019' now opens the imported file's scenario 'Phương án giả'"
SEVERAL_LAYERS = 'a GeoPackage with several layers: the first is taken without asking which'
SEMICOLONS = "a ';'-delimited table is refused as 'missing columns', with no hint about the delimiter"
VIETNAMESE_NUMBERS = "a table in Vietnamese number format is misread silently ('12.345' people read as 12.345)"
PREFIX_IN_VIETNAMESE = "under --lang en the error starts with the Vietnamese 'Lỗi / error:' (issue 9: one translation path)"
PROGRESS_IN_VIETNAMESE = 'under --lang en the progress lines and the import report are Vietnamese (issue 9)'

TRACEBACK_TODAY: dict[str, str] = {
    **dict.fromkeys(['check-db-folder_db', 'compare-db-folder_db', 'export-db-folder_db', 'export-scenario-db-folder_db', 'import-boundaries-db-folder_db', 'import-scenario-db-folder_db', 'import-scenario-folder-json', 'provinces-db-folder_db', 'resolve-match-db-folder_db', 'scenarios-db-folder_db', 'units-db-folder_db', 'unmatched-db-folder_db'], FOLDER_AS_FILE),
    **dict.fromkeys(['import-boundaries-csv-as-layer', 'import-boundaries-xlsx-as-layer', 'new-project-boundaries-csv-as-layer'], TABLE_AS_LAYER),
    **dict.fromkeys(['import-boundaries-db-file_as_parent_db', 'import-scenario-db-file_as_parent_db', 'units-db-file_as_parent_db'], FILE_AS_FOLDER),
    **dict.fromkeys(['import-boundaries-db-readonly_file', 'import-scenario-db-readonly_file'], READONLY_FILE_WRITE),
    **dict.fromkeys(['import-boundaries-nan-coordinates', 'import-boundaries-nan-gpkg', 'new-project-boundaries-nan-coordinates'], NAN_COORDINATES),
    **dict.fromkeys(['import-boundaries-tolerance-inf'], TOLERANCE_INF),
    **dict.fromkeys(['import-scenario-dev-zero'], DEV_ZERO),
    **dict.fromkeys(['import-scenario-number-10-400'], HUGE_NUMBER),
    **dict.fromkeys(['unknown-command-aplly', 'unknown-command-history'], UNKNOWN_COMMAND),
}
EXPECT_TODAY: dict[str, str] = {
    **dict.fromkeys(['check-db-folder_db', 'compare-db-folder_db', 'export-db-folder_db', 'export-scenario-db-folder_db', 'import-boundaries-csv-as-layer', 'import-boundaries-db-file_as_parent_db', 'import-boundaries-db-folder_db', 'import-boundaries-db-readonly_file', 'import-boundaries-tolerance-inf', 'import-boundaries-xlsx-as-layer', 'import-scenario-db-file_as_parent_db', 'import-scenario-db-folder_db', 'import-scenario-db-readonly_file', 'import-scenario-dev-zero', 'import-scenario-folder-json', 'import-scenario-number-10-400', 'new-project-boundaries-csv-as-layer', 'provinces-db-folder_db', 'resolve-match-db-folder_db', 'scenarios-db-folder_db', 'units-db-file_as_parent_db', 'units-db-folder_db', 'unmatched-db-folder_db'], TRACEBACK_NOT_REFUSAL),
    **dict.fromkeys(['import-boundaries-db-readonly_folder', 'import-scenario-db-readonly_folder', 'units-db-readonly_folder'], READONLY_UNNAMED),
    **dict.fromkeys(['import-boundaries-far-from-vietnam'], FAR_FROM_VIETNAM),
    **dict.fromkeys(['import-boundaries-several-layers'], LAYER_NOT_ASKED),
    **dict.fromkeys(['import-boundaries-tolerance--5', 'import-boundaries-tolerance-1e9', 'import-boundaries-tolerance-nan', 'new-project-tolerance-nan'], TOLERANCE_RANGE),
    **dict.fromkeys(['import-scenario-duplicate-group-ids'], DUPLICATE_GROUP_IDS),
    **dict.fromkeys(['import-scenario-override-without-source'], OVERRIDE_WITHOUT_SOURCE),
    **dict.fromkeys(['import-scenario-shadowing-id'], SHADOWING_ID),
    **dict.fromkeys(['new-project-boundaries-several-layers'], SEVERAL_LAYERS),
    **dict.fromkeys(['new-project-semicolon-table'], SEMICOLONS),
    **dict.fromkeys(['new-project-vietnamese-number-format'], VIETNAMESE_NUMBERS),
    **dict.fromkeys(['unknown-command-aplly', 'unknown-command-history'], UNKNOWN_COMMAND),
}
ENGLISH_TODAY: dict[str, str] = {
    **dict.fromkeys(['check-empty-name', 'check-unknown-rules', 'check-unknown-scenario', 'compare-one-scenario', 'compare-unknown', 'export-into-proc', 'export-scenario-as-csv', 'export-scenario-into-proc', 'export-scenario-to-a-folder', 'export-to-a-folder', 'export-unsupported-extension', 'import-boundaries-binary-geojson', 'import-boundaries-dev-zero', 'import-boundaries-empty-geojson', 'import-boundaries-folder-json', 'import-boundaries-huge-geojson', 'import-boundaries-stats-as-layer-name', 'import-boundaries-unknown-code-field', 'import-scenario-bad-groups-100000', 'import-scenario-binary', 'import-scenario-blank-json', 'import-scenario-deep-json', 'import-scenario-empty-json', 'import-scenario-geojson-as-scenario', 'import-scenario-huge-json', 'import-scenario-list-json', 'import-scenario-members-not-list', 'import-scenario-missing-file', 'import-scenario-nan-override', 'import-scenario-unknown-rules', 'new-project-over-an-existing-project', 'new-project-tolerance--5', 'new-project-tolerance-1e9', 'new-project-tolerance-inf', 'provinces-unknown-scenario', 'resolve-match-unknown-polygon', 'resolve-match-without-an-import', 'units-db-empty-sqlite', 'units-db-garbage-sqlite', 'units-db-newer_schema', 'units-db-other-program-sqlite', 'units-db-readonly_folder', 'units-db-truncated', 'units-unknown-rules'], PREFIX_IN_VIETNAMESE),
    **dict.fromkeys(['new-project-boundaries-binary-geojson', 'new-project-boundaries-csv-as-layer', 'new-project-boundaries-empty-geojson', 'new-project-boundaries-nan-coordinates', 'new-project-boundaries-several-layers', 'new-project-semicolon-table', 'new-project-stats-binary-csv', 'new-project-stats-dev-zero', 'new-project-stats-empty-csv', 'new-project-stats-folder-json', 'new-project-stats-huge-csv', 'new-project-tolerance-nan', 'new-project-vietnamese-number-format'], PROGRESS_IN_VIETNAMESE),
}
