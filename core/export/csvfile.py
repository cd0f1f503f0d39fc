"""The old → new unit table as CSV, UTF-8 with BOM so Excel shows the diacritics."""
from __future__ import annotations

import csv
import io
from pathlib import Path

from core.common.messages import say
from core.law.wording import kind_label

from .dossier import Dossier
from .files import safe_cell
from .narrative import DOC_LANG

HEADERS = ["STT", "Mã ĐVHC cũ", "Loại cũ", "Tên đơn vị cũ", "Đơn vị sau sắp xếp", "Tên đơn vị mới", "Thay đổi",
           "Diện tích tự nhiên (km²)", "Quy mô dân số (người)", "Kết luận về đơn vị mới", "Ngoại lệ của đơn vị mới"]


def old_new_csv(d: Dossier) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADERS)
    new_names = {code: a.name for a in d.after for code in a.member_codes}
    after_of = {code: a for a in d.after for code in a.member_codes}
    for r in d.before:
        # Figures keep a dot decimal so every spreadsheet reads them as numbers.
        writer.writerow([safe_cell(v) for v in (r.stt, r.code, kind_label(r.kind, DOC_LANG), r.name, r.new_name,
                                                new_names[r.code],
                                                "Nhập" if r.merged else "Giữ nguyên",
                                                f"{r.area_km2:.3f}", f"{r.population:.0f}",
                                                after_of[r.code].verdict_text, after_of[r.code].exception)])
    for i, t in enumerate(d.transfers, len(d.before) + 1):
        writer.writerow([safe_cell(v) for v in (i, t["unit"], kind_label(t["kind"], DOC_LANG) if t["kind"] else "",
                                                t["name"], t["to"], t["to"],
                                                say("dossier.csv.transferred", DOC_LANG, reason=t["reason"] or "—"),
                                                f"{t['area_km2']:.3f}", f"{t['population']:.0f}", "", "")])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def write_csv(path: Path, d: Dossier) -> None:
    path.write_bytes(old_new_csv(d))
