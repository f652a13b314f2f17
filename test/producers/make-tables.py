#!/usr/bin/python3
"""Writes a task table kept as an Excel Table (套用表格格式), as other programs write one, for test/excel-tables.test.ts.

Usage: make-tables.py OUT_DIR

The sheet 任务清单 has notes above the table, so that its header row (row 40) lies below the first 30 rows a
header is looked for in; the table ends in a totals row labelled 汇总; some task rows are hidden (as a filter or
the person hides them). A second sheet, 草稿, holds a looser copy of the header near the top. Made by openpyxl and
by XlsxWriter, and a Strict copy of XlsxWriter's. Prints, as JSON on stdout, each file and what openpyxl reads
of its tables and hidden rows (the Strict copy, which openpyxl cannot read, is expected to read as its source).
Run with Debian's /usr/bin/python3 (python3-openpyxl, python3-xlsxwriter).
"""

import datetime
import importlib.util
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

SHEET = "任务清单"
HEADER = ["序号", "工作任务", "责任单位", "完成时限", "完成情况", "完成日期"]
HEADER_ROW = 40  # 1-based
TASKS = [
    [1, "修订安全生产责任制", "安监处", datetime.date(2026, 11, 10), "进行中", None],
    [2, "开展顶板隐患排查", "综采一队", datetime.date(2026, 11, 30), "进行中", None],
    [3, "更新应急预案", "调度室", datetime.date(2026, 11, 5), "未开始", None],
    [4, "组织消防演练", "机电科", datetime.date(2026, 11, 12), "已完成", datetime.date(2026, 11, 11)],
    [5, "整理考勤台账", "综采一队", datetime.date(2026, 11, 1), "进行中", None],
    [6, "检修主排水泵", "机电科", datetime.date(2026, 12, 20), "进行中", None],
]
# 1-based sheet rows: the third and fifth tasks (both overdue) and the sixth (no finding).
HIDDEN = [HEADER_ROW + 3, HEADER_ROW + 5, HEADER_ROW + 6]
TOTALS_ROW = HEADER_ROW + len(TASKS) + 1
LAST_COLUMN = chr(ord("A") + len(HEADER) - 1)
REF = f"A{HEADER_ROW}:{LAST_COLUMN}{TOTALS_ROW}"


def notes():
    return [[f"说明第 {n} 条：本表按月更新。"] for n in range(1, HEADER_ROW - 1)]


def openpyxl_tables(path):
    import openpyxl
    from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = SHEET
    for r, row in enumerate(notes(), start=1):
        ws.cell(row=r, column=1, value=row[0])
    for c, text in enumerate(HEADER, start=1):
        ws.cell(row=HEADER_ROW, column=c, value=text)
    for r, task in enumerate(TASKS, start=HEADER_ROW + 1):
        for c, value in enumerate(task, start=1):
            cell = ws.cell(row=r, column=c, value=value)
            if isinstance(value, datetime.date):
                cell.number_format = "yyyy-mm-dd"
    ws.cell(row=TOTALS_ROW, column=1, value="汇总")
    ws.cell(row=TOTALS_ROW, column=2, value=f"=SUBTOTAL(103,B{HEADER_ROW + 1}:B{TOTALS_ROW - 1})")
    for r in HIDDEN:
        ws.row_dimensions[r].hidden = True
    table = Table(displayName="任务表", name="任务表", ref=REF, totalsRowCount=1)
    table.tableColumns = [TableColumn(id=i + 1, name=h) for i, h in enumerate(HEADER)]
    table.tableColumns[0].totalsRowLabel = "汇总"
    table.tableColumns[1].totalsRowFunction = "count"
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    ws.add_table(table)
    draft = wb.create_sheet("草稿")
    draft.append(["工作任务", "责任单位", "完成时限"])
    draft.append(["（草稿）", "办公室", "2026-12-31"])
    wb.save(path)


def xlsxwriter_tables(path):
    import xlsxwriter

    wb = xlsxwriter.Workbook(path)
    ws = wb.add_worksheet(SHEET)
    draft = wb.add_worksheet("草稿")
    dates = wb.add_format({"num_format": "yyyy-mm-dd"})
    for r, row in enumerate(notes()):
        ws.write_string(r, 0, row[0])
    first = HEADER_ROW - 1  # zero-based
    data = [[v for v in task] for task in TASKS]
    columns = [{"header": h} for h in HEADER]
    columns[0]["total_string"] = "汇总"
    columns[1]["total_function"] = "count"
    for c in (3, 5):
        columns[c]["format"] = dates
    ws.add_table(
        first,
        0,
        first + len(TASKS) + 1,
        len(HEADER) - 1,
        {"name": "任务表", "columns": columns, "data": data, "total_row": True, "style": "Table Style Medium 2"},
    )
    for r in HIDDEN:
        ws.set_row(r - 1, None, None, {"hidden": True})
    draft.write_row(0, 0, ["工作任务", "责任单位", "完成时限"])
    draft.write_row(1, 0, ["（草稿）", "办公室", "2026-12-31"])
    wb.close()


def strict_xlsxwriter(path):
    spec = importlib.util.spec_from_file_location("make_producers", os.path.join(HERE, "make-producers.py"))
    producers = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(producers)
    source = os.path.join(os.path.dirname(path), "strict-tables-source.xlsx")
    xlsxwriter_tables(source)
    producers.strict_from(source, path)
    os.remove(source)


def read_back(path):
    """What openpyxl makes of a file's tables and hidden rows: an independent reading."""
    import openpyxl

    wb = openpyxl.load_workbook(path)
    sheets = {}
    for ws in wb.worksheets:
        tables = [
            {
                "name": t.displayName or t.name,
                "ref": t.ref,
                "headerRows": 1 if t.headerRowCount is None else int(t.headerRowCount),
                "totalsRows": int(t.totalsRowCount or 0),
            }
            for t in ws.tables.values()
        ]
        hidden = sorted(r for r, d in ws.row_dimensions.items() if d.hidden)
        sheets[ws.title] = {"tables": tables, "hidden": hidden}
    return sheets


def main(argv):
    if len(argv) != 2:
        sys.exit(__doc__)
    out_dir = os.path.abspath(argv[1])
    os.makedirs(out_dir, exist_ok=True)
    made = {}
    for name, make in [("openpyxl", openpyxl_tables), ("xlsxwriter", xlsxwriter_tables)]:
        path = os.path.join(out_dir, f"tables-{name}.xlsx")
        make(path)
        made[name] = {"file": path, "expected": read_back(path)}
    path = os.path.join(out_dir, "tables-strict-xlsxwriter.xlsx")
    strict_xlsxwriter(path)
    made["strict-xlsxwriter"] = {"file": path, "expected": made["xlsxwriter"]["expected"]}
    json.dump(
        {"made": made, "headerRow": HEADER_ROW, "tasks": len(TASKS), "hidden": HIDDEN, "ref": REF},
        sys.stdout,
        ensure_ascii=False,
    )


if __name__ == "__main__":
    main(sys.argv)
