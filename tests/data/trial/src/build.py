"""Builds the trial reports as a unit would send them: Word (python-docx, headings styled, a table with a
header row) and a PDF printed by LibreOffice from that Word file. Run by hand; the outputs are committed.

    .venv/bin/python tests/data/trial/src/build.py
"""
import subprocess
import sys
from pathlib import Path

from docx import Document
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
OUT = HERE.parent


def to_docx(source: Path, target: Path) -> Path:
    doc = Document()
    doc.styles["Normal"].font.name = "宋体"
    doc.styles["Normal"].font.size = Pt(12)
    lines = source.read_text(encoding="utf-8").splitlines()
    rows: list[list[str]] | None = None
    for i, line in enumerate(lines):
        if line == "TABLE":
            rows = []
            continue
        if line == "ENDTABLE":
            table = doc.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for r, cells in enumerate(rows):
                for c, text in enumerate(cells):
                    table.cell(r, c).text = text
            rows = None
            continue
        if rows is not None:
            rows.append(line.split("|"))
            continue
        if not line.strip():
            continue
        if i == 0:
            doc.add_heading(line, level=0)
        elif line[:2] in {"一、", "二、", "三、", "四、", "五、", "六、"}:
            doc.add_heading(line, level=1)
        else:
            doc.add_paragraph(line)
    doc.save(target)
    return target


def main() -> None:
    to_docx(HERE / "songxi_health_2023.md", OUT / "songxi_health_2023.docx")
    street = to_docx(HERE / "xinqiao_street_2023.md", HERE / "xinqiao_street_2023.docx")
    subprocess.run(["soffice", "-env:UserInstallation=file:///tmp/perfeval-trial-lo", "--headless", "--convert-to", "pdf", "--outdir", str(OUT), str(street)],
                   check=True, stdout=sys.stderr)
    street.unlink()
    (OUT / "donghu_library_2023.txt").write_text((HERE / "donghu_library_2023.txt").read_text(encoding="utf-8"),
                                                  encoding="utf-8")


if __name__ == "__main__":
    main()
