"""Hostile cases today's code fails, by test, each with its class of failure (issue 10).

Keys are case ids (``hostile_cases.py``), with ``-vi``/``-en`` when only one language fails.
The tests mark them xfail(strict=True): fix the class, the case passes, strict fails, and
the entry goes from here.
"""
# ruff: noqa: E501

LAYER_REFUSAL_UNCAUGHT = ("'unexpected failure', exit 1: a layer core refuses in words (BoundaryError, not yet a CoreError) is no longer "
       "caught by the CLI since its restructuring")
DEV_ZERO = "'unexpected failure', exit 1: /dev/zero is read to the end (MemoryError)"
HUGE_NUMBER = "'unexpected failure', exit 1: 10**400 in a scenario file (OverflowError)"
TABLE_AS_LAYER = "'unexpected failure', exit 1: a CSV/XLSX given as a boundary layer (pandas AttributeError)"
NAN_COORDINATES = "'unexpected failure', exit 1: NaN coordinates reach GEOS (GEOSException)"
TOLERANCE_NAN = "'unexpected failure', exit 1: --tolerance nan (ValueError)"
TOLERANCE_INF = "'unexpected failure', exit 1: --tolerance inf reaches GEOS (GEOSException)"
UNEXPECTED_NOT_REFUSAL = "an 'unexpected failure' (exit 1) where a refusal in words is due"
VIETNAMESE_NUMBERS = "a table in Vietnamese number format is misread silently ('12.345' people read as 12.345)"
SEMICOLONS = "a ';'-delimited table is refused as 'missing columns', with no hint about the delimiter"
TIME_LIMIT_NAN = 'propose --time-limit nan is taken silently'
DUPLICATE_GROUP_IDS = 'a scenario file with duplicate group ids is accepted (dissolving group 2 would dissolve group 1)'
OVERRIDE_WITHOUT_SOURCE = "an override without 'source' is accepted though the README requires it"
SHADOWING_ID = "'Phương án 2019' now opens the imported file's scenario 'Phương án giả'"
FAR_FROM_VIETNAM = 'imported with no word that the polygons lie far outside Vietnam'
LAYER_NOT_ASKED = 'a layer was taken without asking which (the file has two: a_diem_sai, ranh_gioi_xa)'
SEVERAL_LAYERS = 'a GeoPackage with several layers: the first is taken without asking which'
TOLERANCE_RANGE = 'a tolerance out of range (1e9, negative, nan) is taken silently'
FILE_AS_FOLDER = "a file where the project's folder should be is refused with the untranslated OS text 'File exists'"
READONLY_FOLDER_MISNAMED = "a project in a read-only folder is refused as 'the folder does not exist or cannot be reached'"
PROGRESS_IN_VIETNAMESE = 'under --lang en the progress lines and the import report are Vietnamese (issue 9)'

TRACEBACK_TODAY: dict[str, str] = {
    **dict.fromkeys(['import-boundaries-unknown-code-field', 'import-boundaries-empty-geojson', 'import-boundaries-binary-geojson', 'import-boundaries-huge-geojson', 'import-boundaries-folder-json', 'import-boundaries-dev-zero', 'import-boundaries-stats-as-layer-name', 'new-project-boundaries-empty-geojson', 'new-project-boundaries-binary-geojson'], LAYER_REFUSAL_UNCAUGHT),
    **dict.fromkeys(['import-scenario-dev-zero'], DEV_ZERO),
    **dict.fromkeys(['import-scenario-number-10-400'], HUGE_NUMBER),
    **dict.fromkeys(['import-boundaries-csv-as-layer', 'import-boundaries-xlsx-as-layer', 'new-project-boundaries-csv-as-layer'], TABLE_AS_LAYER),
    **dict.fromkeys(['import-boundaries-nan-coordinates', 'import-boundaries-nan-gpkg', 'new-project-boundaries-nan-coordinates'], NAN_COORDINATES),
    **dict.fromkeys(['new-project-tolerance-nan'], TOLERANCE_NAN),
    **dict.fromkeys(['import-boundaries-tolerance-inf'], TOLERANCE_INF),
}
EXPECT_TODAY: dict[str, str] = {
    **dict.fromkeys(['import-boundaries-unknown-code-field', 'import-scenario-dev-zero', 'import-scenario-number-10-400', 'import-boundaries-csv-as-layer', 'import-boundaries-xlsx-as-layer', 'import-boundaries-stats-as-layer-name', 'new-project-boundaries-empty-geojson', 'new-project-boundaries-binary-geojson', 'new-project-boundaries-csv-as-layer', 'new-project-tolerance-nan', 'import-boundaries-tolerance-inf'], UNEXPECTED_NOT_REFUSAL),
    **dict.fromkeys(['new-project-vietnamese-number-format'], VIETNAMESE_NUMBERS),
    **dict.fromkeys(['new-project-semicolon-table'], SEMICOLONS),
    **dict.fromkeys(['propose-time-limit-nan'], TIME_LIMIT_NAN),
    **dict.fromkeys(['import-scenario-duplicate-group-ids'], DUPLICATE_GROUP_IDS),
    **dict.fromkeys(['import-scenario-override-without-source'], OVERRIDE_WITHOUT_SOURCE),
    **dict.fromkeys(['import-scenario-shadowing-id'], SHADOWING_ID),
    **dict.fromkeys(['import-boundaries-far-from-vietnam'], FAR_FROM_VIETNAM),
    **dict.fromkeys(['import-boundaries-several-layers'], LAYER_NOT_ASKED),
    **dict.fromkeys(['new-project-boundaries-several-layers'], SEVERAL_LAYERS),
    **dict.fromkeys(['import-boundaries-tolerance-1e9', 'import-boundaries-tolerance--5', 'import-boundaries-tolerance-nan'], TOLERANCE_RANGE),
    **dict.fromkeys(['units-db-file_as_parent_db', 'import-scenario-db-file_as_parent_db', 'import-boundaries-db-file_as_parent_db'], FILE_AS_FOLDER),
    **dict.fromkeys(['units-db-readonly_folder', 'import-scenario-db-readonly_folder', 'import-boundaries-db-readonly_folder'], READONLY_FOLDER_MISNAMED),
}
ENGLISH_TODAY: dict[str, str] = {
    **dict.fromkeys(['new-project-vietnamese-number-format', 'new-project-semicolon-table', 'new-project-boundaries-empty-geojson', 'new-project-boundaries-binary-geojson', 'new-project-boundaries-csv-as-layer', 'new-project-boundaries-several-layers', 'new-project-boundaries-nan-coordinates', 'new-project-stats-empty-csv', 'new-project-stats-binary-csv', 'new-project-stats-huge-csv', 'new-project-stats-dev-zero', 'new-project-stats-folder-json', 'new-project-tolerance-nan'], PROGRESS_IN_VIETNAMESE),
}
