"""Answers returned workbooks as a unit's clerk does in a spreadsheet program: opens the file, finds the
columns by their header text and the task's row by its text (and unit), types the values in, saves a copy.
Used by test/feedback-roundtrip.test.ts.

usage: answer-returns.py JOBS.json
JOBS.json is a list of {"in", "out", "sheet" (optional: the first visible sheet), "edits": [{"task", "unit"
(optional), "values": {HEADER: VALUE}}]}; a VALUE {"date": "YYYY-MM-DD"} is typed as a date. Prints, per job,
the cells written ({"out", "cells": ["I12", ...]}) as JSON. Fails where a header or a row is not found
exactly once: a test must not pass by answering nothing.
"""

import datetime
import json
import sys

from openpyxl import load_workbook

TASK_HEADER = "工作任务"
UNIT_HEADER = "责任单位"


def text(value):
    return "" if value is None else str(value).strip()


def header_row(sheet, wanted):
    """The first row (of the first 30) holding the task header and every header the edits name."""
    for row in sheet.iter_rows(min_row=1, max_row=min(30, sheet.max_row)):
        names = {text(cell.value): cell.column for cell in row if text(cell.value)}
        if TASK_HEADER in names and all(name in names for name in wanted):
            return row[0].row, names
    raise SystemExit(f"{sheet.title}: no header row with {TASK_HEADER} and {sorted(wanted)}")


def find_row(sheet, first, columns, task, unit):
    found = []
    for r in range(first, sheet.max_row + 1):
        if text(sheet.cell(row=r, column=columns[TASK_HEADER]).value) != task:
            continue
        if unit is not None and text(sheet.cell(row=r, column=columns[UNIT_HEADER]).value) != unit:
            continue
        found.append(r)
    if len(found) != 1:
        raise SystemExit(f"{sheet.title}: {task} / {unit} is on rows {found}, not on one")
    return found[0]


def typed(value):
    if isinstance(value, dict) and "date" in value:
        return datetime.date.fromisoformat(value["date"])
    return value


def answer(job):
    book = load_workbook(job["in"])
    if "sheet" in job:
        sheet = book[job["sheet"]]
    else:
        sheet = next(s for s in book.worksheets if s.sheet_state == "visible")
    wanted = {name for edit in job["edits"] for name in edit["values"]}
    if any("unit" in edit for edit in job["edits"]):
        wanted.add(UNIT_HEADER)
    header, columns = header_row(sheet, wanted)
    cells = []
    for edit in job["edits"]:
        r = find_row(sheet, header + 1, columns, edit["task"], edit.get("unit"))
        for name, value in edit["values"].items():
            cell = sheet.cell(row=r, column=columns[name])
            cell.value = typed(value)
            cells.append(cell.coordinate)
    book.save(job["out"])
    return {"out": job["out"], "cells": cells}


def main(argv):
    with open(argv[1], encoding="utf-8") as f:
        jobs = json.load(f)
    print(json.dumps([answer(job) for job in jobs], ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv)
