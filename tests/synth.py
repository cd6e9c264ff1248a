"""Synthetic but plausible units of both frameworks, reproducible from a seed (for benchmarks and tests).

Figures fall in the ranges the seed documents show for 机关事务服务中心; a share of units carry the
inconsistencies the audit checks look for (a wrong stated rate, an overspent line, generous claims).
"""
from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from perfeval.fileio import dump_yaml, write_atomic

REGIONS = ["长沙县", "浏阳市", "宁乡市", "望城区", "云溪区", "岳阳楼区", "君山区", "汨罗市", "平江县", "湘阴县"]

B_ROWS: dict[str, list[tuple[str, str, str, float | None, str]]] = {
    # level2 -> (name, kind, unit, typical target, qualitative phrase)
    "数量指标": [("主题党日活动", "count", "次", 12, ""), ("承担会务管理", "count", "场", 800, ""),
             ("垃圾分类宣传活动", "count", "次", 3, ""), ("资产拍卖处置", "count", "次", 2, "")],
    "质量指标": [("党建工作", "text", "", None, "高质量完成"), ("财务核算", "text", "", None, "精细完成"),
             ("公务用车管理", "text", "", None, "网上实时监管")],
    "时效指标": [("上级任务限时完成", "pct", "%", 100, ""), ("巡查问题整改", "text", "", None, "立行立改")],
    "成本指标": [("公车平台", "cost", "万元", 150, ""), ("机关物业管理", "cost", "万元", 190, ""),
             ("机关水电费", "cost", "万元", 130, ""), ("后勤建设及营运（食堂）", "cost", "万元", 100, "")],
    "社会效益": [("营造良好工作氛围", "text", "", None, "有效提升"), ("采购扶贫农副产品", "text", "", None, "完成份额")],
    "经济效益": [("非税收入:经营性门店租金", "count", "万元", 360, "")],
    "生态效益": [("公共机构能耗数据", "count", "家单位", 100, ""), ("节约型机关创建", "count", "家", 30, "")],
}
B_LEVEL1 = {"数量指标": "产出指标", "质量指标": "产出指标", "时效指标": "产出指标", "成本指标": "产出指标",
            "社会效益": "效益指标", "经济效益": "效益指标", "生态效益": "效益指标"}


def _money(rng: random.Random, lo: float, hi: float) -> float:
    return round(rng.uniform(lo, hi), 2)


def _split(rng: random.Random, total: float, n: int) -> list[float]:
    cuts = sorted(rng.random() for _ in range(n - 1))
    shares = [b - a for a, b in zip([0.0] + cuts, cuts + [1.0])]
    parts = [round(total * s, 2) for s in shares]
    parts[-1] = round(total - sum(parts[:-1]), 2)
    return parts


def _fig(value: float, source: str) -> dict[str, Any]:
    return {"value": value, "source": source}


def unit_a(rng: random.Random, index: int, flawed: bool) -> dict[str, Any]:
    """A framework-A unit with a full base data table, budget, progress, judgements and stated rates."""
    authorized = rng.randint(15, 120)
    on_duty = max(1, round(authorized * rng.uniform(0.8, 1.06)))
    prev_sg = _money(rng, 5, 800)
    sg_budget = round(prev_sg * rng.uniform(0.7, 1.3), 2)
    sg_final = round(sg_budget * rng.uniform(0.3, 1.08), 2)
    vehicle, reception = _split(rng, sg_final, 2)
    start = _money(rng, 500, 20000)
    reductions = round(start * rng.uniform(0, 0.25), 2)
    executed = round((start - reductions) * rng.uniform(0.85, 1.0), 2)
    proc_budget = _money(rng, 50, 2000)
    proc_final = round(proc_budget * rng.uniform(0.6, 1.9), 2)
    public_budget = _money(rng, 50, 400)
    public_final = round(public_budget * rng.uniform(0.8, 1.1), 2)
    personnel = _money(rng, 300, 3000)
    items = _split(rng, executed * (1 if not flawed else rng.uniform(0.85, 0.97)), 3)
    year = rng.choice([2021, 2022, 2023])
    stated_staff = round(on_duty / authorized * 100) + (3 if flawed and rng.random() < 0.5 else 0)
    src = "合成数据"
    return {
        "unit": {"id": f"synth_a_{index:04d}", "name": f"{rng.choice(REGIONS)}机关事务中心（合成{index}）",
                 "region": "合成", "year": year, "budget_code": f"{rng.randint(100000, 999999)}",
                 "framework": "dept_overall_a", "kind": "机关事务服务中心"},
        "figures": {
            "staff": {"authorized": authorized, "on_duty": on_duty, "contract_approved": 10,
                      "contract_actual": rng.choice([8, 10, 12])},
            "budget": {"start_of_year": start, "additions": 0, "reductions": reductions,
                       "adjusted": round(start - reductions, 2), "executed": executed,
                       "adjustment_total": reductions, "exempt_adjustment": 0, "carryover": rng.choice([0, 0, 12.5])},
            "progress": {"q1": round(rng.uniform(10, 30), 1), "q2": round(rng.uniform(40, 60), 1),
                         "q3": round(rng.uniform(70, 90), 1)},
            "outputs": {"planned": 40, "done": rng.randint(34, 40), "done_on_time": rng.randint(30, 40),
                        "quality_met": rng.randint(34, 40), "key_assigned": 10, "key_done": rng.randint(8, 10)},
            "survey": {"satisfaction": round(rng.uniform(85, 100), 1), "target": 95},
            "lines": {
                "sangong": {"prev_budget": prev_sg, "budget": sg_budget, "final": sg_final},
                "sangong_vehicle": {"final": vehicle}, "sangong_abroad": {"final": 0},
                "sangong_reception": {"final": reception},
                "project": {"budget": start, "final": executed},
                "public": {"budget": public_budget, "final": public_final},
                "personnel": {"final": personnel},
                "basic": {"final": round(personnel + public_final + (50 if flawed else 0), 2)},
                "procurement": {"budget": proc_budget, "final": proc_final},
            },
            "project_items": [{"name": n, "amount": _fig(v, src)} for n, v in
                              zip(["物业管理", "水电能耗", "维修维护"], items)],
        },
        "judgements": {
            "goal_reasonableness": {k: True for k in ("laws", "duties", "plan", "project_targets")},
            "fund_compliance": {"regulations": rng.choice([0, 0, 1]), "approvals": 0, "collective_decision": 0,
                                "approved_use": 0, "no_diversion": 0, "no_false_claims": 0},
            "management_systems": {"internal_control": True, "systems_complete": True, "systems_executed": 0},
            "information_disclosure": {"disclosure": True, "data_quality": True},
            "fixed_assets": {"coded_ledger": True, "change_approval": True},
        },
        "interpretations": {"blank_weight": "equal_share"},
        "claims": {
            "total": float(rng.choice([92, 94, 95, 96, 98])),
            "rates": [{"measure": "staffing_control.on_duty_rate", "value": stated_staff, "source": src}],
        },
    }


def unit_b(rng: random.Random, index: int, flawed: bool) -> dict[str, Any]:
    """A framework-B unit (绩效自评表): budget execution plus personalised rows with generous claims."""
    start = _money(rng, 300, 3000)
    adjusted = round(start * rng.uniform(1.0, 2.5), 2)
    executed = round(adjusted * rng.uniform(0.9, 1.0), 2)
    rows = []
    weights = {"数量指标": 3, "质量指标": 4, "时效指标": 5, "成本指标": 3, "社会效益": 5, "经济效益": 5, "生态效益": 5}
    for level2, options in B_ROWS.items():
        for name, kind, unit, target, phrase in options:
            w = weights[level2]
            row: dict[str, Any] = {"level1": B_LEVEL1[level2], "level2": level2, "name": name, "weight": w,
                                   "claimed_score": w}
            if kind == "text":
                actual = phrase if rng.random() > 0.2 else "基本实现"
                row.update(target={"text": phrase}, actual={"text": actual})
            elif kind == "cost":
                row.update(target={"value": target, "unit": unit},
                           actual={"value": round(target * rng.uniform(0.6, 1.3), 2), "unit": unit})
            else:
                row.update(target={"op": ">=", "value": target, "unit": unit},
                           actual={"value": round(target * rng.uniform(0.85, 1.1), 2), "unit": unit})
            rows.append(row)
    rows.append({"level1": "满意度指标", "level2": "服务对象满意度", "name": "服务对象满意度", "weight": 10,
                 "target": {"op": ">=", "value": 95, "unit": "%"},
                 "actual": {"value": round(rng.uniform(88, 100), 1), "unit": "%"}, "claimed_score": 10})
    out_total = sum(r["weight"] for r in rows if r["level1"] == "产出指标")
    ben_total = sum(r["weight"] for r in rows if r["level1"] == "效益指标")
    if not flawed:  # make the unit's own weights add up to the headers
        for r in rows:
            if r["level1"] == "产出指标":
                r["weight"] = r["claimed_score"] = round(r["weight"] * 50 / out_total, 4)
            elif r["level1"] == "效益指标":
                r["weight"] = r["claimed_score"] = round(r["weight"] * 30 / ben_total, 4)
    return {
        "unit": {"id": f"synth_b_{index:04d}", "name": f"{rng.choice(REGIONS)}机关事务服务中心（合成{index}）",
                 "region": "合成", "year": rng.choice([2022, 2023]), "budget_code": f"{rng.randint(100000, 999999)}",
                 "framework": "self_assessment_b", "kind": "机关事务服务中心"},
        "figures": {"budget": {"start_of_year": start, "adjusted": adjusted, "executed": executed}},
        "indicators": rows,
        "claims": {"total": float(rng.choice([94, 95, 96, 97, 98])), "grade": "优"},
    }


def generate(n: int, seed: int = 0, flawed_share: float = 0.3) -> list[dict[str, Any]]:
    """n params mappings alternating frameworks A and B, the same for the same seed."""
    rng = random.Random(seed)
    return [(unit_a if i % 2 == 0 else unit_b)(rng, i, rng.random() < flawed_share) for i in range(n)]


def write_units(folder: str | Path, n: int, seed: int = 0) -> list[Path]:
    """Write n synthetic params files into folder; returns their paths."""
    folder = Path(folder)
    paths = []
    for data in generate(n, seed):
        paths.append(write_atomic(folder / f"{data['unit']['id']}.yaml", dump_yaml(data)))
    return paths
