"""Match places of a boundary layer to rows of a statistics table by normalised names.

Names arrive written differently: "Phường Phúc Xá" in the layer, "PhúcXá" in the
census; "Hòa Bình" and "Hoà Bình" (old and new tone placement); "Phường 1" and
"Phường01". A name is compared through two keys, both without the unit-type
word, spaces, hyphens, apostrophes and leading zeros of numbers:

* the *tone key* keeps every diacritic but ignores where a tone mark sits inside
  a syllable ("Hoà" = "Hòa");
* the *loose key* drops diacritics altogether ("Hoa" = "Hòa" = "Hóa").

Matching is one-to-one and runs in stages, most certain first: tone key within
province and district, loose key within province and district, then the same
within the province when the district names differ, then (within the district)
the closest name when it is clearly the closest. Each match records the stage,
so the planner can check the uncertain ones.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field

from core.common.text import fold, strip_type

TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_DROP = re.compile(r"[\s\-'’`.,_()]+")
_NUMBER = re.compile(r"\d+")

EXACT, LOOSE, PROVINCE, PROVINCE_LOOSE, FUZZY, BY_HAND = (
    "tone", "loose", "province", "province_loose", "fuzzy", "by_hand")
FUZZY_MIN = 0.8


def _numbers(text: str) -> str:
    return _NUMBER.sub(lambda m: str(int(m.group())), text)


def loose_key(text: str) -> str:
    """No diacritics; "Nông trường" written "NT"; i and y alike (Quý = Quí)."""
    key = _numbers(_DROP.sub("", fold(strip_type(text))))
    return key.replace("nongtruong", "nt").replace("y", "i")


def tone_key(text: str) -> str:
    """Diacritics kept, tone marks moved to the end of the name in their order."""
    base = unicodedata.normalize("NFD", strip_type(text).lower())
    tones = "".join(c for c in base if c in TONES)
    rest = "".join(c for c in base if c not in TONES)
    key = _numbers(_DROP.sub("", unicodedata.normalize("NFC", rest)))
    if key.startswith("nôngtrương"):
        key, tones = "nt" + key[len("nôngtrương"):], tones[1:]
    return key + "|" + tones


def kind_of(name: str) -> str | None:
    """The unit kind written as the first word(s) of a name ("Thị trấn X" → thi_tran)."""
    folded = fold(name)
    for word, kind in (("thi tran", "thi_tran"), ("phuong", "phuong"), ("xa", "xa")):
        if folded.startswith(word + " "):
            return kind
    return None


@dataclass(frozen=True)
class Place:
    """One side of the join: where a unit is and what it is called."""

    ref: int                 # index in its own list
    province: str
    district: str
    name: str
    kind: str | None = None


@dataclass
class MatchResult:
    pairs: dict[int, tuple[int, str]] = field(default_factory=dict)   # feature → (row, stage)
    unmatched_features: list[int] = field(default_factory=list)
    unmatched_rows: list[int] = field(default_factory=list)

    def stages(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for _, stage in self.pairs.values():
            out[stage] = out.get(stage, 0) + 1
        return out


def _pick(cands: list[Place], kind: str | None) -> Place | None:
    """The single candidate, or the single one of the same kind."""
    if len(cands) == 1:
        return cands[0]
    same = [c for c in cands if kind is not None and c.kind == kind]
    return same[0] if len(same) == 1 else None


def match_places(features: list[Place], rows: list[Place]) -> MatchResult:
    result = MatchResult()
    free_rows = {r.ref: r for r in rows}
    todo = {f.ref: f for f in features}

    def run(stage: str, scope, key) -> None:
        index: dict[tuple, list[Place]] = {}
        for r in free_rows.values():
            index.setdefault((scope(r), key(r.name)), []).append(r)
        taken: set[int] = set()
        wanted: dict[int, list[int]] = {}
        for f in todo.values():
            row = _pick([c for c in index.get((scope(f), key(f.name)), []) if c.ref not in taken], f.kind)
            if row is not None:
                wanted.setdefault(row.ref, []).append(f.ref)
        for row_ref, feats in wanted.items():
            if len(feats) == 1:                 # a row claimed by two features stays open
                result.pairs[feats[0]] = (row_ref, stage)
                del todo[feats[0]]
                del free_rows[row_ref]

    def district(p: Place) -> tuple[str, str]:
        return loose_key(p.province), loose_key(p.district)

    def province(p: Place) -> str:
        return loose_key(p.province)

    run(EXACT, district, tone_key)
    run(LOOSE, district, loose_key)
    run(PROVINCE, province, tone_key)
    run(PROVINCE_LOOSE, province, loose_key)
    _fuzzy(todo, free_rows, result, district)
    result.unmatched_features = sorted(todo)
    result.unmatched_rows = sorted(free_rows)
    return result


def _fuzzy(todo: dict[int, Place], free_rows: dict[int, Place], result: MatchResult, scope) -> None:
    by_scope: dict[tuple, list[Place]] = {}
    for r in free_rows.values():
        by_scope.setdefault(scope(r), []).append(r)
    claims: dict[int, list[tuple[float, int]]] = {}
    for f in todo.values():
        key = loose_key(f.name)
        scored = sorted(((difflib.SequenceMatcher(None, key, loose_key(r.name)).ratio(), r.ref)
                         for r in by_scope.get(scope(f), [])), reverse=True)
        if not scored or scored[0][0] < FUZZY_MIN:
            continue
        if len(scored) > 1 and scored[1][0] > scored[0][0] - 0.1:
            continue                            # not clearly the closest
        claims.setdefault(scored[0][1], []).append((scored[0][0], f.ref))
    for row_ref, feats in claims.items():
        if len(feats) == 1:
            result.pairs[feats[0][1]] = (row_ref, FUZZY)
            del todo[feats[0][1]]
            del free_rows[row_ref]


def suggestions(feature: Place, rows: list[Place], limit: int = 5) -> list[tuple[float, Place]]:
    """Rows of the same province whose names are closest to ``feature`` (for resolving by hand)."""
    key = loose_key(feature.name)
    prov = loose_key(feature.province)
    scored = [(difflib.SequenceMatcher(None, key, loose_key(r.name)).ratio()
               + (0.2 if loose_key(r.district) == loose_key(feature.district) else 0.0), r)
              for r in rows if loose_key(r.province) == prov]
    scored.sort(key=lambda item: -item[0])
    return scored[:limit]
