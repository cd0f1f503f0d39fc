"""The short guide of Trợ giúp → Hướng dẫn sử dụng, in the window's language.

Every heading and paragraph is a translatable text (English in ``sapxep_en.ts``), so the
guide takes the one translation path every window does. Menu paths and shortcuts are
written as the menus name them.
"""
from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate       # the name pyside6-lupdate looks for


def sections() -> list[tuple[str, list[str]]]:
    """(heading, paragraphs) of the guide, in the window's language."""
    return [
        (translate("Guide", "Bắt đầu"), [
            translate("Guide", "Cửa sổ gồm bản đồ (trên), bảng đơn vị (dưới), danh sách phương án và bảng kiểm tra theo tiêu "
                               "chuẩn (bên phải). Mỗi thay đổi được đánh giá lại ngay theo bộ quy tắc đang chọn (thanh công "
                               "cụ)."),
            translate("Guide", "Công cụ mở lại dự án và phương án dùng lần trước. Tệp → Dự án gần đây liệt kê các dự án đã "
                               "mở; mục “Dự án mẫu: huyện Châu Thành” đưa về dữ liệu mẫu có sẵn."),
        ]),
        (translate("Guide", "Nhập đơn vị"), [
            translate("Guide", "Chọn các đơn vị trên bản đồ hoặc trong bảng (Ctrl + nhấp để chọn thêm), rồi Sửa → Nhập đơn "
                               "vị… (Ctrl+M): đặt tên, trụ sở và loại đơn vị mới."),
            translate("Guide", "Thêm vào nhóm (Ctrl+Shift+A): chọn một đơn vị của nhóm cùng các đơn vị cần thêm. Bớt khỏi "
                               "nhóm (Ctrl+Shift+R), Giải tán nhóm (Ctrl+Shift+D), Đổi tên nhóm (F2). Mọi thao tác hoàn tác "
                               "được (Ctrl+Z) và làm lại được (Ctrl+Shift+Z)."),
            translate("Guide", "Bảng kiểm tra cho biết từng nhóm đạt hay chưa đạt, với số liệu, mức tiêu chuẩn và điều khoản; "
                               "đơn vị phải sắp xếp mà chưa xử lý có viền đỏ nét đứt trên bản đồ."),
        ]),
        (translate("Guide", "Miễn sắp xếp và ngoại lệ"), [
            translate("Guide", "Miễn sắp xếp một đơn vị: chọn đúng đơn vị đó, Sửa → Miễn sắp xếp đơn vị… (Ctrl+E), chọn căn "
                               "cứ hoặc ghi lý do. Để trống lý do để bỏ miễn sắp xếp."),
            translate("Guide", "Ngoại lệ của một nhóm chưa đạt tiêu chuẩn (ví dụ hai đơn vị có yếu tố đặc thù theo NQ "
                               "653/2019): chọn một đơn vị của nhóm, rồi Sửa → Ngoại lệ của nhóm… (Ctrl+Shift+G), cũng có "
                               "trong menu chuột phải của nhóm và cạnh kết luận trong bảng kiểm tra, để ghi căn cứ và lý do."),
            translate("Guide", "Số liệu khác số liệu gốc (ví dụ theo tờ trình): Sửa → Điều chỉnh số liệu… (Ctrl+Shift+O), ghi "
                               "kèm nguồn."),
        ]),
        (translate("Guide", "Đề xuất phương án"), [
            translate("Guide", "Phương án → Đề xuất phương án…: công cụ tự lập một phương án mà mọi nhóm đều đạt tiêu chuẩn "
                               "(ít thay đổi nhất, nhiều đơn vị nhất hoặc theo số đơn vị mong muốn), cho cả dự án, một tỉnh "
                               "hoặc một huyện; các đơn vị đang chọn có thể được giữ nguyên. Phương án đề xuất được lưu thành "
                               "phương án mới và mở ra để xem, sửa và so sánh; nút “Dừng, giữ kết quả tốt nhất” giữ phương án "
                               "tốt nhất đã tìm được. Trên dòng lệnh: .venv/bin/python main.py propose."),
        ]),
        (translate("Guide", "So sánh phương án"), [
            translate("Guide", "Phương án → So sánh phương án…: hai phương án cạnh nhau, bản đồ liên kết, các chỉ tiêu với "
                               "giá trị tốt hơn được đánh dấu, và các khác biệt bằng lời."),
        ]),
        (translate("Guide", "Xuất hồ sơ và in"), [
            translate("Guide", "Tệp → Xuất bản tóm tắt phương án… (Ctrl+Shift+E): chọn toàn bộ dự án, một tỉnh hoặc một "
                               "huyện, và tệp sẽ ghi; phần mở rộng chọn định dạng: .pdf (bản tóm tắt cho hồ sơ đề án), .xlsx, "
                               ".csv (đơn vị cũ → mới), .gpkg, .geojson (cho QGIS). Thanh tiến độ cho biết phần trăm; nút Hủy "
                               "dừng xuất mà không để lại tệp dở. Xong, có thể mở ngay tệp hoặc thư mục chứa tệp (sau đó: Tệp "
                               "→ Mở tệp vừa xuất)."),
            translate("Guide", "In bản đồ đang hiện (Ctrl+P) hoặc bản tóm tắt phương án (Ctrl+Shift+P) qua hộp thoại in; có "
                               "thể in ra tệp PDF."),
        ]),
        (translate("Guide", "Nhập ranh giới"), [
            translate("Guide", "Tệp → Nhập lớp ranh giới… (GeoPackage, Shapefile, GeoJSON): công cụ cho xem trước các đơn vị "
                               "đối chiếu được và không đối chiếu được, diện tích tính được so với diện tích đã ghi, số cặp "
                               "giáp ranh trước → sau, cảnh báo khi giảm mạnh; chọn trường mã và dung sai, rồi mới áp dụng."
                               " Tệp → Hoàn tác lần nhập ranh giới gần nhất đưa lại ranh giới trước đó."),
        ]),
        (translate("Guide", "Lưu"), [
            translate("Guide", "Tệp → Lưu (Ctrl+S) ghi phương án vào dự án; thanh trạng thái báo “Đã lưu”. Các thay đổi chưa "
                               "lưu được lưu tạm vài giây một lần: nếu máy tắt đột ngột, lần mở sau công cụ đề nghị khôi "
                               "phục."),
        ]),
    ]


def guide_html() -> str:
    e = html.escape
    body = "".join(f"<h3>{e(heading)}</h3>" + "".join(f"<p>{e(p)}</p>" for p in paragraphs)
                   for heading, paragraphs in sections())
    return f"<html><body>{body}</body></html>"
