import { checkWorkbook } from "../../check";
import { parseIsoDay } from "../../day";
import { mostUrgentFirst, progressFindings } from "./notices";
import { tasksWorkbook } from "../../../../test/helpers/tasks-workbook";

// As of 2026-11-18, the rows (2-7) are: open, overdue, due soon, overdue, open, due soon.
const result = checkWorkbook(
  tasksWorkbook(
    [
      ["甲一", "甲", "2026-12-30", "进行中"],
      ["甲二", "甲", "2026-11-01", "进行中"],
      ["甲三", "甲", "2026-11-19", "进行中"],
      ["甲四", "甲", "2026-11-10", "进行中"],
      ["甲五", "甲", "2026-12-31", "进行中"],
      ["甲六", "甲", "2026-11-20", "进行中"],
    ],
    "任务表",
  ),
  { asOf: parseIsoDay("2026-11-18")! },
);

const progress = progressFindings(result.findings);

describe("mostUrgentFirst", () => {
  const byRow = (rows: readonly number[]) => rows.map((row) => result.rows.find((r) => r.row === row)!);

  test.each([
    { name: "rows in the table's order", rows: [2, 3, 4, 5, 6, 7] },
    { name: "rows out of order (sorted back by row within each urgency)", rows: [7, 6, 5, 4, 3, 2] },
    { name: "rows shuffled", rows: [5, 2, 7, 3, 6, 4] },
  ])("$name: overdue, then due soon, then the rest", ({ rows }) => {
    expect(mostUrgentFirst(byRow(rows), progress).map((r) => r.row)).toEqual([3, 5, 4, 7, 2, 6]);
  });

  test("no rows, no list", () => {
    expect(mostUrgentFirst([], progress)).toEqual([]);
  });
});
