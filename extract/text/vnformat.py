"""Numbers as a Vietnamese reader expects them in a terminal: dots group thousands, the comma marks decimals.

Only for people: machine formats (CSV, JSON, Excel, Parquet) keep exact integers đồng and
plain floats. Money is scaled with Decimal, never float, so 12.345.000.000 đồng shows as
12,35 tỷ and not 12,344999.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

# unit -> (divisor in đồng, label)
MONEY_UNITS: dict[str, tuple[int, str]] = {
    "dong": (1, "đồng"),
    "trieu": (10**6, "triệu đồng"),
    "ty": (10**9, "tỷ đồng"),
}

# targets.unit -> how it reads after a number
TARGET_UNIT_LABELS: dict[str, str] = {
    "%": "%",
    "%/year": "%/năm",
    "households": " hộ",
    "people": " người",
    "people/year": " người/năm",
    "per_10000_people": "/10.000 dân",
    "models": " mô hình",
    "communes": " xã",
    "districts": " huyện",
    "times": " lần",
    "points": " điểm %",
}

COMPARATOR_SIGNS: dict[str, str] = {"eq": "", "ge": "≥ ", "gt": "> ", "le": "≤ ", "lt": "< ", "range": ""}


def group_int(n: int) -> str:
    """12345000000 -> '12.345.000.000'."""
    sign = "-" if n < 0 else ""
    return sign + f"{abs(int(n)):,}".replace(",", ".")


def decimal(value: float | int | Decimal, places: int = 2, fixed: bool = False) -> str:
    """62.5 -> '62,5'; 1234.5 -> '1.234,5'; at most `places` decimals, trailing zeros dropped
    unless `fixed` (a column of figures lines up on the comma)."""
    d = Decimal(str(value)) if not isinstance(value, Decimal) else value
    q = (
        d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        if places > 0
        else d.quantize(Decimal(1), rounding=ROUND_HALF_UP)
    )
    sign = "-" if q < 0 else ""
    q = abs(q)
    whole = int(q)
    frac = q - whole
    text = group_int(whole)
    if places > 0 and (frac or fixed):
        digits = f"{frac:.{places}f}".split(".")[1]
        digits = digits if fixed else digits.rstrip("0")
        if digits:
            text += "," + digits
    return sign + text


# decimals shown in a table column per unit: tỷ to the ten million, triệu to the million
TABLE_PLACES = {"dong": 0, "trieu": 0, "ty": 2}


def money(vnd: int, unit: str = "ty", places: int = 3) -> str:
    """Whole đồng in the given unit without the unit word: money(62500000000, 'ty') -> '62,5'."""
    divisor, _ = MONEY_UNITS[unit]
    return decimal(Decimal(int(vnd)) / Decimal(divisor), places if divisor > 1 else 0)


def money_column(vnd: int, unit: str) -> str:
    """money() at the unit's fixed decimals, for figures that line up in a column: '62,50', '28,59'."""
    divisor, _ = MONEY_UNITS[unit]
    return decimal(Decimal(int(vnd)) / Decimal(divisor), TABLE_PLACES[unit], fixed=True)


def money_with_unit(vnd: int, unit: str = "ty", places: int = 3) -> str:
    """money() followed by a short unit word: '62,5 tỷ', '2.589 triệu', '1.000 đồng'."""
    label = MONEY_UNITS[unit][1]
    return f"{money(vnd, unit, places)} {label.replace(' đồng', '') if unit != 'dong' else label}"


def pick_money_unit(values: list[int | None]) -> str:
    """tỷ when the largest figure reaches 10 tỷ, else triệu: short columns without losing the small ones."""
    present = [abs(int(v)) for v in values if v is not None]
    if not present:
        return "trieu"
    return "ty" if max(present) >= 10 * 10**9 else "trieu"


def percent(fraction: float, places: int = 1) -> str:
    """0.461 -> '46,1%'."""
    return decimal(round(fraction * 100, places + 2), places, fixed=True) + "%"


def target(value: float | None, value_high: float | None, unit: str | None, comparator: str | None) -> str:
    """A goal as it reads: '≥ 1,5%/năm', '2–2,5%/năm', '338 người'."""
    if value is None:
        return ""
    text = decimal(value, 2)
    if value_high is not None:
        text += "–" + decimal(value_high, 2)
    sign = COMPARATOR_SIGNS.get(comparator or "eq", "")
    label = TARGET_UNIT_LABELS.get(unit or "", f" {unit}" if unit else "")
    return f"{sign}{text}{label}"
