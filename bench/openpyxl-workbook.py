# The bench task table written by openpyxl (write-only), from the JSON lines bench-workbook.ts sends on stdin.
#
#   used by `BENCH_OPENPYXL=1 npm run bench`; needs Python 3 with openpyxl (Debian: python3-openpyxl)

import json
import sys

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

WIDTHS = [6, 10, 30, 36, 12, 9, 9, 14, 10, 14, 7, 7, 16]
THIN = Side(style="thin")


def main(out_path):
    lines = iter(sys.stdin)
    frame = json.loads(next(lines))
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(frame["sheet"])
    for i, width in enumerate(WIDTHS):
        ws.column_dimensions[get_column_letter(i + 1)].width = width
    ws.freeze_panes = "A%d" % (frame["headerRow"] + 1)
    for merged in ("A1:M1", "A2:F2", "J2:M2"):
        ws.merged_cells.add(merged)

    title = WriteOnlyCell(ws, value=frame["title"])
    title.font = Font(size=16, bold=True)
    title.alignment = Alignment(horizontal="center")
    ws.append([title])
    ws.append([frame["fillUnit"]] + [None] * 8 + [frame["fillDate"]])
    header = []
    for name in frame["header"]:
        cell = WriteOnlyCell(ws, value=name)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="FFF2F2F2")
        cell.border = Border(top=THIN, left=THIN, bottom=THIN, right=THIN)
        header.append(cell)
    ws.append(header)

    for line in lines:
        row = []
        for value in json.loads(line):
            if isinstance(value, dict):
                cell = WriteOnlyCell(ws, value=value["date"])
                cell.number_format = "yyyy-mm-dd"
                row.append(cell)
            else:
                row.append(value)
        ws.append(row)
    ws.append([frame["total"]])
    ws.append([frame["note"]])

    roster = wb.create_sheet(frame["rosterSheet"])
    roster.append(["单位名称", "类型"])
    for unit, kind in frame["roster"]:
        roster.append([unit, kind])
    wb.save(out_path)


if __name__ == "__main__":
    main(sys.argv[1])
