"""Map benchmarks: build the GUI's map scene from a project and paint it into a 1366×768 image.

Drives ``gui.map_scene.MapScene`` (over a ``gui.session.Session``) in a ``gui.map_view.MapView``
when they are importable; otherwise a plain QGraphicsScene of QGraphicsPathItems built the same
way, in a plain QGraphicsView. Prints which. A repaint is the view's own paint event (its render
hints, its levels of detail for the scale it shows) rendered into a 1366×768 image.
"""
from __future__ import annotations

import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QGraphicsPathItem, QGraphicsScene, QGraphicsView

WIDTH, HEIGHT = 1366, 768
_APP = None
# PySide6 6.12.0 on Python 3.11: every call of a void QGraphicsItem method (setZValue,
# setAcceptHoverEvents, setBrush, ...) drops one reference to None, so a scene of 11k items
# crashes the interpreter ("deallocating None"). Python >= 3.12 has an immortal None. To measure
# at all, the benchmark holds extra references (32 MB); the application needs a real fix.
_NONE_GUARD = [None] * 4_000_000


def app() -> QApplication:
    global _APP
    _APP = QApplication.instance() or QApplication([])
    return _APP


def build_scene(project, scenario):
    """(seconds, scene, which) — the GUI's scene if present, else plain Qt."""
    app()
    try:
        from gui.map_scene import MapScene
        from gui.session import Session
    except ImportError:
        MapScene = None
    t = time.perf_counter()
    if MapScene is not None:
        session = Session(project)
        session.set_scenario(scenario)
        scene = MapScene(session)
        scene._bench_session = session          # keep it alive with the scene
        which = "gui.map_scene.MapScene"
    else:
        scene = plain_scene(project)
        which = "plain QGraphicsScene"
    return time.perf_counter() - t, scene, which


def build_view(project, scenario):
    """(seconds, view, which): the scene built as above, shown in the GUI's map view fitted to
    the full extent at 1366×768 (what the planner waits for when the map first appears)."""
    t = time.perf_counter()
    _, scene, which = build_scene(project, scenario)
    try:
        from gui.map_view import MapView
        view = MapView(scene._bench_session, scene=scene)
        which += " in gui.map_view.MapView"
    except (ImportError, AttributeError, TypeError):
        view = QGraphicsView(scene)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        which += " in a plain QGraphicsView"
    frame = view.frameWidth()
    view.resize(WIDTH + 2 * frame, HEIGHT + 2 * frame)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.show()
    app().processEvents()
    show(view, None)
    return time.perf_counter() - t, view, which


def show(view, rect: QRectF | None) -> float:
    """Zoom ``view`` to ``rect`` (None: the full extent) as the planner would; seconds taken."""
    t = time.perf_counter()
    if rect is None:
        if hasattr(view, "fit"):
            view.fit()
        else:
            view.fitInView(view.scene().sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
    elif hasattr(view, "show_rect"):
        view.show_rect(rect)
    else:
        view.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
    return time.perf_counter() - t


def paint_view(view) -> float:
    """One repaint of what ``view`` shows, through its own paint event, into a 1366×768 image."""
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#f7f9fb"))
    t = time.perf_counter()
    view.viewport().render(image, QPoint())
    return time.perf_counter() - t


def plain_scene(project):
    """A QGraphicsScene of one path item per unit (what a minimal map costs)."""
    from gui.map_shapes import load_shapes, to_path
    scene = QGraphicsScene()
    for geom in load_shapes(project).shapes.values():
        item = QGraphicsPathItem(to_path(geom))
        item.setBrush(QColor("#cfe3f5"))
        scene.addItem(item)
    return scene


def province_rect(scene, project, province: str) -> QRectF:
    """The scene rectangle around the province's units."""
    codes = [c for c, u in project.dataset.units.items() if u.province == province]
    rect = QRectF()
    for code in codes:
        item = scene.units.get(code) if hasattr(scene, "units") else None
        if item is not None:
            rect = rect.united(item.sceneBoundingRect())
    return rect


def peer_plot(gdf, path) -> float:
    """GeoDataFrame.plot() of the same layer to a 1366×768 PNG with matplotlib Agg."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    t = time.perf_counter()
    fig, ax = plt.subplots(figsize=(WIDTH / 100, HEIGHT / 100), dpi=100)
    gdf.plot(ax=ax, column="population", linewidth=0.1, edgecolor="white")
    ax.set_axis_off()
    fig.savefig(path)
    plt.close(fig)
    return time.perf_counter() - t
