// The command line's own words (usage and flag problems), in 中文 and English.

import type { Locale } from "../core";

interface CliWords {
  usage: string;
  badFlag: (v: { detail: string }) => string;
  badAsOf: (v: { value: string }) => string;
  badLang: (v: { value: string }) => string;
  unknownCommand: (v: { command: string }) => string;
  missingFile: string;
  configUnreadable: (v: { file: string; reason: string }) => string;
  configInvalid: (v: { file: string; path: string; message: string }) => string;
  jsonUnwritable: (v: { file: string; reason: string }) => string;
  sameAsInput: (v: { file: string }) => string;
  needsFlag: (v: { command: string; flag: string }) => string;
  outUnwritable: (v: { file: string; reason: string }) => string;
  outInvalid: (v: { file: string; part: string; detail: string }) => string;
  written: (v: { file: string }) => string;
  cleared: (v: { file: string }) => string;
  noticesWritten: (v: { count: number; dir: string }) => string;
  noticeFile: string;
  missingReturns: string;
  merged: (v: {
    file: string;
    changes: number;
    rejected: number;
    /** Of those not applied, the done answers to tasks of several units kept for a later merge. */
    kept: number;
    skipped: number;
    answered: number;
    units: number;
  }) => string;
}

const USAGE = `duban check <workbook.xlsx> [--sheet NAME] [--spec NAME] [--ledger NAME]
            [--as-of YYYY-MM-DD] [--out OUT.xlsx] [--json FILE|-]
            [--lang zh-CN|en-US] [--config settings.json]
  duban clear <workbook.xlsx> --out OUT.xlsx
  duban notices <workbook.xlsx> --out-dir DIR [--sheet NAME] [--as-of YYYY-MM-DD] [--lang …] [--config …]
  duban merge <master.xlsx> <return.xlsx>… --out OUT.xlsx [--sheet NAME] [--as-of YYYY-MM-DD] [--lang …] [--config …]`;

export const CLI_WORDS: Record<Locale, CliWords> = {
  "zh-CN": {
    usage: `用法：\n  ${USAGE}\n\n退出码：0 没有错误级问题；1 至少一个错误级问题；2 输入无法使用。`,
    badFlag: (v) => `参数有误：${v.detail}。用 duban --help 查看用法。`,
    badAsOf: (v) => `--as-of “${v.value}” 不是有效日期。请写成 YYYY-MM-DD，例如 2026-11-18。`,
    badLang: (v) => `--lang “${v.value}” 不受支持。请用 zh-CN 或 en-US。`,
    unknownCommand: (v) =>
      `没有“${v.command}”这个命令。可用的命令：check、clear、notices、merge。用 duban --help 查看用法。`,
    missingFile: "请指定要检查的工作簿，例如：duban check 任务清单.xlsx",
    configUnreadable: (v) => `${v.file}：无法读取设置文件（${v.reason}）。请检查路径，并确认它是 JSON 文件。`,
    configInvalid: (v) => `${v.file}：设置“${v.path}”有误：${v.message}。请按 README 中的设置说明改正。`,
    jsonUnwritable: (v) => `${v.file}：无法写入报告（${v.reason}）。请检查目录是否存在、是否有写权限。`,
    sameAsInput: (v) => `${v.file}：输出文件不能与输入的工作簿相同，输入文件不会被改写。请另选一个文件名。`,
    needsFlag: (v) =>
      `duban ${v.command} 需要 ${v.flag}，例如：duban ${v.command} 任务清单.xlsx ${v.flag} ${v.flag === "--out" ? "结果.xlsx" : "督办单"}`,
    outUnwritable: (v) =>
      `${v.file}：无法写入（${v.reason}）。请检查目录是否存在、是否有写权限、文件是否正在 Excel 中打开。原有文件未被改动。`,
    outInvalid: (v) =>
      `${v.file}：没有写入。Duban 生成的 ${v.part} 未通过 XML 检查（${v.detail}），为免写出打不开的工作簿，已停止。这是 Duban 的错误，请把输入文件和这行信息发给维护者。`,
    written: (v) => `已写入 ${v.file}：标出问题的任务表，以及问题清单、汇总、排名和督办单。`,
    cleared: (v) => `已写入 ${v.file}：去掉了 Duban 的标记和生成的工作表。`,
    noticesWritten: (v) => `已在 ${v.dir} 写入 ${v.count} 份督办单：`,
    noticeFile: "督办单",
    missingReturns:
      "请在主表之后列出收回的反馈文件，例如：duban merge 任务清单.xlsx 反馈/*.xlsx --out 合并后.xlsx",
    merged: (v) =>
      `已写入 ${v.file}：${v.units} 个单位中 ${v.answered} 个已反馈；改动 ${v.changes} 处，未采用 ${v.rejected} 处` +
      (v.kept > 0 ? `（其中 ${v.kept} 处是多单位任务的办结反馈，已记下，待其余单位反馈）` : "") +
      `，跳过文件 ${v.skipped} 个。详见“反馈情况”表。`,
  },
  "en-US": {
    usage: `Usage:\n  ${USAGE}\n\nExit codes: 0 no finding of error severity; 1 at least one; 2 the input could not be used.`,
    badFlag: (v) => `${v.detail}. See duban --help.`,
    badAsOf: (v) => `--as-of "${v.value}" is not a date. Write it as YYYY-MM-DD, e.g. 2026-11-18.`,
    badLang: (v) => `--lang "${v.value}" is not supported. Use zh-CN or en-US.`,
    unknownCommand: (v) =>
      `there is no command "${v.command}". Available: check, clear, notices, merge. See duban --help.`,
    missingFile: "name the workbook to check, e.g. duban check tasks.xlsx",
    configUnreadable: (v) =>
      `${v.file}: cannot read the settings file (${v.reason}). Check the path and that it is JSON.`,
    configInvalid: (v) =>
      `${v.file}: setting "${v.path}" is wrong: ${v.message}. See the settings section of the README.`,
    jsonUnwritable: (v) =>
      `${v.file}: cannot write the report (${v.reason}). Check that the folder exists and can be written.`,
    sameAsInput: (v) =>
      `${v.file}: the output cannot be the input workbook, which is never modified. Choose another file name.`,
    needsFlag: (v) =>
      `duban ${v.command} needs ${v.flag}, e.g. duban ${v.command} tasks.xlsx ${v.flag} ${v.flag === "--out" ? "checked.xlsx" : "notices"}`,
    outUnwritable: (v) =>
      `${v.file}: cannot write (${v.reason}). Check that the folder exists and can be written and that the file is not open in Excel. Nothing was changed.`,
    outInvalid: (v) =>
      `${v.file}: not written. The ${v.part} Duban made failed its XML check (${v.detail}), so Duban stopped rather than write a workbook that would not open. This is Duban's fault: please send the input file and this line to its maintainers.`,
    written: (v) =>
      `Wrote ${v.file}: the task sheet with its problems highlighted, and the issues, summary, ranking and notices sheets.`,
    cleared: (v) => `Wrote ${v.file}: Duban's highlights and generated sheets taken out.`,
    noticesWritten: (v) => `Wrote ${v.count} notice(s) to ${v.dir}:`,
    noticeFile: "Notice",
    missingReturns:
      "name the returned files after the master, e.g. duban merge tasks.xlsx returns/*.xlsx --out merged.xlsx",
    merged: (v) =>
      `Wrote ${v.file}: ${v.answered} of ${v.units} units answered; ${v.changes} cell(s) changed, ${v.rejected} answer(s) not applied` +
      (v.kept > 0
        ? ` (${v.kept} of them done answers to tasks of several units, kept until the other units answer)`
        : "") +
      `, ${v.skipped} file(s) skipped. See the Feedback sheet.`,
  },
};
