"""Real passages quoting plans of the programme (provincial portals and newspapers found on the web),
each with its address and the goals it states, annotated by the gold SPEC: a rate's change in a
one-year goal is %/year; results of past years, other places' figures, ages and money are not goals.
Facts are (value, value_high, unit, comparator, year), year None where the passage does not give one.
The entries from the Hà Giang item on are held out: written down and scored before any rule changed
for them. Text is quoted as the pages print it, trimmed to the paragraphs around the goals.
"""

DEV = [
    (
        "https://www.sggp.org.vn/binh-phuoc-muc-tieu-giam-2000-ho-ngheo-trong-nam-2023-post660789.html",
        "Bình Phước: Mục tiêu giảm 2.000 hộ nghèo trong năm 2023\n\n"
        "UBND tỉnh Bình Phước vừa ban hành Kế hoạch số 345/KH-UBND thực hiện chương trình mục tiêu quốc gia giảm nghèo bền vững năm 2023.\n\n"
        "Kế hoạch xác định, Bình Phước đặt mục tiêu giảm 2.000 hộ nghèo, trong đó giảm 1.000 hộ nghèo đồng bào dân tộc thiểu số, tương ứng 2% trên tổng số hộ dân tộc thiểu số.\n\n"
        "Đồng thời, đảm bảo 100% hộ nghèo, cận nghèo đủ điều kiện được hưởng các chính sách ưu đãi của nhà nước về y tế, giáo dục, nhà ở, tín dụng ưu đãi.\n",
        [
            (2000, None, "households", "eq", 2023),
            (1000, None, "households", "eq", 2023),
            (2, None, "%/year", "eq", 2023),
            (100, None, "%", "eq", 2023),
        ],
    ),
    (
        "https://tanhong.dongthap.gov.vn/web/hth/chi-tiet-bai-viet/-/asset_publisher/1mOzUrGkrdAE/content/id/14055193",
        "Phấn đấu giảm 0,4% hộ nghèo đa chiều trong năm 2023\n\n"
        "Chiều ngày 28/12/2022, Sở Lao động Thương binh & Xã hội tỉnh Đồng Tháp tổ chức Hội nghị Tổng kết ngành lao động thương binh và xã hội năm 2022 và đề ra nhiệm vụ phương hướng năm 2023.\n\n"
        "Trong năm, toàn tỉnh có gần 39.000 lao động được giải quyết việc làm, trong đó gần 1.800 lao động đã xuất cảnh làm việc ở nước ngoài. Khoảng 27 tỷ đồng được dành thực hiện các chính sách đền ơn đáp nghĩa. Đó là một số kết quả nổi bật được nêu ra tại Hội nghị. Bên cạnh, công tác giải quyết các vấn đề xã hội, chuyển hóa thành công 11 xã có ma túy thành không có ma túy, đạt hơn 91% kế hoạch đề ra.\n\n"
        "Năm 2023, ngành đặt mục tiêu giải quyết việc làm mới và việc làm thêm cho khoảng 30.000 lao động, có ít nhất 1.500 lao động đi làm việc ở nước ngoài theo hợp đồng. Phấn đấu giảm 0,4% tỷ lệ hộ nghèo đa chiều. Hỗ trợ hơn 1.000 người nghèo trong độ tuổi lao động có nhu cầu học nghề được đào tạo.\n",
        [
            (0.4, None, "%/year", "eq", 2023),
            (30000, None, "people", "eq", 2023),
            (1500, None, "people", "ge", 2023),
            (1000, None, "people", "gt", 2023),
        ],
    ),
    (
        "https://baohatinh.vn/xa-hoi/dao-tao-nguon-nhan-luc-chat-luong-cao-gop-phan-phat-trien-kinh-te-xa-hoi/259378.htm",
        "Năm 2023, Hà Tĩnh giải quyết việc làm cho 23.125 người, tăng 100,56% so với năm 2022, đạt 102,7% kế hoạch. Trong đó: Giải quyết việc làm trong nước đạt 10.920 người; đi làm việc ở nước ngoài theo hợp đồng lao động đạt 12.205 người. "
        "Hà Tĩnh đã kịp thời chi trả trợ cấp thường xuyên tại cộng đồng cho 837.892 lượt đối tượng bảo trợ xã hội. Đến cuối năm 2023, toàn tỉnh có 11.572 hộ nghèo (giảm 2.955 hộ), chiếm tỷ lệ 3,04% (giảm 0,75%); có 12.947 hộ cận nghèo (giảm 2.539 hộ), chiếm tỷ lệ 3,37% (giảm 0,67%) so với cuối năm 2022. "
        "Chỉ tiêu, nhiệm vụ năm 2024: Hà Tĩnh sẽ giải quyết việc làm 23.000 người. Trong đó: giải quyết việc làm trong nước khoảng 12.000 lao động, đi xuất khẩu lao động khoảng 11.000 người. Tỷ lệ lao động qua đào tạo 76%. "
        "Thực hiện đồng bộ các chương trình, chính sách giảm nghèo của Trung ương; tiếp tục triển khai các chính sách giảm nghèo đặc thù của địa phương, dự kiến tỷ lệ hộ nghèo năm 2024 giảm từ 0,6 - 1,0%.\n",
        [
            (23000, None, "people", "eq", 2024),
            (12000, None, "people", "eq", 2024),
            (11000, None, "people", "eq", 2024),
            (76, None, "%", "eq", 2024),
            (0.6, 1.0, "%/year", "range", 2024),
        ],
    ),
    (
        "https://demo.baosonla.org.vn/van-hoa-xa-hoi/trang-12.html",
        "Chương trình mục tiêu quốc gia giảm nghèo bền vững ở Sốp Cộp\nTừ đầu năm đến nay, huyện Sốp Cộp đã tập trung lãnh đạo, chỉ đạo triển khai thực hiện hiệu quả Chương trình mục tiêu quốc gia giảm nghèo bền vững, giúp nhiều hộ đồng bào dân tộc thiểu số thoát nghèo. Tỷ lệ hộ nghèo giảm từ 30,23% năm 2023, xuống còn 25,93%; trong đó, tỷ lệ hộ nghèo dân tộc thiểu số giảm trên 4%.\n",
        [],
    ),
    (
        "https://baothuathienhue.vn/phan-dau-tao-viec-lam-moi-cho-1-500-1-700-lao-dong-a18259.html",
        "Phấn đấu tạo việc làm mới cho 1.500 - 1.700 lao động\n\n"
        "TTH - Sau 5 năm (2010 – 2015), các địa phương, đơn vị, ban, ngành, đoàn thể chính trị xã hội trên địa bàn tỉnh đã xây dựng hơn 5.000 nhà ở tặng hộ nghèo; hàng năm tạo việc làm mới cho hơn 16.000 lao động; xây dựng 2.046 ngôi nhà tình nghĩa tặng các gia đình chính sách... góp phần giảm tỷ lệ hộ nghèo trong tỉnh xuống còn 4,7%.\n\n"
        "Từ nay đến cuối năm 2020, toàn tỉnh phấn đấu giảm tỷ lệ hộ nghèo bình quân từ 1,5 – 2%/năm; giải quyết việc làm mới cho 1.500 – 1.700 lao động/năm; thực hiện tốt các chính sách hỗ trợ, giúp đỡ người nghèo, hộ nghèo phát triển kinh tế gia đình vươn lên thoát nghèo bền vững.\n",
        [(1.5, 2, "%/year", "range", 2020), (1500, 1700, "people/year", "range", 2020)],
    ),
    (
        "https://baonghean.vn/nghe-an-du-kien-con-khoang-274-ho-ngheo-vao-cuoi-nam-2021-297393.html",
        "Nghệ An dự kiến còn khoảng 2,74% hộ nghèo vào cuối năm 2021\n\n"
        "(Baonghean.vn) - Đến hết năm 2021, tỷ lệ nghèo chung toàn tỉnh Nghệ An sẽ còn khoảng 2,74%, giảm 0,68% so với đầu năm. Nghệ An đặt mục tiêu đến cuối năm 2022, tỷ lệ hộ nghèo chung toàn tỉnh giảm thêm từ 1-1,5%.\n",
        [(1, 1.5, "%/year", "range", 2022)],
    ),
    (
        "https://dulieuphapluat.vn/tin-tuc/tin-van-ban/ho-tro-22-huyen-thuoc-17-tinh-thoat-ngheo-365/",
        "Hỗ trợ 22 huyện thuộc 17 tỉnh thoát nghèo\n"
        "Ngày 22/7/2022, Thủ tướng Chính phủ ban hành Quyết định 880/QĐ-TTg phê duyệt một số nội dung hỗ trợ 22 huyện nghèo thuộc 17 tỉnh thoát khỏi tình trạng nghèo, đặc biệt khó khăn trong giai đoạn 2022 - 2025. Theo đó, 22 huyện nghèo thuộc 17 tỉnh được hỗ trợ thoát nghèo, đặc biệt khó khăn bao gồm:\n"
        "- Huyện Bắc Mê, Quản Bạ thuộc tỉnh Hà Giang;\n- Huyện Tri Tôn thuộc tỉnh An Giang. Quyết định này phấn đấu giảm tỷ lệ nghèo đa chiều ở các huyện này từ 6% - 7%/năm, quy mô hộ nghèo và hộ cận nghèo đa chiều cuối kỳ giảm ít nhất 60% so với đầu kỳ trong giai đoạn 2022 - 2025.\n\n"
        "Đến năm 2025, thu nhập của hộ nghèo, hộ cận nghèo trên địa bàn các huyện nghèo phấn đấu tăng 1,8 lần so với năm 2020.\n",
        [(6, 7, "%/year", "range", 2025), (60, None, "%", "ge", 2025), (1.8, None, "times", "eq", 2025)],
    ),
    (
        "https://baoninhbinh.org.vn/s/đến hết năm 2024",
        "Thách thức trong công tác giảm nghèo\nTính đến hết năm 2024, tỉnh ta còn 4.806 hộ nghèo, chiếm 1,51%; 6.006 hộ cận nghèo, chiếm 1,89%. Mặc dù số lượng hộ nghèo không nhiều, nhưng để đạt chỉ tiêu đề ra cho năm cuối cùng thực hiện Chương trình mục tiêu quốc gia (MTQG) giảm nghèo bền vững giai đoạn 2021- 2025 cũng là nhiệm vụ không dễ dàng.\n",
        [],
    ),
    (
        "https://baocamau.vn/video/xem-video/dau-an-nua-chang-duong-thuc-hien-chuong-trinh-muc-tieu-quoc-gia-giam-ngheo-ben-vung-2404.html",
        "(CMO) Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021-2025 trên địa bàn tỉnh đã qua nửa thời gian thực hiện. Theo kết quả rà soát hộ nghèo, hộ cận nghèo theo chuẩn nghèo tiếp cận đa chiều, cuối năm 2023, toàn tỉnh còn 9.604 hộ nghèo, chiếm tỷ lệ 3,14%; hộ cận nghèo là 6.943 hộ, chiếm tỷ lệ 2,27%.\n",
        [],
    ),
    (
        "https://phunuvietnam.vn/ty-le-ho-ngheo.html",
        "Nghị quyết phát triển kinh tế - xã hội 2020: Chỉ tiêu tỷ lệ hộ nghèo đa chiều giảm 1 - 1,5%\n\n"
        "Sáng nay 11/11, tiếp tục Kỳ họp thứ 8, Quốc hội biểu quyết thông qua Nghị quyết về kế hoạch phát triển kinh tế - xã hội năm 2020 với 88,02% tổng số đại biểu Quốc hội tán thành. Trong đó, Nghị quyết đặt ra chỉ tiêu tỷ lệ hộ nghèo theo chuẩn nghèo tiếp cận đa chiều giảm 1 đến 1,5%, riêng các huyện nghèo giảm 4%.\n",
        [(1, 1.5, "%/year", "range", 2020), (4, None, "%/year", "eq", 2020)],
    ),
    (
        "https://mic.gov.vn/mic_2020/Pages/TinTuc/tinchitiet.aspx?tintucid=160752",
        "14/17 tỉnh khu vực miền Trung - Tây Nguyên đạt và vượt chỉ tiêu giảm nghèo trong Chương trình Mục tiêu quốc gia\n\n"
        "(Mic.gov.vn) - Theo báo cáo của các địa phương khu vực miền Trung - Tây Nguyên, tính đến hết tháng 6/2023 và ước đến 31/12/2023, tỷ lệ giảm nghèo vùng đồng bào dân tộc thiểu số của 17 tỉnh trong khu vực bình quân đạt 3,81%, đạt so với mức trên 3% mục tiêu kế hoạch Thủ tướng Chính phủ giao tại Quyết định 1719/QĐ-TTg ngày 14/10/2021.\n",
        [],
    ),
    (
        "http://admin.baothainguyen.vn/trang-in-258177.html",
        "Hàng triệu hộ thoát nghèo bền vững\nCập nhật ngày: 17/10/2018 10:40\n\n"
        "Trong gần ba năm qua, thực hiện Chương trình mục tiêu quốc gia về giảm nghèo bền vững giai đoạn 2016-2020, cả nước đã có hàng triệu hộ thoát nghèo theo hướng bền vững. Tỷ lệ hộ tái nghèo bình quân chỉ còn 5,1%/năm, giảm hơn một nửa so với gần 12% của giai đoạn trước.\n",
        [],
    ),
    (
        "http://cand.com.vn/tag/Ban-Chi-dao-Trung-uong-18014/page-2/",
        "Phấn đấu giảm tỷ lệ hộ nghèo xuống dưới 5%\n\n"
        "Ngày 16/1, tại cuộc họp về thực hiện nhiệm vụ giảm nghèo năm 2014 và triển khai nhiệm vụ năm 2015 tại trụ sở Chính phủ, báo cáo sơ bộ của các địa phương cho thấy tỷ lệ hộ nghèo toàn quốc vào cuối năm 2014 còn khoảng 5,8-6%, giảm được 1,8-2% so với năm 2013.\n",
        [(5, None, "%", "lt", None)],
    ),
    # held out: added after the rules above were written, scored before any change for them
    (
        "https://lite.baomoi.com/nam-2024-toan-tinh-co-tren-11-7-nghin-ho-thoat-ngheo-da-chieu-c51077801.epi",
        "Năm 2024, toàn tỉnh có trên 11,7 nghìn hộ thoát nghèo đa chiều\n\n"
        "Theo báo cáo của UBND tỉnh, tỷ lệ hộ nghèo đa chiều toàn tỉnh năm 2024 giảm 6,26%, tương đương với 11.710 hộ nghèo và cận nghèo (giảm từ 42,61% cuối năm 2023 xuống còn 36,35% cuối năm 2024), vượt chỉ tiêu tỉnh và T.Ư giao.\n\n"
        "Các lực lượng hỗ trợ người dân xã Khâu Vai (Mèo Vạc) xóa nhà tạm.\n\n"
        "Theo kết quả sơ bộ rà soát hộ nghèo cuối năm 2024 của một số huyện nghèo như: Quản Bạ, Yên Minh, Đồng Văn, Mèo Vạc đều giảm tỷ lệ hộ nghèo đa chiều trên 7%; huyện Hoàng Su Phì, Xín Mần, Vị Xuyên đạt kế hoạch giao; huyện Bắc Quang và Quang Bình vượt kế hoạch để phấn đấu được công nhận xã Nông thôn mới. "
        "Năm 2025, toàn tỉnh phấn đấu tiếp tục giảm tỷ lệ hộ nghèo đa chiều 4,7%, tương ứng giảm 8.493 hộ nghèo và cận nghèo; trong đó, 7 huyện nghèo giảm từ 6% trở lên/năm; phấn đấu 2/7 huyện nghèo tỷ lệ hộ nghèo đa chiều còn dưới 40%, thoát khỏi tình trạng nghèo, đặc biệt khó khăn, hạn chế thấp nhất tình trạng tái nghèo và phát sinh nghèo mới.\n",
        [
            (4.7, None, "%/year", "eq", 2025),
            (8493, None, "households", "eq", 2025),
            (6, None, "%/year", "ge", 2025),
            (2, None, "districts", "eq", 2025),
            (40, None, "%", "lt", 2025),
        ],
    ),
    (
        "https://baothuathienhue.vn/amp.aspx?newid=114275",
        "Tạo việc làm cho người lao động luôn được tỉnh quan tâm\n"
        "Theo đó, phấn đấu tỷ lệ hộ nghèo chung toàn tỉnh giảm từ 0,8-1%, trong đó tỷ lệ hộ nghèo là đồng bào dân tộc thiểu số giảm từ 3% trở lên, tỷ lệ hộ nghèo tại các xã có tỷ lệ hộ nghèo cao trên 25% giảm từ 4% trở lên.\n"
        "Cũng tại kế hoạch này, tỉnh phấn đấu 100% người lao động thuộc hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo có nhu cầu được hỗ trợ kết nối, tư vấn, định hướng nghề nghiệp, cung cấp thông tin thị trường lao động, hỗ trợ tìm việc làm. Tối thiểu 1.200 người lao động thuộc hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo, vùng nghèo, vùng khó khăn được hỗ trợ kết nối việc làm thành công…\n"
        "Về y tế, giảm tỷ lệ suy dinh dưỡng thấp còi trẻ em dưới 16 tuổi xuống dưới 9,8%; phấn đấu tỷ lệ trẻ em dưới 16 tuổi thuộc hộ nghèo, hộ cận nghèo đi học đúng độ tuổi trên 93,5%; tỷ lệ người lao động thuộc hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo và tỷ lệ người lao động thuộc vùng nghèo, vùng khó khăn qua đào tạo đạt 68%, trong đó có bằng cấp chứng chỉ đạt 50%...\n",
        [
            (0.8, 1, "%", "range", None),
            (3, None, "%", "ge", None),
            (4, None, "%", "ge", None),
            (100, None, "%", "eq", None),
            (1200, None, "people", "ge", None),
            (9.8, None, "%", "lt", None),
            (93.5, None, "%", "gt", None),
            (68, None, "%", "eq", None),
            (50, None, "%", "eq", None),
        ],
    ),
    (
        "https://m.thvl.vn/?p=563760",
        "Giảm nghèo nhanh nhưng phải bền vững\n\n13/10/2015\n\n"
        "Sau 5 năm, tỉ lệ hộ nghèo của tỉnh được kéo giảm còn dưới 3%, tỷ lệ thoát nghèo bình quân hằng năm đạt 1,54%. Dự thảo văn kiện trình đại hội đại biểu đảng bộ tỉnh lần thứ X đề ra chỉ tiêu giảm nghèo bình quân cho giai đoạn 2015 – 2020 là 1%/năm.\n",
        [(1, None, "%/year", "eq", 2020)],
    ),
    (
        "https://skhdt.binhthuan.gov.vn/1315/32207/67097/631230/kinh-te-xa-hoi/xoa-bo-tinh-trang-ngheo-cung-cuc-cho-tat-ca-moi-nguoi-o-moi-noi.aspx",
        "Xóa bỏ tình trạng nghèo cùng cực cho tất cả mọi người ở mọi nơi\n\n"
        "-    Trong năm 2022, UBND tỉnh ban hành Kế hoạch số 3341/KH-UBND ngày 06/10/2022 về rà soát hộ nghèo và xác định hộ gia đình làm nông nghiệp, lâm nghiệp, ngư nghiệp, diêm nghiệp có mức sống trung bình năm 2022 trên địa bàn tỉnh; trình HĐND tỉnh ban hành một số nghị quyết triển khai Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025 trên địa bàn tỉnh .\n"
        "-    Kết quả tổng rà soát hộ nghèo, hộ cận nghèo theo chuẩn nghèo đa chiều giai đoạn 2022 - 2025 và kết quả rà soát hộ nghèo mới phát sinh: Hộ nghèo có 10.689 hộ, chiếm 3,20% so với tổng số hộ toàn tỉnh (tăng 137 hộ so với đầu năm, chiếm tỷ lệ 0,04%), trong đó có 3.373 hộ nghèo vùng đồng bào dân tộc (chiếm 13,13% so với tổng số hộ nghèo DTTS và chiếm 31,56% so với tổng số hộ nghèo toàn tỉnh); hộ cận nghèo có 14.994 hộ, chiếm 4,49% so với tổng số hộ toàn tỉnh (tăng 251 hộ so với đầu năm, chiếm tỷ lệ 0,08%). Ước kết quả thực hiện giảm tỷ lệ hộ nghèo năm 2022 là 0,47%, đạt 100% kế hoạch năm.\n",
        [],
    ),
    (
        "https://vietnamnet.vn./giam-ngheo-tu-nhan-thuc-toi-hanh-dong-2345856.html",
        "Đặc biệt là Tiểu dự án “Giảm nghèo thông tin” (thuộc Dự án 6) xác định việc tăng cường tiếp cận thông tin thiết yếu cho cộng đồng dân cư là nhiệm vụ quan trọng. Tiểu dự án đặt mục tiêu bảo đảm 100% xã có điều kiện KT-XH đặc biệt khó khăn có điểm cung cấp thông tin công cộng phục vụ người dân sử dụng dịch vụ thông tin thiết yếu, góp phần thúc đẩy phát triển KT-XH ở các khu vực này.\n\n"
        "Bắc Giang: Đặt mục tiêu 100% đài truyền thanh cấp xã chuyển đổi sang truyền thanh thông minh\n\n"
        "Thực hiện Tiểu dự án “Giảm nghèo thông tin” (thuộc Dự án 6), tỉnh Bắc Giang đã tập trung nâng cấp hạ tầng thông tin; lắp đặt các trạm phát sóng và xóa điểm lõm sóng.\n\n"
        "Hiện nay, toàn tỉnh có gần 1,7 nghìn vị trí cột ăng ten thu phát sóng di động. Cùng đó, duy trì hoạt động của hơn 3,8 nghìn trạm thu phát sóng di động, bảo đảm nhu cầu thông tin liên lạc của người dân; sóng di động 3G, 4G đã phủ sóng rộng rãi.\n\n"
        "Nhờ xoá lõm sóng, từ năm 2023 đến nay, Sở Thông tin và Truyền thông đã lắp đặt 22 đài truyền thanh thông minh tại các xã đặc biệt khó khăn của huyện Sơn Động và Lục Ngạn.\n",
        [(100, None, "%", "eq", None), (100, None, "%", "eq", None)],
    ),
    (
        "http://laocaitv.vn/chinh-tri-xa-hoi/tu-giam-ngheo-thong-tin-den-giam-ngheo-ben-vung-1",
        "Từ giảm nghèo thông tin đến giảm nghèo bền vững\n\n21:46 13-07-2024 | :252\n\n"
        "Laocaitv.vn - Tiểu dự án “Giảm nghèo thông tin” (thuộc Dự án 6), Chương trình Mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 – 2025 được triển khai đã giúp cộng đồng dân cư ở vùng đồng bào dân tộc thiểu số và miền núi của Lào Cai có điều kiện tiếp cận thông tin thiết yếu, góp phần thúc đẩy phát triển kinh tế - xã hội tại địa phương.\n\n"
        "Hiện 100% xã trên địa bàn tỉnh đã có hạ tầng viễn thông; 98,7% thôn, tổ dân phố được phủ sóng di động; 96,7% thôn, tổ dân phố có hạ tầng đảm bảo việc cung cấp dịch vụ truy nhập Internet băng rộng di động (3G, 4G) tại các khu vực trung tâm, khu vực tập trung đông người. Với 9 Đài Truyền thanh - Truyền hình huyện, thị xã, thành phố; 152 đài truyền thanh xã, phường, thị trấn, trong đó có 141 đài không dây với 2.438 cụm loa, đã đáp ứng được nhu cầu nghe, xem của bà con.\n",
        [],
    ),
    (
        "https://vneconomy.vn/ho-tro-ho-ngheo-tiep-can-thong-tin-de-khong-bo-lot-chinh-sach.htm",
        "Mục tiêu trọng tâm là hỗ trợ hộ nghèo, cận nghèo, hộ mới thoát nghèo và người dân ở địa bàn đặc biệt khó khăn được tiếp cận thông tin thiết yếu, sử dụng dịch vụ viễn thông và tham gia vào môi trường số. Đồng thời, dự án chú trọng nâng cao năng lực hệ thống thông tin cơ sở, bảo đảm 100% xã đặc biệt khó khăn, xã đảo và huyện đảo có hệ thống loa truyền thanh hoạt động ổn định, đáp ứng yêu cầu tuyên truyền và điều hành tại chỗ.\n",
        [(100, None, "%", "eq", None)],
    ),
    (
        "(pages corpus, Bình Định news item without address)",
        "Trong kế hoạch triển khai tiểu dự án giảm nghèo về thông tin, tỉnh Bình Định đặt ra mục tiêu từ nay tới năm 2030 địa phương tăng cường cung cấp thông tin cơ sở, thông tin thiết yếu, đầu tư nâng cấp, nâng cao chất lượng hệ thống thông tin cơ sở cho các xã đặc biệt khó khăn đáp ứng nhu cầu thông tin thiết yếu của xã hội đối với các lĩnh vực; nhất là thông tin cho người nghèo, khu vực có tỷ lệ hộ nghèo cao.\n"
        "Theo đó, UNBD tỉnh sẽ hỗ trợ các xã đảo có hệ thống đài truyền thanh hoạt động, phục vụ tốt cho công tác thông tin, tuyên truyền và quản lý, điều hành tại địa phương, đảm bảo 100% xã có điều kiện kinh tế - xã hội đặc biệt khó khăn có điểm cung cấp thông tin công cộng phục vụ người dân sử dụng dịch vụ thông tin thiết yếu.\n",
        [(100, None, "%", "eq", 2030)],
    ),
    (
        "https://giamngheo.mic.gov.vn/Pages/TinTuc/140147/INFOGRAPHICS--Tri-Ton--An--Giang--day-manh-thuc-hien-Chuong-trinh-muc-tieu-quoc-gia-ve-giam-ngheo.html",
        "INFOGRAPHICS: Tri Tôn, An Giang: Đẩy mạnh thực hiện Chương trình mục tiêu quốc gia về giảm nghèo\n\n"
        "Theo báo cáo của UBND huyện Tri Tôn, giai đoạn 2021 - 2023, huyện đã đạt được những kết quả đáng ghi nhận trong việc thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững. Cụ thể, số hộ nghèo của huyện đã giảm từ 3.586 hộ, chiếm 10,74% xuống còn 2.900 hộ, chiếm 8,65%. Tỷ lệ hộ nghèo giảm 2,2% so với đầu giai đoạn. Trong đó, hộ nghèo dân tộc thiểu số chiếm khoảng 18,77%; hộ cận nghèo của huyện là 3.780 hộ, tỷ lệ 11,27%.\n",
        [],
    ),
    (
        "https://baothaibinh.com.vn/tin-tuc/190783/quynh-phu-nam-2023-ty-le-ho-ngheo-giam-0-37-so-voi-nam-2022",
        "Quỳnh Phụ: Năm 2023, tỷ lệ hộ nghèo giảm 0,37% so với năm 2022\n\n"
        "Năm 2023, công tác giảm nghèo tiếp tục được huyện và các địa phương huyện Quỳnh Phụ quan tâm, chỉ đạo quyết liệt. Các chính sách vay vốn ưu đãi cho người nghèo được triển khai tới từng hộ gia đình, nhờ đó nhiều hộ nghèo đã tập trung phát triển kinh tế, vươn lên thoát nghèo.\n\n"
        "Theo kết quả rà soát hộ nghèo, hộ cận nghèo định kỳ năm 2023 theo chuẩn nghèo đa chiều giai đoạn 2021-2025, tổng số hộ nghèo toàn huyện năm 2023 là 2.146 hộ, chiếm tỷ lệ 2,49 % (giảm 0,37% so với năm 2022); hộ cận nghèo là 2.153 hộ, chiếm tỷ lệ 2,50% (giảm 0,31% so với năm 2022).\n",
        [],
    ),
    (
        "https://vnews.gov.vn/video/75000-ty-dong-cho-chuong-trinh-muc-tieu-quoc-gia-giam-ngheo-ben-vung-giai-doan-2021-2025-26632.htm",
        "75.000 tỷ đồng cho Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 – 2025\n\n21-01-2022, 09:18\n\n"
        "Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 – 2025 vừa được Chính phủ quyết với tổng nguồn vốn tối thiểu là 75.000 tỷ đồng, với mục tiêu đến năm 2025 là giảm 1/2 số hộ nghèo và hộ cận nghèo so với đầu kỳ theo chuẩn nghèo đa chiều của quốc gia; Phấn đấu hỗ trợ hộ nghèo, hộ cận nghèo có ít nhất một thành viên trong độ tuổi lao động có việc làm bền vững; tỷ lệ trẻ em thuộc hộ nghèo, hộ cận nghèo đi học đúng độ tuổi đạt 90%...\n",
        [(50, None, "%", "eq", 2025), (90, None, "%", "eq", 2025)],
    ),
    (
        "https://www.vietnamplus.vn/dua-ty-le-ho-ngheo-ca-nuoc-con-khoang-09-vao-cuoi-nam-2025-post908789.vnp",
        "Đưa tỷ lệ hộ nghèo cả nước còn khoảng 0,9% vào cuối năm 2025\n\n"
        "Giai đoạn 2024-2025, Ban Chỉ đạo Trung ương các Chương trình Mục tiêu Quốc gia tiếp tục phấn đấu giảm 1/2 số hộ nghèo và hộ cận nghèo so với đầu kỳ theo chuẩn nghèo đa chiều của Quốc gia.\n\n"
        "Sau 3 năm thực hiện, Chương trình Mục tiêu Quốc gia Giảm nghèo Bền vững giai đoạn 2021-2025 đã góp phần thúc đẩy phát triển kinh tế bền vững, ổn định xã hội, giữ vững an ninh chính trị ở các địa bàn khó khăn, trọng yếu trên phạm vi cả nước.\n\n"
        "Bước sang giai đoạn 2024-2025, Ban Chỉ đạo Trung ương các Chương trình mục tiêu Quốc gia tiếp tục phấn đấu giảm 1/2 số hộ nghèo và hộ cận nghèo so với đầu kỳ theo chuẩn nghèo đa chiều của Quốc gia.\n\n"
        "Cuối năm 2025, tỷ lệ hộ nghèo cả nước còn khoảng 0,9%, giảm bình quân khoảng 1,08%/năm (đạt chỉ tiêu giảm bình quân 1-1,5%/năm Quốc hội, Chính phủ giao)./.\n",
        [(50, None, "%", "eq", 2025)],
    ),
    (
        "https://www.baoquangbinh.vn/xa-hoi-doi-song/201703/nam-2017-cac-dia-phuong-phan-dau-giam-tu-5374-den-6013-ho-ngheo-2143651/",
        "Năm 2017, các địa phương phấn đấu giảm từ 5.374 đến 6.013 hộ nghèo\n\nThứ Năm, 16/03/2017, 14:45 [GMT+7]\n\n"
        "(QBĐT) - UBND tỉnh vừa giao chỉ tiêu phấn đấu giảm tỷ lệ hộ nghèo năm 2017 cho các huyện, thị xã, thành phố.\n\n"
        "Mô hình nuôi bồ câu lai, góp phần giảm nghèo ở xã Hồng Hóa (huyện Minh Hóa).\n"
        "Mô hình nuôi bồ câu lai, góp phần giảm nghèo ở xã Hồng Hóa (huyện Minh Hóa).\n\n"
        "Cụ thể, huyện Minh Hóa giảm từ 6,5-7,2% (tương ứng từ 840-930 hộ); Tuyên Hóa 4,5-5,0% (1.070-1.190 hộ); "
        "Quảng Trạch 2,2-2,5% (660-750 hộ); Bố Trạch 2,0-2,2% (950-1050 hộ); Quảng Ninh 2,2-2,5% (575- 655 hộ); "
        "Lệ Thủy 2,0-2,2% (807-890 hộ); thị xã Ba Đồn 1,5-1,8% (413-500 hộ) và TP. Đồng Hới 0,1-0,15% (32- 48 hộ).\n\n"
        "UBND tỉnh cũng yêu cầu UBND các huyện, thị xã, thành phố tập trung lãnh đạo, chỉ đạo phấn đấu đạt chỉ tiêu giảm tỷ lệ hộ nghèo được giao như trên.\n",
        [
            (5374, 6013, "households", "range", 2017),
            (6.5, 7.2, "%/year", "range", 2017),
            (840, 930, "households", "range", 2017),
            (4.5, 5.0, "%/year", "range", 2017),
            (1070, 1190, "households", "range", 2017),
            (2.2, 2.5, "%/year", "range", 2017),
            (660, 750, "households", "range", 2017),
            (2.0, 2.2, "%/year", "range", 2017),
            (950, 1050, "households", "range", 2017),
            (2.2, 2.5, "%/year", "range", 2017),
            (575, 655, "households", "range", 2017),
            (2.0, 2.2, "%/year", "range", 2017),
            (807, 890, "households", "range", 2017),
            (1.5, 1.8, "%/year", "range", 2017),
            (413, 500, "households", "range", 2017),
            (0.1, 0.15, "%/year", "range", 2017),
            (32, 48, "households", "range", 2017),
        ],
    ),
    (
        "http://www.baomoi.com/dien-bien-phan-dau-nam-2012-giam-ti-le-ho-ngheo-xuong-duoi-42/c/9436945.epi",
        "Thực hiện chương trình giảm nghèo nhanh và bền vững tại các huyện, thị xã, thành phố, trong hơn 1 năm qua, tỷ lệ hộ nghèo của Điện Biên đã giảm 6,32% so với năm 2010; đạt 33,17% so với mục tiêu giai đoạn 2011 - 2015. "
        "Riêng 4 huyện nghèo thụ hưởng Nghị quyết 30a là Mường Ảng, Tủa Chùa, Điện Biên Đông, Mường Nhé đã được phân bổ tổng kinh phí trên 400 tỷ đồng, tỷ lệ hộ nghèo giảm 7,28%.\n\n"
        "Theo thống kê, hiện nay Điện Biên còn 46.786 hộ nghèo, chiếm tỷ lệ 43,8% và 8.518 hộ cận nghèo, chiếm 7,97%. "
        "UBND tỉnh Điện Biên cho biết, mục tiêu phấn đấu của tỉnh là đến hết năm 2012 giảm tỷ lệ hộ nghèo còn dưới 42%; tốc độ tăng trưởng GDP bình quân đạt trên 11,52%/năm; "
        "100% người nghèo được tiếp cận các dịch vụ xã hội cơ bản; hỗ trợ làm nhà cho khoảng 500 hộ nghèo…\n",
        [
            (42, None, "%", "lt", 2012),
            (11.52, None, "%/year", "gt", 2012),
            (100, None, "%", "eq", 2012),
            (500, None, "households", "eq", 2012),
        ],
    ),
    (
        "https://danviet.vn/noi-co-3-huyen-ngheo-nhat-ca-nuoc-lao-cai-lam-gi-de-giam-ngheo-da-chieu-20200806172541169.htm",
        '"Ước đến hết năm 2020, bình quân tỷ lệ giảm nghèo của tỉnh đạt 5,02%/năm bằng 125,5% kế hoạch. Tỷ lệ giảm nghèo đã hoàn thành vượt mục tiêu Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XV giảm tỷ lệ hộ nghèo bình quân từ từ 3-4%/năm và Đề án số 09-ĐA/TU, có 2 huyện thoát khỏi huyện nghèo (huyện Bát Xát, Sa Pa).\n\n'
        'Từ năm 2018, xếp hạng tỷ lệ hộ nghèo của tỉnh đã vươn lên 2 bậc xếp hạng so với cả nước. Cụ thể năm 2016 tỉnh có tỷ lệ hộ nghèo cao thứ 6 so với cả nước thì đến năm 2018 xếp ở vị trí thứ 8; ước đến năm 2020 tỷ lệ hộ nghèo tỉnh xếp vị trí thứ 10 so cả nước".\n',
        [],
    ),
    (
        "https://nongthonviet.com.vn/cao-bang-nam-2023-phan-dau-giam-ty-le-ho-ngheo-tren-4.ngn",
        "Cao Bằng: Năm 2023 phấn đấu giảm tỷ lệ hộ nghèo trên 4%\n\nK.X\n(baocaobang.vn)\n"
        "Bằng nhiều chính sách thiết thực, nhất là thực hiện hiệu quả nguồn lực từ các chương trình mục tiêu quốc gia, hết năm 2022, toàn tỉnh Cao Bằng giảm 5.179 hộ nghèo (tương đương giảm 4,13%), đạt 103% kế hoạch.\n"
        "Từ nguồn vốn vay tín dụng chính sách xã hội, nhân dân xã Bế Văn Đàn (Quảng Hòa) đầu tư phát triển chăn nuôi trâu, bò.\n\n"
        "Theo đó có 10.575 lượt hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo được vay vốn ưu đãi từ Ngân hàng Chính sách xã hội; cấp 377.599 thẻ bảo hiểm y tế cho người nghèo, hộ cận nghèo, người dân tộc thiểu số đang sinh sống tại vùng kinh tế - xã hội khó khăn, đối tượng bảo trợ xã hội; hỗ trợ tiền điện cho 55.899 hộ nghèo, hộ chính sách xã hội.\n\n"
        "Trong nông nghiệp, thực hiện 4 dự án, kế hoạch hỗ trợ phát triển sản xuất liên kết theo chuỗi giá trị; 39 dự án hỗ trợ phát triển sản xuất cộng đồng. Hết năm 2022, toàn tỉnh còn 37.409 hộ nghèo, chiếm 28,94%; 19.084 hộ cận nghèo, chiếm 14,76%.\n\n"
        "Năm 2023, tỉnh Cao Bằng tiếp sử dụng hiệu quả nguồn lực từ các chương trình mục tiêu quốc gia đầu tư xây dựng hạ tầng cơ sở thiết yếu tại các địa bàn có điều kiện kinh tế - xã hội đặc biệt khó khăn; khuyến khích thu hút đầu tư, phát triển sản xuất, giải quyết việc làm tăng thu nhập cho người lao động.\n",
        [(4, None, "%/year", "gt", 2023)],
    ),
    (
        "https://baonghean.vn/khoi-sac-vung-bien-tam-hop-post269168.html",
        "Nhờ đó, khát vọng vươn lên thoát nghèo của người dân được khơi dậy mạnh mẽ, mang lại chuyển động tích cực cho các chỉ tiêu kinh tế – xã hội của địa phương”. Minh chứng là trong năm 2022, diện tích lúa ruộng trên địa bàn xã đạt 53,5/52ha, tăng 2,9%; cây ngô 73/70ha, tăng 4,3%; cây sắn 80/54ha, tăng 48,1%; cây nghệ đỏ:18/15ha, thu về 367 tấn, tăng 20% so với kế hoạch, cây gừng 8/8ha, đạt 100% so với kế hoạch. Toàn xã có hơn 50 mô hình kinh tế bền vững (chăn nuôi trâu, bò vỗ béo, trồng bo bo, nghệ đỏ, nuôi dê, dúi, gà đen thả vườn, lợn đen…).\n\n"
        "Trong nửa đầu nhiệm kỳ 2020-2025, các chương trình, đề án trọng tâm của xã được triển khai thực hiện quyết liệt có trọng tâm, trọng điểm và mang lại hiệu quả thiết thực, có 16/30 chỉ tiêu đạt và vượt, 12/30 chỉ tiêu có khả năng sẽ đạt vào cuối nhiệm kỳ. Trong đó, thu nhập bình quân đầu người đạt 22/23 triệu đồng, đạt 96% nghị quyết đại hội; Thu ngân sách trên địa bàn đạt 1.809,5/75 triệu đồng, đạt 2413% nghị quyết đại hội.\n",
        [],
    ),
    (
        "https://kinhtedothi.vn/tag/tai-ngheo",
        "Sóc Trăng cần hạn chế thấp nhất tình trạng tái nghèo\n\nSóc Trăng cần hạn chế thấp nhất tình trạng tái nghèo\n\n"
        "Kinhtedothi - Tỉnh Sóc Trăng cần xây dựng và nhân rộng các mô hình sinh kế giảm nghèo bền vững, hạn chế thấp nhất tình trạng tái nghèo nhất là trong đồng bào dân tộc thiểu số; góp phần tăng thu nhập bình quân đầu người của các hộ nghèo năm 2020 gấp 2 lần so với hiện nay, phấn đấu giảm tỷ lệ hộ nghèo bình quân 3%/năm.\n",
        [(2, None, "times", "eq", 2020), (3, None, "%/year", "eq", None)],
    ),
    (
        "http://daidoanket.vn/mat-tran/soc-trang-1217-ap-dac-biet-kho-khan-hoan-thanh-chuong-trinh-135-tintuc90773",
        "Sóc Trăng: 12/17 ấp đặc biệt khó khăn hoàn thành Chương trình 135\n\n"
        "Ông Lý Bình Cang, Trưởng Ban dân tộc tỉnh Sóc Trăng cho biết, đến cuối năm 2015 toàn tỉnh Sóc Trăng đã có 7/44 xã đặc biệt khó khăn và 12/72 ấp đặc biệt khó khăn thuộc xã Khu vực II đã hoàn thành Chương trình 135, có 19/22 xã điểm được công nhận xã NTM.\n\n"
        "Tỷ lệ hộ nghèo tại Sóc Trăng giảm từ 24,31% (năm 2010) nay xuống còn 8,88% (2015). Riêng tỷ lệ hộ nghèo dân tộc Khmer giảm hàng năm từ 3,5-4%, nhanh hơn tỷ lệ giảm nghèo bình quân chung của tỉnh 1-2%. Thời gian tới, tỉnh sẽ tiếp tục phát huy vai trò của cả hệ thống chính trị để kiểm tra, giám sát đồng thời nâng cao năng lực cán bộ vùng đồng bào dân tộc phụ trách công tác giảm nghèo…\n",
        [],
    ),
]
