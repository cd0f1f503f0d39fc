"""Every text a planner can read in gui/ has its English translation, compiled."""
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "sapxep_en.ts"
QM = TS.with_suffix(".qm")


def sources(ts: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            found[(name, message.findtext("source"))] = message.find("translation")
    return found


def test_every_message_in_the_english_file_is_translated_and_compiled():
    messages = sources(TS)
    unfinished = [src for (ctx, src), tr in messages.items() if not (tr.text or "").strip()
                  or tr.get("type") in ("unfinished", "obsolete", "vanished")]
    assert not unfinished
    assert QM.exists() and QM.stat().st_mtime >= TS.stat().st_mtime - 1


def test_no_text_in_gui_is_missing_from_the_english_file(tmp_path):
    lupdate = shutil.which("pyside6-lupdate") or str(Path(sys.executable).parent / "pyside6-lupdate")
    if not Path(lupdate).exists():
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "fresh.ts"
    files = sorted(str(p) for p in (ROOT / "gui").rglob("*.py"))
    subprocess.run([lupdate, *files, "-ts", str(fresh)], check=True, capture_output=True)
    missing = set(sources(fresh)) - set(sources(TS))
    assert not missing, f"run pyside6-lupdate and translate: {sorted(missing)[:5]}"
