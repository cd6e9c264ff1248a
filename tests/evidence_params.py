"""Params using the open-evidence sections, written from the seeds (issue 15): for the Excel tests.

Changsha's 附件2-4 and Liuyang's prose state the figures used here; staff composition, assets, 楼堂馆所 and a
plain ratio are stated by none of the seeds, so they carry values marked 示例 in their source. Each builder
alters a sample unit's parsed params in place.
"""
from __future__ import annotations

from conftest import CHANGSHA, LIUYANG

# 附件2-4 公共项目资金绩效自评评分汇总表 of seed 001, in its order: (项目名称, 自评分数).
CHANGSHA_PROJECTS = [
    ("机关事务中心所辖院落物业管理费", 95), ("机关事务中心所辖院落水电气能耗费用", 99),
    ("市民服务中心片区合同能源管理服务费", 96), ("县委、县政府机关大院园林绿化维护费", 98),
    ("县委县政府机关大院中央空调改造", 98), ("县委、县政府节假日大型活动及园林苗木花卉置换费用", 97),
    ("县委、县政府及县直机关院落财产保险", 99), ("垃圾分类专项工作经费", 96.5), ("机关事务中心宣传培训信息化经费", 97),
    ("平台管理公务用车运行经费", 95.8), ("事务中心管理机关院落安全生产消防器材、消防设备费用", 97),
    ("市民服务中心片区智能化后期维护保养相关事宜", 91), ("2022年党政机关办公院落日常维修维护", 96),
    ("2022年已完工需支付尾款项目", 95), ("长沙县人武部安沙训练场改扩建工程", 90), ("长沙县人武部“四个秩序”规范建设项目", 95),
]


def changsha_evidence(d: dict) -> None:
    """附件2-4's projects; the 三公 budget's change on the prior year as the unit states it (149.58%); the analyst's
    verification of one checklist item (who saw what, when: the analyst's record, not the report's)."""
    d["projects"] = [{"name": n, "score": s, "source": "附件2-4"} for n, s in CHANGSHA_PROJECTS]
    d["claims"]["ratios"].append({"label": "“三公”经费预算较上年增长", "numerator": "lines.sangong.budget",
                                  "denominator": "lines.sangong.prev_budget", "kind": "change", "value": 149.58,
                                  "source": "附件1-3 三(2)2"})
    d["judgements"]["fund_compliance"]["no_diversion"] = {
        "cases": 0, "source": "附件1-3 三(2)2(4)",
        "verified": {"document": "2022年度部门决算报表及记账凭证", "date": "2023-05-10", "by": "评价组 张某"}}


def liuyang_evidence(d: dict) -> None:
    """五(二)'s figures the catalogue lacks, as written (2500余次, 25万余元, 近30万元); 二(二)1's shares; 五(二)'s
    会务 792场次 with its 其中 items; the 100% 满意率 that covers the repair service only."""
    source = "五(二)"
    d["stated"] = [
        {"id": "repair_calls", "label": "维修电话", "value": 2500, "unit": "次", "qualifier": "余", "year": 2020,
         "source": source + " 全年共接到维修电话2500余次"},
        {"id": "repair_disposal_rate", "label": "维修项目处置率", "value": 100, "unit": "%",
         "source": source + " 维修项目处置率达100%"},
        {"id": "app_test_participants", "label": "参与测试干部职工", "value": 8210, "unit": "人次",
         "source": source + " 参与测试干部职工8210人次"},
        {"id": "vehicle_maintenance", "label": "车辆维修保养", "value": 703, "unit": "次", "source": source},
        {"id": "vehicle_repair_cost", "label": "维修费用", "value": 250000, "unit": "元", "qualifier": "over",
         "source": source + " 维修费用为25万余元"},
        {"id": "vehicle_saving", "label": "同比去年节约", "value": 30, "unit": "万元", "qualifier": "约",
         "source": source + " 同比去年节约近30万元"},
        {"id": "meetings_important", "label": "重要会议", "value": 150, "unit": "场次", "source": source},
        {"id": "meetings_large", "label": "大型会议", "value": 100, "unit": "场次", "source": source},
        {"id": "meetings_tv", "label": "电视电话会议", "value": 136, "unit": "场次", "source": source},
        {"id": "fire_equipment", "label": "更换消防设施设备", "value": 130, "unit": "套", "qualifier": "余",
         "source": source + " 更换消防设施设备130余套"},
        {"id": "fiscal_project_spending", "label": "财政拨款项目支出", "value": 3402.17, "unit": "万元",
         "source": "二(二)1"},
        {"id": "other_project_spending", "label": "其他支出", "value": 2.51, "unit": "万元", "source": "二(二)1"},
    ]
    d["claims"]["ratios"] = [
        {"label": "财政拨款项目支出占项目支出", "numerator": "fiscal_project_spending",
         "denominator": "lines.project.final", "value": 99.93, "source": "二(二)1 占99.93%"},
        {"label": "其他支出占项目支出", "numerator": "other_project_spending", "denominator": "lines.project.final",
         "value": 0.07, "source": "二(二)1 占0.07%"},
    ]
    d["claims"]["identities"] = [
        {"label": "会务及其中各类会议", "whole": "activity.meetings", "relation": ">=",
         "parts": ["meetings_important", "meetings_large", "meetings_tv"], "source": source + " 其中"},
        {"label": "项目支出按资金来源", "whole": "lines.project.final",
         "parts": ["fiscal_project_spending", "other_project_spending"], "source": "二(二)1"},
    ]
    d["claims"]["statements"] = [
        {"figure": "lines.project.final", "value": 3404.68, "source": "二(二) 项目支出总资金"},
        {"figure": "activity.vehicle_km", "value": 146, "unit": "万公里", "source": source + " 行程146万公里"},
        {"figure": "lines.basic.final", "value": 347.79, "source": "五(一) 基本支出347.79万元"},
    ]
    d["figures"]["survey"] = {"satisfaction": {"value": 100, "scope": "维修服务（相关服务工作满意率）", "covers": False,
                                               "source": source + " 相关服务工作满意率保持在100%"}}


def example_sections(d: dict) -> None:
    """Staff composition, assets, 楼堂馆所 and a plain ratio: none of the seeds states them (示例, for the layout)."""
    example = "示例（非报告所载）"
    d["figures"]["staff"] = {
        "authorized": {"value": 51}, "on_duty": {"value": 47, "source": example},
        "total": {"value": 60, "basis": "verified", "source": example},
        "on_duty_civil": {"value": 40}, "on_duty_institution": {"value": 7},
        "retired": {"value": 12, "scope": "含内退"}, "survivors": {"value": 1},
        "contract_approved": {"value": 10}, "contract_actual": {"value": 9}}
    d["figures"]["assets"] = {"total": {"value": 2.1, "unit": "亿元", "source": example},
                              "total_prev": {"value": 22050.5}, "fixed_added": {"value": 135.2, "qualifier": "约"}}
    d["figures"]["buildings"] = {"approved_area": {"value": 1200, "unit": "㎡"}, "actual_area": {"value": 1180},
                                 "approved_investment": {"value": 860}, "actual_investment": {"value": 845.3}}
    # 附件1-2's 规模控制率 has a cell of its own and is read first: first here too, so the findings keep their order
    d["claims"]["ratios"] = [
        {"label": "规模控制率", "numerator": "buildings.actual_area", "denominator": "buildings.approved_area",
         "value": 98.33, "source": example}, *d["claims"]["ratios"],
        {"label": "人均资产", "numerator": "assets.total", "denominator": "staff.total", "kind": "ratio",
         "value": 350, "qualifier": "约", "source": example}]
    d["claims"]["identities"] = [{"label": "实有人数", "whole": "staff.total",
                                  "parts": ["staff.on_duty", "staff.retired", "staff.survivors"]},
                                 {"whole": "staff.on_duty",
                                  "parts": ["staff.on_duty_civil", "staff.on_duty_institution"]}]
    d["claims"]["statements"] = [{"figure": "staff.total", "value": 60, "qualifier": "余", "source": example}]


UNITS = [("changsha_projects", CHANGSHA, changsha_evidence), ("liuyang_stated", LIUYANG, liuyang_evidence),
         ("example_sections", CHANGSHA, example_sections)]
