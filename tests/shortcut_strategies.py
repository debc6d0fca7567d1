"""Inputs shared by the differential tests of the speed-ups (tests/**/test_*_shortcuts.py).

Generated text mixes Vietnamese letters, old and new tone placement, dashes, digits and odd
white space with lines of the sample plans, so that a shortcut meets the rarer inputs on
which it could part from the plain code it replaced.
"""

from __future__ import annotations

from conftest import CORPUS
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FEW = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

PLAN_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("txt/*.txt"))]
PLAN_LINES = [line for t in PLAN_TEXTS for line in t.split("\n") if line.strip()]
PLAN_WORDS = sorted({w for line in PLAN_LINES for w in line.split()})

# pieces that exercise the shortcuts' edges: both tone placements, "qu", capitals whose
# lower case changes length, every dash, white space that str.split and \s disagree on
TONE_PIECES = [
    "hoá",
    "hóa",
    "HOÁ",
    "Hoà",
    "hoà",
    "khoẻ",
    "khỏe",
    "uỷ",
    "ủy",
    "Uỷ",
    "UỶ",
    "thuỷ",
    "thủy",
    "quý",
    "QUÝ",
    "quỳ",
    "oạ",
    "uỵ",
    "oẽ",
    "o",
    "u",
    "q",
    "Q",
    "á",
    "ý",
    "è",
    "ỹ",
    "ạ",
]
SPACES = [
    " ",
    " ",
    " ",
    "  ",
    "\n",
    "\t",
    "\r",
    "\xa0",
    "\x1c",
    "\x1d",
    "\x1e",
    "\x1f",
    "\u2003",
    "\u3000",
    "\x85",
    "\u2028",
    "\x0b",
    "\x0c",
    "\ufeff",
    "\u200b",
]
DASHES = ["-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212", "\u00ad"]
OTHERS = [
    "İ",
    "ẞ",
    "Đ",
    "đ",
    "0",
    "1",
    "12",
    "2,5",
    "1.000",
    "30%",
    "/",
    ",",
    ".",
    ";",
    ":",
    "(",
    ")",
    "&",
    "và",
    "hoặc",
    "đồng",
    "triệu",
    "tỷ",
    "năm",
    "Sở",
    "UBND",
    "Ủy ban nhân dân",
    "tỉnh",
    "huyện",
    "xã",
    "chủ trì",
    "phối hợp",
    "\u0301",
    "\u0323",
    "e\u0301",
]
# names the lexicon does not know (read by their head word), list words, role words
AGENCY_PIECES = [
    "Ban Quản lý dự án",
    "Trạm Khuyến nông Sìn Hồ",
    "Hội Cựu chiến binh",
    "Phòng Dân tộc",
    "Sở Y tế",
    "Văn phòng",
    "Ban Chỉ đạo",
    "Các",
    "các",
    "Những",
    "Mọi",
    "Tất cả",
    "Một số",
    "toàn thể",
    "phòng ban",
    "chủ trì",
    "phối hợp",
    "Cơ quan , đơn vị chủ trì",
    "cơ quan,đơn vị phối hợp",
    "; ",
    ", ",
    " và ",
    " hoặc ",
    ". ",
    "\n",
]
PIECE = st.one_of(
    st.sampled_from(TONE_PIECES + SPACES + DASHES + OTHERS + AGENCY_PIECES),
    st.sampled_from(PLAN_WORDS),
    st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyAĐOUáàảãạóòỏõọúùủũụýỳỷỹỵéèẻẽẹ", max_size=4),
)
SYNTHETIC = st.lists(PIECE, max_size=24).map("".join)


@st.composite
def plan_excerpts(draw) -> str:
    """A line or a few lines of a sample plan, or a slice of one."""
    i = draw(st.integers(0, len(PLAN_LINES) - 1))
    text = "\n".join(PLAN_LINES[i : i + draw(st.integers(1, 3))])
    a = draw(st.integers(0, len(text)))
    return draw(st.sampled_from([text, text[a:], text[:a]]))


TEXTS = st.one_of(SYNTHETIC, plan_excerpts())


@st.composite
def text_and_span(draw, texts=TEXTS):
    text = draw(texts)
    a = draw(st.integers(0, len(text)))
    b = draw(st.integers(a, len(text)))
    return text, a, b
