"""`kehoach compare targets` never puts a rate of everyone beside a rate of a poor class.

Two small plans are written out, ingested and compared through the CLI: one states a goal for
the whole population ("bảo hiểm y tế so với dân số đạt 95%", "lao động qua đào tạo đạt 72%. Trong
đó, có bằng cấp, chứng chỉ đạt 40%"), the other the same indicators for a poor class ("100% người
thuộc hộ nghèo, hộ cận nghèo …", "người lao động thuộc hộ nghèo … qua đào tạo đạt 70%, trong đó có
bằng cấp chứng chỉ đạt 34,75%": the part is of the same workers). SPEC "population (targets)": two
targets with the same indicator and different populations are not compared, so each lands in
its own column, labelled indicator[population], in the table, JSON and CSV alike.
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from extract.cli.main import main

HEAD = """ỦY BAN NHÂN DÂN
HUYỆN {name_upper}
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: {number}/KH-UBND
{name}, ngày 10 tháng 3 năm 2022

KẾ HOẠCH
Thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025 trên địa bàn huyện

I. MỤC TIÊU
1. Mục tiêu chung
Giảm nghèo đa chiều, bao trùm, bền vững.
2. Mục tiêu cụ thể
"""
EVERYONE = (
    "- Duy trì mức giảm tỷ lệ hộ nghèo bình quân 1,5%/năm.\n"
    "- Phấn đấu tỷ lệ tham gia bảo hiểm y tế so với dân số đạt 95%.\n"
    "- Tỷ lệ lao động qua đào tạo đạt 72%. Trong đó, có bằng cấp, chứng chỉ đạt 40%.\n"
)
POOR = (
    "- Duy trì mức giảm tỷ lệ hộ nghèo bình quân 2%/năm.\n"
    "- Chiều thiếu hụt về y tế: 100% người thuộc hộ nghèo, hộ cận nghèo được hỗ trợ tham gia bảo hiểm y tế.\n"
    "- Tỷ lệ người lao động thuộc hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo qua đào tạo đạt 70%, trong đó có bằng "
    "cấp chứng chỉ đạt 34,75%.\n"
)


def run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def two_plans(tmp_path_factory):
    """A database of two district plans: everyone.txt (goals for the whole population) and
    poor.txt (the same indicators for poor and near-poor people and their workers)."""
    folder = tmp_path_factory.mktemp("plans")
    (folder / "everyone.txt").write_text(
        HEAD.format(name="Mường La", name_upper="MƯỜNG LA", number=12) + EVERYONE, encoding="utf-8"
    )
    (folder / "poor.txt").write_text(HEAD.format(name="Ba Tơ", name_upper="BA TƠ", number=34) + POOR, encoding="utf-8")
    db = tmp_path_factory.mktemp("db") / "k.duckdb"
    run("ingest", folder, "--db", db, "--jobs", 1)
    return db


def _by_file(rows: list[dict]) -> dict[str, dict]:
    return {r["file_name"]: r for r in rows}


@pytest.mark.parametrize(
    "indicator, population, everyone, poor",
    [
        ("health_insurance_coverage", "poor_near_poor", 95.0, 100.0),
        ("trained_labour_rate", "workers_of_poor_households", 72.0, 70.0),
        ("trained_labour_certified_rate", "workers_of_poor_households", 40.0, 34.75),
    ],
)
def test_matrix_keeps_everyone_and_the_poor_class_apart(two_plans, indicator, population, everyone, poor):
    labelled = f"{indicator}[{population}]"
    rows = _by_file(json.loads(run("compare", "targets", "--top", 50, "--format", "json", "--db", two_plans)))
    assert (rows["everyone.txt"][indicator], rows["everyone.txt"][labelled]) == (everyone, None)
    assert (rows["poor.txt"][indicator], rows["poor.txt"][labelled]) == (None, poor)
    table = list(
        csv.DictReader(io.StringIO(run("compare", "targets", "--top", 50, "--format", "csv", "--db", two_plans)))
    )
    assert labelled in table[0] and f"{labelled}_unit" in table[0]
    by_file = {r["file_name"]: r for r in table}
    assert float(by_file["everyone.txt"][indicator]) == everyone and by_file["everyone.txt"][labelled] == ""
    assert float(by_file["poor.txt"][labelled]) == poor and by_file["poor.txt"][indicator] == ""
    header = run("compare", "targets", "--top", 50, "--db", two_plans).splitlines()[0].split()
    assert indicator in header and labelled in header


@pytest.mark.parametrize(
    "indicator, population, everyone, poor",
    [
        ("health_insurance_coverage", "poor_near_poor", 95.0, 100.0),
        ("trained_labour_rate", "workers_of_poor_households", 72.0, 70.0),
        ("trained_labour_certified_rate", "workers_of_poor_households", 40.0, 34.75),
    ],
)
def test_one_indicator_shows_everyone_and_names_the_poor_class(two_plans, indicator, population, everyone, poor):
    rows = _by_file(
        json.loads(run("compare", "targets", "--indicator", indicator, "--format", "json", "--db", two_plans))
    )
    assert (rows["everyone.txt"]["value"], rows["everyone.txt"]["population"]) == (everyone, None)
    assert rows["poor.txt"]["value"] is None
    assert population in run("compare", "targets", "--indicator", indicator, "--db", two_plans)
    sub = _by_file(
        json.loads(
            run(
                "compare",
                "targets",
                "--indicator",
                indicator,
                "--population",
                population,
                "--format",
                "json",
                "--db",
                two_plans,
            )
        )
    )
    assert (sub["poor.txt"]["value"], sub["poor.txt"]["population"]) == (poor, population)
    assert sub["everyone.txt"]["value"] is None


def test_regression_health_insurance_whole_population_not_mixed_with_poor(two_plans):
    """95% of the whole population and 100% of poor and near-poor people sat in one column."""
    rows = _by_file(json.loads(run("compare", "targets", "--top", 50, "--format", "json", "--db", two_plans)))
    column = [r.get("health_insurance_coverage") for r in rows.values()]
    assert sorted(column, key=lambda v: v is None) == [95.0, None]
    assert rows["poor.txt"]["health_insurance_coverage[poor_near_poor]"] == 100.0


def test_regression_trained_labour_all_workers_not_mixed_with_workers_of_poor_households(two_plans):
    """72% of all workers trained and 70% of workers of poor households sat in one column."""
    rows = _by_file(json.loads(run("compare", "targets", "--top", 50, "--format", "json", "--db", two_plans)))
    column = [r.get("trained_labour_rate") for r in rows.values()]
    assert sorted(column, key=lambda v: v is None) == [72.0, None]
    assert rows["poor.txt"]["trained_labour_rate[workers_of_poor_households]"] == 70.0


def test_the_poverty_rate_of_both_plans_shares_one_column(two_plans):
    """The poverty rate counts poor households itself: no population, one column for both."""
    rows = _by_file(json.loads(run("compare", "targets", "--top", 50, "--format", "json", "--db", two_plans)))
    assert (rows["everyone.txt"]["poverty_rate_reduction"], rows["poor.txt"]["poverty_rate_reduction"]) == (1.5, 2.0)
    assert not any(k.startswith("poverty_rate_reduction[") for k in rows["poor.txt"])
