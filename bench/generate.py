"""A benchmark corpus of realistic plans, the same for the same seed.

Each plan follows the structure of the sample plans (header block, title, legal bases,
objectives with targets, the programme's components with their sub-projects and funding,
a funding summary or table, solutions, who does what, recipients and signature), with a
locality, a level (province, district, commune), a period, a subset of components,
figures and a layout drawn from a seeded random generator. A third of the plans are
written as TXT (plain or Markdown-like, as the sample TXT renditions are), a third as
DOCX, and a third as PDF converted from DOCX by LibreOffice, so the PDFs are real
word-processor output with real table rulings.

Byte-level determinism: DOCX zip entries get a fixed timestamp, and the PDF's creation
dates and file ID are overwritten with values derived from the content.

    python bench/generate.py --out output/bench-corpus --count 300 --seed 20240601
"""

from __future__ import annotations

import argparse
import hashlib
import io
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from localities import COMMUNE_NAMES, PROVINCES

# ---------------------------------------------------------------- text banks (Decision 90/QĐ-TTg)

COMPONENTS = [
    (
        "1",
        "Hỗ trợ đầu tư phát triển hạ tầng kinh tế - xã hội các huyện nghèo, các xã đặc biệt khó khăn vùng bãi ngang, ven biển và hải đảo",
        [],
    ),
    ("2", "Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo", []),
    (
        "3",
        "Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng",
        ["Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp", "Cải thiện dinh dưỡng"],
    ),
    (
        "4",
        "Phát triển giáo dục nghề nghiệp, việc làm bền vững",
        [
            "Phát triển giáo dục nghề nghiệp vùng nghèo, vùng khó khăn",
            "Hỗ trợ người lao động đi làm việc ở nước ngoài theo hợp đồng",
            "Hỗ trợ việc làm bền vững",
        ],
    ),
    ("5", "Hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo trên địa bàn các huyện nghèo", []),
    (
        "6",
        "Truyền thông và giảm nghèo về thông tin",
        ["Giảm nghèo về thông tin", "Truyền thông về giảm nghèo đa chiều"],
    ),
    (
        "7",
        "Nâng cao năng lực và giám sát, đánh giá Chương trình",
        ["Nâng cao năng lực thực hiện Chương trình", "Giám sát, đánh giá"],
    ),
]

CONTENT = [
    "Hỗ trợ người nghèo, hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo trên địa bàn {place} tham gia các mô hình, dự án giảm nghèo; ưu tiên người dân tộc thiểu số, người khuyết tật và phụ nữ thuộc hộ nghèo.",
    "Đầu tư xây dựng, cải tạo các công trình hạ tầng thiết yếu phục vụ dân sinh, sản xuất, thương mại, lưu thông hàng hóa và cung cấp các dịch vụ cơ bản cho người dân trên địa bàn {place}.",
    "Triển khai các mô hình giảm nghèo gắn với phát triển sản xuất nông, lâm, ngư nghiệp, dịch vụ, du lịch, khởi nghiệp, khởi sự kinh doanh nhằm tạo sinh kế, việc làm, thu nhập bền vững cho người dân.",
    "Hỗ trợ phát triển các mô hình chăn nuôi, trồng trọt, nuôi trồng thủy sản theo chuỗi giá trị; hỗ trợ giống, vật tư, phân bón, kỹ thuật và chuyển giao khoa học công nghệ cho hộ tham gia dự án.",
    "Tổ chức đào tạo nghề trình độ sơ cấp và dưới 03 tháng cho người lao động thuộc hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo; gắn đào tạo với giải quyết việc làm và nhu cầu của doanh nghiệp.",
    "Hỗ trợ người lao động đi làm việc ở nước ngoài theo hợp đồng: bồi dưỡng kỹ năng nghề, ngoại ngữ, giáo dục định hướng, chi phí làm hồ sơ, khám sức khỏe và cấp hộ chiếu, thị thực.",
    "Hỗ trợ hộ nghèo, hộ cận nghèo xây dựng mới hoặc sửa chữa nhà ở, bảo đảm diện tích sử dụng tối thiểu 30 m² và tuổi thọ căn nhà từ 20 năm trở lên theo quy định.",
    "Tăng cường cơ sở vật chất, trang thiết bị cho đài truyền thanh cơ sở; sản xuất, biên tập, phát sóng các chương trình, tin, bài tuyên truyền về giảm nghèo bền vững.",
    "Tổ chức đối thoại chính sách, tuyên truyền về giảm nghèo đa chiều, khơi dậy ý chí tự lực, tự cường vươn lên thoát nghèo của người nghèo và cộng đồng dân cư.",
    "Tập huấn, bồi dưỡng nâng cao năng lực cho đội ngũ cán bộ làm công tác giảm nghèo các cấp; tổ chức học tập, trao đổi kinh nghiệm trong và ngoài {province_full}.",
    "Kiểm tra, giám sát, đánh giá định kỳ và đột xuất việc thực hiện Chương trình; cập nhật cơ sở dữ liệu hộ nghèo, hộ cận nghèo vào hệ thống thông tin quốc gia.",
    "Can thiệp phòng, chống suy dinh dưỡng thấp còi cho trẻ em dưới 16 tuổi thuộc hộ nghèo, hộ cận nghèo; chăm sóc dinh dưỡng cho phụ nữ mang thai và trẻ em dưới 05 tuổi.",
    "Cung cấp thông tin thị trường lao động, tư vấn, giới thiệu việc làm, kết nối cung cầu lao động; hỗ trợ người lao động thuộc hộ nghèo tìm kiếm việc làm phù hợp.",
]

OBJECTIVE = [
    "Thực hiện mục tiêu giảm nghèo đa chiều, bao trùm, bền vững, hạn chế tái nghèo và phát sinh nghèo; hỗ trợ người nghèo, hộ nghèo vượt lên mức sống tối thiểu, tiếp cận các dịch vụ xã hội cơ bản theo chuẩn nghèo đa chiều quốc gia, nâng cao chất lượng cuộc sống.",
    "Tạo sự chuyển biến tích cực về nhận thức và hành động trong công tác lãnh đạo, chỉ đạo, quản lý, phối hợp giữa các ngành, các cấp và của người dân đối với công tác giảm nghèo bền vững trên địa bàn {place}.",
    "Huy động tối đa các nguồn lực, lồng ghép có hiệu quả các chương trình, dự án, chính sách trên địa bàn để thực hiện mục tiêu giảm nghèo; ưu tiên nguồn lực cho vùng đồng bào dân tộc thiểu số, vùng đặc biệt khó khăn.",
]

SOLUTIONS = [
    "Đẩy mạnh công tác tuyên truyền, giáo dục, nâng cao nhận thức và trách nhiệm của cán bộ, đảng viên và Nhân dân về công tác giảm nghèo bền vững.",
    "Tăng cường sự lãnh đạo, chỉ đạo của cấp ủy, chính quyền; phát huy vai trò của Mặt trận Tổ quốc và các tổ chức chính trị - xã hội trong công tác giảm nghèo.",
    "Huy động, lồng ghép các nguồn lực từ ngân sách nhà nước, doanh nghiệp và cộng đồng; thực hiện tốt chính sách tín dụng ưu đãi đối với hộ nghèo, hộ cận nghèo.",
    "Kiện toàn Ban Chỉ đạo các chương trình mục tiêu quốc gia; phân công rõ trách nhiệm của từng cơ quan, đơn vị trong tổ chức thực hiện.",
    "Thực hiện tốt công tác kiểm tra, giám sát, đánh giá; định kỳ sơ kết, tổng kết, biểu dương, khen thưởng các tập thể, cá nhân có thành tích xuất sắc.",
    'Đẩy mạnh phong trào thi đua "Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau" giai đoạn 2021 - 2025.',
    "Xây dựng cơ sở dữ liệu quản lý thống nhất về giảm nghèo, ứng dụng công nghệ thông tin trong quản lý, theo dõi hộ nghèo, hộ cận nghèo.",
]

AGENCIES = [
    (
        "Phòng Lao động - Thương binh và Xã hội",
        "Sở Lao động - Thương binh và Xã hội",
        "Công chức Lao động - Thương binh và Xã hội",
    ),
    (
        "Phòng Nông nghiệp và Phát triển nông thôn",
        "Sở Nông nghiệp và Phát triển nông thôn",
        "Công chức Địa chính - Nông nghiệp",
    ),
    ("Phòng Tài chính - Kế hoạch", "Sở Tài chính", "Công chức Tài chính - Kế toán"),
    ("Phòng Văn hóa và Thông tin", "Sở Thông tin và Truyền thông", "Công chức Văn hóa - Xã hội"),
    ("Phòng Y tế", "Sở Y tế", "Trạm Y tế xã"),
    ("Phòng Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo", "Trường Tiểu học"),
    ("Phòng Dân tộc", "Ban Dân tộc tỉnh", "Công chức Văn phòng - Thống kê"),
    ("Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên", "Sở Kế hoạch và Đầu tư", "Đoàn Thanh niên xã"),
]

TARGETS = [
    "Giảm tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều bình quân {a}%/năm; tỷ lệ hộ nghèo dân tộc thiểu số giảm bình quân trên {b}%/năm.",
    "Phấn đấu {p}% người lao động thuộc hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo có nhu cầu được hỗ trợ kết nối, tư vấn, định hướng nghề nghiệp, cung cấp thông tin thị trường lao động.",
    "Hỗ trợ nhà ở cho khoảng {n} hộ nghèo, hộ cận nghèo trên địa bàn.",
    "{q}% người thuộc hộ nghèo, hộ cận nghèo được hỗ trợ tham gia bảo hiểm y tế.",
    "Tỷ lệ trẻ em thuộc hộ nghèo, hộ cận nghèo đi học đúng độ tuổi đạt {r}%.",
    "Phấn đấu hỗ trợ {k} người lao động đi làm việc ở nước ngoài theo hợp đồng.",
    "{s}% hộ nghèo, hộ cận nghèo sử dụng nước sinh hoạt hợp vệ sinh.",
    "Xây dựng và nhân rộng ít nhất {m} mô hình, dự án giảm nghèo hiệu quả.",
]


# ---------------------------------------------------------------- numbers as Vietnamese documents write them


def vn_int(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def vn_dec(x: float, places: int = 1) -> str:
    s = f"{x:.{places}f}".rstrip("0").rstrip(".")
    return s.replace(".", ",")


def money(rng: random.Random, million: int, unit: str) -> str:
    if unit == "đồng":
        return f"{vn_int(million * 1_000_000)} đồng"
    if unit == "tỷ đồng":
        return f"{vn_dec(million / 1000, 3)} tỷ đồng"
    return f"{vn_int(million)} triệu đồng"


# ---------------------------------------------------------------- a plan as abstract blocks


def plan(rng: random.Random, index: int) -> tuple[list[tuple], dict]:
    province, districts = rng.choice(PROVINCES)
    level = rng.choices(["province", "district", "commune"], weights=[2, 5, 3])[0]
    district = rng.choice(districts)
    district_kind = "thị xã" if district.startswith("TX ") else "huyện"
    district = district.removeprefix("TX ")
    commune = rng.choice(COMMUNE_NAMES)
    if level == "province":
        issuer_up, place, issuer = "", f"tỉnh {province}", f"TỈNH {province.upper()}"
    elif level == "district":
        issuer_up, place, issuer = "", f"{district_kind} {district}", f"{district_kind.upper()} {district.upper()}"
    else:
        issuer_up, place, issuer = (
            f"{district_kind.upper()} {district.upper()}",
            f"xã {commune}",
            f"XÃ {commune.upper()}",
        )
    year = rng.choice([2022, 2022, 2023, 2024])
    annual = rng.random() < 0.35
    period = f"năm {year}" if annual else f"giai đoạn {rng.choice([2021, 2022])} - 2025"
    number = rng.randint(5, 420)
    day, month = rng.randint(1, 28), rng.randint(1, 12)
    unit = rng.choices(["triệu đồng", "đồng", "tỷ đồng"], weights=[6, 2, 1])[0]
    fmt = {"place": place, "province_full": f"tỉnh {province}"}
    b: list[tuple] = []
    left = ["ỦY BAN NHÂN DÂN"] + ([issuer_up] if issuer_up else []) + [issuer, "-------", f"Số: {number}/KH-UBND"]
    right = [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "---------------",
        f"{(commune if level == 'commune' else district if level == 'district' else province)}, ngày {day:02d} tháng {month:02d} năm {year}",
    ]
    b.append(("header", left, right))
    b.append(
        (
            "title",
            ["KẾ HOẠCH", f"Thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững {period} trên địa bàn {place}"],
        )
    )
    bases = [
        "Căn cứ Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ phê duyệt Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025;",
        "Căn cứ Nghị định số 27/2022/NĐ-CP ngày 19/4/2022 của Chính phủ quy định cơ chế quản lý, tổ chức thực hiện các chương trình mục tiêu quốc gia;",
        f"Căn cứ Kế hoạch số {rng.randint(10, 300)}/KH-UBND ngày {rng.randint(1, 28)}/{rng.randint(1, 12)}/{year - rng.randint(0, 1)} của Ủy ban nhân dân tỉnh {province} về thực hiện Chương trình;",
    ]
    b += [("para", s) for s in bases[: rng.randint(2, 3)]]
    b.append(
        ("para", f"Ủy ban nhân dân {place} ban hành Kế hoạch thực hiện Chương trình {period} với các nội dung sau:")
    )

    roman = iter(["I", "II", "III", "IV", "V", "VI", "VII", "VIII"])
    b.append(("heading", 1, f"{next(roman)}. MỤC TIÊU"))
    b.append(("heading", 2, "1. Mục tiêu tổng quát"))
    b += [("para", rng.choice(OBJECTIVE).format(**fmt))]
    b.append(("heading", 2, "2. Mục tiêu cụ thể"))
    values = dict(
        a=vn_dec(rng.uniform(0.5, 3.0)),
        b=vn_dec(rng.uniform(1, 4)),
        p=rng.choice([50, 60, 70, 80, 100]),
        n=rng.randint(10, 900),
        q=100,
        r=rng.choice([95, 97, 98, 99]),
        k=rng.randint(5, 200),
        s=rng.choice([85, 90, 95]),
        m=rng.randint(1, 12),
    )
    for t in rng.sample(TARGETS, rng.randint(3, len(TARGETS))):
        b.append(("bullet", t.format(**values)))

    b.append(("heading", 1, f"{next(roman)}. PHẠM VI, ĐỐI TƯỢNG VÀ THỜI GIAN THỰC HIỆN"))
    b.append(
        (
            "para",
            f"1. Phạm vi: trên địa bàn {place}, ưu tiên các địa bàn đặc biệt khó khăn, vùng đồng bào dân tộc thiểu số.",
        )
    )
    b.append(
        (
            "para",
            "2. Đối tượng: hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo; người dân và cộng đồng trên địa bàn; các cơ quan, đơn vị, tổ chức, cá nhân có liên quan.",
        )
    )
    b.append(("para", f"3. Thời gian thực hiện: {period}."))
    for s in rng.sample(OBJECTIVE, rng.randint(1, 2)):
        b.append(("para", s.format(**fmt)))

    b.append(("heading", 1, f"{next(roman)}. NỘI DUNG THỰC HIỆN CÁC DỰ ÁN THÀNH PHẦN"))
    chosen = sorted(rng.sample(range(len(COMPONENTS)), rng.randint(3, len(COMPONENTS))))
    funding = []
    for i, ci in enumerate(chosen, 1):
        code, title, subs = COMPONENTS[ci]
        sep = rng.choice([": ", ". ", " - "])
        b.append(("heading", 2, f"{i}. Dự án {code}{sep}{title}"))
        if rng.random() < 0.12:
            b.append(
                (
                    "para",
                    f"{place.capitalize()} không thực hiện dự án này do không thuộc đối tượng, địa bàn hỗ trợ của dự án.",
                )
            )
            continue
        parts = subs or [None]
        comp_total = 0
        for j, sub in enumerate(parts, 1):
            if sub:
                b.append(("heading", 3, f"{i}.{j}. Tiểu dự án {j}: {sub}"))
            b.append(("heading", 4, "a) Nội dung, đối tượng hỗ trợ"))
            for s in rng.sample(CONTENT, rng.randint(2, 5)):
                b.append(("para", s.format(**fmt)))
            amount = rng.randint(40, 6000)
            comp_total += amount
            b.append(
                ("para", f"b) Kinh phí thực hiện: Ngân sách trung ương: Vốn sự nghiệp {money(rng, amount, unit)}.")
            )
        funding.append((code, title, comp_total))

    total = sum(f[2] for f in funding)
    local = int(total * rng.uniform(0.0, 0.15))
    b.append(("heading", 1, f"{next(roman)}. KINH PHÍ THỰC HIỆN"))
    b.append(("para", f"Tổng kinh phí thực hiện: {money(rng, total + local, unit)}, trong đó:"))
    b.append(("bullet", f"Ngân sách trung ương: {money(rng, total, unit)};"))
    b.append(("bullet", f"Ngân sách địa phương: {money(rng, local, unit)}."))
    table_rows = [[str(n), f"Dự án {c}: {t}", vn_int(v), vn_int(v), "-"] for n, (c, t, v) in enumerate(funding, 1)]
    table_rows.append(["", "Tổng cộng", vn_int(total), vn_int(total), "-"])
    budget = (
        "table",
        [["STT", "Nội dung", "Tổng kinh phí", "Ngân sách trung ương", "Ngân sách địa phương"]],
        table_rows,
        [1.2, 8.0, 2.6, 2.6, 2.6],
    )
    appendix_budget = rng.random() < 0.4
    if not appendix_budget:
        b.append(("para", "Đơn vị tính: triệu đồng"))
        b.append(budget)
    else:
        b.append(("para", "(Chi tiết theo Phụ lục kèm theo)"))

    b.append(("heading", 1, f"{next(roman)}. GIẢI PHÁP THỰC HIỆN"))
    for n, s in enumerate(rng.sample(SOLUTIONS, rng.randint(4, len(SOLUTIONS))), 1):
        b.append(("para", f"{n}. {s}"))

    b.append(("heading", 1, f"{next(roman)}. TỔ CHỨC THỰC HIỆN"))
    col = {"province": 1, "district": 0, "commune": 2}[level]
    agencies = rng.sample(AGENCIES, rng.randint(4, 7))
    assign_table = rng.random() < 0.5
    for n, a in enumerate(agencies, 1):
        b.append(("heading", 2, f"{n}. {a[col]}"))
        duty = rng.choice(CONTENT).format(**fmt).split(";")[0]
        b.append(
            (
                "bullet",
                f"Chủ trì, phối hợp với các cơ quan, đơn vị liên quan tổ chức thực hiện nội dung: {duty[0].lower()}{duty[1:]}.",
            )
        )
        for extra in rng.sample(SOLUTIONS, rng.randint(0, 2)):
            b.append(("bullet", f"Phối hợp thực hiện: {extra[0].lower()}{extra[1:]}"))
        b.append(
            (
                "bullet",
                "Định kỳ 6 tháng, hằng năm báo cáo kết quả thực hiện về cơ quan thường trực Chương trình để tổng hợp.",
            )
        )
    b.append(
        (
            "para",
            f"Trên đây là Kế hoạch thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững {period} trên địa bàn {place}; yêu cầu các cơ quan, đơn vị liên quan triển khai thực hiện.",
        )
    )
    b.append(
        (
            "signature",
            ["Nơi nhận:", "- Như trên;", f"- UBND tỉnh {province};", "- Lưu: VT."],
            ["TM. ỦY BAN NHÂN DÂN", rng.choice(["CHỦ TỊCH", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"])],
        )
    )
    if assign_table or appendix_budget:
        b.append(("appendix", rng.random() < 0.5))
        b.append(("heading", 1, "PHỤ LỤC"))
        if appendix_budget:
            b.append(("para", "KINH PHÍ THỰC HIỆN CHƯƠNG TRÌNH (Đơn vị tính: triệu đồng)"))
            b.append(budget)
        if assign_table:
            b.append(("para", "PHÂN CÔNG NHIỆM VỤ THỰC HIỆN CHƯƠNG TRÌNH"))
            rows = []
            for n, s in enumerate(rng.sample(CONTENT, rng.randint(6, 12)), 1):
                lead, support = rng.sample(agencies, 2)
                rows.append(
                    [
                        str(n),
                        s.format(**fmt).split(";")[0],
                        lead[col],
                        support[col],
                        rng.choice(["Hằng năm", f"{year} - 2025", f"Quý {rng.randint(1, 4)}/{year}"]),
                    ]
                )
            b.append(
                (
                    "table",
                    [["TT", "Nhiệm vụ, giải pháp", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"]],
                    rows,
                    [1.0, 7.0, 3.6, 3.6, 2.6],
                )
            )
    layout = dict(
        font=rng.choice(["Times New Roman", "Times New Roman", "Liberation Serif"]),
        size=rng.choice([13, 13, 14, 12]),
        left=rng.choice([2.5, 3.0, 3.0]),
        right=rng.choice([1.5, 2.0]),
        top=rng.choice([2.0, 2.0, 1.5]),
        spacing=rng.choice([1.0, 1.15, 1.3]),
        indent=rng.choice([0.0, 1.0, 1.27]),
        txt_style=rng.choice(["plain", "markdown"]),
    )
    return b, layout


# ---------------------------------------------------------------- renderers


def to_txt(blocks: list[tuple], layout: dict) -> str:
    md = layout["txt_style"] == "markdown"
    out: list[str] = []
    for blk in blocks:
        kind = blk[0]
        if kind == "header":
            if md:
                out += [blk[1][-1], "", f"*{blk[2][-1]}*", ""]
            else:
                out += ["\t".join(p) for p in zip(blk[1] + [""] * 5, blk[2] + [""] * 5) if any(p)]
                out.append("")
        elif kind == "title":
            out += [f"## **{blk[1][0]}**", f"### **{blk[1][1]}**", ""] if md else [blk[1][0], blk[1][1], ""]
        elif kind == "heading":
            out += [f"{'#' * (blk[1] + 3)} **{blk[2]}**", ""] if md else [blk[2]]
        elif kind == "para":
            out += [blk[1], ""] if md else [blk[1]]
        elif kind == "bullet":
            out.append(f"- {blk[1]}")
        elif kind == "table":
            out += ["\t".join(r) for r in blk[1] + blk[2]]
            out.append("")
        elif kind == "signature":
            out += blk[1] + blk[2][:1] + blk[2][1].split("\n")
        elif kind == "appendix":
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def to_docx(blocks: list[tuple], layout: dict, path: Path) -> None:
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    d = docx.Document()
    normal = d.styles["Normal"]
    normal.font.name = layout["font"]
    normal.font.size = Pt(layout["size"])
    pf = normal.paragraph_format
    pf.space_after = Pt(4)
    pf.line_spacing = layout["spacing"]
    sec = d.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin, sec.right_margin = Cm(layout["left"]), Cm(layout["right"])
    sec.top_margin = sec.bottom_margin = Cm(layout["top"])

    def para(text: str, bold: bool = False, italic: bool = False, center: bool = False, indent: bool = True, size=None):
        p = d.add_paragraph()
        run = p.add_run(text)
        run.bold, run.italic = bold, italic
        if size:
            run.font.size = Pt(size)
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        else:
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            if indent and layout["indent"]:
                p.paragraph_format.first_line_indent = Cm(layout["indent"])
        return p

    def cell_text(cell, text: str, bold: bool = False, center: bool = False, size=None):
        cell.text = ""
        lines = text.split("\n")
        p = cell.paragraphs[0]
        for k, line in enumerate(lines):
            if k:
                p = cell.add_paragraph()
            r = p.add_run(line)
            r.bold = bold
            r.font.size = Pt(size or layout["size"] - 1)
            p.paragraph_format.first_line_indent = None
            if center:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER

    for blk in blocks:
        kind = blk[0]
        if kind == "header":
            t = d.add_table(rows=1, cols=2)
            t.alignment = WD_TABLE_ALIGNMENT.CENTER
            cell_text(t.cell(0, 0), "\n".join(blk[1]), bold=True, center=True, size=layout["size"] - 1)
            cell_text(t.cell(0, 1), "\n".join(blk[2]), bold=True, center=True, size=layout["size"] - 1)
        elif kind == "title":
            para(blk[1][0], bold=True, center=True, size=layout["size"] + 1)
            para(blk[1][1], bold=True, center=True)
        elif kind == "heading":
            para(blk[2], bold=blk[1] <= 3, italic=blk[1] >= 3, indent=blk[1] > 1)
        elif kind == "para":
            para(blk[1])
        elif kind == "bullet":
            para(f"- {blk[1]}")
        elif kind == "table":
            header, rows, widths = blk[1], blk[2], blk[3]
            t = d.add_table(rows=len(header) + len(rows), cols=len(widths))
            t.style = "Table Grid"
            t.alignment = WD_TABLE_ALIGNMENT.CENTER
            t.autofit = False
            for ci, w in enumerate(widths):
                t.columns[ci].width = Cm(w)
            for ri, row in enumerate(header + rows):
                for ci, text in enumerate(row):
                    c = t.cell(ri, ci)
                    c.width = Cm(widths[ci])
                    cell_text(
                        c, text, bold=ri < len(header) or row[1] == "Tổng cộng", center=ri < len(header) or ci != 1
                    )
            d.add_paragraph()
        elif kind == "signature":
            t = d.add_table(rows=1, cols=2)
            cell_text(t.cell(0, 0), "\n".join(blk[1]), size=layout["size"] - 2)
            cell_text(t.cell(0, 1), "\n".join(blk[2]), bold=True, center=True)
        elif kind == "appendix":
            new = d.add_section()
            if blk[1]:
                new.orientation = WD_ORIENT.LANDSCAPE
                new.page_width, new.page_height = Cm(29.7), Cm(21.0)
    buf = io.BytesIO()
    d.save(buf)
    path.write_bytes(_fixed_zip(buf.getvalue()))


def _fixed_zip(data: bytes) -> bytes:
    """The same zip with every entry dated 2024-01-01, so equal content gives equal bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


_PDF_DATE = re.compile(rb"\(D:\d{14}[^)]*\)")
_PDF_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]")
_PDF_CHECKSUM = re.compile(rb"/DocChecksum\s*/([0-9A-Fa-f]+)")


def fix_pdf(data: bytes) -> bytes:
    """Overwrite dates, checksum and file ID in place (same lengths, so the xref stays valid)."""
    data = _PDF_DATE.sub(lambda m: b"(D:20240101000000" + b" " * (len(m.group(0)) - 18) + b")", data)
    digest = hashlib.md5(_PDF_CHECKSUM.sub(b"", _PDF_ID.sub(b"", data))).hexdigest().upper().encode()
    data = _PDF_CHECKSUM.sub(lambda m: m.group(0).replace(m.group(1), (digest * 4)[: len(m.group(1))]), data)

    def ids(m: re.Match) -> bytes:
        a = (digest * 4)[: len(m.group(1))]
        return m.group(0).replace(m.group(1), a).replace(m.group(2), (digest * 4)[: len(m.group(2))])

    return _PDF_ID.sub(ids, data)


def convert_pdfs(docx_files: list[Path], out_dir: Path, batch: int = 25) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("LibreOffice is needed to make the benchmark PDFs: apt-get install libreoffice-writer-nogui")
    with tempfile.TemporaryDirectory(prefix="kehoach-bench-lo-") as profile:
        for i in range(0, len(docx_files), batch):
            chunk = docx_files[i : i + batch]
            subprocess.run(
                [
                    soffice,
                    f"-env:UserInstallation=file://{profile}",
                    "--headless",
                    "--norestore",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(out_dir),
                ]
                + [str(p) for p in chunk],
                check=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=1800,
            )
    for p in docx_files:
        pdf = out_dir / (p.stem + ".pdf")
        if not pdf.exists():
            sys.exit(f"LibreOffice did not convert {p}")
        pdf.write_bytes(fix_pdf(pdf.read_bytes()))


def generate(out: Path, count: int, seed: int) -> None:
    started = time.monotonic()
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    for sub in ("txt", "docx", "pdf"):
        (out / sub).mkdir(exist_ok=True)
    pending_pdf: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="kehoach-bench-docx-") as tmp:
        for i in range(count):
            blocks, layout = plan(random.Random(rng.getrandbits(64)), i)
            kind = ("txt", "docx", "pdf")[i % 3]
            name = f"plan_{i:04d}"
            if kind == "txt":
                (out / "txt" / f"{name}.txt").write_text(to_txt(blocks, layout), encoding="utf-8")
            elif kind == "docx":
                to_docx(blocks, layout, out / "docx" / f"{name}.docx")
            else:
                src = Path(tmp) / f"{name}.docx"
                to_docx(blocks, layout, src)
                pending_pdf.append(src)
        convert_pdfs(pending_pdf, out / "pdf")
    (out / ".seed").write_text(f"{seed} {count}\n")  # hidden, so ingest skips it
    print(f"generated {count} plans in {out} in {time.monotonic() - started:.0f} s", file=sys.stderr)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=Path("output/bench-corpus"))
    ap.add_argument("--count", type=int, default=300)
    ap.add_argument("--seed", type=int, default=20240601)
    args = ap.parse_args()
    generate(args.out, args.count, args.seed)


if __name__ == "__main__":
    main()
