"""The Excel layout as one table: which sheet and cell holds which params value; the writer and reader share it."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable

from openpyxl.utils import get_column_letter

from ...core.figures import COLUMNS, LINES, SCALARS, WAN, label_of, unit_of
from ...core.framework import Framework
from .cells import QUALIFIER_CHOICES
from .datapath import PathT, expand, get_in, selector_position


@dataclass(frozen=True)
class Field:
    """One cell holding one params value."""

    sheet: str
    cell: str
    path: PathT
    kind: str
    label: str
    unit: str = ""
    required: bool = False
    alone: bool = True  # the record's only cell (a qualifier or unit is written into it, not beside it)


@dataclass(frozen=True)
class Label:
    """Fixed text the template writes; row labels and headers are checked on reading to catch moved rows."""

    sheet: str
    cell: str
    text: str
    checked: bool = True


@dataclass(frozen=True)
class Column:
    """One column of a table: a params path (relative to the list item, or with {key} parts), a key, or display."""

    header: str
    path: PathT | None = None
    kind: str = "text"
    unit: str = ""
    key: str | None = None
    required: bool = False
    fill_down: bool = False
    default: Any = None
    choices: tuple[str, ...] = ()
    width: float = 14
    parent: bool = False  # in a nested list table: the path is absolute and belongs to the parent item
    to_index: Callable[[dict[str, Any], Any, dict[Any, int]], int | None] | None = None  # key cell → parent position
    to_key: Callable[[dict[str, Any], int], Any] | None = None  # parent position → key cell (for writing)
    refers: str = ""  # what a key cell names, for the error when it names nothing
    alone: bool = True  # for a record kind: False when the record's unit and qualifier have columns of their own


@dataclass(frozen=True)
class Table:
    """Rows below a header row: items of the list at list_path, or entries keyed by the key columns.

    A list_path with one {key} part is a nested list (e.g. each indicator row's restatements): the key
    column's to_index finds the parent item a table row belongs to.
    """

    sheet: str
    header_row: int
    columns: tuple[Column, ...]
    list_path: PathT | None = None
    prelist: Callable[[Framework], list[dict[str, Any]]] | None = None  # rows the template lists ahead
    display: Callable[[Framework, dict[str, Any], dict[str, Any]], dict[str, Any]] | None = None  # read-only
    # cells of a row, from the framework, the row's item and the whole params data
    max_rows: int = 500

    @property
    def last_row(self) -> int:
        return self.header_row + self.max_rows

    @property
    def nest(self) -> tuple[int, Column] | None:
        """(position of the {key} part in list_path, its key column) for a nested list table."""
        for i, part in enumerate(self.list_path or ()):
            if isinstance(part, str) and part.startswith("{"):
                return i, next(c for c in self.columns if c.key == part[1:-1])
        return None


# Sheets in workbook order, with their titles.
(GUIDE, UNIT, BASE, STAFF, MORE, ITEMS, ITEM_LISTS, PROJECTS, STATED, SELF, ELSEWHERE, SCORES, SECTIONS, JUDGE, INTERP,
 RATES, RATIOS, STATEMENTS, IDENTITIES, EXTRA, CODES) = (
    "填写说明", "单位信息", "基础数据表", "人员与资产", "预算与产出", "项目支出明细", "其他明细", "项目自评", "自述数据",
    "绩效自评表", "指标另处表述", "指标评分", "一级指标自评", "评价判断", "口径选择", "单位所称比率", "单位所称比例",
    "另处表述", "数据关系", "其他参数", "代码表")
TITLES = {
    UNIT: "单位信息", BASE: "部门整体支出绩效自评基础数据表", STAFF: "人员构成与资产（基础数据表以外的人员、资产数据）",
    MORE: "预算执行、支付进度、产出、满意度与资金来源",
    ITEMS: "项目支出明细（万元）", ITEM_LISTS: "其他数据的明细（如 国有资本经营预算支出的其中各项，万元）",
    PROJECTS: "公共项目资金绩效自评评分汇总表（附件2-4）", STATED: "自述数据（报告所载、代码表未列的数据，各有编号）",
    SELF: "绩效自评表", ELSEWHERE: "绩效自评表指标在报告别处的表述",
    SCORES: "指标评分（单位自评得分与未评指标）", SECTIONS: "报告对各一级指标的自评（总分值、得分、得分率）",
    JUDGE: "评价判断（评分项逐项判断及其依据）", INTERP: "口径选择（框架未作规定之处）", RATES: "单位所称比率（指标口径）",
    RATIOS: "单位所称的其他比例（两项数据之比、变动率）", STATEMENTS: "同一数据的另处表述",
    IDENTITIES: "数据间关系（总数与其组成部分，由评价人员声明）",
    EXTRA: "其他参数（本模板未设专栏的参数，YAML 格式）", CODES: "代码表（比率口径与数据项编码）",
}
INPUT_SHEETS = (UNIT, BASE, STAFF, MORE, ITEMS, ITEM_LISTS, PROJECTS, STATED, SELF, ELSEWHERE, SCORES, SECTIONS, JUDGE,
                INTERP, RATES, RATIOS, STATEMENTS, IDENTITIES, EXTRA)
EXTRA_HEADERS = ("参数路径", "值（YAML）")
EXTRA_ROW = 3  # first row of 其他参数
EXTRA_MAX_ROWS = 200

CHOICES_BOOL = ("是", "否")
CHOICES_BASIS = ("自述", "核实")

# 单位信息: (Identity field, label, kind, required, hint)
IDENTITY = (
    ("id", "单位编码", "text", True, "小写字母、数字、_ 或 -，用作输出文件名，如 changsha_county_2022"),
    ("name", "单位名称", "text", True, "如 长沙县机关事务中心"),
    ("region", "所属地区", "text", True, "如 湖南省长沙市长沙县"),
    ("year", "评价年度", "year", True, "如 2022"),
    ("budget_code", "预算编码", "code", False, "按文本填写，保留前导0"),
    ("framework", "评价框架", "text", True,
     "dept_overall_a：部门整体支出绩效自评指标（附件1-1）；self_assessment_b：绩效自评表（附件3-1）"),
    ("kind", "单位类型", "text", False, "同类单位相互比较，如 机关事务服务中心"),
    ("document", "资料来源", "text", False, "自评报告等文件名"),
    ("series", "历年序列", "text", False, "同一单位各年资料的共同标识，用于历年比较；留空时按预算编码，无编码时按名称与地区"),
)
IDENTITY_ROW = 3

# 基础数据表 (附件1-2): the seed's row names, in its order, then the lines it does not list.
SEED_LINES = (
    ("sangong", "三公经费"),
    ("sangong_vehicle", "1、公务用车购置和维护经费"),
    ("sangong_vehicle_purchase", "其中：公车购置"),
    ("sangong_vehicle_operation", "公车运行维护"),
    ("sangong_abroad", "2、出国经费"),
    ("sangong_reception", "3、公务接待"),
    ("project", "项目支出"),
    ("project_business", "1、业务工作专项"),
    ("project_operation", "2、运行维护专项"),
    ("public", "公用经费"),
    ("public_office", "其中：办公经费"),
    ("public_utilities_travel", "水费、电费、差旅费"),
    ("public_meeting_training", "会议费、培训费"),
    ("procurement", "政府采购金额"),
)
ADJUSTMENT_LABEL = "部门整体支出预算调整"
ADJUSTMENT_PATH = "budget.adjustment_total"
GRID_COLUMNS = ("prev_final", "budget", "final", "prev_budget")  # the seed's three columns, then 上年预算数
STAFF_HEADER_ROW = 3
STAFF_RATE_MEASURE = "staffing_control.on_duty_rate"
STAFF_RATE_LABEL = "控制率（%）"
# 附件1-2's staffing block: what the framework's 人员控制率 uses. The rest of the staff is on 人员与资产.
BASE_STAFF = ("staff.authorized", "staff.on_duty", STAFF_RATE_MEASURE, "staff.contract_approved",
              "staff.contract_actual")
GRID_HEADER_ROW = 8
BASE_NOTE = ("说明：“项目支出”需要填报除公共专项资金和基本支出以外的所有项目情况，包括业务工作项目、运行维护项目等；"
             "“公用经费”填报基本支出中的一般商品和服务支出。金额单位：万元；不适用或未载明的留空（或填“——”）。")
# 附件1-2's 楼堂馆所控制情况 block: scale and investment, approved and actual, and the two control rates the unit
# states (a stated share of actual over approved).
BUILDINGS_LABEL = "楼堂馆所控制情况（本年完工项目）"
BUILDINGS = (
    ("buildings.approved_area", "批复规模（㎡）"),
    ("buildings.actual_area", "实际规模（㎡）"),
    ("?label=规模控制率&numerator=buildings.actual_area&denominator=buildings.approved_area", "规模控制率（%）"),
    ("buildings.approved_investment", "预算投资（万元）"),
    ("buildings.actual_investment", "实际投资（万元）"),
    ("?label=投资概算控制率&numerator=buildings.actual_investment&denominator=buildings.approved_investment",
     "投资概算控制率（%）"),
)

BUDGET_SCOPE = ("budget_scope", "预算口径（预算执行率按何种预算范围计算）")
MORE_ROW = 3
# Sheets with one row per catalogue figure: code, label, value, unit, where it is stated, and how far it can be trusted.
ROW_HEADERS = ("编码", "项目", "数值", "单位", "数据来源", "备注", "口径说明（范围小于名称时填写）",
               "可代表该指标（是/否）", "依据（自述/核实）")
ROW_WIDTHS = (26, 40, 14, 8, 40, 30, 30, 12, 12)


def _col(n: int) -> str:
    return get_column_letter(n)


def staff_keys() -> list[str]:
    """Staff figures outside 附件1-2's block (实有, 在职 by kind, 退休, 遗属 ...), in catalogue order."""
    return [k for k in SCALARS if k.startswith("staff.") and k not in BASE_STAFF]


def staff_sheet_keys() -> list[str]:
    """The rows of 人员与资产: the staff composition, then assets."""
    return staff_keys() + [k for k in SCALARS if k.startswith("assets.")]


def more_keys() -> list[str]:
    """Scalar figures no other sheet holds: budget, progress, outputs, satisfaction, activity, funds."""
    elsewhere = {*BASE_STAFF, *staff_sheet_keys(), *(k for k, _ in BUILDINGS), ADJUSTMENT_PATH}
    return [k for k in SCALARS if k not in elsewhere]


def extra_lines() -> list[str]:
    """Lines the seed's 附件1-2 does not list (总支出, 基本支出, 人员经费 ...), in catalogue order."""
    seed = {k for k, _ in SEED_LINES}
    return [k for k in LINES if k not in seed]


def _figure(path: str) -> PathT:
    return ("figures", *path.split("."))


def _figure_fields(sheet: str, path: str, value: str, source: str, note: str, label: str) -> list[Field]:
    """The three cells of one stated figure: its value (as written, in or convertible to the figure's unit),
    where it is stated, a note."""
    return [Field(sheet, value, _figure(path), "figure", label, unit_of(path)),
            Field(sheet, source, _figure(path) + ("source",), "text", f"{label}·来源"),
            Field(sheet, note, _figure(path) + ("note",), "text", f"{label}·备注")]


def _row_figure(sheet: str, r: int, key: str) -> tuple[list[Field], list[Label]]:
    """One row of a row-per-figure sheet (ROW_HEADERS): the figure, its source and note, scope, cover, basis."""
    label, unit = SCALARS[key]
    fields = _figure_fields(sheet, key, f"C{r}", f"E{r}", f"F{r}", label)
    fields += [Field(sheet, f"G{r}", _figure(key) + ("scope",), "text", f"{label}·口径说明"),
               Field(sheet, f"H{r}", _figure(key) + ("covers",), "bool", f"{label}·可代表该指标"),
               Field(sheet, f"I{r}", _figure(key) + ("basis",), "basis", f"{label}·依据")]
    return fields, [Label(sheet, f"A{r}", key), Label(sheet, f"B{r}", label), Label(sheet, f"D{r}", unit, False)]


def grid_rows() -> list[tuple[int, str, str]]:
    """(row, line key or ADJUSTMENT_PATH, label) of the base table's money grid."""
    rows = [(GRID_HEADER_ROW + 1 + i, key, label) for i, (key, label) in enumerate(SEED_LINES)]
    rows.append((rows[-1][0] + 1, ADJUSTMENT_PATH, ADJUSTMENT_LABEL))
    r = supplement_heading_row() + 1
    for key in extra_lines():
        rows.append((r, key, LINES[key].label))
        r += 1
    return rows


def adjustment_row() -> int:
    return GRID_HEADER_ROW + 1 + len(SEED_LINES)


def buildings_row() -> int:
    """The header row of the 楼堂馆所 block, after a blank row below 部门整体支出预算调整 (as in the seed)."""
    return adjustment_row() + 2


def supplement_heading_row() -> int:
    return buildings_row() + 5


def base_note_row() -> int:
    return grid_rows()[-1][0] + 2


def _block(sheet: str, h: int, heading: str, rows: tuple[str, ...], cells: list[tuple[str, str]],
           first_col: int = 2) -> tuple[list[Field], list[Label]]:
    """A horizontal block as 附件1-2 draws it: a header row of names, then value, source and note rows.

    cells: (figure path, or a claims.ratios selector for a stated control rate; header text).
    """
    labels = [Label(sheet, f"A{h}", heading)] + [Label(sheet, f"A{h + 1 + i}", t) for i, t in enumerate(rows)]
    fields: list[Field] = []
    for i, (key, header) in enumerate(cells):
        c = _col(first_col + i)
        labels.append(Label(sheet, f"{c}{h}", header))
        if key == STAFF_RATE_MEASURE:
            sel: PathT = ("claims", "rates", f"?measure={STAFF_RATE_MEASURE}")
        elif key.startswith("?"):
            sel = ("claims", "ratios", key)
        else:
            fields += _figure_fields(sheet, key, f"{c}{h + 1}", f"{c}{h + 2}", f"{c}{h + 3}", SCALARS[key][0])
            continue
        fields += [Field(sheet, f"{c}{h + 1}", sel, "statement", f"{header}（单位填报）", "%"),
                   Field(sheet, f"{c}{h + 2}", sel + ("source",), "text", f"{header}·来源")]
    return fields, labels


@lru_cache(maxsize=1)
def fields_and_labels() -> tuple[tuple[Field, ...], tuple[Label, ...]]:
    """Every single-cell value and every fixed label of the workbook."""
    fields: list[Field] = []
    labels: list[Label] = [Label(UNIT, "A2", "项目"), Label(UNIT, "B2", "内容"), Label(UNIT, "C2", "说明", False)]
    for i, (key, label, kind, required, hint) in enumerate(IDENTITY):
        r = IDENTITY_ROW + i
        labels += [Label(UNIT, f"A{r}", label), Label(UNIT, f"C{r}", hint, False)]
        fields.append(Field(UNIT, f"B{r}", ("unit", key), kind, label, required=required))

    # 基础数据表: the staffing block (horizontal, as in the seed), then the money grid, then 楼堂馆所.
    labels.append(Label(BASE, "A2", "填报单位：", False))
    staff = [(k, STAFF_RATE_LABEL if k == STAFF_RATE_MEASURE else SCALARS[k][0]) for k in BASE_STAFF]
    for block_fields, block_labels in (
            _block(BASE, STAFF_HEADER_ROW, "财政供养人员情况", ("人数", "数据来源", "备注"), staff),
            _block(BASE, buildings_row(), BUILDINGS_LABEL, ("数值", "数据来源", "备注"), list(BUILDINGS))):
        fields += block_fields
        labels += block_labels
    g = GRID_HEADER_ROW
    n = len(GRID_COLUMNS)
    labels += [Label(BASE, f"A{g}", "经费控制情况"), Label(BASE, f"{_col(2 + n)}{g - 1}", "数据来源（选填）", False),
               Label(BASE, f"{_col(2 + 2 * n)}{g - 1}", "备注（选填）", False)]
    for j, col in enumerate(GRID_COLUMNS):
        labels += [Label(BASE, f"{_col(2 + j)}{g}", COLUMNS[col]),
                   Label(BASE, f"{_col(2 + n + j)}{g}", f"{COLUMNS[col]}来源"),
                   Label(BASE, f"{_col(2 + 2 * n + j)}{g}", f"{COLUMNS[col]}备注")]
    labels.append(Label(BASE, f"A{supplement_heading_row()}", "补充数据（附件1-2 未列，按自评报告填写）", False))
    for r, key, label in grid_rows():
        labels.append(Label(BASE, f"A{r}", label))
        if key == ADJUSTMENT_PATH:
            j = GRID_COLUMNS.index("budget")
            fields += _figure_fields(BASE, key, f"{_col(2 + j)}{r}", f"{_col(2 + n + j)}{r}",
                                     f"{_col(2 + 2 * n + j)}{r}", label)
            labels += [Label(BASE, f"{_col(2 + k)}{r}", "——", False) for k in range(n) if k != j]
            continue
        for j, col in enumerate(GRID_COLUMNS):
            fields += _figure_fields(BASE, f"lines.{key}.{col}", f"{_col(2 + j)}{r}", f"{_col(2 + n + j)}{r}",
                                     f"{_col(2 + 2 * n + j)}{r}", f"{label}·{COLUMNS[col]}")
    labels.append(Label(BASE, f"A{base_note_row()}", BASE_NOTE, False))

    # 人员与资产 and 预算与产出: one row per scalar figure outside the base table.
    for sheet, keys, first in ((STAFF, staff_sheet_keys(), MORE_ROW), (MORE, more_keys(), MORE_ROW + 1)):
        labels += [Label(sheet, f"{_col(i + 1)}2", t) for i, t in enumerate(ROW_HEADERS)]
        for i, key in enumerate(keys):
            row_fields, row_labels = _row_figure(sheet, first + i, key)
            fields += row_fields
            labels += row_labels
    labels += [Label(MORE, f"A{MORE_ROW}", BUDGET_SCOPE[0]), Label(MORE, f"B{MORE_ROW}", BUDGET_SCOPE[1])]
    fields.append(Field(MORE, f"C{MORE_ROW}", ("figures", BUDGET_SCOPE[0]), "text", BUDGET_SCOPE[1]))

    labels += [Label(EXTRA, f"{c}2", t) for c, t in zip("AB", EXTRA_HEADERS)]

    # 指标评分: the unit's claimed total and grade above the per-indicator table.
    for r, (path, label, kind, unit) in enumerate((
            (("claims", "total"), "绩效自评综合得分", "number", "分"),
            (("claims", "total_source"), "综合得分出处", "text", ""),
            (("claims", "grade"), "自评等级（优/良/中/差）", "text", "")), start=2):
        labels.append(Label(SCORES, f"A{r}", label))
        fields.append(Field(SCORES, f"B{r}", path, kind, label, unit))
    return tuple(fields), tuple(labels)


# --- what the framework lists ahead in keyed tables -------------------------------------------------------------

def checklist_items(fw: Framework) -> list[dict[str, Any]]:
    """Every checklist item of every indicator: the rows of 评价判断."""
    return [{"ind": node.id, "item": item.id, "指标名称": node.name, "评分项": item.label, "分值": item.points}
            for node, item in fw.checklist_items()]


def scored_leaves(fw: Framework) -> list[dict[str, Any]]:
    """Indicators scored by a rule (not the unit's own rows): the rows of 指标评分."""
    return [{"id": n.id, "一级指标": a[0].name if a else n.name, "二级指标": a[-1].name if a else "",
             "三级指标": n.name, "分值": n.weight}
            for a, n in fw.leaves() if n.personalised is None]


def interpretation_rows(fw: Framework) -> list[dict[str, Any]]:
    """Every reading of the framework a unit may choose an option for (national defaults included)."""
    return [{"key": k, "问题": i.question, "可选项": "\n".join(f"{o}：{opt.text}" for o, opt in i.options.items()),
             "默认": i.default, "_choices": tuple(i.options)} for k, i in fw.readings_in_force().items()]


def measures(fw: Framework) -> dict[str, str]:
    """Measure code → name: what a stated rate can be compared with."""
    return fw.rate_measures()


def figure_paths() -> dict[str, tuple[str, str]]:
    """Figure path → (label, unit): what a second statement can be about."""
    out = {k: v for k, v in SCALARS.items()}
    for key in LINES:
        for col in COLUMNS:
            path = f"lines.{key}.{col}"
            out[path] = (label_of(path), WAN)
    return out


def _lookup(rows: Callable[[Framework], list[dict[str, Any]]],
            *keys: str) -> Callable[[Framework, dict[str, Any], dict[str, Any]], dict[str, Any]]:
    def display(fw: Framework, row: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
        return next((r for r in rows(fw) if all(r[k] == row.get(k) for k in keys)), {})
    return display


def _rate_display(fw: Framework, row: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    return {"名称": measures(fw).get(row.get("measure") or "", "")}


def _statement_display(fw: Framework, row: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """The figure a statement is about, with the unit it is kept in: a catalogue figure or a stated one."""
    ref = row.get("figure") or ""
    label, unit = figure_paths().get(ref, ("", ""))
    stated = next((s for s in data.get("stated") or [] if isinstance(s, dict) and s.get("id") == ref), None)
    if stated is not None:
        label, unit = str(stated.get("label") or ""), str(stated.get("unit") or "")
    return {"名称": f"{label}（{unit}）" if label and unit else label}


def _group_index(data: dict[str, Any], value: Any, seen: dict[Any, int]) -> int:
    """Rows with the same 清单序号 form one list, numbered in the order they first appear."""
    return seen.setdefault(value, len(seen))


def _row_index(data: dict[str, Any], value: Any, seen: dict[Any, int]) -> int | None:
    """The 绩效自评表 row with this 指标编号, else the one row with this 三级指标 name."""
    rows = data.get("indicators") or []
    by_id = [i for i, r in enumerate(rows) if r.get("id") == value]
    by_name = [i for i, r in enumerate(rows) if r.get("name") == value]
    return by_id[0] if by_id else (by_name[0] if len(by_name) == 1 else None)


def _row_key(data: dict[str, Any], index: int) -> Any:
    row = data["indicators"][index]
    return row.get("id") or row["name"]


STATED_NAME = "自述数据的编号"


def _basis_column(path: PathT) -> Column:
    return Column("依据（自述/核实）", path, "basis", default="self_reported", choices=CHOICES_BASIS, width=10)


def _qualifier_column() -> Column:
    return Column("限定词（以上/以下/余/约…）", ("qualifier",), "qualifier", choices=QUALIFIER_CHOICES, width=12)


_CASE = ("judgements", "{ind}", "{item}")

TABLES: tuple[Table, ...] = (
    Table(ITEMS, 2, (
        Column("序号", key="#", width=6),
        Column("项目名称", ("name",), required=True, width=36),
        Column("金额（万元）", ("amount",), "figure", WAN, required=True),
        Column("数据来源", ("amount", "source"), width=30),
        Column("备注", ("amount", "note"), width=30),
        Column("主要用途（报告原文）", ("uses",), width=40),
    ), list_path=("figures", "project_items")),
    Table(ITEM_LISTS, 2, (
        Column("清单序号", kind="count", key="list", required=True, to_index=_group_index,
               to_key=lambda data, i: i + 1, width=10),
        Column("所属数据项编码", ("figures", "item_lists", "{list}", "of"), required=True, parent=True, width=30),
        Column("名称", ("name",), required=True, width=36),
        Column("金额（万元）", ("amount",), "figure", WAN, required=True),
        Column("数据来源", ("amount", "source"), width=30),
        Column("备注", ("amount", "note"), width=30),
    ), list_path=("figures", "item_lists", "{list}", "items")),
    Table(PROJECTS, 2, (
        Column("序号", key="#", width=6),
        Column("项目名称", ("name",), required=True, width=44),
        Column("自评分数", ("score",), "number", "分", width=10),
        Column("自评等级（优/良/中/差）", ("grade",), choices=("优", "良", "中", "差"), width=12),
        Column("预算数（万元）", ("budget",), "figure", WAN, width=14),
        Column("执行数（万元）", ("executed",), "figure", WAN, width=14),
        Column("数据来源", ("source",), width=36),
    ), list_path=("projects",)),
    Table(STATED, 2, (
        Column("编号（小写字母、数字、_）", ("id",), required=True, width=22),
        Column("名称（按报告写法）", ("label",), required=True, width=30),
        Column("数值", (), "statement_unit", required=True, alone=False, width=14),
        Column("单位", ("unit",), width=10),
        _qualifier_column(),
        Column("年度", ("year",), "year", width=8),
        Column("出处（章节与原句）", ("source",), width=44),
        Column("口径说明（范围小于名称时填写）", ("scope",), width=26),
        _basis_column(("basis",)),
        Column("备注", ("note",), width=24),
    ), list_path=("stated",)),
    Table(SELF, 2, (
        Column("一级指标", ("level1",), required=True, fill_down=True),
        Column("二级指标", ("level2",), required=True, fill_down=True),
        Column("三级指标", ("name",), required=True, width=24),
        Column("年度指标", ("target",), "target", width=16),
        Column("实际完成值", ("actual",), "actual", width=16),
        Column("分值", ("weight",), "number", "分", required=True, width=8),
        Column("得分", ("claimed_score",), "number", "分", width=8),
        Column("偏差原因分析及改进措施", ("deviation_note",), width=30),
        Column("指标编号", ("id",), width=16),
        Column("完成情况（达成/部分达成/未达成）", ("achievement",), "achievement",
               choices=("达成", "部分达成", "未达成"), width=14),
        Column("是否适用（是/否）", ("applicable",), "bool", default=True, choices=CHOICES_BOOL, width=10),
        Column("数据来源", ("source",), width=20),
        _basis_column(("basis",)),
    ), list_path=("indicators",)),
    Table(ELSEWHERE, 2, (
        Column("指标（指标编号或三级指标）", key="row", required=True, to_index=_row_index, to_key=_row_key,
               refers="a row of 绩效自评表 (by its 指标编号, or a 三级指标 name used only once)", width=26),
        Column("所指栏目（实际完成值/年度指标）", ("field",), "restated", required=True,
               choices=("实际完成值", "年度指标"), width=16),
        Column("另处所载数值", (), "amount", required=True, alone=False),
        Column("单位", ("unit",), width=10),
        Column("数据来源", ("source",), width=40),
    ), list_path=("indicators", "{row}", "elsewhere")),
    Table(SCORES, 6, (
        Column("指标编号", key="id", required=True, width=22),
        Column("一级指标"), Column("二级指标"), Column("三级指标", width=24), Column("分值", width=8),
        Column("单位自评得分", ("claims", "scores", "{id}"), "number", "分", width=12),
        Column("未评原因（资料未载明时填写）", ("not_assessed", "{id}"), width=40),
    ), prelist=scored_leaves, display=_lookup(scored_leaves, "id")),
    Table(SECTIONS, 2, (
        Column("一级指标（按报告写法）", ("name",), required=True, width=26),
        Column("总分值", ("weight",), "number", "分", width=10),
        Column("评价得分", ("score",), "number", "分", width=10),
        Column("得分率（%）", ("rate",), "signed", "%", width=12),
        Column("数据来源", ("source",), width=40),
    ), list_path=("claims", "sections")),
    Table(JUDGE, 2, (
        Column("指标编号", key="ind", required=True, width=22),
        Column("指标名称", width=18),
        Column("评分项编号", key="item", required=True, width=20),
        Column("评分项", width=40),
        Column("分值", width=8),
        Column("是否符合（是/否）", _CASE + ("met",), "bool", choices=CHOICES_BOOL, width=10),
        Column("问题个数", _CASE + ("cases",), "count", "个", width=10),
        Column("计数", _CASE + ("count",), "count", "个", width=8),
        Column("判断分", _CASE + ("score",), "number", "分", width=8),
        Column("数据来源", _CASE + ("source",), width=30),
        Column("备注", _CASE + ("note",), width=30),
        _basis_column(_CASE + ("basis",)),
        Column("核实所见（文件、账簿、现场）", _CASE + ("verified", "document"), width=30),
        Column("核实日期", _CASE + ("verified", "date"), "date", width=12),
        Column("核实人", _CASE + ("verified", "by"), width=10),
    ), prelist=checklist_items, display=_lookup(checklist_items, "ind", "item")),
    Table(INTERP, 2, (
        Column("口径编号", key="key", required=True, width=26),
        Column("问题", width=50),
        Column("可选项", width=50),
        Column("默认", width=18),
        Column("本单位选择", ("interpretations", "{key}"), width=18),
    ), prelist=interpretation_rows, display=_lookup(interpretation_rows, "key")),
    Table(RATES, 2, (
        Column("比率口径编码", ("measure",), required=True, width=36),
        Column("名称", width=30),
        Column("单位所称数值（%）", (), "statement", "%", required=True, alone=False, width=16),
        _qualifier_column(),
        Column("数据来源", ("source",), width=40),
    ), list_path=("claims", "rates"), display=_rate_display),
    Table(RATIOS, 2, (
        Column("名称（按报告写法）", ("label",), required=True, width=30),
        Column(f"分子（数据项编码或{STATED_NAME}）", ("numerator",), required=True, width=30),
        Column(f"分母（数据项编码或{STATED_NAME}）", ("denominator",), required=True, width=30),
        Column("类型（占比/变动率/比值）", ("kind",), "ratio_kind", default="share", choices=("占比", "变动率", "比值", "按增加额", "按减少额", "百分点差"),
               width=12),
        Column("单位所称数值（占比、变动率以 % 计）", (), "statement", "%", required=True, alone=False, width=16),
        _qualifier_column(),
        Column("数据来源", ("source",), width=40),
    ), list_path=("claims", "ratios")),
    Table(STATEMENTS, 2, (
        Column(f"数据项编码或{STATED_NAME}", ("figure",), required=True, width=36),
        Column("名称（单位）", width=30),
        Column("另处所载数值", (), "statement_unit", required=True, alone=False, width=14),
        Column("单位（与原数据不同时填写）", ("unit",), width=12),
        _qualifier_column(),
        Column("另处所称名称（与原数据名称不同时填写，如“年中调减数”）", ("named",), width=24),
        Column("数据来源", ("source",), width=40),
    ), list_path=("claims", "statements"), display=_statement_display),
    Table(IDENTITIES, 2, (
        Column("名称", ("label",), width=26),
        Column(f"总数（数据项编码或{STATED_NAME}）", ("whole",), required=True, width=30),
        Column("关系（= 或 ≥）", ("relation",), "relation", default="=", choices=("=", "≥"), width=10),
        Column("各部分（编码用 + 连接，减去的项写 -）", ("parts",), "parts", required=True, width=56),
        Column("数据来源", ("source",), width=36),
    ), list_path=("claims", "identities")),
)


def key_columns(table: Table) -> list[tuple[str, Column]]:
    """The columns that identify a table's row, with their keys."""
    return [(c.key, c) for c in table.columns if c.key and c.key != "#"]


def _selected_positions(data: dict[str, Any], list_path: PathT) -> set[int]:
    """Items of a list that single-cell fields already show (e.g. the staffing rate in 基础数据表)."""
    out = set()
    for f in fields_and_labels()[0]:
        sp = selector_position(data, f.path)
        if sp and sp[0] == list_path:
            out.add(sp[1])
    return out


def _list_rows(table: Table, fw: Framework, data: dict[str, Any]) -> list[dict[str, Any]]:
    assert table.list_path is not None
    nest = table.nest
    key, to_key = (nest[1].key, nest[1].to_key) if nest is not None else (None, None)
    if nest is None:
        groups: list[tuple[dict[str, Any], PathT]] = [({}, table.list_path)]
    else:
        assert key is not None and to_key is not None  # a nesting column has both (TABLES)
        i = nest[0]
        parents = get_in(data, table.list_path[:i]) or []
        groups = [({key: p}, table.list_path[:i] + (p,) + table.list_path[i + 1:]) for p in range(len(parents))]
    out: list[dict[str, Any]] = []
    for index, path in groups:
        taken = _selected_positions(data, path)
        for k, item in enumerate(get_in(data, path) or []):
            if k in taken:
                continue
            row = {"#": len(out) + 1, "_item": item, "_index": index}
            if key is not None and to_key is not None:
                row[key] = to_key(data, index[key])
            row.update(table.display(fw, item, data) if table.display else {})
            out.append(row)
    return out


def table_rows(table: Table, fw: Framework, data: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The rows the writer puts in a table: listed-ahead rows, then whatever else data holds, with display cells."""
    data = data or {}
    if table.list_path is not None:
        return _list_rows(table, fw, data)
    keys = [key for key, _ in key_columns(table)]
    rows = [dict(r) for r in (table.prelist(fw) if table.prelist else [])]
    seen = {tuple(r[k] for k in keys) for r in rows}
    for col in table.columns:
        if col.path is None:
            continue
        for found in expand(data, col.path):
            ident = tuple(found[k] for k in keys)
            if ident not in seen:
                seen.add(ident)
                row = dict(found)
                row.update(table.display(fw, found, data) if table.display else {})
                rows.append(row)
    return rows
