"""The Excel round trip: intake templates, reading a filled workbook into params, and the summary workbook."""
from .intake import import_workbook, read_workbook
from .summary import write_summary_workbook
from .template import export_workbook, write_template

__all__ = ["export_workbook", "import_workbook", "read_workbook", "write_summary_workbook", "write_template"]
