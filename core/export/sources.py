"""The sources table of a dossier: the dataset's own list, or, for a project built from a
boundary layer and a statistics table (which lists none), what its units' figures cite."""
from __future__ import annotations

import re

from core.common.messages import say
from core.domain.datasets import source_text, source_what
from core.domain.model import Dataset

from .narrative import DOC_LANG

ROW_REFERENCE = re.compile(r",\s*(?:dòng|row)\s+\d+")     # "…csv, dòng 5637 (…)": one row of the table


def vn_date(iso: str) -> str:
    """'2019-04-01' → '01/04/2019'; a bare year or other text is kept as it is."""
    parts = iso.split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        return f"{parts[2]}/{parts[1]}/{parts[0]}"
    return iso


def dossier_sources(dataset: Dataset) -> list[tuple[str, str, str]]:
    """(what, source, date dd/mm/yyyy) rows for the dossier's sources table."""
    meta = dataset.meta or {}
    listed = meta.get("sources", [])
    if listed:
        return [(source_what(s, DOC_LANG), source_text(s, DOC_LANG), vn_date(str(s.get("date", ""))))
                for s in listed]
    rows: list[tuple[str, str, str]] = []
    for what, figure in (("source.population", lambda u: u.population), ("source.area_approximate", lambda u: u.area)):
        seen: dict[str, str] = {}
        for unit in dataset.units.values():
            f = figure(unit)
            text = ROW_REFERENCE.sub("", f.source).strip()
            if text and text not in seen:
                seen[text] = vn_date(f.date)
            if len(seen) >= 3:
                break
        rows += [(say(what, DOC_LANG), text, date) for text, date in seen.items()]
    if meta.get("adjacency_source") == "boundaries" and meta.get("boundaries"):
        rows.append((say("source.adjacency", DOC_LANG),
                     say("dossier.source.adjacency_from", DOC_LANG, file=meta["boundaries"],
                         tolerance=float(meta.get("tolerance_m") or 0)), ""))
    return rows
