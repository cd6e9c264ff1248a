"""One unit seen across years: its params of several years are linked, earlier years run first, and each report
shows the results of the years before it."""
from __future__ import annotations

import shutil

import pytest
import yaml

from perfeval.core.params import load_params
from perfeval.outputs.batch import OK, run_batch
from perfeval.result import UnitResult

from conftest import LIUYANG, YUNXI

pytestmark = pytest.mark.slow  # runs batches over several years


def history_section(page: str) -> str:
    """The 历年比较 section of an exported report: from its heading to the next section's (not the contents' entry)."""
    return page.split("、历年比较</h2>")[1].split("<h2")[0]


def test_a_units_reports_of_several_years_show_the_earlier_ones(tmp_path):
    units = tmp_path / "units"
    units.mkdir()
    shutil.copy(YUNXI, units / YUNXI.name)
    earlier = yaml.safe_load(YUNXI.read_text(encoding="utf-8"))
    earlier["unit"].update(id="yunxi_district_2022", year=2022)
    next(r for r in earlier["indicators"] if r.get("id") == "vehicle_platform_cost")["actual"]["value"] = 140
    (units / "yunxi_district_2022.yaml").write_text(yaml.safe_dump(earlier, allow_unicode=True), encoding="utf-8")
    shutil.copy(LIUYANG, units / LIUYANG.name)  # another unit: its report compares nothing
    out = tmp_path / "out"
    outcome = run_batch([str(units)], outputs=out, progress=False, workers=2)
    assert {r.unit_id: r.status for r in outcome.results} == dict.fromkeys(
        ["liuyang_2020", "yunxi_district_2022", "yunxi_district_2023"], OK)
    assert load_params(units / "yunxi_district_2022.yaml").unit.series_key == "预算编码 132001"
    later = (out / "units/yunxi_district_2023/yunxi_district_2023.html").read_text(encoding="utf-8")
    first = (out / "units/yunxi_district_2022/yunxi_district_2022.html").read_text(encoding="utf-8")
    both = UnitResult.read(out / "units/yunxi_district_2022/yunxi_district_2022.json")
    assert both.total_on_100 == 97.61  # 公车平台 140 within its 150: 3 points, 0.65 more than 2023's 2.35
    section = history_section(later)
    assert "2022" in section and "97.61" in section and "96.96" in section
    assert "没有本单位其他年度的评价结果" in history_section(first)
    assert "没有本单位其他年度的评价结果" in history_section(
        (out / "units/liuyang_2020/liuyang_2020.html").read_text(encoding="utf-8"))
