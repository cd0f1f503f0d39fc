"""Text helpers: Unicode normalisation and diacritics-insensitive keys for names.

Vietnamese names travel through files written on many machines; some arrive
decomposed (NFD). Everything the project stores or shows is NFC, and names are
compared through ``fold`` so that "giao hoa", "GIAO HÒA" and "Giao Hòa" match.
"""
from __future__ import annotations

import functools
import re
import unicodedata

_TYPE_PREFIXES = (
    "thi tran", "phuong", "xa", "thitran",
)
_SPACES = re.compile(r"\s+")


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC with surrounding whitespace removed."""
    return unicodedata.normalize("NFC", str(text)).strip()


@functools.lru_cache(maxsize=1 << 16)      # names repeat: evaluation folds each many times
def fold(text: str) -> str:
    """A comparison key: lower case, no diacritics, đ→d, single spaces."""
    decomposed = unicodedata.normalize("NFD", str(text).lower())
    stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    stripped = stripped.replace("đ", "d")
    return _SPACES.sub(" ", stripped).strip()


@functools.lru_cache(maxsize=1 << 16)
def same_name_key(text: str) -> str:
    """The key under which two unit names are the same name: NFC, case folded, single spaces,
    tone marks and every other diacritic kept ("Sơn Hà" and "Sơn Hạ", "Cẩm Giang" and "Cẩm
    Giàng" are different names; "giao  hòa" and "Giao Hòa" the same)."""
    return unicodedata.normalize("NFC", _SPACES.sub(" ", unicodedata.normalize("NFC", str(text)).casefold()).strip())


def name_key(text: str, drop_prefix: bool = True) -> str:
    """A key for matching unit names across sources.

    Folds the name, optionally strips a leading unit-type word ("Xã", "Thị trấn",
    "Phường") and removes spaces, so that "Xã Giao Hòa", "GiaoHòa" and
    "giao hoa" give the same key.
    """
    key = fold(text)
    if drop_prefix:
        for prefix in _TYPE_PREFIXES:
            if key.startswith(prefix + " ") and len(key) > len(prefix) + 1:
                key = key[len(prefix) + 1:]
                break
    return key.replace(" ", "").replace("-", "")


def normalise_code(value: object, width: int = 5) -> str:
    """A GSO code as text with its leading zeros restored (``831`` → ``"00831"``).

    Accepts ints, floats read from spreadsheets (``28801.0``) and strings.
    Raises ``ValueError`` for anything that is not a non-negative whole number.
    """
    if value is None:
        raise ValueError("empty code")
    if isinstance(value, float):
        if value != value or value < 0 or value != int(value):
            raise ValueError(f"not a unit code: {value!r}")
        value = int(value)
    text = nfc(str(value))
    if text.endswith(".0") and text[:-2].isdigit():
        text = text[:-2]
    if not text.isdigit():
        raise ValueError(f"not a unit code: {value!r}")
    return text.zfill(width)


TYPE_WORDS = ("thanh pho", "thi tran", "thi xa", "phuong", "huyen", "quan", "tinh", "xa",
              "thanhpho", "thitran", "thixa")


def strip_type(text: str) -> str:
    """``text`` (NFC) without a leading unit-type word ("Phường", "Thị xã", "Huyện"...)."""
    text = " ".join(nfc(text).split())
    folded = fold(text)
    if len(folded) != len(text.lower()):        # not precomposed: keep it whole
        return text
    for word in TYPE_WORDS:
        if folded.startswith(word + " ") and len(folded) > len(word) + 1:
            first, rest = text[:len(word)], text[len(word) + 1:].strip()
            if rest.lower().startswith(first.lower() + " "):     # "Phường Phường Đúc"
                rest = rest[len(first) + 1:].strip()
            return rest
    return text
