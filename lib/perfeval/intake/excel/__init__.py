"""The Excel intake: a filled intake workbook read into a unit's params, every problem named by sheet and cell.

reader: the workbook into params (validated and scored before anything is written); layout: where every field,
label and table sits, the contract the template writer (perfeval.outputs.excel) builds on; cells: how each kind of
value is read from and written to a cell (both ways, so a written workbook reads back the same); book: opening a
workbook within bounds; datapath, shown, typed: params paths, Excel number formats, quantities typed with a unit.
"""
