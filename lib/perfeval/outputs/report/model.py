"""A unit as the report sees it: scored, audited and assessed once; every block and the saved result share it."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...checks import Finding, run_checks
from ...fmt import points
from ...core.engine import ScoredUnit, ScoreSheet, load_unit
from ...core.params import UnitParams
from ...core.sensitivity import sensitivity
from ...result import RESULT_MIME, UnitResult, unit_result



@dataclass(frozen=True)
class UnitReport:
    """Everything one report shows; tables and charts are pure functions of it."""

    unit: ScoredUnit
    findings: tuple[Finding, ...]
    result: UnitResult
    params_file: Path

    @property
    def sheet(self) -> ScoreSheet:
        return self.unit.sheet

    @property
    def params(self) -> UnitParams:
        return self.unit.params

    @property
    def title(self) -> str:
        return self.result.title


def load_report(params_file: str | Path) -> UnitReport:
    """Validate, score, audit and assess one params file, once (ParamsError names file and field when it is bad)."""
    path = Path(params_file)
    unit = load_unit(path)
    findings = run_checks(unit)
    return UnitReport(unit, tuple(findings), unit_result(unit, findings, sensitivity(unit)), path)


class ResultRecord:
    """The unit result as a notebook output: the batch reads it from the executed notebook and saves it beside
    the report; HTML export leaves it out, and JupyterLab shows one line about it."""

    def __init__(self, result: UnitResult) -> None:
        self.result = result

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        r = self.result
        return {RESULT_MIME: r.model_dump(mode="json"),
                "text/plain": f"单位结果（{r.unit.id}）：已评 {points(r.coverage.assessed)} / {points(r.coverage.applicable)} 分，"
                              f"审计发现 {len(r.findings)} 条；批处理将其保存为 outputs/units/{r.unit.id}/{r.unit.id}.json"}


def result_record(rep: UnitReport) -> ResultRecord:
    """Display this as the notebook's last output: it carries the unit result out of the kernel."""
    return ResultRecord(rep.result)
