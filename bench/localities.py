"""Provinces with some of their districts (pre-2025 units) and common commune names.

Only for the benchmark corpus: enough variety that generated plans name many different
places, as a national archive would. "TX " marks a district-level town (thị xã).
"""

PROVINCES = [
    ("Hà Giang", ["Đồng Văn", "Mèo Vạc", "Yên Minh", "Quản Bạ", "Bắc Mê", "Hoàng Su Phì", "Xín Mần"]),
    ("Cao Bằng", ["Bảo Lâm", "Bảo Lạc", "Hà Quảng", "Trùng Khánh", "Hạ Lang", "Quảng Hòa", "Nguyên Bình"]),
    ("Lào Cai", ["Bát Xát", "Mường Khương", "Si Ma Cai", "Bắc Hà", "Bảo Thắng", "Văn Bàn", "TX Sa Pa"]),
    ("Điện Biên", ["Mường Nhé", "Mường Chà", "Tủa Chùa", "Tuần Giáo", "Điện Biên Đông", "Nậm Pồ"]),
    ("Lai Châu", ["Tam Đường", "Mường Tè", "Sìn Hồ", "Phong Thổ", "Than Uyên", "Nậm Nhùn"]),
    ("Sơn La", ["Quỳnh Nhai", "Thuận Châu", "Mường La", "Bắc Yên", "Phù Yên", "Sốp Cộp", "Vân Hồ"]),
    ("Yên Bái", ["Lục Yên", "Văn Yên", "Mù Cang Chải", "Trấn Yên", "Trạm Tấu", "Văn Chấn"]),
    ("Bắc Giang", ["Sơn Động", "Lục Ngạn", "Lục Nam", "Yên Thế", "Tân Yên", "Lạng Giang"]),
    ("Thanh Hóa", ["Mường Lát", "Quan Hóa", "Quan Sơn", "Bá Thước", "Lang Chánh", "Thường Xuân", "Cẩm Thủy", "Như Xuân"]),
    ("Nghệ An", ["Kỳ Sơn", "Tương Dương", "Quế Phong", "Quỳ Châu", "Con Cuông", "Anh Sơn", "TX Hoàng Mai"]),
    ("Hà Tĩnh", ["Hương Khê", "Hương Sơn", "Vũ Quang", "Kỳ Anh", "Cẩm Xuyên"]),
    ("Quảng Bình", ["Minh Hóa", "Tuyên Hóa", "Bố Trạch", "Quảng Ninh", "Lệ Thủy"]),
    ("Quảng Trị", ["Hướng Hóa", "Đakrông", "Gio Linh", "Vĩnh Linh", "Cam Lộ"]),
    ("Quảng Nam", ["Nam Trà My", "Bắc Trà My", "Tây Giang", "Đông Giang", "Nam Giang", "Phước Sơn"]),
    ("Quảng Ngãi", ["Ba Tơ", "Minh Long", "Sơn Tây", "Sơn Hà", "Trà Bồng"]),
    ("Bình Định", ["An Lão", "Vĩnh Thạnh", "Vân Canh", "Hoài Ân", "Tây Sơn"]),
    ("Gia Lai", ["Kông Chro", "Krông Pa", "Ia Pa", "Chư Păh", "Mang Yang", "Đak Đoa"]),
    ("Kon Tum", ["Tu Mơ Rông", "Kon Plông", "Đắk Glei", "Sa Thầy", "Ia H'Drai"]),
    ("Đắk Lắk", ["Ea Súp", "M'Đrắk", "Lắk", "Krông Bông", "Buôn Đôn"]),
    ("Đắk Nông", ["Tuy Đức", "Đắk Glong", "Krông Nô", "Cư Jút"]),
    ("Lâm Đồng", ["Đam Rông", "Lạc Dương", "Di Linh", "Bảo Lâm"]),
    ("Ninh Thuận", ["Bác Ái", "Thuận Bắc", "Ninh Sơn", "Ninh Phước"]),
    ("Trà Vinh", ["Cầu Ngang", "Trà Cú", "Châu Thành", "Cầu Kè", "Duyên Hải", "Tiểu Cần"]),
    ("Sóc Trăng", ["Trần Đề", "Thạnh Trị", "Cù Lao Dung", "Mỹ Xuyên", "Long Phú"]),
    ("Vĩnh Long", ["Trà Ôn", "Tam Bình", "Vũng Liêm", "Mang Thít", "Bình Tân"]),
    ("Bến Tre", ["Ba Tri", "Bình Đại", "Thạnh Phú", "Mỏ Cày Nam"]),
    ("Cà Mau", ["Ngọc Hiển", "Năm Căn", "Đầm Dơi", "U Minh", "Trần Văn Thời"]),
    ("Bạc Liêu", ["Đông Hải", "Hòa Bình", "Phước Long", "Hồng Dân"]),
    ("An Giang", ["Tri Tôn", "Tịnh Biên", "An Phú", "Thoại Sơn"]),
    ("Kiên Giang", ["Giang Thành", "Kiên Hải", "An Minh", "U Minh Thượng"]),
    ("Hòa Bình", ["Đà Bắc", "Mai Châu", "Tân Lạc", "Lạc Sơn", "Kim Bôi"]),
    ("Tuyên Quang", ["Lâm Bình", "Na Hang", "Chiêm Hóa", "Hàm Yên"]),
    ("Bắc Kạn", ["Pác Nặm", "Ba Bể", "Ngân Sơn", "Na Rì", "Chợ Đồn"]),
    ("Lạng Sơn", ["Bình Gia", "Văn Quan", "Đình Lập", "Lộc Bình", "Tràng Định"]),
    ("Phú Yên", ["Đồng Xuân", "Sơn Hòa", "Sông Hinh", "Tây Hòa"]),
]

COMMUNE_NAMES = [
    "Tân Hòa", "Tân Lập", "Hòa Bình", "Thanh Sơn", "Phú Lộc", "An Thạnh", "Long Hữu", "Cẩm Châu", "Mỹ Long Bắc",
    "Hiệp Mỹ Tây", "Thạnh Hòa Sơn", "Vinh Kim", "Kim Hòa", "Nhị Trường", "Trường Thọ", "Hiệp Hòa", "Đôn Châu",
    "Na Ư", "Mường Phăng", "Pá Khoang", "Sín Chải", "Lũng Cú", "Phố Bảng", "Sủng Là", "Tả Lủng", "Xuân Lộc",
    "Yên Sơn", "Đồng Tâm", "Quang Trung", "Hưng Đạo", "Ea Kiết", "Ia Khươl", "Đăk Pơ", "Sơn Bua", "Ba Vì",
    "Trà Leng", "Phước Thành", "Lộc Thủy", "Vĩnh Thạnh", "Khánh Hải", "Phước Hà", "Ngũ Lạc", "Lương Hòa",
]
