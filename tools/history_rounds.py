"""Châu Thành's history entered as successive states, through the command line, start to end.

    .venv/bin/python tools/history_rounds.py [--lang vi|en] [--out FILE]

Builds a fresh project in a temporary folder (from ``data/``), then for each round – 2020 under
NQ 653/2019, 2024 under NQ 35/2023 on the 2020 state, 2025 under NQ 76/2025 on the 2024 state
(with the three transfers to Bến Tre city) – imports the round's scenario
(``data/chau_thanh_2019/history/``), prints ``check`` (every verdict with its figure, threshold and
article) and ``apply --as`` (the next state), and at the end ``states``.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.cli.run import main  # noqa: E402

ROUNDS = [("round_2020.json", "Vòng 2020", "2020"), ("round_2024.json", "Vòng 2024", "2024"),
          ("round_2025.json", "Vòng 2025", "2025")]


def run(db: Path, lang: str, *args: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--db", str(db), "--lang", lang, *args])
    text = out.getvalue() + err.getvalue()
    return f"$ main.py {' '.join(args)}   (exit {code})\n{text}"


def summary(db: Path, lang: str, scenario: str) -> str:
    """Per group: the verdict, and each finding's check with the article behind it."""
    import json
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        main(["--db", str(db), "--lang", lang, "check", scenario, "--json"])
    data = json.loads(out.getvalue())
    lines = [f"--- {scenario} ({data['rules']}, state {data['state']}): {data['units_before']} → {data['units_after']}, "
             f"{data['verdict_text']}"]
    for g in data["groups"]:
        lines.append(f"  {g['name']} ({', '.join(g['members'])}): {g['verdict_text']}")
        for f in g["findings"]:
            if f["article"]:
                lines.append(f"      [{f['check']}/{f['severity']}] {f['article']}")
    for code, name in zip(data["unresolved"], data["unresolved_names"]):
        lines.append(f"  unresolved: {name} ({code})")
    for t in data.get("transfers", []):
        lines.append(f"  transfer: {t['text']}")
    return "\n".join(lines)


def walkthrough(lang: str = "vi") -> str:
    parts = []
    summaries = []
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "chau-thanh.sqlite"
        folder = ROOT / "data" / "chau_thanh_2019" / "history"
        parts.append(run(db, lang, "states"))
        for file, scenario, state in ROUNDS:
            parts.append(f"===== {scenario} → {state} =====")
            parts.append(run(db, lang, "import-scenario", str(folder / file)))
            parts.append(run(db, lang, "check", scenario))
            summaries.append(summary(db, lang, scenario))
            parts.append(run(db, lang, "apply", scenario, "--as", state))
            parts.append(run(db, lang, "units", "--rules", "nq76-2025" if state == "2025" else "nq35-2023"))
        parts.append(run(db, lang, "states"))
    return "\n".join(["===== Summary: each round's verdicts and the clauses behind them =====", *summaries, "", *parts])


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--lang", default="vi", choices=("vi", "en"))
    ap.add_argument("--out")
    args = ap.parse_args()
    text = walkthrough(args.lang)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    print(text)
