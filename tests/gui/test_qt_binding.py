"""The Qt binding must not lose references to None: PySide6 6.12.0 does on every call
of a method returning void, and Python then aborts ("deallocating None") after a few
thousand edits, or while building the map of a province."""
import sys


def test_thousands_of_qt_calls_leave_none_refcount_intact(qapp):
    from PySide6.QtWidgets import QGraphicsRectItem, QLabel
    item = QGraphicsRectItem(0, 0, 1, 1)
    label = QLabel("x")
    before = sys.getrefcount(None)
    for _ in range(2000):
        item.setZValue(1)
        label.setText("Giao Hòa")
    assert before - sys.getrefcount(None) < 100
