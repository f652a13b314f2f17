"""Sorts a task table's rows as a clerk does in a spreadsheet program: whole rows move, values and formats
together, everything else in the workbook stays. Used by test/highlights-sort.test.ts.

usage: sort-task-rows.py IN OUT SHEET FIRST LAST KEY [KEY...] | --identity
FIRST and LAST are 1-based rows; each KEY a column letter to sort by, in order. --identity passes the rows
through in their own order (the same round trip, without the sort), to compare a sorted copy with.
"""

import copy
import sys

from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string


def main(argv):
    source, target, sheet_name, first, last = argv[:5]
    keys = argv[5:]
    first, last = int(first), int(last)
    book = load_workbook(source)
    sheet = book[sheet_name]
    # A spreadsheet refuses to sort across merged cells of different sizes: a clerk unmerges them first.
    for merged in list(sheet.merged_cells.ranges):
        if merged.min_row <= last and merged.max_row >= first:
            sheet.unmerge_cells(str(merged))
    width = sheet.max_column
    rows = []
    for r in range(first, last + 1):
        cells = [sheet.cell(row=r, column=c) for c in range(1, width + 1)]
        rows.append(
            {
                "values": [cell.value for cell in cells],
                "styles": [copy.copy(cell._style) for cell in cells],
                "height": sheet.row_dimensions[r].height,
            }
        )
    if keys != ["--identity"]:
        columns = [column_index_from_string(k) - 1 for k in keys]

        def sort_key(row):
            return tuple((row["values"][c] is None, str(row["values"][c] or "")) for c in columns)

        rows.sort(key=sort_key)
    for offset, row in enumerate(rows):
        r = first + offset
        for c in range(width):
            cell = sheet.cell(row=r, column=c + 1)
            cell.value = row["values"][c]
            cell._style = row["styles"][c]
        sheet.row_dimensions[r].height = row["height"]
    book.save(target)


if __name__ == "__main__":
    main(sys.argv[1:])
