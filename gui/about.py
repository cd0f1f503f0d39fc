"""The Help → About text: what the tool is, where its figures and rules come from."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from core.domain.datasets import source_text, source_what
from core.law.rules import all_rule_sets
from core.law.wording import pick

from .i18n import current_language
from .session import Session


def about_text(session: Session) -> str:
    lang = current_language()
    meta = session.dataset.meta
    lines = [QCoreApplication.translate("About", "Sắp xếp đơn vị hành chính cấp xã – công cụ lập phương án"), "",
             QCoreApplication.translate("About", "Dữ liệu:") + " " + session.dataset.name]
    for source in meta.get("sources", []):
        lines.append(f"• {source_what(source, lang)}: {source_text(source, lang)}")
    lines += ["", QCoreApplication.translate("About", "Bộ quy tắc:")]
    for rule in all_rule_sets().values():
        lines.append(f"• {rule.id}: {pick(rule.title, lang)} – {rule.citation}")
    lines += ["", QCoreApplication.translate("About", "Tệp dự án:") + " " + str(session.project.path)]
    return "\n".join(lines)
