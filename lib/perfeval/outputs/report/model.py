"""A unit as the report sees it: its score sheet and findings, computed once and shared by every block."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ...checks import Finding, run_checks
from ...core.engine import ScoreSheet, score_file
from ...core.params import UnitParams

SEVERITIES = ("error", "warning", "info")
SEVERITY_LABEL = {"error": "错误", "warning": "警示", "info": "提示"}


@dataclass(frozen=True)
class UnitReport:
    """Everything one report shows; tables and charts are pure functions of it."""

    sheet: ScoreSheet
    findings: tuple[Finding, ...]
    params_file: Path

    @property
    def params(self) -> UnitParams:
        return self.sheet.params

    @property
    def title(self) -> str:
        """The report's title line (also the HTML page title)."""
        u = self.sheet.unit
        return f"{u.name} {u.year}年度部门整体支出绩效评价复核报告"

    def severity_counts(self) -> dict[str, int]:
        """Findings per severity, every severity present (0 when none)."""
        counts = Counter(f.severity for f in self.findings)
        return {s: counts.get(s, 0) for s in SEVERITIES}


def load_report(params_file: str | Path) -> UnitReport:
    """Validate, score and audit one params file (ParamsError names file and field when it is bad)."""
    path = Path(params_file)
    sheet = score_file(path)
    return UnitReport(sheet, tuple(run_checks(sheet)), path)
