"""The scenario summary as a PDF for the đề án dossier (A4, Liberation Serif embedded).

Portrait pages for the text and the map, landscape pages for the wide before/after
tables; from the second page on a header names the scenario and the area, and every
page's footer says when the summary was made and "Trang x/y". Progress is reported as
the rows of the tables are laid out, then as the pages are written.
"""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate
from reportlab.platypus.tables import Table

from core.common.messages import say

from .dossier import Dossier
from .fonts import REGULAR
from .mapdata import ScenarioShapes
from .narrative import DOC_LANG
from .pdf_page import MARGIN, PAD, Furniture, numbered_canvas
from .pdf_sections import details, front, map_section, paragraphs, tables
from .progress import Stages

PORTRAIT, LANDSCAPE = A4, landscape(A4)
TOP = MARGIN + 4            # room for the header band
BOTTOM = MARGIN + 4


class _Doc(BaseDocTemplate):
    """Counts what has been laid out (a table by its rows, anything else as one) for progress."""

    def __init__(self, *args, stages: Stages | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.stages, self.total, self.done = stages, 1, 0

    def afterFlowable(self, flowable) -> None:
        self.done += _weight(flowable)
        if self.stages is not None:
            self.stages(self.done / self.total)


def _weight(flowable) -> int:
    if isinstance(flowable, Table):
        return max(1, len(flowable._cellvalues))
    return 1


def _doc(path: Path, d: Dossier, stages: Stages | None) -> _Doc:
    doc = _Doc(str(path), pagesize=PORTRAIT, leftMargin=MARGIN, rightMargin=MARGIN,
               topMargin=TOP, bottomMargin=BOTTOM, stages=stages,
               title=f"{d.title} – {d.scenario_name} – {d.area}", author="Công cụ lập phương án sắp xếp ĐVHC",
               subject=d.area, lang="vi",
               initialFontName=REGULAR)      # no stray, unembedded Helvetica
    pw, ph = PORTRAIT
    lw, lh = LANDSCAPE
    doc.addPageTemplates([
        PageTemplate("portrait", [Frame(MARGIN, BOTTOM, pw - 2 * MARGIN, ph - TOP - BOTTOM, id="p")],
                     pagesize=PORTRAIT),
        PageTemplate("landscape", [Frame(MARGIN, BOTTOM, lw - 2 * MARGIN, lh - TOP - BOTTOM, id="l")],
                     pagesize=LANDSCAPE),
    ])
    return doc


def write_pdf(path: Path, d: Dossier, dataset, result, shapes: ScenarioShapes,
              stages: Stages | None = None) -> None:
    width = PORTRAIT[0] - 2 * MARGIN - 2 * PAD
    wide = LANDSCAPE[0] - 2 * MARGIN - 2 * PAD
    if stages is not None:
        stages.stage(0.15, "export.progress.map")
    story = front(d, width) + map_section(d, dataset, result, shapes, width)
    if stages is not None:
        stages.stage(0.9, "export.progress.layout")
    story += paragraphs(d) + tables(d, wide) + details(d, width)
    doc = _doc(path, d, stages)
    doc.total = sum(_weight(f) for f in story)
    furniture = Furniture(d.scenario_name, d.area, say("dossier.page.made_on", DOC_LANG, date=d.made_on))

    def on_page(number: int, total: int) -> None:
        if stages is not None and (number % 10 == 0 or number == total):
            stages.rename("export.progress.pages", page=number, pages=total)
            stages(number / total)

    def before_pages() -> None:
        if stages is not None:
            stages.stage(1.0, "export.progress.writing")

    canvas = numbered_canvas(furniture, on_page, before_pages)
    doc.build(story, canvasmaker=canvas)
