import {
  AS_OF,
  checked,
  COLUMN,
  copyWorkbook,
  day,
  HEADER,
  masterWorkbook,
  noticeWorkbook,
  returned,
  TASKS,
} from "../../../test/helpers/feedback";
import type { CellValue } from "../workbook";
import { fingerprint } from "./record";
import { mergeAnswers, unitNamedIn, type MasterTable, type MergeOptions, type ReturnedFile } from "./merge";
import type { AnswerField, CellChange, MergeOutcome, RejectedAnswer, SharedDone } from "./types";

const master = checked(masterWorkbook());
/** Rows 5 and 6 share one status cell (进行中). */
const mergedMaster = checked(
  masterWorkbook(TASKS, { merges: [{ top: 4, left: COLUMN.status, bottom: 5, right: COLUMN.status }] }),
);
const taskOf = (row: number) => String(TASKS[row - 2]![1]);

function change(
  file: string,
  unit: string,
  row: number,
  field: AnswerField,
  old: CellValue,
  value: CellValue,
  task = taskOf(row),
): CellChange {
  return { file, unit, row, column: COLUMN[field], field, task, old, new: value };
}

/** The master as it is after `edit`, for a notice made before. */
function edited(edit: (tasks: CellValue[][]) => CellValue[][]): MasterTable {
  return checked(masterWorkbook(edit(TASKS.map((cells) => [...cells]))));
}

/** 甲's notice answering row 2 已完成, its record fingerprinted by a Duban that read 甲's unit cell as 甲(牵头). */
const earlierNotice = (): readonly ReturnedFile[] => [
  returned(
    "甲.xlsx",
    noticeWorkbook(master, "甲", {
      edits: { 2: { status: "已完成" } },
      fingerprint: (row) => fingerprint(row.task, `${row.unit}(牵头)`, row.deadline),
    }),
  ),
];

/** Row 2's answer (安全检查 已完成, on the notice's row 3) refused: its task is no longer where it was. */
const row2NoMatch: RejectedAnswer = {
  file: "甲.xlsx",
  unit: "甲",
  reason: "noMatch",
  returnedRow: 3,
  field: "status",
  task: "安全检查",
  returned: "已完成",
};

interface Case {
  readonly master?: MasterTable;
  readonly returns: () => readonly ReturnedFile[];
  readonly options?: MergeOptions;
  readonly changes: readonly CellChange[];
  readonly rejected: readonly RejectedAnswer[];
  readonly round?: string;
  /** The done answers to tasks of several units the outcome keeps for the next merge. */
  readonly sharedDone?: readonly SharedDone[];
  /** The units that have answered the task of 各单位 (row 7) done, in the roster's order; the rest wait. */
  readonly sharedProgress?: readonly string[];
}

/** Rows 7 and 8 are tasks of group words: 各单位 (every roster unit: 丙, 乙, 甲, 丁) and 各区队 (none of them). */
const SHARED_TASKS: CellValue[][] = [
  ...TASKS,
  [6, "安全大检查", "各单位", day("2026-11-25"), "进行中", null, null, null],
  [7, "区队自查", "各区队", day("2026-11-25"), "进行中", null, null, null],
];
const sharedMaster = checked(masterWorkbook(SHARED_TASKS));
/** The day each unit says it did the task of 各单位. */
const SHARED_DONE: Readonly<Record<string, string>> = {
  丙: "2026-11-15",
  乙: "2026-11-16",
  甲: "2026-11-17",
  丁: "2026-11-12",
};
/** Each unit's notice of the task of 各单位 (row 7, the notice's row 3) answered 已完成 on its day (none for `undated`). */
const sharedReturns = (units: readonly string[], undated?: string): readonly ReturnedFile[] =>
  units.map((unit) =>
    returned(
      `${unit}.xlsx`,
      noticeWorkbook(sharedMaster, unit, {
        rows: [7],
        edits: {
          7: { status: "已完成", ...(unit === undated ? {} : { doneDate: day(SHARED_DONE[unit]!) }) },
        },
      }),
    ),
  );
const sharedTask = (file: string, unit: string, returnedRow: number): RejectedAnswer => ({
  file,
  unit,
  reason: "sharedTask",
  row: 7,
  returnedRow,
  field: "status",
  task: "安全大检查",
  master: "进行中",
  returned: "已完成",
});
/** A unit's 已完成 to the task of 各单位 kept, the units still to answer named; with its date, both cells. */
const sharedWaiting = (
  file: string,
  unit: string,
  returnedRow: number,
  waitingFor: readonly string[],
  dated = false,
): RejectedAnswer[] => {
  const status: RejectedAnswer = {
    ...sharedTask(file, unit, returnedRow),
    reason: "sharedWaiting",
    waitingFor,
  };
  return dated
    ? [status, { ...status, field: "doneDate", master: null, returned: day(SHARED_DONE[unit]!) }]
    : [status];
};
/** The record's entry of a unit's 已完成 to the task of 各单位 (row 7), dated as SHARED_DONE unless `undated`. */
const keptDone = (unit: string, file = `${unit}.xlsx`, undated = false): SharedDone => {
  const row = sharedMaster.result.rows.find((r) => r.row === 7)!;
  return {
    fingerprint: fingerprint(row.task, row.unit, row.deadline),
    unit,
    status: "已完成",
    ...(undated ? {} : { doneDay: SHARED_DONE[unit]! }),
    file,
  };
};
/** A first merge: 甲 and 乙 answer the task of 各单位 done; what it keeps is the next merge's sharedDone. */
const firstSharedMerge = (): MergeOptions => {
  const outcome = mergeAnswers(sharedMaster, sharedReturns(["甲", "乙"]));
  return { sharedDone: outcome.sharedDone ?? [] };
};

/** Row 2's evidence is a picture WPS placed in the cell (嵌入单元格图片), read as its formula's cached text. */
const PICTURED: CellValue[][] = TASKS.map((cells, i) =>
  i === 0 ? Object.assign([...cells], { 6: '=DISPIMG("ID_A1",1)' }) : cells,
);
const picturedMaster = checked(masterWorkbook(PICTURED));
/** 甲's answer to an evidence cell refused as a picture: row 2's (安全检查) unless the case says otherwise. */
const pictureRefused = (
  file: string,
  returnedRow: number,
  returnedValue: CellValue,
  master: CellValue,
): RejectedAnswer => ({
  file,
  unit: "甲",
  reason: "picture",
  row: 2,
  returnedRow,
  field: "evidence",
  task: "安全检查",
  master,
  returned: returnedValue,
});

const cases: ReadonlyArray<[string, Case]> = [
  [
    "a notice's answers go into its unit's rows, a date as a date cell",
    {
      returns: () => [
        returned(
          "甲.xlsx",
          noticeWorkbook(master, "甲", {
            edits: { 2: { status: "已完成", doneDate: day("2026-11-09") }, 3: { evidence: "报告.pdf" } },
          }),
        ),
      ],
      changes: [
        change("甲.xlsx", "甲", 2, "status", "进行中", "已完成"),
        change("甲.xlsx", "甲", 2, "doneDate", null, day("2026-11-09")),
        change("甲.xlsx", "甲", 3, "evidence", null, "报告.pdf"),
      ],
      rejected: [],
      round: AS_OF,
    },
  ],
  [
    "a cell left as the notice showed it (spaces aside) is no answer; an emptied cell erases nothing",
    {
      returns: () => [
        returned(
          "甲.xlsx",
          noticeWorkbook(master, "甲", { edits: { 2: { status: " 进行中 " }, 3: { note: null } } }),
        ),
      ],
      changes: [],
      rejected: [],
      round: AS_OF,
    },
  ],
  [
    "masterChanged: the master's cell changed since the notice; the master's value is kept, both shown",
    {
      master: edited((tasks) => {
        tasks[0]![COLUMN.status] = "推进中";
        tasks[1]![COLUMN.note] = "已排查";
        return tasks;
      }),
      // Row 3's note is left as the notice showed it: no answer, though the master changed it since.
      returns: () => [
        returned("甲.xlsx", noticeWorkbook(master, "甲", { edits: { 2: { status: "已完成" } } })),
      ],
      changes: [],
      rejected: [
        {
          file: "甲.xlsx",
          unit: "甲",
          reason: "masterChanged",
          row: 2,
          returnedRow: 3,
          field: "status",
          task: "安全检查",
          master: "推进中",
          returned: "已完成",
        },
      ],
      round: AS_OF,
    },
  ],
  [
    "disagree: two returns change one cell differently; neither applied, each shown with the other",
    {
      returns: () => [
        returned("甲-1.xlsx", noticeWorkbook(master, "甲", { edits: { 2: { status: "已完成" } } })),
        returned(
          "甲-2.xlsx",
          noticeWorkbook(master, "甲", { edits: { 2: { status: "未完成" }, 3: { evidence: "照片" } } }),
        ),
      ],
      changes: [change("甲-2.xlsx", "甲", 3, "evidence", null, "照片")],
      rejected: [
        {
          file: "甲-1.xlsx",
          unit: "甲",
          reason: "disagree",
          row: 2,
          returnedRow: 3,
          field: "status",
          task: "安全检查",
          master: "进行中",
          returned: "已完成",
          other: { file: "甲-2.xlsx", value: "未完成" },
        },
        {
          file: "甲-2.xlsx",
          unit: "甲",
          reason: "disagree",
          row: 2,
          returnedRow: 3,
          field: "status",
          task: "安全检查",
          master: "进行中",
          returned: "未完成",
          other: { file: "甲-1.xlsx", value: "已完成" },
        },
      ],
      round: AS_OF,
    },
  ],
  [
    "the same value from two returns is applied once, from the first",
    {
      returns: () => [
        returned("甲-1.xlsx", noticeWorkbook(master, "甲", { edits: { 2: { status: "已完成" } } })),
        returned("甲-2.xlsx", noticeWorkbook(master, "甲", { edits: { 2: { status: "已完成 " } } })),
      ],
      changes: [change("甲-1.xlsx", "甲", 2, "status", "进行中", "已完成")],
      rejected: [],
      round: AS_OF,
    },
  ],
  [
    "protectedField: an edited deadline rejects that row's answers; the other rows' go in",
    {
      returns: () => [
        returned(
          "甲.xlsx",
          noticeWorkbook(master, "甲", {
            edits: { 2: { deadline: day("2026-11-30"), status: "已完成" }, 3: { status: "已完成" } },
          }),
        ),
      ],
      changes: [change("甲.xlsx", "甲", 3, "status", null, "已完成")],
      rejected: [
        {
          file: "甲.xlsx",
          unit: "甲",
          reason: "protectedField",
          row: 2,
          returnedRow: 3,
          field: "deadline",
          task: "安全检查",
          master: day("2026-11-10"),
          returned: day("2026-11-30"),
        },
      ],
      round: AS_OF,
    },
  ],
  [
    "a deadline rewritten as the same day in other words is no edit",
    {
      returns: () => [
        returned(
          "甲.xlsx",
          noticeWorkbook(master, "甲", { edits: { 2: { deadline: "2026年11月10日", status: "已完成" } } }),
        ),
      ],
      changes: [change("甲.xlsx", "甲", 2, "status", "进行中", "已完成")],
      rejected: [],
      round: AS_OF,
    },
  ],
  [
    "otherUnit: a full copy answers for the unit most of its changed rows belong to",
    {
      returns: () => [
        returned(
          "copy.xlsx",
          copyWorkbook(TASKS, { 2: { status: "已完成" }, 3: { status: "进行中" }, 4: { status: "已完成" } }),
        ),
      ],
      changes: [
        change("copy.xlsx", "甲", 2, "status", "进行中", "已完成"),
        change("copy.xlsx", "甲", 3, "status", null, "进行中"),
      ],
      rejected: [
        {
          file: "copy.xlsx",
          unit: "甲",
          reason: "otherUnit",
          row: 4,
          returnedRow: 4,
          field: "status",
          task: "应急演练",
          master: "进行中",
          returned: "已完成",
        },
      ],
    },
  ],
  [
    "otherUnit: a tie goes to the unit first in the summary's order (the roster's: 丙 before 甲)",
    {
      returns: () => [
        returned("copy.xlsx", copyWorkbook(TASKS, { 2: { status: "已完成" }, 6: { status: "进行中" } })),
      ],
      changes: [change("copy.xlsx", "丙", 6, "status", null, "进行中")],
      rejected: [
        {
          file: "copy.xlsx",
          unit: "丙",
          reason: "otherUnit",
          row: 2,
          returnedRow: 2,
          field: "status",
          task: "安全检查",
          master: "进行中",
          returned: "已完成",
        },
      ],
    },
  ],
  [
    "olderRound: a notice older than the master's last merge is rejected whole",
    {
      returns: () => [
        returned(
          "甲.xlsx",
          noticeWorkbook(master, "甲", { round: "2026-11-11", edits: { 2: { status: "已完成" } } }),
        ),
      ],
      options: { lastRound: "2026-11-15" },
      changes: [],
      rejected: [
        {
          file: "甲.xlsx",
          unit: "甲",
          reason: "olderRound",
          row: 2,
          returnedRow: 3,
          field: "status",
          task: "安全检查",
          master: "进行中",
          returned: "已完成",
        },
      ],
    },
  ],
  [
    "olderRound: a notice older than the newest one merged with it; the round is the newest",
    {
      returns: () => [
        returned(
          "甲.xlsx",
          noticeWorkbook(master, "甲", { round: "2026-11-11", edits: { 3: { note: "已排查" } } }),
        ),
        returned("乙.xlsx", noticeWorkbook(master, "乙", { edits: { 4: { status: "已完成" } } })),
      ],
      changes: [change("乙.xlsx", "乙", 4, "status", "进行中", "已完成")],
      rejected: [
        {
          file: "甲.xlsx",
          unit: "甲",
          reason: "olderRound",
          row: 3,
          returnedRow: 4,
          field: "note",
          task: "隐患排查",
          master: "待排查",
          returned: "已排查",
        },
      ],
      round: AS_OF,
    },
  ],
  [
    "noMatch: a notice row whose task left the master; the others are found where they are now",
    {
      master: edited((tasks) => tasks.slice(1)),
      returns: () => [
        returned(
          "甲.xlsx",
          noticeWorkbook(master, "甲", { edits: { 2: { status: "已完成" }, 3: { status: "进行中" } } }),
        ),
      ],
      changes: [change("甲.xlsx", "甲", 2, "status", null, "进行中", "隐患排查")],
      rejected: [row2NoMatch],
      round: AS_OF,
    },
  ],
  [
    "a notice from a Duban that read its units otherwise (甲（牵头）): found where the record put it",
    {
      returns: earlierNotice,
      changes: [change("甲.xlsx", "甲", 2, "status", "进行中", "已完成")],
      rejected: [],
      round: AS_OF,
    },
  ],
  [
    "such a notice whose row's task has since changed in the master: no match, as for any notice",
    {
      master: edited((tasks) => {
        tasks[0]![1] = "安全大检查";
        return tasks;
      }),
      returns: earlierNotice,
      changes: [],
      rejected: [row2NoMatch],
      round: AS_OF,
    },
  ],
  [
    "a sorted master: each notice row is found by its fingerprint",
    {
      master: edited((tasks) => [...tasks].reverse()),
      returns: () => [
        returned(
          "甲.xlsx",
          noticeWorkbook(master, "甲", { edits: { 2: { status: "已完成" }, 3: { note: "已排查" } } }),
        ),
      ],
      changes: [
        change("甲.xlsx", "甲", 5, "note", "待排查", "已排查", "隐患排查"),
        change("甲.xlsx", "甲", 6, "status", "进行中", "已完成", "安全检查"),
      ],
      rejected: [],
      round: AS_OF,
    },
  ],
  [
    "a notice whose rows the unit moved (rows inserted above) is read where its rows are",
    {
      returns: () => [
        returned(
          "甲.xlsx",
          noticeWorkbook(master, "甲", { insertAbove: 2, edits: { 3: { evidence: "台账" } } }),
        ),
      ],
      changes: [change("甲.xlsx", "甲", 3, "evidence", null, "台账")],
      rejected: [],
      round: AS_OF,
    },
  ],
  [
    "noMatch: a copy's row that is in no master row; an unanswered one is nothing",
    {
      returns: () => [
        returned(
          "copy.xlsx",
          copyWorkbook([
            ...TASKS,
            [6, "新任务", "甲", day("2026-12-01"), "已完成", null, null, null],
            [7, "空任务", "甲", day("2026-12-01"), null, null, null, null],
          ]),
        ),
      ],
      changes: [],
      rejected: [
        {
          file: "copy.xlsx",
          unit: "甲",
          reason: "noMatch",
          returnedRow: 7,
          field: "status",
          task: "新任务",
          returned: "已完成",
        },
      ],
    },
  ],
  [
    "a copy matched by id: an edited task is a protected field",
    {
      returns: () => [
        returned("copy.xlsx", copyWorkbook(TASKS, { 2: { task: "安全大检查", status: "已完成" } })),
      ],
      changes: [],
      rejected: [
        {
          file: "copy.xlsx",
          unit: "甲",
          reason: "protectedField",
          row: 2,
          returnedRow: 2,
          field: "task",
          task: "安全检查",
          master: "安全检查",
          returned: "安全大检查",
        },
      ],
    },
  ],
  [
    "a copy matched by id, sorted otherwise than the master",
    {
      returns: () => [
        returned(
          "copy.xlsx",
          copyWorkbook([...TASKS].reverse(), { 6: { note: "已排查" }, 2: { status: "已完成" } }),
        ),
      ],
      // Copy row 6 is id 1 (安全检查); copy row 2 is id 5 (培训考核).
      changes: [change("copy.xlsx", "丙", 6, "status", null, "已完成")],
      rejected: [
        {
          file: "copy.xlsx",
          unit: "丙",
          reason: "otherUnit",
          row: 2,
          returnedRow: 6,
          field: "note",
          task: "安全检查",
          master: null,
          returned: "已排查",
        },
      ],
    },
  ],
  [
    "a copy whose ids were renumbered: the task and unit find the row",
    {
      returns: () => [
        returned(
          "copy.xlsx",
          copyWorkbook(
            [TASKS[1]!.map((v, i) => (i === 0 ? 1 : v)), TASKS[0]!.map((v, i) => (i === 0 ? 2 : v))],
            {
              2: { status: "已完成" },
            },
          ),
        ),
      ],
      changes: [change("copy.xlsx", "甲", 3, "status", null, "已完成")],
      rejected: [],
    },
  ],
  [
    "a copy without ids (a notice made by hand) by task and unit, spaces and full-width forms aside",
    {
      returns: () => [
        returned(
          "乙.xlsx",
          copyWorkbook(
            [
              ["应急 演练", "乙", "2026-11-30", "已完成"],
              ["设备检修", "丙", day("2026-12-10"), "进行中"],
            ],
            {},
            { header: ["工作任务", "责任单位", "完成时限", "完成情况"] },
          ),
        ),
      ],
      changes: [change("乙.xlsx", "乙", 4, "status", "进行中", "已完成")],
      rejected: [],
    },
  ],
  [
    "a copy's empty cells erase nothing, and a completion date the same day in other words is no change",
    {
      master: edited((tasks) => {
        tasks[0]![COLUMN.status] = "已完成";
        tasks[0]![COLUMN.doneDate] = day("2026-11-09");
        return tasks;
      }),
      returns: () => [
        returned(
          "copy.xlsx",
          copyWorkbook(
            TASKS.map((cells, i) =>
              i === 0
                ? [1, "安全检查", "甲", day("2026-11-10"), "已完成", "11月9日", null, null]
                : cells.map((v, k) => (k >= COLUMN.status ? null : v)),
            ),
          ),
        ),
      ],
      changes: [],
      rejected: [],
    },
  ],
  [
    "mergedCell: a master cell merged across rows is not written",
    {
      master: mergedMaster,
      returns: () => [returned("copy.xlsx", copyWorkbook(TASKS, { 6: { status: "已完成" } }))],
      changes: [],
      rejected: [
        {
          file: "copy.xlsx",
          unit: "丙",
          reason: "mergedCell",
          row: 6,
          returnedRow: 6,
          field: "status",
          task: "培训考核",
          master: "进行中",
          returned: "已完成",
        },
      ],
    },
  ],
  [
    "mergedCell: a notice's answer to a cell the master merged across rows (the notice showed it empty)",
    {
      master: mergedMaster,
      returns: () => [
        returned("丙.xlsx", noticeWorkbook(mergedMaster, "丙", { edits: { 6: { status: "已完成" } } })),
      ],
      changes: [],
      rejected: [
        {
          file: "丙.xlsx",
          unit: "丙",
          reason: "mergedCell",
          row: 6,
          returnedRow: 4,
          field: "status",
          task: "培训考核",
          master: "进行中",
          returned: "已完成",
        },
      ],
      round: AS_OF,
    },
  ],
  [
    "formulaCell: a cell the host cannot write is reported, the row's other answers applied",
    {
      returns: () => [
        returned(
          "甲.xlsx",
          noticeWorkbook(master, "甲", { edits: { 2: { status: "已完成", doneDate: day("2026-11-09") } } }),
        ),
      ],
      options: { unwritable: [{ row: 2, column: COLUMN.status }] },
      changes: [change("甲.xlsx", "甲", 2, "doneDate", null, day("2026-11-09"))],
      rejected: [
        {
          file: "甲.xlsx",
          unit: "甲",
          reason: "formulaCell",
          row: 2,
          returnedRow: 3,
          field: "status",
          task: TASKS[0]![COLUMN.task] as string,
          master: "进行中",
          returned: "已完成",
        },
      ],
      round: AS_OF,
    },
  ],
  [
    "sharedTask: a unit's answer to a task of 各单位 is reported, and the row keeps its one status",
    {
      master: sharedMaster,
      returns: () => [
        returned(
          "甲.xlsx",
          noticeWorkbook(sharedMaster, "甲", {
            rows: [2, 7],
            edits: { 2: { status: "已完成" }, 7: { status: "已完成" } },
          }),
        ),
      ],
      changes: [change("甲.xlsx", "甲", 2, "status", "进行中", "已完成")],
      rejected: sharedWaiting("甲.xlsx", "甲", 4, ["丙", "乙", "丁"]),
      round: AS_OF,
      sharedDone: [keptDone("甲", "甲.xlsx", true)],
      sharedProgress: ["甲"],
    },
  ],
  [
    "sharedTask in a plain copy too; a task of a group word that names no unit of the copy's is another's",
    {
      master: sharedMaster,
      returns: () => [
        returned(
          "copy.xlsx",
          copyWorkbook(SHARED_TASKS, {
            2: { status: "已完成" },
            3: { status: "进行中" },
            7: { status: "已完成" },
            8: { status: "已完成" },
          }),
        ),
      ],
      changes: [
        change("copy.xlsx", "甲", 2, "status", "进行中", "已完成"),
        change("copy.xlsx", "甲", 3, "status", null, "进行中"),
      ],
      // A shared task's answers are weighed after each file's own: they come after its other refusals.
      rejected: [
        {
          file: "copy.xlsx",
          unit: "甲",
          reason: "otherUnit",
          row: 8,
          returnedRow: 8,
          field: "status",
          task: "区队自查",
          master: "进行中",
          returned: "已完成",
        },
        ...sharedWaiting("copy.xlsx", "甲", 7, ["丙", "乙", "丁"]),
      ],
      sharedDone: [keptDone("甲", "copy.xlsx", true)],
      sharedProgress: ["甲"],
    },
  ],
  [
    "a plain copy whose one answer is to a task of 各单位 is the unit's its name names: kept, not written for all",
    {
      master: sharedMaster,
      returns: () => [returned("甲反馈.xlsx", copyWorkbook(SHARED_TASKS, { 7: { status: "已完成" } }))],
      changes: [],
      rejected: sharedWaiting("甲反馈.xlsx", "甲", 7, ["丙", "乙", "丁"]),
      sharedDone: [keptDone("甲", "甲反馈.xlsx", true)],
      sharedProgress: ["甲"],
    },
  ],
  [
    "a plain copy whose one answer is to a task of 各单位, named after no unit, answers for none",
    {
      master: sharedMaster,
      returns: () => [returned("反馈.xlsx", copyWorkbook(SHARED_TASKS, { 7: { status: "已完成" } }))],
      changes: [],
      rejected: [{ ...sharedTask("反馈.xlsx", "", 7), reason: "otherUnit" }],
    },
  ],
  [
    "a picture in the master's cell, left on the notice as it showed it ([图片]): no answer",
    {
      master: picturedMaster,
      returns: () => [
        returned(
          "甲.xlsx",
          noticeWorkbook(picturedMaster, "甲", { edits: { 2: { evidence: "[图片]", status: "已完成" } } }),
        ),
      ],
      changes: [change("甲.xlsx", "甲", 2, "status", "进行中", "已完成")],
      rejected: [],
      round: AS_OF,
    },
  ],
  [
    "a picture the unit placed in its notice's cell is refused: it is in the returned file alone",
    {
      master: picturedMaster,
      returns: () => [
        returned(
          "甲.xlsx",
          noticeWorkbook(picturedMaster, "甲", {
            edits: { 2: { evidence: '=DISPIMG("ID_B2",1)' }, 3: { evidence: '_xlfn.DISPIMG("ID_C3",1)' } },
          }),
        ),
      ],
      changes: [],
      rejected: [
        pictureRefused("甲.xlsx", 3, '=DISPIMG("ID_B2",1)', '=DISPIMG("ID_A1",1)'),
        { ...pictureRefused("甲.xlsx", 4, '_xlfn.DISPIMG("ID_C3",1)', null), row: 3, task: "隐患排查" },
      ],
      round: AS_OF,
    },
  ],
  [
    "words written over a picture are the answer, the master's picture the notice could not show no change",
    {
      master: picturedMaster,
      returns: () => [
        returned(
          "甲.xlsx",
          noticeWorkbook(picturedMaster, "甲", { edits: { 2: { evidence: "整改照片已报安全科" } } }),
        ),
      ],
      changes: [change("甲.xlsx", "甲", 2, "evidence", '=DISPIMG("ID_A1",1)', "整改照片已报安全科")],
      rejected: [],
      round: AS_OF,
    },
  ],
  [
    "a plain copy keeping the master's picture answers nothing there; a picture of its own is refused",
    {
      master: picturedMaster,
      returns: () => [
        returned("甲.xlsx", copyWorkbook(PICTURED, { 3: { evidence: '=DISPIMG("ID_D4",1)' } })),
      ],
      changes: [],
      rejected: [{ ...pictureRefused("甲.xlsx", 3, '=DISPIMG("ID_D4",1)', null), row: 3, task: "隐患排查" }],
    },
  ],
  [
    "a task of 各单位 answered done by every unit it names, merged together: done, on the day its last unit was",
    {
      master: sharedMaster,
      returns: () => sharedReturns(["丙", "乙", "甲", "丁"]),
      changes: [
        { ...change("丙.xlsx", "各单位", 7, "status", "进行中", "已完成", "安全大检查") },
        { ...change("甲.xlsx", "各单位", 7, "doneDate", null, day("2026-11-17"), "安全大检查") },
      ],
      rejected: [],
      round: AS_OF,
    },
  ],
  [
    "a task of 各单位 answered done by three of its four units: each answer kept and reported, the task still open",
    {
      master: sharedMaster,
      returns: () => sharedReturns(["丙", "乙", "甲"]),
      changes: [],
      rejected: ["丙", "乙", "甲"].flatMap((unit) => sharedWaiting(`${unit}.xlsx`, unit, 3, ["丁"], true)),
      round: AS_OF,
      sharedDone: ["丙", "乙", "甲"].map((unit) => keptDone(unit)),
      sharedProgress: ["丙", "乙", "甲"],
    },
  ],
  [
    "a task of 各单位 answered done by two units in an earlier merge and by the other two now: done, on its last unit's day",
    {
      master: sharedMaster,
      options: firstSharedMerge(),
      returns: () => sharedReturns(["丙", "丁"]),
      // The status as the first unit answering now wrote it; the date 甲's, kept from the earlier merge.
      changes: [
        { ...change("丙.xlsx", "各单位", 7, "status", "进行中", "已完成", "安全大检查") },
        { ...change("甲.xlsx", "各单位", 7, "doneDate", null, day("2026-11-17"), "安全大检查") },
      ],
      rejected: [],
      round: AS_OF,
    },
  ],
  [
    "an earlier merge's done answers and one more now: kept together, the units still to answer named",
    {
      master: sharedMaster,
      options: firstSharedMerge(),
      returns: () => sharedReturns(["丁"]),
      changes: [],
      rejected: sharedWaiting("丁.xlsx", "丁", 3, ["丙"], true),
      round: AS_OF,
      sharedDone: ["丁", "乙", "甲"].map((unit) => keptDone(unit)),
      sharedProgress: ["乙", "甲", "丁"],
    },
  ],
  [
    "a unit that answered done in an earlier merge and answers otherwise now: its earlier answer no longer counts",
    {
      master: sharedMaster,
      options: firstSharedMerge(),
      returns: () => [
        ...sharedReturns(["丙", "丁"]),
        returned(
          "甲-2.xlsx",
          noticeWorkbook(sharedMaster, "甲", { rows: [7], edits: { 7: { status: "推进中" } } }),
        ),
      ],
      changes: [],
      rejected: [
        ...sharedWaiting("丙.xlsx", "丙", 3, ["甲"], true),
        ...sharedWaiting("丁.xlsx", "丁", 3, ["甲"], true),
        { ...sharedTask("甲-2.xlsx", "甲", 3), returned: "推进中" },
      ],
      round: AS_OF,
      sharedDone: [keptDone("丙"), keptDone("丁"), keptDone("乙")],
      sharedProgress: ["丙", "乙", "丁"],
    },
  ],
  [
    "earlier done answers to a task of 各单位 since closed by hand are let go",
    {
      master: checked(
        masterWorkbook([
          ...TASKS,
          [6, "安全大检查", "各单位", day("2026-11-25"), "已完成", day("2026-11-18"), null, null],
        ]),
      ),
      options: firstSharedMerge(),
      returns: () => [],
      changes: [],
      rejected: [],
    },
  ],
  [
    "earlier done answers to a task whose unit cell names one unit now are let go (the row is another task)",
    {
      master: checked(
        masterWorkbook([...TASKS, [6, "安全大检查", "甲", day("2026-11-25"), "进行中", null, null, null]]),
      ),
      options: firstSharedMerge(),
      returns: () => [],
      changes: [],
      rejected: [],
    },
  ],
  [
    "a task of 各单位 done by every unit, one giving no date: done, its date asked for, the dates given reported",
    {
      master: sharedMaster,
      returns: () => sharedReturns(["丙", "乙", "甲", "丁"], "丁"),
      changes: [{ ...change("丙.xlsx", "各单位", 7, "status", "进行中", "已完成", "安全大检查") }],
      rejected: ["丙", "乙", "甲"].map((unit) => ({
        ...sharedTask(`${unit}.xlsx`, unit, 3),
        field: "doneDate" as const,
        master: null,
        returned: day(SHARED_DONE[unit]!),
      })),
      round: AS_OF,
    },
  ],
  [
    "a copy answers a row whose unit cell the check read otherwise (甲/乙 is 甲 and 乙 on the roster, 甲 leading)",
    {
      master: checked(
        masterWorkbook([[1, "联合检查", "甲/乙", day("2026-11-25"), "进行中", null, null, null]]),
      ),
      returns: () => [
        returned(
          "copy.xlsx",
          copyWorkbook([[1, "联合检查", "甲/乙", day("2026-11-25"), "进行中", null, null, null]], {
            2: { status: "已完成" },
          }),
        ),
      ],
      changes: [change("copy.xlsx", "甲", 2, "status", "进行中", "已完成", "联合检查")],
      rejected: [],
    },
  ],
  [
    "a deadline written without a year is read in the year the master's title names, as the check read it",
    {
      master: checked(
        masterWorkbook([[1, "年度检查", "甲", "3月底", "进行中", null, null, null]], {
          title: "2027年重点工作任务表",
        }),
      ),
      returns: () => [
        returned(
          "copy.xlsx",
          copyWorkbook([[1, "年度检查", "甲", "3月底", "进行中", null, null, null]], {
            2: { status: "已完成" },
          }),
        ),
      ],
      changes: [change("copy.xlsx", "甲", 3, "status", "进行中", "已完成", "年度检查")],
      rejected: [],
    },
  ],
  [
    "a holiday written without a year is read in the year the master's title names, as the check read it",
    {
      master: checked(
        masterWorkbook([[1, "节前检查", "甲", "国庆节前", "进行中", null, null, null]], {
          title: "2026年重点工作任务表",
        }),
      ),
      returns: () => [
        returned(
          "copy.xlsx",
          copyWorkbook([[1, "节前检查", "甲", "国庆节前", "进行中", null, null, null]], {
            2: { status: "已完成" },
          }),
        ),
      ],
      changes: [change("copy.xlsx", "甲", 3, "status", "进行中", "已完成", "节前检查")],
      rejected: [],
    },
  ],
];

describe("mergeAnswers", () => {
  test.each(cases)("%s", (_name, c) => {
    const outcome = mergeAnswers(c.master ?? master, c.returns(), c.options);
    expect({
      changes: outcome.changes,
      rejected: outcome.rejected,
      round: outcome.round,
      sharedDone: outcome.sharedDone,
      sharedProgress: outcome.sharedProgress,
    }).toEqual({
      changes: c.changes,
      rejected: c.rejected,
      round: c.round,
      sharedDone: c.sharedDone,
      sharedProgress: c.sharedProgress && [
        {
          row: 7,
          task: "安全大检查",
          done: c.sharedProgress,
          waiting: ["丙", "乙", "甲", "丁"].filter((unit) => !c.sharedProgress!.includes(unit)),
        },
      ],
    });
  });

  test("units: every unit of the summary in the roster's order, those that did not answer first", () => {
    const outcome = mergeAnswers(master, [
      returned(
        "乙.xlsx",
        noticeWorkbook(master, "乙", { edits: { 4: { status: "已完成", deadline: "2026-12-31" } } }),
      ),
      returned(
        "甲.xlsx",
        noticeWorkbook(master, "甲", {
          edits: { 2: { status: "已完成", deadline: day("2026-11-30") }, 3: { status: "进行中" } },
        }),
      ),
    ]);
    expect(outcome.units).toEqual([
      { unit: "丙", files: [], rowsUpdated: 0, rowsRejected: 0 },
      { unit: "乙", files: ["乙.xlsx"], rowsUpdated: 0, rowsRejected: 1 },
      { unit: "甲", files: ["甲.xlsx"], rowsUpdated: 1, rowsRejected: 1 },
    ]);
  });

  test("units: a task of 各单位 that every unit closed is each one's row updated", () => {
    const outcome = mergeAnswers(sharedMaster, sharedReturns(["丙", "乙", "甲", "丁"]));
    expect(outcome.units).toEqual(
      ["丙", "乙", "甲", "丁"].map((unit) => ({
        unit,
        files: [`${unit}.xlsx`],
        rowsUpdated: 1,
        rowsRejected: 0,
      })),
    );
  });

  test("units: a unit sent only a task of 各单位 is among them; the group words are not", () => {
    const outcome = mergeAnswers(sharedMaster, [returned("甲.xlsx", noticeWorkbook(sharedMaster, "甲"))]);
    expect(outcome.units.map((u) => u.unit)).toEqual(["丙", "乙", "丁", "甲"]);
  });

  test("a unit that returned a notice unchanged answered; files a host skipped and another master's notice are skipped", () => {
    const otherMaster = noticeWorkbook(master, "乙", {
      sheet: "另一张表",
      edits: { 4: { status: "已完成" } },
    });
    const outcome = mergeAnswers(master, [
      { file: "坏.xlsx", reason: "damaged", detail: "zip" },
      returned("丙.xlsx", noticeWorkbook(master, "丙")),
      returned("乙.xlsx", otherMaster),
    ]);
    expect(outcome).toEqual<MergeOutcome>({
      round: AS_OF,
      changes: [],
      rejected: [],
      skipped: [
        { file: "坏.xlsx", reason: "damaged", detail: "zip" },
        { file: "乙.xlsx", reason: "otherMaster" },
      ],
      units: [
        { unit: "乙", files: [], rowsUpdated: 0, rowsRejected: 0 },
        { unit: "甲", files: [], rowsUpdated: 0, rowsRejected: 0 },
        { unit: "丙", files: ["丙.xlsx"], rowsUpdated: 0, rowsRejected: 0 },
      ],
    });
  });

  test("a file named after a unit that could not be read is that unit's, which still has not answered", () => {
    const outcome = mergeAnswers(master, [
      { file: "returns/督办单-甲.xlsx", reason: "damaged", detail: "zip" },
      { file: "乙反馈.docx", reason: "notWorkbook" },
      returned("乙.xlsx", noticeWorkbook(master, "乙")),
      { file: "甲乙.xlsx", reason: "encrypted" },
      { file: "督办单-丙.xlsx", reason: "otherMaster" },
    ]);
    expect(outcome.units).toEqual([
      { unit: "丙", files: [], rowsUpdated: 0, rowsRejected: 0 },
      { unit: "甲", files: [], rowsUpdated: 0, rowsRejected: 0, unusable: ["returns/督办单-甲.xlsx"] },
      { unit: "乙", files: ["乙.xlsx"], rowsUpdated: 0, rowsRejected: 0, unusable: ["乙反馈.docx"] },
    ]);
    // Every one of them is still listed with why it was not used.
    expect(outcome.skipped.map((s) => s.file)).toEqual([
      "returns/督办单-甲.xlsx",
      "乙反馈.docx",
      "甲乙.xlsx",
      "督办单-丙.xlsx",
    ]);
  });

  test.each<[string, CellValue[][], string | undefined]>([
    ["an unchanged full copy answers for no unit", TASKS, undefined],
    ["an unchanged copy of one unit's rows is that unit's", TASKS.slice(3), "丙"],
  ])("%s", (_name, rows, unit) => {
    const outcome = mergeAnswers(master, [returned("copy.xlsx", copyWorkbook(rows))]);
    expect(outcome.unattributed).toEqual(unit === undefined ? ["copy.xlsx"] : undefined);
    expect(outcome.units.filter((u) => u.files.length > 0).map((u) => u.unit)).toEqual(unit ? [unit] : []);
  });

  test("answers only the columns the master has", () => {
    const narrow = checked({
      fileName: "m.xlsx",
      sheets: [
        {
          name: "任务表",
          rows: [HEADER.slice(0, 5), ...TASKS.map((cells) => cells.slice(0, 5))],
          merges: [],
        },
      ],
    });
    const outcome = mergeAnswers(narrow, [
      returned("copy.xlsx", copyWorkbook(TASKS, { 2: { status: "已完成", evidence: "照片" } })),
    ]);
    expect(outcome.changes).toEqual([change("copy.xlsx", "甲", 2, "status", "进行中", "已完成")]);
    expect(outcome.rejected).toEqual([]);
  });
});

describe("unitNamedIn", () => {
  const UNITS = ["综采一队", "综采一队二班", "机电科", "通风区", "Safety Office"];
  test.each<[string, string, string | undefined]>([
    ["as notices are named", "督办单-机电科.xlsx", "机电科"],
    ["renamed by the unit", "机电科反馈（已填）(1).xlsx", "机电科"],
    ["in a folder", "C:\\returns\\督办单-通风区.xlsx", "通风区"],
    ["a unit whose name holds another's: the longer", "督办单-综采一队二班.xlsx", "综采一队二班"],
    ["the shorter alone", "综采一队.xlsx", "综采一队"],
    ["without case, spaces or punctuation", "notice - safety_office.XLSX", "Safety Office"],
    ["two units named: neither", "机电科、通风区.xlsx", undefined],
    ["no unit named", "反馈.xlsx", undefined],
    ["a name only in the extension is no name", "督办单.机电科", undefined],
  ])("%s: %s", (_name, file, unit) => {
    expect(unitNamedIn(file, UNITS)).toBe(unit);
  });
});
