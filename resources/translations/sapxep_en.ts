<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi">
<context>
    <name>About</name>
    <message>
        <location filename="../../gui/about.py" line="17"/>
        <source>Sắp xếp đơn vị hành chính cấp xã – công cụ lập phương án</source>
        <translation>Arrangement of commune-level administrative units – scenario planning tool</translation>
    </message>
    <message>
        <location filename="../../gui/about.py" line="18"/>
        <source>Dữ liệu:</source>
        <translation>Data:</translation>
    </message>
    <message>
        <location filename="../../gui/about.py" line="21"/>
        <source>Bộ quy tắc:</source>
        <translation>Rule sets:</translation>
    </message>
    <message>
        <location filename="../../gui/about.py" line="24"/>
        <source>Tệp dự án:</source>
        <translation>Project file:</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../gui/app.py" line="67"/>
        <source>Dự án được nâng cấp lên phiên bản mới của công cụ; bản sao trước khi nâng cấp: %1</source>
        <translation>The project was upgraded to this version of the tool; a copy from before the upgrade: %1</translation>
    </message>
    <message>
        <source>Có phương án không mở được</source>
        <translation>Some scenarios cannot be opened</translation>
    </message>
</context>
<context>
    <name>AreaSummaryModel</name>
    <message>
        <location filename="../../gui/national_dock.py" line="57"/>
        <source>Tỉnh</source>
        <translation>Province</translation>
    </message>
    <message>
        <location filename="../../gui/national_dock.py" line="57"/>
        <source>Đơn vị</source>
        <translation>Units</translation>
    </message>
    <message>
        <location filename="../../gui/national_dock.py" line="57"/>
        <source>Phải sắp xếp</source>
        <translation>Must merge</translation>
    </message>
    <message>
        <location filename="../../gui/national_dock.py" line="57"/>
        <source>Chưa xử lý</source>
        <translation>Unresolved</translation>
    </message>
    <message>
        <location filename="../../gui/national_dock.py" line="69"/>
        <source>%1: %2 đơn vị, %3 phải sắp xếp, %4 chưa xử lý, %5 đã ở trong nhóm</source>
        <translation>%1: %2 units, %3 must merge, %4 unresolved, %5 already in a group</translation>
    </message>
</context>
<context>
    <name>BoundaryImport</name>
    <message>
        <location filename="../../gui/boundary_import.py" line="105"/>
        <source>Đang nhập ranh giới…</source>
        <translation>Importing boundaries…</translation>
    </message>
    <message>
        <location filename="../../gui/boundary_import.py" line="105"/>
        <location filename="../../gui/boundary_import.py" line="193"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../gui/boundary_import.py" line="106"/>
        <location filename="../../gui/boundary_import.py" line="163"/>
        <location filename="../../gui/boundary_import.py" line="180"/>
        <location filename="../../gui/boundary_import.py" line="187"/>
        <location filename="../../gui/boundary_import.py" line="191"/>
        <location filename="../../gui/boundary_import.py" line="198"/>
        <source>Nhập ranh giới</source>
        <translation>Import boundaries</translation>
    </message>
    <message>
        <location filename="../../gui/boundary_import.py" line="163"/>
        <location filename="../../gui/boundary_import.py" line="187"/>
        <location filename="../../gui/boundary_import.py" line="198"/>
        <source>Đã hủy. Dự án không thay đổi.</source>
        <translation>Cancelled. The project is unchanged.</translation>
    </message>
    <message>
        <location filename="../../gui/boundary_import.py" line="202"/>
        <source>Không lập được bản xem trước</source>
        <translation>Could not make the preview</translation>
    </message>
    <message>
        <location filename="../../gui/boundary_import.py" line="203"/>
        <source>%1

Dự án không thay đổi; bản xem trước trước đó được giữ.</source>
        <translation>%1

The project is unchanged; the previous preview is kept.</translation>
    </message>
    <message>
        <location filename="../../gui/boundary_import.py" line="211"/>
        <source>Không nhập được ranh giới</source>
        <translation>Could not import the boundaries</translation>
    </message>
    <message>
        <location filename="../../gui/boundary_import.py" line="212"/>
        <source>%1

Dự án không thay đổi.</source>
        <translation>%1

The project is unchanged.</translation>
    </message>
</context>
<context>
    <name>ChecksPanel</name>
    <message>
        <location filename="../../gui/checks_panel.py" line="43"/>
        <location filename="../../gui/checks_panel.py" line="81"/>
        <source>Sao chép nội dung kiểm tra</source>
        <translation>Copy the checks</translation>
    </message>
</context>
<context>
    <name>CompareMapPanel</name>
    <message>
        <location filename="../../gui/compare_map.py" line="115"/>
        <source>Viền đỏ: phải sắp xếp, chưa có phương án (%1)</source>
        <translation>Red border: must be merged, in no group (%1)</translation>
    </message>
</context>
<context>
    <name>CompareWindow</name>
    <message>
        <location filename="../../gui/compare_window.py" line="122"/>
        <source>Lưu ảnh so sánh</source>
        <translation>Save the comparison as an image</translation>
    </message>
    <message>
        <location filename="../../gui/compare_window.py" line="123"/>
        <source>Ảnh PNG (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <location filename="../../gui/compare_window.py" line="129"/>
        <source>Không lưu được ảnh</source>
        <translation>Could not save the image</translation>
    </message>
    <message>
        <location filename="../../gui/compare_window.py" line="129"/>
        <source>Không ghi được tệp %1.</source>
        <translation>Could not write the file %1.</translation>
    </message>
    <message>
        <location filename="../../gui/compare_window.py" line="141"/>
        <source>In so sánh phương án</source>
        <translation>Print the scenario comparison</translation>
    </message>
    <message>
        <location filename="../../gui/compare_window.py" line="147"/>
        <source>Không in được</source>
        <translation>Could not print</translation>
    </message>
    <message>
        <location filename="../../gui/compare_window.py" line="147"/>
        <source>Máy in không sẵn sàng.</source>
        <translation>The printer is not ready.</translation>
    </message>
    <message>
        <location filename="../../gui/compare_window.py" line="203"/>
        <source>%1: %2 – xét theo %3</source>
        <translation>%1: %2 – judged under %3</translation>
    </message>
    <message>
        <location filename="../../gui/compare_window.py" line="215"/>
        <source>Hai phương án giống nhau.</source>
        <translation>The two scenarios are the same.</translation>
    </message>
    <message>
        <location filename="../../gui/compare_window.py" line="220"/>
        <source>Sơ đồ minh họa, không phải bản đồ ranh giới: hình dạng và diện tích không đúng thực tế.</source>
        <translation>Schematic, not a boundary map: shapes and areas are not real.</translation>
    </message>
    <message>
        <location filename="../../gui/compare_window.py" line="223"/>
        <source>Cả hai phương án được xét theo cùng bộ quy tắc %1.</source>
        <translation>Both scenarios are judged under the same rule set %1.</translation>
    </message>
    <message>
        <location filename="../../gui/compare_window.py" line="226"/>
        <source>Lưu ý: hai phương án được xét theo bộ quy tắc khác nhau (mỗi phương án theo bộ quy tắc của nó); chọn một bộ quy tắc để xét cùng tiêu chuẩn.</source>
        <translation>Note: the two scenarios are judged under different rule sets (each under its own); choose one rule set to judge them by the same standard.</translation>
    </message>
    <message>
        <location filename="../../gui/compare_window.py" line="235"/>
        <source>Tiêu chí</source>
        <translation>Measure</translation>
    </message>
    <message>
        <location filename="../../gui/compare_window.py" line="247"/>
        <source>Giá trị tốt hơn</source>
        <translation>The better value</translation>
    </message>
    <message>
        <location filename="../../gui/compare_window.py" line="256"/>
        <source>So sánh phương án</source>
        <translation>Compare scenarios</translation>
    </message>
    <message>
        <location filename="../../gui/compare_window.py" line="258"/>
        <source>Phương án %1:</source>
        <translation>Scenario %1:</translation>
    </message>
    <message>
        <location filename="../../gui/compare_window.py" line="259"/>
        <source>Xét theo:</source>
        <translation>Judge under:</translation>
    </message>
    <message>
        <location filename="../../gui/compare_window.py" line="260"/>
        <source>Mỗi phương án theo bộ quy tắc của nó</source>
        <translation>Each scenario under its own rule set</translation>
    </message>
    <message>
        <location filename="../../gui/compare_window.py" line="261"/>
        <source>Khác biệt (✓ trong bảng = giá trị tốt hơn)</source>
        <translation>Differences (✓ in the table = the better value)</translation>
    </message>
    <message>
        <location filename="../../gui/compare_window.py" line="262"/>
        <source>Lưu ảnh…</source>
        <translation>Save image…</translation>
    </message>
    <message>
        <location filename="../../gui/compare_window.py" line="263"/>
        <source>In…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../gui/compare_window.py" line="264"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Căn cứ này cần ghi nội dung: %1</source>
        <translation>This ground needs its text: %1</translation>
    </message>
    <message>
        <source>Lý do (không có căn cứ thì không đổi kết luận)</source>
        <translation>Reason (without a ground the verdict does not change)</translation>
    </message>
    <message>
        <source>%1 không có căn cứ ngoại lệ nào để ghi: nội dung được lưu trong phương án và hồ sơ nhưng không đổi kết luận.</source>
        <translation>%1 has no exception ground to record: the text is kept in the scenario and the dossier but does not change the verdict.</translation>
    </message>
    <message>
        <source>Chọn căn cứ của %1 và ghi nội dung căn cứ yêu cầu; để trống cả hai để bỏ ngoại lệ.</source>
        <translation>Choose a ground of %1 and write what it asks for; leave both empty to remove the exception.</translation>
    </message>
    <message>
        <source>Nội dung:</source>
        <translation>Text:</translation>
    </message>
    <message>
        <source> – không phải trường hợp của nhóm %1 đơn vị</source>
        <translation> – not a case for a group of %1 units</translation>
    </message>
    <message>
        <source>(chưa chọn căn cứ)</source>
        <translation>(no ground chosen)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/common.py" line="12"/>
        <location filename="../../gui/dialogs/common.py" line="63"/>
        <source>Đồng ý</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/common.py" line="13"/>
        <location filename="../../gui/dialogs/common.py" line="29"/>
        <location filename="../../gui/dialogs/common.py" line="64"/>
        <location filename="../../gui/dialogs/preview.py" line="73"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/common.py" line="79"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/figures.py" line="39"/>
        <source>Miễn sắp xếp</source>
        <translation>Exemption from arrangement</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/figures.py" line="43"/>
        <location filename="../../gui/dialogs/figures.py" line="90"/>
        <source>Đơn vị:</source>
        <translation>Unit:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/figures.py" line="45"/>
        <location filename="../../gui/dialogs/group_exception.py" line="68"/>
        <source>(tự ghi lý do)</source>
        <translation>(write the reason)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/figures.py" line="49"/>
        <location filename="../../gui/dialogs/group_exception.py" line="73"/>
        <source>Căn cứ:</source>
        <translation>Ground:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/figures.py" line="52"/>
        <location filename="../../gui/dialogs/group_exception.py" line="79"/>
        <source>Lý do:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/figures.py" line="58"/>
        <source>Để trống lý do để bỏ miễn sắp xếp.</source>
        <translation>Leave the reason empty to remove the exemption.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/figures.py" line="86"/>
        <source>Điều chỉnh số liệu</source>
        <translation>Override figures</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/figures.py" line="94"/>
        <location filename="../../gui/dialogs/figures.py" line="102"/>
        <source>(giữ số liệu gốc)</source>
        <translation>(keep the recorded figure)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/figures.py" line="96"/>
        <source>Dân số (gốc: %1):</source>
        <translation>Population (recorded: %1):</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/figures.py" line="104"/>
        <source>Diện tích tự nhiên (gốc: %1 km²):</source>
        <translation>Natural area (recorded: %1 km²):</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/figures.py" line="107"/>
        <source>Ví dụ: Tờ trình của HĐND huyện ngày 12/09/2019</source>
        <translation>e.g. District People&apos;s Council proposal of 12/09/2019</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/figures.py" line="109"/>
        <source>Nguồn số liệu:</source>
        <translation>Source of the figure:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/figures.py" line="110"/>
        <source>Để cả hai ô ở giá trị gốc để bỏ điều chỉnh.</source>
        <translation>Leave both at the recorded figure to remove the override.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/files.py" line="12"/>
        <source>Mở dự án</source>
        <translation>Open project</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/files.py" line="13"/>
        <source>Cơ sở dữ liệu dự án (*.sqlite *.db);;Mọi tệp (*)</source>
        <translation>Project databases (*.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/files.py" line="18"/>
        <source>Nhập phương án</source>
        <translation>Import scenario</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/files.py" line="19"/>
        <source>Tệp phương án (*.json);;Mọi tệp (*)</source>
        <translation>Scenario files (*.json);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/files.py" line="24"/>
        <source>Xuất phương án</source>
        <translation>Export scenario</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/files.py" line="25"/>
        <source>Tệp phương án (*.json)</source>
        <translation>Scenario files (*.json)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/files.py" line="33"/>
        <source>Nhập ranh giới</source>
        <translation>Import boundaries</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/files.py" line="34"/>
        <source>Lớp ranh giới (*.geojson *.json *.gpkg *.shp);;Mọi tệp (*)</source>
        <translation>Boundary layers (*.geojson *.json *.gpkg *.shp);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/files.py" line="40"/>
        <source>Bản tóm tắt PDF (*.pdf)</source>
        <translation>PDF summary (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/files.py" line="41"/>
        <source>Bảng tính Excel (*.xlsx)</source>
        <translation>Excel spreadsheet (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/files.py" line="42"/>
        <source>Bảng đơn vị cũ → mới, CSV (*.csv)</source>
        <translation>Old → new unit table, CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/files.py" line="43"/>
        <source>GeoPackage cho QGIS (*.gpkg)</source>
        <translation>GeoPackage for QGIS (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/files.py" line="44"/>
        <source>GeoJSON (*.geojson)</source>
        <translation>GeoJSON (*.geojson)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/files.py" line="45"/>
        <source>Xuất bản tóm tắt phương án</source>
        <translation>Export scenario summary</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge_dialog.py" line="26"/>
        <source>Nhập đơn vị</source>
        <translation>Merge units</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/group_exception.py" line="61"/>
        <source>Ngoại lệ của nhóm</source>
        <translation>Group exception</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/group_exception.py" line="63"/>
        <source>Nhóm:</source>
        <translation>Group:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/group_exception.py" line="64"/>
        <location filename="../../gui/dialogs/merge_dialog.py" line="33"/>
        <source>Các đơn vị:</source>
        <translation>Units:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/group_exception.py" line="65"/>
        <source>Kết luận hiện nay:</source>
        <translation>Current verdict:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/group_exception.py" line="76"/>
        <source>Ví dụ: Cù lao biệt lập, không có đơn vị liền kề nào khác để nhập thêm</source>
        <translation>E.g. an isolated river island with no other adjacent unit to take in</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/group_exception.py" line="82"/>
        <source>Theo %1, khi ghi lý do, nhóm được xét là ngoại lệ (%2).</source>
        <translation>Under %1, once a reason is recorded the group is treated as an exception (%2).</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/group_exception.py" line="85"/>
        <source>%1 không có trường hợp ngoại lệ nào cho nhóm %2 đơn vị cần ghi lý do: lý do được lưu trong phương án và hồ sơ nhưng không đổi kết luận.</source>
        <translation>%1 has no exception for a group of %2 units that takes a recorded reason: the reason is kept in the scenario and the dossier but does not change the verdict.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/group_exception.py" line="90"/>
        <source>Để trống lý do để bỏ ngoại lệ.</source>
        <translation>Leave the reason empty to remove the exception.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge_dialog.py" line="36"/>
        <source>Tên đơn vị mới:</source>
        <translation>Name of the new unit:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge_dialog.py" line="41"/>
        <source>Trụ sở đặt tại:</source>
        <translation>Seat:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge_dialog.py" line="43"/>
        <source>Theo quy tắc: %1</source>
        <translation>Rule set default: %1</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge_dialog.py" line="46"/>
        <source>Loại đơn vị mới:</source>
        <translation>Kind of the new unit:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge_dialog.py" line="47"/>
        <source>Đề xuất: tên của đơn vị có dân số lớn nhất; loại theo bộ quy tắc đang dùng.</source>
        <translation>Proposed: the name of the most populous member; the kind from the current rule set.</translation>
    </message>
    <message>
        <location filename="../../gui/boundary_import.py" line="227"/>
        <location filename="../../gui/boundary_import.py" line="231"/>
        <location filename="../../gui/boundary_import.py" line="235"/>
        <source>Hoàn tác lần nhập ranh giới</source>
        <translation>Undo the boundary import</translation>
    </message>
    <message>
        <location filename="../../gui/boundary_import.py" line="228"/>
        <source>%1

Dự án không thay đổi.</source>
        <translation>%1

The project is unchanged.</translation>
    </message>
    <message>
        <location filename="../../gui/boundary_import.py" line="232"/>
        <source>Chưa có lần nhập ranh giới nào để hoàn tác.</source>
        <translation>There is no boundary import to undo.</translation>
    </message>
    <message>
        <location filename="../../gui/boundary_import.py" line="236"/>
        <source>Đã khôi phục ranh giới và các cặp liền kề có trước lần nhập gần nhất. Chọn lại mục này để dùng lại ranh giới vừa nhập.</source>
        <translation>The boundaries and neighbour pairs from before the last import are back. Choose this item again to use the imported boundaries again.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/preview.py" line="81"/>
        <source>Khớp theo trường:</source>
        <translation>Match by field:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/preview.py" line="85"/>
        <source>%1 (mã đơn vị)</source>
        <translation>%1 (unit code)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/preview.py" line="86"/>
        <source>%1 (tên đơn vị)</source>
        <translation>%1 (unit name)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/preview.py" line="92"/>
        <source>Dung sai liền kề (m):</source>
        <translation>Adjacency tolerance (m):</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/preview.py" line="98"/>
        <source>Hai đơn vị cách nhau không quá khoảng này được coi là liền kề (ranh giới vẽ lệch nhau)</source>
        <translation>Two units no farther apart than this are taken as adjacent (boundaries drawn slightly apart)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/preview.py" line="102"/>
        <source>Xem lại</source>
        <translation>Preview again</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/preview.py" line="104"/>
        <source>Lập lại bản xem trước với lựa chọn này; dự án chưa thay đổi</source>
        <translation>Make the preview again with these choices; the project is not changed yet</translation>
    </message>
    <message>
        <source>Chọn…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Cả tỉnh</source>
        <translation>Whole province</translation>
    </message>
    <message>
        <source>Huyện:</source>
        <translation>District:</translation>
    </message>
    <message>
        <source>Hãy chọn tệp sẽ ghi.</source>
        <translation>Choose the file to write.</translation>
    </message>
    <message>
        <source>Hãy đặt tên tệp kết thúc bằng .pdf, .xlsx, .csv, .gpkg hoặc .geojson (phần mở rộng chọn định dạng).</source>
        <translation>Give the file a name ending in .pdf, .xlsx, .csv, .gpkg or .geojson (the extension chooses the format).</translation>
    </message>
    <message>
        <source>Phần mở rộng của tệp chọn định dạng: .pdf, .xlsx, .csv, .gpkg, .geojson.</source>
        <translation>The file&apos;s extension chooses the format: .pdf, .xlsx, .csv, .gpkg, .geojson.</translation>
    </message>
    <message>
        <source>Toàn bộ dự án</source>
        <translation>The whole project</translation>
    </message>
    <message>
        <source>Tệp:</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>Tỉnh:</source>
        <translation>Province:</translation>
    </message>
    <message>
        <source>Xuất</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Bản tóm tắt gồm %1 đơn vị hành chính cấp xã.</source>
        <translation>The summary covers %1 commune-level administrative units.</translation>
    </message>
</context>
<context>
    <name>Editor</name>
    <message>
        <location filename="../../gui/editing.py" line="45"/>
        <source>Không thực hiện được</source>
        <translation>Not possible</translation>
    </message>
    <message>
        <location filename="../../gui/editing.py" line="69"/>
        <source>Chọn ít nhất hai đơn vị để nhập.</source>
        <translation>Select at least two units to merge.</translation>
    </message>
    <message>
        <location filename="../../gui/editing.py" line="86"/>
        <source>Chọn các đơn vị cần thêm cùng với đúng một nhóm.</source>
        <translation>Select the units to add together with exactly one group.</translation>
    </message>
    <message>
        <location filename="../../gui/editing.py" line="91"/>
        <source>Không có đơn vị nào ngoài nhóm được chọn.</source>
        <translation>No unit outside the group is selected.</translation>
    </message>
    <message>
        <location filename="../../gui/editing.py" line="99"/>
        <source>Các đơn vị đã chọn không thuộc nhóm nào.</source>
        <translation>The selected units are in no group.</translation>
    </message>
    <message>
        <location filename="../../gui/editing.py" line="106"/>
        <source>Chọn một đơn vị của nhóm cần giải tán.</source>
        <translation>Select a unit of the group to dissolve.</translation>
    </message>
    <message>
        <location filename="../../gui/editing.py" line="113"/>
        <source>Chọn một đơn vị của nhóm cần đổi tên.</source>
        <translation>Select a unit of the group to rename.</translation>
    </message>
    <message>
        <location filename="../../gui/editing.py" line="115"/>
        <source>Đổi tên nhóm</source>
        <translation>Rename group</translation>
    </message>
    <message>
        <location filename="../../gui/editing.py" line="115"/>
        <source>Tên đơn vị mới:</source>
        <translation>Name of the new unit:</translation>
    </message>
    <message>
        <location filename="../../gui/editing.py" line="123"/>
        <source>Chọn đúng một đơn vị để ghi miễn sắp xếp.</source>
        <translation>Select exactly one unit to record an exemption.</translation>
    </message>
    <message>
        <location filename="../../gui/editing.py" line="143"/>
        <source>Chọn một đơn vị của đúng một nhóm để ghi ngoại lệ.</source>
        <translation>Select a unit of exactly one group to record an exception.</translation>
    </message>
    <message>
        <location filename="../../gui/editing.py" line="157"/>
        <source>Chọn đúng một đơn vị để điều chỉnh số liệu.</source>
        <translation>Select exactly one unit to override its figures.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../gui/errors.py" line="22"/>
        <source>Không đọc/ghi được %1: %2</source>
        <translation>Cannot read or write %1: %2</translation>
    </message>
    <message>
        <location filename="../../gui/errors.py" line="24"/>
        <source>Lỗi ngoài dự kiến (%1: %2).</source>
        <translation>Unexpected failure (%1: %2).</translation>
    </message>
</context>
<context>
    <name>ExportJob</name>
    <message>
        <location filename="../../gui/export_job.py" line="65"/>
        <source>Đang xuất %1…</source>
        <translation>Exporting %1…</translation>
    </message>
    <message>
        <location filename="../../gui/export_job.py" line="67"/>
        <location filename="../../gui/export_job.py" line="84"/>
        <source>Xuất bản tóm tắt phương án</source>
        <translation>Export scenario summary</translation>
    </message>
    <message>
        <location filename="../../gui/export_job.py" line="81"/>
        <source>Không xuất được bản tóm tắt</source>
        <translation>The summary could not be exported</translation>
    </message>
    <message>
        <location filename="../../gui/export_job.py" line="82"/>
        <source>%1

Không có tệp nào bị ghi dở.</source>
        <translation>%1

No half-written file was left.</translation>
    </message>
    <message>
        <location filename="../../gui/export_job.py" line="85"/>
        <source>Đã ghi %1</source>
        <translation>Written: %1</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Mở thư mục chứa tệp</source>
        <translation>Open the containing folder</translation>
    </message>
    <message>
        <source>Mở tệp</source>
        <translation>Open the file</translation>
    </message>
    <message>
        <source>Đang dừng…</source>
        <translation>Stopping…</translation>
    </message>
    <message>
        <source>Đang xuất %1: %2 (%3 %)</source>
        <translation>Exporting %1: %2 (%3 %)</translation>
    </message>
    <message>
        <source>Đã dừng xuất %1; không có tệp nào được ghi.</source>
        <translation>Export of %1 stopped; no file was written.</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>GroupsModel</name>
    <message>
        <location filename="../../gui/checks_tables.py" line="58"/>
        <source>Đơn vị mới</source>
        <translation>New unit</translation>
    </message>
    <message>
        <location filename="../../gui/checks_tables.py" line="58"/>
        <source>Nhập từ</source>
        <translation>Merged from</translation>
    </message>
    <message>
        <location filename="../../gui/checks_tables.py" line="58"/>
        <source>DT km²</source>
        <translation>Area km²</translation>
    </message>
    <message>
        <location filename="../../gui/checks_tables.py" line="58"/>
        <location filename="../../gui/checks_tables.py" line="59"/>
        <source>% chuẩn</source>
        <translation>% of std</translation>
    </message>
    <message>
        <location filename="../../gui/checks_tables.py" line="59"/>
        <source>Dân số</source>
        <translation>Population</translation>
    </message>
    <message>
        <location filename="../../gui/checks_tables.py" line="59"/>
        <source>Kết luận</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <location filename="../../gui/checks_tables.py" line="61"/>
        <source>So với tiêu chuẩn của loại đơn vị mới; ✔ / ✖: đạt / chưa đạt mức yêu cầu</source>
        <translation>Against the standard of the new unit&apos;s kind; ✔ / ✖: meets / misses what is required</translation>
    </message>
</context>
<context>
    <name>Launch</name>
    <message>
        <location filename="../../gui/launch.py" line="31"/>
        <source>Không mở được dự án</source>
        <translation>Cannot open the project</translation>
    </message>
    <message>
        <location filename="../../gui/launch.py" line="32"/>
        <source>Tệp không bị thay đổi.</source>
        <translation>The file was not changed.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="161"/>
        <source>Kiểm tra theo tiêu chuẩn</source>
        <translation>Checks against the standards</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="179"/>
        <source>%1[*] – Sắp xếp đơn vị hành chính – %2</source>
        <translation>%1[*] – Administrative unit arrangement – %2</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="189"/>
        <source>Cả nước: %1 tỉnh, %2 đơn vị</source>
        <translation>Whole country: %1 provinces, %2 units</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="205"/>
        <source>Đơn vị: %1 → %2 (giảm %3) · Phải sắp xếp chưa xử lý: %4 · %5</source>
        <translation>Units: %1 → %2 (%3 fewer) · Must-merge units unresolved: %4 · %5</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="258"/>
        <source>Đã lưu tạm lúc %1</source>
        <translation>Autosaved at %1</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="260"/>
        <source>Không lưu tạm được: %1</source>
        <translation>Autosave failed: %1</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="272"/>
        <source>Không mở được dự án</source>
        <translation>Cannot open the project</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="313"/>
        <source>Giới thiệu</source>
        <translation>About</translation>
    </message>
    <message>
        <source>Đã lưu phương án “%1” lúc %2</source>
        <translation>Saved scenario “%1” at %2</translation>
    </message>
</context>
<context>
    <name>MapLegend</name>
    <message>
        <location filename="../../gui/map_legend.py" line="61"/>
        <source>Phải sắp xếp, chưa có phương án</source>
        <translation>Must merge, not yet in a group</translation>
    </message>
    <message>
        <location filename="../../gui/map_legend.py" line="61"/>
        <source>Phải sắp xếp, được miễn</source>
        <translation>Must merge, exempted</translation>
    </message>
    <message>
        <location filename="../../gui/map_legend.py" line="62"/>
        <source>Không thuộc diện phải sắp xếp</source>
        <translation>Not required to merge</translation>
    </message>
    <message>
        <location filename="../../gui/map_legend.py" line="62"/>
        <source>Nhóm nhập (mỗi nhóm một màu)</source>
        <translation>Merged group (one colour each)</translation>
    </message>
    <message>
        <location filename="../../gui/map_legend.py" line="63"/>
        <source>Viền nhóm: đạt tiêu chuẩn</source>
        <translation>Group outline: meets the standard</translation>
    </message>
    <message>
        <location filename="../../gui/map_legend.py" line="63"/>
        <source>Viền nhóm: ngoại lệ</source>
        <translation>Group outline: exception</translation>
    </message>
    <message>
        <location filename="../../gui/map_legend.py" line="64"/>
        <source>Viền nhóm: không đạt</source>
        <translation>Group outline: fails</translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message>
        <location filename="../../gui/map_view.py" line="101"/>
        <source>Sơ đồ minh họa, không phải bản đồ ranh giới – các ô vẽ từ điểm nhãn của mỗi đơn vị; hình dạng và diện tích không đúng thực tế</source>
        <translation>Schematic, not a boundary map (sơ đồ minh họa) – cells drawn from each unit&apos;s label point; shapes and areas are not real</translation>
    </message>
    <message>
        <location filename="../../gui/map_view.py" line="103"/>
        <source>Nhập lớp ranh giới (Tệp → Nhập lớp ranh giới…) để xem bản đồ thật.</source>
        <translation>Import a boundary layer (File → Import boundary layer…) to see the real map.</translation>
    </message>
</context>
<context>
    <name>MapScene</name>
    <message>
        <location filename="../../gui/map_scene.py" line="295"/>
        <source>Diện tích tự nhiên: %1 (%2 tiêu chuẩn)</source>
        <translation>Natural area: %1 (%2 of the standard)</translation>
    </message>
    <message>
        <location filename="../../gui/map_scene.py" line="297"/>
        <source>Quy mô dân số: %1 người (%2 tiêu chuẩn)</source>
        <translation>Population: %1 people (%2 of the standard)</translation>
    </message>
    <message>
        <location filename="../../gui/map_scene.py" line="301"/>
        <source>Thuộc diện phải sắp xếp</source>
        <translation>Must be merged</translation>
    </message>
    <message>
        <location filename="../../gui/map_scene.py" line="303"/>
        <source>Miễn sắp xếp: %1</source>
        <translation>Exempted: %1</translation>
    </message>
    <message>
        <location filename="../../gui/map_scene.py" line="307"/>
        <source>Nhóm %1: %2, %3 người – %4</source>
        <translation>Group %1: %2, %3 people – %4</translation>
    </message>
</context>
<context>
    <name>NationalDock</name>
    <message>
        <location filename="../../gui/national_dock.py" line="270"/>
        <source>Tổng hợp theo tỉnh</source>
        <translation>Summary by province</translation>
    </message>
</context>
<context>
    <name>NationalPanel</name>
    <message>
        <location filename="../../gui/national_dock.py" line="229"/>
        <source>Theo %1: %2 trên %3 đơn vị thuộc diện phải sắp xếp (tô màu cam trên bản đồ khi chưa xử lý), ở %4 tỉnh.</source>
        <translation>Under %1: %2 of %3 units must merge (orange on the map while unresolved), in %4 provinces.</translation>
    </message>
    <message>
        <location filename="../../gui/national_dock.py" line="239"/>
        <source>Cả nước</source>
        <translation>Whole country</translation>
    </message>
    <message>
        <location filename="../../gui/national_dock.py" line="240"/>
        <source>Cả tỉnh</source>
        <translation>Whole province</translation>
    </message>
    <message>
        <location filename="../../gui/national_dock.py" line="243"/>
        <source>Tỉnh:</source>
        <translation>Province:</translation>
    </message>
    <message>
        <location filename="../../gui/national_dock.py" line="243"/>
        <source>Huyện:</source>
        <translation>District:</translation>
    </message>
    <message>
        <location filename="../../gui/national_dock.py" line="243"/>
        <source>Bộ quy tắc:</source>
        <translation>Rule set:</translation>
    </message>
</context>
<context>
    <name>PageBuilder</name>
    <message>
        <location filename="../../gui/checks_pages.py" line="105"/>
        <source>Số đơn vị: %1 → %2 (giảm %3)</source>
        <translation>Units: %1 → %2 (%3 fewer)</translation>
    </message>
    <message>
        <location filename="../../gui/checks_pages.py" line="109"/>
        <source>Đơn vị mới sau sắp xếp (%1)</source>
        <translation>New units after the arrangement (%1)</translation>
    </message>
    <message>
        <location filename="../../gui/checks_pages.py" line="116"/>
        <source>Phải sắp xếp nhưng chưa có trong nhóm nào và chưa được miễn (%1)</source>
        <translation>Must be merged but in no group and not exempted (%1)</translation>
    </message>
    <message>
        <location filename="../../gui/checks_pages.py" line="125"/>
        <source>Bấm vào một dòng, hoặc chọn đơn vị trên bảng hay bản đồ, để xem chi tiết; chọn nhiều đơn vị để xem trước kết quả nếu nhập.</source>
        <translation>Click a row, or select units in the table or on the map, to see the details; select several units to preview the result of merging them.</translation>
    </message>
    <message>
        <location filename="../../gui/checks_pages.py" line="138"/>
        <source>Diện tích tự nhiên</source>
        <translation>Natural area (diện tích tự nhiên)</translation>
    </message>
    <message>
        <location filename="../../gui/checks_pages.py" line="140"/>
        <source>Quy mô dân số</source>
        <translation>Population (quy mô dân số)</translation>
    </message>
    <message>
        <location filename="../../gui/checks_pages.py" line="143"/>
        <source>Thuộc diện phải sắp xếp – đã được miễn</source>
        <translation>Must be merged – exempted</translation>
    </message>
    <message>
        <location filename="../../gui/checks_pages.py" line="144"/>
        <source>Thuộc diện phải sắp xếp</source>
        <translation>Must be merged</translation>
    </message>
    <message>
        <location filename="../../gui/checks_pages.py" line="150"/>
        <source>Không thuộc diện phải sắp xếp theo bộ quy tắc này</source>
        <translation>Not required to merge under this rule set</translation>
    </message>
    <message>
        <location filename="../../gui/checks_pages.py" line="153"/>
        <source>Lý do miễn: %1</source>
        <translation>Exemption reason: %1</translation>
    </message>
    <message>
        <location filename="../../gui/checks_pages.py" line="155"/>
        <source>Dùng số liệu điều chỉnh, nguồn: %1</source>
        <translation>Uses overridden figures, source: %1</translation>
    </message>
    <message>
        <location filename="../../gui/checks_pages.py" line="157"/>
        <source>Diện tích là số liệu xấp xỉ tính từ bản đồ, không phải diện tích tự nhiên chính thức.</source>
        <translation>The area is an approximation computed from a map, not the official natural area.</translation>
    </message>
    <message>
        <location filename="../../gui/checks_pages.py" line="169"/>
        <source>Xem trước: nếu nhập các đơn vị đã chọn (Ctrl+M để nhập)</source>
        <translation>Preview: if the selected units were merged (Ctrl+M to merge)</translation>
    </message>
    <message>
        <location filename="../../gui/checks_pages.py" line="185"/>
        <source>Sau khi nhập (%1)</source>
        <translation>Merged (%1)</translation>
    </message>
    <message>
        <location filename="../../gui/checks_pages.py" line="189"/>
        <source>%1 so với tiêu chuẩn %2 (%3)</source>
        <translation>%1 against the standard %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../gui/checks_pages.py" line="193"/>
        <location filename="../../gui/checks_pages.py" line="196"/>
        <source>Yêu cầu</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../gui/checks_pages.py" line="194"/>
        <source>Đơn vị loại này không phải đáp ứng mức tiêu chuẩn sau sắp xếp.</source>
        <translation>A unit of this kind need not meet the standard after the arrangement.</translation>
    </message>
    <message>
        <location filename="../../gui/checks_pages.py" line="202"/>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../gui/checks_pages.py" line="202"/>
        <source>DT km²</source>
        <translation>Area km²</translation>
    </message>
    <message>
        <location filename="../../gui/checks_pages.py" line="202"/>
        <location filename="../../gui/checks_pages.py" line="203"/>
        <source>% chuẩn</source>
        <translation>% of std</translation>
    </message>
    <message>
        <location filename="../../gui/checks_pages.py" line="202"/>
        <source>Dân số</source>
        <translation>Population</translation>
    </message>
    <message>
        <location filename="../../gui/checks_pages.py" line="212"/>
        <source>%1 · %2 đơn vị · xét theo %3</source>
        <translation>%1 · %2 units · judged under %3</translation>
    </message>
    <message>
        <location filename="../../gui/checks_pages.py" line="222"/>
        <source>Sửa ngoại lệ…</source>
        <translation>Edit exception…</translation>
    </message>
    <message>
        <location filename="../../gui/checks_pages.py" line="222"/>
        <source>Ghi ngoại lệ…</source>
        <translation>Record exception…</translation>
    </message>
    <message>
        <location filename="../../gui/checks_pages.py" line="224"/>
        <source>Ghi căn cứ và lý do để %1 được xét là ngoại lệ (Ctrl+Shift+G)</source>
        <translation>Record the ground and reason for %1 to be treated as an exception (Ctrl+Shift+G)</translation>
    </message>
    <message>
        <location filename="../../gui/checks_pages.py" line="237"/>
        <source>Lý do ngoại lệ đã ghi: %1 – %2 không có trường hợp ngoại lệ tương ứng, kết luận không đổi.</source>
        <translation>Exception reason recorded: %1 – %2 has no matching exception, the verdict is unchanged.</translation>
    </message>
    <message>
        <location filename="../../gui/checks_pages.py" line="240"/>
        <source>Giáp: %1</source>
        <translation>Borders: %1</translation>
    </message>
    <message>
        <location filename="../../gui/checks_pages.py" line="249"/>
        <source>Căn cứ đầy đủ (số liệu, tiêu chuẩn, điều khoản)</source>
        <translation>Full grounds (figures, standard, articles)</translation>
    </message>
    <message>
        <location filename="../../gui/checks_pages.py" line="262"/>
        <source>Cách khắc phục</source>
        <translation>How to fix it</translation>
    </message>
    <message>
        <location filename="../../gui/checks_pages.py" line="264"/>
        <source>Không còn đơn vị liền kề nào chưa thuộc nhóm khác.</source>
        <translation>No adjacent unit is left outside other groups.</translation>
    </message>
    <message>
        <location filename="../../gui/checks_pages.py" line="268"/>
        <source>Thêm một trong các đơn vị liền kề sau thì nhóm đạt tiêu chuẩn:</source>
        <translation>Adding one of these adjacent units brings the group up to the standard:</translation>
    </message>
    <message>
        <location filename="../../gui/checks_pages.py" line="271"/>
        <source>Thêm riêng một đơn vị liền kề chưa đủ đạt tiêu chuẩn; gần nhất là:</source>
        <translation>No single adjacent unit is enough to meet the standard; the closest are:</translation>
    </message>
    <message>
        <location filename="../../gui/checks_pages.py" line="275"/>
        <source>+ %1 → %2 (%3), %4 người (%5): %6</source>
        <translation>+ %1 → %2 (%3), %4 people (%5): %6</translation>
    </message>
    <message>
        <location filename="../../gui/checks_pages.py" line="279"/>
        <source>Thêm</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../gui/checks_pages.py" line="280"/>
        <source>Thêm %1 vào nhóm %2</source>
        <translation>Add %1 to the group %2</translation>
    </message>
</context>
<context>
    <name>ScenarioActions</name>
    <message>
        <location filename="../../gui/scenario_actions.py" line="47"/>
        <source>Thay đổi chưa lưu</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../gui/scenario_actions.py" line="48"/>
        <source>Phương án “%1” có thay đổi chưa lưu. Lưu trước khi tiếp tục?</source>
        <translation>The scenario “%1” has unsaved changes. Save before continuing?</translation>
    </message>
    <message>
        <location filename="../../gui/scenario_actions.py" line="50"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../gui/scenario_actions.py" line="50"/>
        <source>Không lưu</source>
        <translation>Don&apos;t save</translation>
    </message>
    <message>
        <location filename="../../gui/scenario_actions.py" line="51"/>
        <location filename="../../gui/scenario_actions.py" line="70"/>
        <location filename="../../gui/scenario_actions.py" line="102"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../gui/scenario_actions.py" line="65"/>
        <source>Phương án đã bị thay đổi ở nơi khác</source>
        <translation>The scenario was changed elsewhere</translation>
    </message>
    <message>
        <location filename="../../gui/scenario_actions.py" line="66"/>
        <source>Phương án “%1” vừa được lưu từ một cửa sổ hoặc máy khác. Ghi đè lên bản đó, hay lưu bản của bạn thành phương án mới?</source>
        <translation>The scenario “%1” was just saved from another window or computer. Overwrite that version, or save yours as a new scenario?</translation>
    </message>
    <message>
        <location filename="../../gui/scenario_actions.py" line="69"/>
        <source>Lưu thành phương án mới</source>
        <translation>Save as a new scenario</translation>
    </message>
    <message>
        <location filename="../../gui/scenario_actions.py" line="70"/>
        <source>Ghi đè</source>
        <translation>Overwrite</translation>
    </message>
    <message>
        <location filename="../../gui/scenario_actions.py" line="82"/>
        <source>Không lưu được</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <location filename="../../gui/scenario_actions.py" line="93"/>
        <source>Không mở được phương án</source>
        <translation>Cannot open the scenario</translation>
    </message>
    <message>
        <location filename="../../gui/scenario_actions.py" line="99"/>
        <location filename="../../gui/scenario_actions.py" line="105"/>
        <location filename="../../gui/scenario_actions.py" line="106"/>
        <source>Phương án mới</source>
        <translation>New scenario</translation>
    </message>
    <message>
        <location filename="../../gui/scenario_actions.py" line="100"/>
        <source>Tạo phương án mới trống, hay từ phương án đang mở?</source>
        <translation>Create an empty scenario, or start from the current one?</translation>
    </message>
    <message>
        <location filename="../../gui/scenario_actions.py" line="101"/>
        <source>Trống</source>
        <translation>Empty</translation>
    </message>
    <message>
        <location filename="../../gui/scenario_actions.py" line="101"/>
        <source>Từ phương án đang mở</source>
        <translation>From the current scenario</translation>
    </message>
    <message>
        <location filename="../../gui/scenario_actions.py" line="105"/>
        <location filename="../../gui/scenario_actions.py" line="145"/>
        <source>Tên phương án:</source>
        <translation>Scenario name:</translation>
    </message>
    <message>
        <location filename="../../gui/scenario_actions.py" line="116"/>
        <source>Không tạo được phương án</source>
        <translation>Could not create the scenario</translation>
    </message>
    <message>
        <location filename="../../gui/scenario_actions.py" line="122"/>
        <source>Nhân bản phương án</source>
        <translation>Duplicate scenario</translation>
    </message>
    <message>
        <location filename="../../gui/scenario_actions.py" line="122"/>
        <source>Tên bản sao:</source>
        <translation>Name of the copy:</translation>
    </message>
    <message>
        <location filename="../../gui/scenario_actions.py" line="123"/>
        <source>%1 – bản sao</source>
        <translation>%1 – copy</translation>
    </message>
    <message>
        <location filename="../../gui/scenario_actions.py" line="129"/>
        <source>Không nhân bản được</source>
        <translation>Could not duplicate</translation>
    </message>
    <message>
        <location filename="../../gui/scenario_actions.py" line="145"/>
        <source>Đổi tên phương án</source>
        <translation>Rename scenario</translation>
    </message>
    <message>
        <location filename="../../gui/scenario_actions.py" line="152"/>
        <source>Không đổi tên được</source>
        <translation>Could not rename</translation>
    </message>
    <message>
        <location filename="../../gui/scenario_actions.py" line="161"/>
        <source>Không xóa được</source>
        <translation>Could not delete</translation>
    </message>
    <message>
        <location filename="../../gui/scenario_actions.py" line="161"/>
        <source>Dự án cần ít nhất một phương án.</source>
        <translation>A project needs at least one scenario.</translation>
    </message>
    <message>
        <location filename="../../gui/scenario_actions.py" line="164"/>
        <source>Xóa phương án</source>
        <translation>Delete scenario</translation>
    </message>
    <message>
        <location filename="../../gui/scenario_actions.py" line="165"/>
        <source>Xóa phương án “%1”? Không thể hoàn tác việc xóa.</source>
        <translation>Delete the scenario “%1”? Deleting cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../gui/scenario_actions.py" line="166"/>
        <source>Xóa</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../gui/scenario_actions.py" line="189"/>
        <source>Không nhập được %1</source>
        <translation>Could not import %1</translation>
    </message>
    <message>
        <location filename="../../gui/scenario_actions.py" line="202"/>
        <source>Không xuất được</source>
        <translation>Could not export</translation>
    </message>
    <message>
        <location filename="../../gui/scenario_actions.py" line="213"/>
        <source>Khôi phục thay đổi chưa lưu</source>
        <translation>Recover unsaved changes</translation>
    </message>
    <message>
        <location filename="../../gui/scenario_actions.py" line="214"/>
        <source>Lần làm việc trước kết thúc khi còn thay đổi chưa lưu (%1). Khôi phục các thay đổi đó?</source>
        <translation>The last session ended with unsaved changes (%1). Recover them?</translation>
    </message>
    <message>
        <location filename="../../gui/scenario_actions.py" line="216"/>
        <source>Khôi phục</source>
        <translation>Recover</translation>
    </message>
    <message>
        <location filename="../../gui/scenario_actions.py" line="216"/>
        <source>Bỏ đi</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location filename="../../gui/scenario_actions.py" line="233"/>
        <source>Không khôi phục được</source>
        <translation>Could not recover</translation>
    </message>
    <message>
        <source>Bản lưu tạm không đọc được</source>
        <translation>Autosave entries that cannot be read</translation>
    </message>
    <message>
        <source>Phương án đã bị xóa ở nơi khác</source>
        <translation>The scenario was deleted elsewhere</translation>
    </message>
    <message>
        <source>Phương án “%1” đã bị xóa từ một cửa sổ hoặc máy khác. Lưu bản của bạn thành phương án mới?</source>
        <translation>The scenario “%1” was deleted from another window or computer. Save your copy as a new scenario?</translation>
    </message>
</context>
<context>
    <name>ScenarioDock</name>
    <message>
        <location filename="../../gui/scenario_dock.py" line="53"/>
        <source>Phương án</source>
        <translation>Scenarios</translation>
    </message>
    <message>
        <location filename="../../gui/scenario_dock.py" line="66"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>SharedStore</name>
    <message>
        <location filename="../../gui/shared_connect.py" line="26"/>
        <source>Kết nối kho dùng chung</source>
        <translation>Connect to a shared store</translation>
    </message>
    <message>
        <location filename="../../gui/shared_connect.py" line="27"/>
        <source>Địa chỉ kho (postgresql://NGƯỜI_DÙNG@MÁY_CHỦ:CỔNG/CSDL; mật khẩu lấy từ tệp ~/.pgpass):</source>
        <translation>Store address (postgresql://USER@HOST:PORT/DB; the password comes from the file ~/.pgpass):</translation>
    </message>
    <message>
        <location filename="../../gui/shared_connect.py" line="34"/>
        <source>Địa chỉ kho dùng chung bắt đầu bằng postgresql://</source>
        <translation>A shared store's address starts with postgresql://</translation>
    </message>
</context>
<context>
    <name>UnitTable</name>
    <message>
        <location filename="../../gui/unit_table.py" line="56"/>
        <source>Lọc theo tên hoặc mã (gõ không dấu cũng được)…</source>
        <translation>Filter by name or code (diacritics optional)…</translation>
    </message>
</context>
<context>
    <name>UnitTableModel</name>
    <message>
        <location filename="../../gui/unit_model.py" line="65"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../gui/unit_model.py" line="65"/>
        <source>Tên</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../gui/unit_model.py" line="65"/>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../gui/unit_model.py" line="65"/>
        <source>Diện tích (km²)</source>
        <translation>Area (km²)</translation>
    </message>
    <message>
        <location filename="../../gui/unit_model.py" line="66"/>
        <source>Dân số</source>
        <translation>Population</translation>
    </message>
    <message>
        <location filename="../../gui/unit_model.py" line="66"/>
        <source>% DT chuẩn</source>
        <translation>Area % of std</translation>
    </message>
    <message>
        <location filename="../../gui/unit_model.py" line="66"/>
        <source>% DS chuẩn</source>
        <translation>Pop. % of std</translation>
    </message>
    <message>
        <location filename="../../gui/unit_model.py" line="67"/>
        <source>Phải sắp xếp</source>
        <translation>Must merge</translation>
    </message>
    <message>
        <location filename="../../gui/unit_model.py" line="67"/>
        <source>Nhóm</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../gui/unit_model.py" line="69"/>
        <source>Mã đơn vị hành chính (Tổng cục Thống kê)</source>
        <translation>Administrative unit code (GSO)</translation>
    </message>
    <message>
        <location filename="../../gui/unit_model.py" line="69"/>
        <source>Tên đơn vị</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <location filename="../../gui/unit_model.py" line="70"/>
        <source>Loại đơn vị hành chính</source>
        <translation>Kind of administrative unit</translation>
    </message>
    <message>
        <location filename="../../gui/unit_model.py" line="70"/>
        <source>Diện tích tự nhiên</source>
        <translation>Natural area (diện tích tự nhiên)</translation>
    </message>
    <message>
        <location filename="../../gui/unit_model.py" line="71"/>
        <source>Quy mô dân số</source>
        <translation>Population (quy mô dân số)</translation>
    </message>
    <message>
        <location filename="../../gui/unit_model.py" line="72"/>
        <source>Diện tích tự nhiên so với tiêu chuẩn của loại đơn vị</source>
        <translation>Natural area as % of the standard for the unit&apos;s kind</translation>
    </message>
    <message>
        <location filename="../../gui/unit_model.py" line="73"/>
        <source>Quy mô dân số so với tiêu chuẩn của loại đơn vị</source>
        <translation>Population as % of the standard for the unit&apos;s kind</translation>
    </message>
    <message>
        <location filename="../../gui/unit_model.py" line="74"/>
        <source>Thuộc diện phải sắp xếp theo bộ quy tắc đang dùng</source>
        <translation>Required to merge under the current rule set</translation>
    </message>
    <message>
        <location filename="../../gui/unit_model.py" line="75"/>
        <source>Nhóm nhập trong phương án</source>
        <translation>Merged group in the scenario</translation>
    </message>
    <message>
        <location filename="../../gui/unit_model.py" line="131"/>
        <source>Có – miễn</source>
        <translation>Yes – exempted</translation>
    </message>
    <message>
        <location filename="../../gui/unit_model.py" line="131"/>
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../gui/unit_model.py" line="144"/>
        <source>Miễn sắp xếp: %1</source>
        <translation>Exempted: %1</translation>
    </message>
    <message>
        <location filename="../../gui/unit_model.py" line="147"/>
        <location filename="../../gui/unit_model.py" line="151"/>
        <source>Số liệu điều chỉnh, nguồn: %1</source>
        <translation>Overridden figure, source: %1</translation>
    </message>
</context>
<context>
    <name>UnresolvedModel</name>
    <message>
        <location filename="../../gui/checks_tables.py" line="108"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../gui/checks_tables.py" line="108"/>
        <source>Tên</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../gui/checks_tables.py" line="108"/>
        <source>Huyện, tỉnh</source>
        <translation>District, province</translation>
    </message>
    <message>
        <location filename="../../gui/checks_tables.py" line="108"/>
        <source>% DT chuẩn</source>
        <translation>Area % of std</translation>
    </message>
    <message>
        <location filename="../../gui/checks_tables.py" line="109"/>
        <source>% DS chuẩn</source>
        <translation>Pop. % of std</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <location filename="../../gui/menus.py" line="147"/>
        <source>Hoàn tác: %1</source>
        <translation>Undo: %1</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="147"/>
        <location filename="../../gui/menus.py" line="149"/>
        <source>Hoàn tác</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="148"/>
        <source>Làm lại: %1</source>
        <translation>Redo: %1</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="148"/>
        <location filename="../../gui/menus.py" line="150"/>
        <source>Làm lại</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="154"/>
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="155"/>
        <source>&amp;Sửa</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="156"/>
        <source>&amp;Xem</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="157"/>
        <source>&amp;Phương án</source>
        <translation>&amp;Scenario</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="158"/>
        <source>Trợ &amp;giúp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="159"/>
        <source>Bảng điều khiển</source>
        <translation>Panels</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="160"/>
        <source>Ngôn ngữ / Language</source>
        <translation>Ngôn ngữ / Language</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="161"/>
        <source>Bộ quy tắc</source>
        <translation>Rule set</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="163"/>
        <source>Mở dự án khác…</source>
        <translation>Open another project…</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="161"/>
        <source>Kết nối kho dùng chung…</source>
        <translation>Connect to a shared store…</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="161"/>
        <source>Nhập phương án từ tệp JSON…</source>
        <translation>Import scenario from JSON…</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="164"/>
        <source>Xuất phương án ra tệp JSON…</source>
        <translation>Export scenario to JSON…</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="165"/>
        <source>Nhập lớp ranh giới…</source>
        <translation>Import boundary layer…</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="166"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="166"/>
        <source>Hoàn tác lần nhập ranh giới gần nhất</source>
        <translation>Undo the last boundary import</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="167"/>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="167"/>
        <source>Nhập đơn vị…</source>
        <translation>Merge units…</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="168"/>
        <source>Thêm vào nhóm</source>
        <translation>Add to group</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="168"/>
        <source>Bớt khỏi nhóm</source>
        <translation>Remove from group</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="169"/>
        <source>Giải tán nhóm</source>
        <translation>Dissolve group</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="169"/>
        <source>Đổi tên nhóm…</source>
        <translation>Rename group…</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="170"/>
        <source>Ngoại lệ của nhóm…</source>
        <translation>Group exception…</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="171"/>
        <source>Điều chỉnh số liệu…</source>
        <translation>Override figures…</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="171"/>
        <source>Miễn sắp xếp đơn vị…</source>
        <translation>Exempt the unit…</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="172"/>
        <source>Bỏ chọn</source>
        <translation>Clear selection</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="172"/>
        <source>Vừa khung bản đồ</source>
        <translation>Fit map</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="173"/>
        <source>Phóng to</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="173"/>
        <source>Thu nhỏ</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="174"/>
        <source>Tìm đơn vị</source>
        <translation>Find unit</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="175"/>
        <source>Phương án mới…</source>
        <translation>New scenario…</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="175"/>
        <source>Nhân bản…</source>
        <translation>Duplicate…</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="176"/>
        <source>Đổi tên…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="176"/>
        <source>Xóa…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="177"/>
        <source>Giới thiệu</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="178"/>
        <source>So sánh phương án…</source>
        <translation>Compare scenarios…</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="179"/>
        <source>Xuất bản tóm tắt phương án…</source>
        <translation>Export scenario summary…</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="184"/>
        <source>Nhập các đơn vị đang chọn thành một đơn vị mới (Ctrl+M)</source>
        <translation>Merge the selected units into a new unit (Ctrl+M)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="185"/>
        <source>Thêm các đơn vị đang chọn vào nhóm cũng đang được chọn</source>
        <translation>Add the selected units to the selected group</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="186"/>
        <source>Bớt các đơn vị đang chọn khỏi nhóm của chúng</source>
        <translation>Remove the selected units from their group</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="187"/>
        <source>Giải tán nhóm của đơn vị đang chọn</source>
        <translation>Dissolve the group of the selected unit</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="188"/>
        <source>Ghi căn cứ và lý do để nhóm chưa đạt tiêu chuẩn được xét là ngoại lệ (Ctrl+Shift+G)</source>
        <translation>Record the ground and reason for a group below the standard to be treated as an exception (Ctrl+Shift+G)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="190"/>
        <source>Ghi lý do để một đơn vị thuộc diện phải sắp xếp được miễn (Ctrl+E)</source>
        <translation>Record why a unit that must be merged is exempted (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="191"/>
        <source>Hiện toàn bộ bản đồ (Ctrl+0)</source>
        <translation>Show the whole map (Ctrl+0)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="192"/>
        <source>Lưu phương án vào dự án (Ctrl+S)</source>
        <translation>Save the scenario into the project (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="193"/>
        <source>Xem hai phương án cạnh nhau: bản đồ, các chỉ tiêu và khác biệt</source>
        <translation>See two scenarios side by side: maps, measures and differences</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="194"/>
        <source>Xuất bản tóm tắt cho hồ sơ đề án: PDF, Excel, CSV, GeoPackage, GeoJSON</source>
        <translation>Export a summary for the scheme dossier: PDF, Excel, CSV, GeoPackage, GeoJSON</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="207"/>
        <source> Bộ quy tắc: </source>
        <translation> Rule set: </translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="176"/>
        <source>Đề xuất phương án…</source>
        <translation>Propose a plan…</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="189"/>
        <source>Để công cụ đề xuất cách sắp xếp mà mọi nhóm đều đạt, lưu thành phương án mới</source>
        <translation>Let the tool propose an arrangement whose every group passes, stored as a new scenario</translation>
    </message>
    <message>
        <source>Dự án gần đây</source>
        <translation>Recent projects</translation>
    </message>
    <message>
        <source>Hướng dẫn sử dụng</source>
        <translation>User guide</translation>
    </message>
    <message>
        <source>In bản tóm tắt phương án…</source>
        <translation>Print the scenario summary…</translation>
    </message>
    <message>
        <source>In bản đồ…</source>
        <translation>Print the map…</translation>
    </message>
    <message>
        <source>Mở tệp vừa xuất</source>
        <translation>Open the last export</translation>
    </message>
</context>
<context>
    <name>ProposalResults</name>
    <message>
        <location filename="../../gui/dialogs/propose_results.py" line="63"/>
        <source>Chọn yêu cầu bên trái rồi bấm “Đề xuất”. Kết quả và lý do của từng nhóm sẽ hiện ở đây.</source>
        <translation>Set the request on the left, then press “Propose”. The result and the reasons for each group will show here.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_results.py" line="93"/>
        <source>Chưa đáp ứng được (%1)</source>
        <translation>Could not be met (%1)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_results.py" line="99"/>
        <source>Ghi chú (%1)</source>
        <translation>Notes (%1)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_results.py" line="104"/>
        <source>Nhóm đề xuất (%1)</source>
        <translation>Proposed groups (%1)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_results.py" line="109"/>
        <source>%1 ← %2: %3</source>
        <translation>%1 ← %2: %3</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_results.py" line="113"/>
        <source>Đơn vị giữ nguyên (%1)</source>
        <translation>Units left as they are (%1)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_results.py" line="117"/>
        <source> (%1): %2</source>
        <translation> (%1): %2</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_results.py" line="119"/>
        <source>Các phần đã giải (%1)</source>
        <translation>Pieces solved (%1)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_results.py" line="151"/>
        <source>Kết quả đề xuất</source>
        <translation>Proposal result</translation>
    </message>
</context>
<context>
    <name>ProposeDialog</name>
    <message>
        <location filename="../../gui/dialogs/propose_dialog.py" line="217"/>
        <source>Cả tỉnh</source>
        <translation>Whole province</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_dialog.py" line="217"/>
        <source>Cả dự án</source>
        <translation>Whole project</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_dialog.py" line="269"/>
        <source>Không tìm thấy đơn vị “%1”: gõ tên hoặc mã rồi chọn trong danh sách.</source>
        <translation>No unit “%1”: type a name or a code, then pick it from the list.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_dialog.py" line="304"/>
        <source>Đang tìm phương án…</source>
        <translation>Looking for a plan…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_dialog.py" line="312"/>
        <source>Đang dừng: giữ phương án tốt nhất tìm được đến lúc này…</source>
        <translation>Stopping: keeping the best plan found so far…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_dialog.py" line="341"/>
        <source>Đã giải %1/%2 phần · khoảng cách tối ưu lớn nhất trong các phần đã giải: %3</source>
        <translation>Solved %1/%2 pieces · largest optimality gap among the pieces solved: %3</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_dialog.py" line="344"/>
        <source>Đang giải %1: khoảng cách tối ưu của phương án tốt nhất %2</source>
        <translation>Solving %1: optimality gap of the best plan %2</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_dialog.py" line="353"/>
        <source>Không đề xuất được: %1 Không có phương án nào được lưu.</source>
        <translation>No proposal: %1 No scenario was stored.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_dialog.py" line="362"/>
        <source>Đã dừng trước khi tìm được nhóm nào: không có phương án nào được lưu.</source>
        <translation>Stopped before any group was found: no scenario was stored.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_dialog.py" line="378"/>
        <source>Không lưu được phương án đề xuất: %1</source>
        <translation>The proposed scenario could not be stored: %1</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_dialog.py" line="381"/>
        <source>Đã lưu phương án “%1”.</source>
        <translation>Stored the scenario “%1”.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_dialog.py" line="384"/>
        <source>Phương án đã mở để chỉnh sửa; chọn một nhóm trong danh sách để xem trên bản đồ và trong bảng kiểm tra.</source>
        <translation>It is open for editing; choose a group in the list to see it on the map and in the checks panel.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_dialog.py" line="387"/>
        <source>Phương án đang mở vẫn giữ nguyên; mở phương án đề xuất từ danh sách phương án.</source>
        <translation>The open scenario stays open; open the proposal from the list of scenarios.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_dialog.py" line="389"/>
        <source>Đã dừng theo yêu cầu: đây là phương án tốt nhất tìm được đến lúc đó.</source>
        <translation>Stopped as asked: this is the best plan found by then.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_dialog.py" line="404"/>
        <source>Đề xuất phương án</source>
        <translation>Propose a plan</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_dialog.py" line="405"/>
        <source>Yêu cầu đề xuất</source>
        <translation>Request</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_dialog.py" line="406"/>
        <source>Bộ quy tắc:</source>
        <translation>Rule set:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_dialog.py" line="406"/>
        <source>Mục tiêu:</source>
        <translation>Goal:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_dialog.py" line="406"/>
        <source>Tỉnh:</source>
        <translation>Province:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_dialog.py" line="407"/>
        <source>Huyện:</source>
        <translation>District:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_dialog.py" line="407"/>
        <source>Nhóm không vượt ranh giới:</source>
        <translation>Groups never cross the lines of the:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_dialog.py" line="408"/>
        <source>Xuất phát từ:</source>
        <translation>Start from:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_dialog.py" line="408"/>
        <source>Đơn vị giữ nguyên:</source>
        <translation>Units left as they are:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_dialog.py" line="409"/>
        <source>Số đơn vị tối đa của một nhóm:</source>
        <translation>Members of a group at most:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_dialog.py" line="410"/>
        <source>Thời gian tối đa cho mỗi phần:</source>
        <translation>Time limit per piece:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_dialog.py" line="410"/>
        <source>Tên phương án mới:</source>
        <translation>Name of the new scenario:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_dialog.py" line="417"/>
        <source>Ít thay đổi nhất</source>
        <translation>Fewest changes</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_dialog.py" line="418"/>
        <source>Chỉ sắp xếp các đơn vị thuộc diện phải sắp xếp, chạm đến ít đơn vị nhất (như các đợt 2019 và 2023)</source>
        <translation>Arrange only the units the law requires to be arranged, touching as few units as possible (as in the 2019 and 2023 rounds)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_dialog.py" line="420"/>
        <source>Nhiều đơn vị nhất</source>
        <translation>Most units</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_dialog.py" line="421"/>
        <source>Càng nhiều đơn vị sau sắp xếp càng tốt, mỗi đơn vị đều đạt tiêu chuẩn (như đợt 2025)</source>
        <translation>As many units after the arrangement as possible, each meeting the standard (as in the 2025 round)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_dialog.py" line="423"/>
        <source>Số đơn vị sau sắp xếp:</source>
        <translation>Units after the arrangement:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_dialog.py" line="424"/>
        <source>Cho phép ngoại lệ suy ra từ số liệu</source>
        <translation>Allow exceptions that follow from the figures</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_dialog.py" line="425"/>
        <source>Nhóm chưa đạt tiêu chuẩn vẫn được chấp nhận khi thuộc trường hợp ngoại lệ mà bộ quy tắc suy ra từ số liệu, như “hình thành từ 3 đơn vị trở lên”</source>
        <translation>A group below the standard is accepted when an exception the rule set derives from the figures applies, such as “formed from 3 or more units”</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_dialog.py" line="429"/>
        <source>tỉnh</source>
        <translation>province</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_dialog.py" line="430"/>
        <source>huyện</source>
        <translation>district</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_dialog.py" line="431"/>
        <source>Không (đề xuất từ đầu)</source>
        <translation>Nothing (propose from scratch)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_dialog.py" line="432"/>
        <source>Giữ nguyên các nhóm của “%1”</source>
        <translation>Keep the groups of “%1”</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_dialog.py" line="433"/>
        <source>Ưu tiên các nhóm của “%1”</source>
        <translation>Prefer the groups of “%1”</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_dialog.py" line="434"/>
        <source>Thêm các đơn vị đang chọn</source>
        <translation>Add the selected units</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_dialog.py" line="435"/>
        <source>Bỏ khỏi danh sách</source>
        <translation>Remove from the list</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_dialog.py" line="436"/>
        <source>Gõ tên hoặc mã đơn vị để thêm…</source>
        <translation>Type a unit name or code to add…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_dialog.py" line="437"/>
        <source> giây</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_dialog.py" line="438"/>
        <source>Đề xuất</source>
        <translation>Propose</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_dialog.py" line="439"/>
        <source>Dừng, giữ kết quả tốt nhất</source>
        <translation>Stop, keep the best result</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_dialog.py" line="440"/>
        <source>So sánh với “%1”</source>
        <translation>Compare with “%1”</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/propose_dialog.py" line="441"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>(chưa có dự án nào khác)</source>
        <translation>(no other project yet)</translation>
    </message>
    <message>
        <source>Dự án mẫu: huyện Châu Thành, tỉnh Bến Tre (2019)</source>
        <translation>Sample project: Châu Thành district, Bến Tre province (2019)</translation>
    </message>
    <message>
        <source>In bản tóm tắt phương án</source>
        <translation>Print the scenario summary</translation>
    </message>
    <message>
        <source>In bản đồ</source>
        <translation>Print the map</translation>
    </message>
    <message>
        <source>Xóa danh sách</source>
        <translation>Clear the list</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>Hướng dẫn</source>
        <translation>Guide</translation>
    </message>
    <message>
        <source>Hướng dẫn sử dụng – Sắp xếp đơn vị hành chính cấp xã</source>
        <translation>User guide – Arrangement of commune-level administrative units</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>Phiên bản %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Phiên bản và nguồn dữ liệu</source>
        <translation>Version and data sources</translation>
    </message>
    <message>
        <source>Phím tắt</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Thao tác</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>% tiêu chuẩn</source>
        <translation>% of standard</translation>
    </message>
    <message>
        <source>%1 – %2 – in ngày %3</source>
        <translation>%1 – %2 – printed on %3</translation>
    </message>
    <message>
        <source>Các đơn vị nhập</source>
        <translation>Merged units</translation>
    </message>
    <message>
        <source>Diện tích (km²)</source>
        <translation>Area (km²)</translation>
    </message>
    <message>
        <source>Dân số (người)</source>
        <translation>Population (persons)</translation>
    </message>
    <message>
        <source>STT</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Sơ đồ minh họa, không phải bản đồ ranh giới: các ô vẽ từ điểm nhãn của mỗi đơn vị.</source>
        <translation>Schematic, not a boundary map: the cells are drawn from each unit&apos;s label point.</translation>
    </message>
    <message>
        <source>Trước sắp xếp: %1 đơn vị; sau sắp xếp: %2 (giảm %3, %4 %). Phải sắp xếp nhưng chưa xử lý: %5. Kết luận: %6.</source>
        <translation>Before the arrangement: %1 units; after: %2 (%3 fewer, %4 %). Required to merge but not yet handled: %5. Verdict: %6.</translation>
    </message>
    <message>
        <source>Viền đậm: ranh giới đơn vị mới sau khi nhập; viền đỏ nét đứt: đơn vị phải sắp xếp nhưng chưa sắp xếp.</source>
        <translation>Bold outline: boundary of a new unit after merging; red dashed outline: a unit required to merge but not yet merged.</translation>
    </message>
    <message>
        <source>Đánh giá</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>Đơn vị mới</source>
        <translation>New unit</translation>
    </message>
    <message>
        <source>Các đơn vị mới</source>
        <translation>New units</translation>
    </message>
    <message>
        <source>Phương án chưa nhập đơn vị nào.</source>
        <translation>The scenario merges no units yet.</translation>
    </message>
    <message>
        <source>Đơn vị phải sắp xếp nhưng chưa sắp xếp</source>
        <translation>Units required to merge but not yet merged</translation>
    </message>
    <message>
        <source>Không có.</source>
        <translation>None.</translation>
    </message>
    <message>
        <source>Đơn vị được miễn sắp xếp</source>
        <translation>Units exempted from the arrangement</translation>
    </message>
</context>
<context>
    <name>Guide</name>
    <message>
        <source>Bắt đầu</source>
        <translation>Getting started</translation>
    </message>
    <message>
        <source>Cửa sổ gồm bản đồ (trên), bảng đơn vị (dưới), danh sách phương án và bảng kiểm tra theo tiêu chuẩn (bên phải). Mỗi thay đổi được đánh giá lại ngay theo bộ quy tắc đang chọn (thanh công cụ).</source>
        <translation>The window holds the map (top), the unit table (bottom), the scenario list and the checks panel (right). Every change is checked again at once against the rule set chosen in the toolbar.</translation>
    </message>
    <message>
        <source>Công cụ mở lại dự án và phương án dùng lần trước. Tệp → Dự án gần đây liệt kê các dự án đã mở; mục “Dự án mẫu: huyện Châu Thành” đưa về dữ liệu mẫu có sẵn.</source>
        <translation>The tool reopens the project and scenario used last time. File → Recent projects lists the projects opened; its item “Sample project: Châu Thành district” returns to the bundled sample data.</translation>
    </message>
    <message>
        <source>Nhập đơn vị</source>
        <translation>Merging units</translation>
    </message>
    <message>
        <source>Chọn các đơn vị trên bản đồ hoặc trong bảng (Ctrl + nhấp để chọn thêm), rồi Sửa → Nhập đơn vị… (Ctrl+M): đặt tên, trụ sở và loại đơn vị mới.</source>
        <translation>Select units on the map or in the table (Ctrl + click adds to the selection), then Edit → Merge units… (Ctrl+M): give the new unit its name, seat and kind.</translation>
    </message>
    <message>
        <source>Thêm vào nhóm (Ctrl+Shift+A): chọn một đơn vị của nhóm cùng các đơn vị cần thêm. Bớt khỏi nhóm (Ctrl+Shift+R), Giải tán nhóm (Ctrl+Shift+D), Đổi tên nhóm (F2). Mọi thao tác hoàn tác được (Ctrl+Z) và làm lại được (Ctrl+Shift+Z).</source>
        <translation>Add to group (Ctrl+Shift+A): select a unit of the group together with the units to add. Remove from group (Ctrl+Shift+R), Dissolve group (Ctrl+Shift+D), Rename group (F2). Every step can be undone (Ctrl+Z) and redone (Ctrl+Shift+Z).</translation>
    </message>
    <message>
        <source>Bảng kiểm tra cho biết từng nhóm đạt hay chưa đạt, với số liệu, mức tiêu chuẩn và điều khoản; đơn vị phải sắp xếp mà chưa xử lý có viền đỏ nét đứt trên bản đồ.</source>
        <translation>The checks panel tells whether each group meets the standards, with the figure, the threshold and the article; units required to merge but not yet handled have a red dashed outline on the map.</translation>
    </message>
    <message>
        <source>Miễn sắp xếp và ngoại lệ</source>
        <translation>Exemptions and exceptions</translation>
    </message>
    <message>
        <source>Miễn sắp xếp một đơn vị: chọn đúng đơn vị đó, Sửa → Miễn sắp xếp đơn vị… (Ctrl+E), chọn căn cứ hoặc ghi lý do. Để trống lý do để bỏ miễn sắp xếp.</source>
        <translation>To exempt a unit: select that unit alone, Edit → Exempt the unit… (Ctrl+E), choose the legal ground or write the reason. Leave the reason empty to lift the exemption.</translation>
    </message>
    <message>
        <source>Ngoại lệ của một nhóm chưa đạt tiêu chuẩn (ví dụ hai đơn vị có yếu tố đặc thù theo NQ 653/2019): chọn một đơn vị của nhóm, rồi Sửa → Ngoại lệ của nhóm… (Ctrl+Shift+G), cũng có trong menu chuột phải của nhóm và cạnh kết luận trong bảng kiểm tra, để ghi căn cứ và lý do.</source>
        <translation>An exception for a group that falls short of the standards (for example two units with special factors under NQ 653/2019): select a unit of the group, then Edit → Group exception… (Ctrl+Shift+G), also in the group&apos;s right-click menu and beside its verdict in the checks panel, to record the ground and the reason.</translation>
    </message>
    <message>
        <source>Số liệu khác số liệu gốc (ví dụ theo tờ trình): Sửa → Điều chỉnh số liệu… (Ctrl+Shift+O), ghi kèm nguồn.</source>
        <translation>Figures other than the recorded ones (for example from a submission): Edit → Override figures… (Ctrl+Shift+O), with their source.</translation>
    </message>
    <message>
        <source>Đề xuất phương án</source>
        <translation>Proposing a plan</translation>
    </message>
    <message>
        <source>Phương án → Đề xuất phương án…: công cụ tự lập một phương án mà mọi nhóm đều đạt tiêu chuẩn (ít thay đổi nhất, nhiều đơn vị nhất hoặc theo số đơn vị mong muốn), cho cả dự án, một tỉnh hoặc một huyện; các đơn vị đang chọn có thể được giữ nguyên. Phương án đề xuất được lưu thành phương án mới và mở ra để xem, sửa và so sánh; nút “Dừng, giữ kết quả tốt nhất” giữ phương án tốt nhất đã tìm được. Trên dòng lệnh: .venv/bin/python main.py propose.</source>
        <translation>Scenario → Propose a plan…: the tool drafts a plan whose every group meets the standards (fewest changes, most units, or a target number of units), for the whole project, a province or a district; the selected units can be left as they are. The proposal is stored as a new scenario and opened to review, edit and compare; “Stop, keep the best result” keeps the best plan found so far. On the command line: .venv/bin/python main.py propose.</translation>
    </message>
    <message>
        <source>So sánh phương án</source>
        <translation>Comparing scenarios</translation>
    </message>
    <message>
        <source>Phương án → So sánh phương án…: hai phương án cạnh nhau, bản đồ liên kết, các chỉ tiêu với giá trị tốt hơn được đánh dấu, và các khác biệt bằng lời.</source>
        <translation>Scenario → Compare scenarios…: two scenarios side by side, linked maps, the indicators with the better value marked, and the differences in words.</translation>
    </message>
    <message>
        <source>Xuất hồ sơ và in</source>
        <translation>Exporting the dossier and printing</translation>
    </message>
    <message>
        <source>Tệp → Xuất bản tóm tắt phương án… (Ctrl+Shift+E): chọn toàn bộ dự án, một tỉnh hoặc một huyện, và tệp sẽ ghi; phần mở rộng chọn định dạng: .pdf (bản tóm tắt cho hồ sơ đề án), .xlsx, .csv (đơn vị cũ → mới), .gpkg, .geojson (cho QGIS). Thanh tiến độ cho biết phần trăm; nút Hủy dừng xuất mà không để lại tệp dở. Xong, có thể mở ngay tệp hoặc thư mục chứa tệp (sau đó: Tệp → Mở tệp vừa xuất).</source>
        <translation>File → Export scenario summary… (Ctrl+Shift+E): choose the whole project, a province or a district, and the file to write; the extension chooses the format: .pdf (the summary for the scheme&apos;s dossier), .xlsx, .csv (old unit → new), .gpkg, .geojson (for QGIS). The progress bar shows the percentage; Cancel stops the export and leaves no half-written file. When it is done, open the file or its folder at once (later: File → Open the last export).</translation>
    </message>
    <message>
        <source>In bản đồ đang hiện (Ctrl+P) hoặc bản tóm tắt phương án (Ctrl+Shift+P) qua hộp thoại in; có thể in ra tệp PDF.</source>
        <translation>Print the map as shown (Ctrl+P) or the scenario summary (Ctrl+Shift+P) through the print dialog; printing to a PDF file works too.</translation>
    </message>
    <message>
        <source>Nhập ranh giới</source>
        <translation>Importing boundaries</translation>
    </message>
    <message>
        <source>Tệp → Nhập lớp ranh giới… (GeoPackage, Shapefile, GeoJSON): công cụ cho xem trước các đơn vị đối chiếu được và không đối chiếu được, diện tích tính được so với diện tích đã ghi, số cặp giáp ranh trước → sau, cảnh báo khi giảm mạnh; chọn trường mã và dung sai, rồi mới áp dụng. Tệp → Hoàn tác lần nhập ranh giới gần nhất đưa lại ranh giới trước đó.</source>
        <translation>File → Import boundary layer… (GeoPackage, Shapefile, GeoJSON): the tool previews the units matched and unmatched, the computed areas against the recorded ones, the neighbour pairs before → after, with a warning when they drop sharply; choose the key field and the tolerance, then apply. File → Undo the last boundary import brings the previous boundaries back.</translation>
    </message>
    <message>
        <source>Lưu</source>
        <translation>Saving</translation>
    </message>
    <message>
        <source>Tệp → Lưu (Ctrl+S) ghi phương án vào dự án; thanh trạng thái báo “Đã lưu”. Các thay đổi chưa lưu được lưu tạm vài giây một lần: nếu máy tắt đột ngột, lần mở sau công cụ đề nghị khôi phục.</source>
        <translation>File → Save (Ctrl+S) writes the scenario into the project; the status bar says “Saved”. Unsaved changes are kept aside every few seconds: if the computer stops suddenly, the tool offers to restore them the next time.</translation>
    </message>
</context>
<context>
    <name>Guard</name>
    <message>
        <source>Chi tiết kỹ thuật cho nhóm phát triển: %1</source>
        <translation>Technical details for the developers: %1</translation>
    </message>
    <message>
        <source>Không thực hiện được</source>
        <translation>Could not be done</translation>
    </message>
</context>
</TS>
