"""Help → About names the data's sources in the window's language."""
from gui import i18n
from gui.about import about_text


def test_the_sources_of_the_figures_read_in_vietnamese_then_in_english(window, session):
    vi = about_text(session)
    assert "• Quy mô dân số: Tổng điều tra dân số và nhà ở năm 2019" in vi
    assert "population" not in vi and "GSO code list" not in vi
    i18n.set_language("en", remember=False)
    en = about_text(session)
    assert "• Population: 2019 Population and Housing Census" in en
    assert "Tổng điều tra" not in en
