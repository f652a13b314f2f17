import { parseCycle } from "./cycle";
import { parseNumber } from "./number";
import { isCancelled, parseStatus } from "./status";
import isFullwidthCodePoint from "is-fullwidth-code-point";
import {
  rosterUnits,
  cellText,
  closest,
  columnsBetween,
  lineColumns,
  compactKey,
  displayWidth,
  editDistance,
  foldPlainText,
  isBlank,
  isFilled,
  isFormulaError,
  normalizeText,
  splitUnits,
} from "./text";
import fc from "fast-check";
import type { CellValue } from "../workbook";

describe("parseStatus", () => {
  const done = [
    "已完成",
    "完成",
    "已办结",
    "办结",
    "√",
    "✓",
    "✔",
    "是",
    "100%",
    "１００％",
    "Done",
    "COMPLETED",
    "Yes",
    " 已完成 ",
    "已完成（已验收）",
    "已完成[见附件]",
    "已完成【已验收】",
    "已完成！！",
    "已完成，详见附件",
    "已完成; 已验收",
    "完成100%",
    "100%完成",
    "√已完成",
    "已完成✔",
    "已于11月10日完成",
    "已于2026-11-10办结",
    "11月10日已完成",
    "2026.11.10 已办结",
    "已完成 2026-11-20",
    "已办结2026.11.20",
    "已完成 11月20日",
    "已经完成",
    "已全部完成",
    "按期完成",
    "已按时完成",
    "提前完成",
    "已竣工",
    "逾期完成",
    "超期办结",
    "Finished",
    "已完成并上报",
    "办结并归档",
    // A hazard ledger's (隐患整改台账).
    "已整改",
    "完成整改",
    "已完成整改",
    "整改完成",
    "整改完毕",
    "已销号",
    "已闭环",
    "已验收",
    "验收合格",
    1,
    100,
    true,
  ];
  const open = [
    "序时推进",
    "待上报",
    "待报送",
    "进行中",
    "推进中",
    "未开始",
    "未完成",
    "待办",
    "否",
    "In progress",
    "in-progress",
    "Open",
    "Not started",
    "Ongoing",
    "WIP",
    "On track",
    "Overdue",
    "60%",
    "60%，正在推进",
    "完成80%",
    "进度30%",
    "整改中",
    "按计划推进",
    "未启动",
    "部分完成",
    "已超期",
    "按时序推进",
    "持续推进中",
    "正常推进中",
    "未到期",
    "80%完成",
    "未报送",
    "延期",
    "申请延期",
    "逾期未完成",
    "未整改",
    "待整改",
    "未销号",
    "未按期完成",
    "施工中",
    "已开工",
    "持续整改",
    "正在落实",
    "0%",
    "99.5%",
    0.6,
    0,
    45,
    false,
  ];
  const unknown = [
    "基本完成",
    "差不多",
    "√进行中",
    "80%√",
    "已完成了吗",
    "120%",
    150,
    -1,
    "已落实",
    // Done in other words than SPEC.md's, or not yet accepted: the clerk decides.
    // 延期完成 may be done after an extension, or its completion put off.
    "延期完成",
    "待验收",
    "待审核",
    // Put right, awaiting the check: the clerk decides, as for 待验收.
    "待复查",
    // Not done and then something else, or stopped: the clerk decides.
    "未完成并上报",
    "完成并不理想",
    "暂停",
    "，已完成",
    "完成率120%",
    "计划于12月底完成",
    // A day then 完成 may be the plan (12月底完成): the clerk decides.
    "11月20日完成",
    "于11月10日完成",
  ];
  test.each([
    ["已完成 2026-11-20", "20261120"],
    ["已于11月10日完成", "11月10日"],
    ["2026.11.10 已办结", "2026.11.10"],
    ["已完成", undefined],
  ])("%j is done, on %j", (value, on) => {
    expect(parseStatus(value)).toStrictEqual(on === undefined ? { kind: "done" } : { kind: "done", on });
  });
  test.each(done.map((v) => [v]))("%j is done", (value: CellValue) =>
    expect(parseStatus(value).kind).toBe("done"),
  );
  test.each(open.map((v) => [v]))("%j is open", (value: CellValue) =>
    expect(parseStatus(value).kind).toBe("open"),
  );
  test.each(unknown.map((v) => [v]))("%j is unknown", (value: CellValue) => {
    expect(parseStatus(value).kind).toBe("unknown");
  });
  test.each([[null], [""], ["   "], ["/"], ["—"], ["——"], ["／"], ["-"]])("%j is empty", (value: CellValue) =>
    expect(parseStatus(value).kind).toBe("empty"),
  );
  test("unknown keeps the clerk's text for the message", () => {
    expect(parseStatus(" 基本完成 ")).toEqual({ kind: "unknown", text: "基本完成" });
    expect(parseStatus(" 120% ")).toEqual({ kind: "unknown", text: "120%" });
    expect(parseStatus(" 已取消 ")).toStrictEqual({ kind: "unknown", text: "已取消", cancelled: true });
  });
  test("a date in the status column is unknown, shown as the day it is", () => {
    expect(parseStatus({ day: 20470 })).toEqual({ kind: "unknown", text: "2026-01-17" });
  });
  test("undefined is empty", () => expect(parseStatus(undefined).kind).toBe("empty"));
  test.each([
    ["已取消", true],
    ["取消", true],
    ["终止（上级通知）", true],
    ["已撤销。", true],
    ["不再执行", true],
    ["Cancelled", true],
    ["暂缓", false],
    ["取消了吗", false],
    ["已完成", false],
    ["进行中", false],
    ["", false],
  ])("%j says the work was called off: %s", (text, cancelled) => {
    expect(isCancelled(parseStatus(text))).toBe(cancelled);
  });
});

describe("parseCycle", () => {
  const cases: Array<[string, string]> = [
    ["一次性", "once"],
    ["单次", "once"],
    ["不定期", "once"],
    ["年", "year"],
    ["年度", "year"],
    ["每年", "year"],
    ["半年", "half"],
    ["季", "quarter"],
    ["季度", "quarter"],
    ["每季度", "quarter"],
    ["月", "month"],
    ["月度", "month"],
    ["每月", "month"],
    ["旬", "tenDay"],
    ["每旬", "tenDay"],
    ["周", "week"],
    ["每周", "week"],
    ["日", "day"],
    ["每日", "day"],
    ["每天", "day"],
    ["once", "once"],
    ["Yearly", "year"],
    ["half-yearly", "half"],
    ["Quarterly", "quarter"],
    ["monthly", "month"],
    ["ten-day", "tenDay"],
    ["Weekly", "week"],
    ["daily", "day"],
    [" 每 月 ", "month"],
    ["每月。", "month"],
    ["每月一次", "month"],
    ["每季度一次", "quarter"],
    ["一季度一次", "quarter"],
    ["每年1次", "year"],
    ["一周一次", "week"],
    ["一年一次", "year"],
    ["每半年一次", "half"],
    ["按季度", "quarter"],
    ["按周", "week"],
    ["月报", "month"],
    ["旬报", "tenDay"],
    ["every month", "month"],
    ["每月至少一次", "month"],
    ["每周至少1次", "week"],
    ["1次/月", "month"],
    ["次/月", "month"],
    ["一次／季度", "quarter"],
    ["月/次", "month"],
    // 半月: twice a month, the 1st to the 15th and the 16th to the month's end.
    ["半月", "halfMonth"],
    ["每半月", "halfMonth"],
    ["每半月一次", "halfMonth"],
    ["每月两次", "halfMonth"],
    ["2次/月", "halfMonth"],
    ["两次／月", "halfMonth"],
    ["semi-monthly", "halfMonth"],
  ];
  test.each(cases)("%j is %s", (text, cycle) => expect(parseCycle(text)).toEqual({ kind: "cycle", cycle }));
  test.each([
    ["随时"],
    ["每两年"],
    ["fortnightly"],
    ["两月一次"],
    ["按"],
    ["一"],
    ["按需"],
    ["3次/月"],
    ["12次/月"],
    ["次月"],
  ])("%j is not a cycle", (text) => {
    expect(parseCycle(text)).toEqual({ kind: "invalid", text });
  });
  test("empty", () => expect(parseCycle(" ").kind).toBe("empty"));
  test.each([[null], [undefined], [""]])("%j is empty", (value) => {
    expect(parseCycle(value)).toEqual({ kind: "empty" });
  });
  test("a number is read as its text, and an unknown word is kept without its surrounding spaces", () => {
    expect(parseCycle(12)).toEqual({ kind: "invalid", text: "12" });
    expect(parseCycle(" 双周\u3000")).toEqual({ kind: "invalid", text: "双周" });
  });
  test("a date or a boolean is named as the cell shows it", () => {
    expect(parseCycle({ day: 20470 })).toEqual({ kind: "invalid", text: "2026-01-17" });
    expect(parseCycle(true)).toEqual({ kind: "invalid", text: "TRUE" });
  });
});

describe("parseNumber", () => {
  const cases: Array<[CellValue, string]> = [
    [5, "5"],
    ["5", "5"],
    ["５", "5"],
    [" 2.5 ", "2.5"],
    ["5分", "5"],
    ["10（分）", "10"],
    ["5分。", "5"],
    ["10.", "10"],
    ["-1", "-1"],
    ["优", "invalid"],
    ["5 points", "invalid"],
    ["1,000", "invalid"],
    [true, "invalid"],
    [null, "empty"],
    ["", "empty"],
    ["/", "empty"],
    ["-", "empty"],
    ["——", "empty"],
    // A column that is summed wants numbers: the clerk is asked for one.
    ["8（扣2分）", "invalid"],
    ["五", "invalid"],
    ["扣2分", "invalid"],
  ];
  test.each(cases)("%j reads as %s", (value, expected) => {
    const parsed = parseNumber(value);
    expect(parsed.kind === "number" ? String(parsed.value) : parsed.kind).toBe(expected);
  });
  test("what a clerk sees in the finding: the text without its surrounding spaces", () => {
    expect(parseNumber(" 优 ")).toEqual({ kind: "invalid", text: "优" });
    expect(parseNumber(Number.NaN)).toEqual({ kind: "invalid", text: "NaN" });
    expect(parseNumber(undefined)).toEqual({ kind: "empty" });
    // Only a trailing 分 is the unit.
    expect(parseNumber("分5")).toEqual({ kind: "invalid", text: "分5" });
    // A date or a boolean, as the cell shows it (not [object Object]).
    expect(parseNumber({ day: 20470 })).toEqual({ kind: "invalid", text: "2026-01-17" });
    expect(parseNumber(false)).toEqual({ kind: "invalid", text: "FALSE" });
  });
});

describe("text helpers", () => {
  test.each([
    ["#N/A", true],
    ["#REF!", true],
    ["#DIV/0!", true],
    ["#NAME?", true],
    ["#SPILL!", true],
    ["#N/A ", false],
    ["#1", false],
    ["N/A", false],
    ["#待定", false],
  ])("isFormulaError(%j) is %s", (text, expected) => expect(isFormulaError(text)).toBe(expected));
  test.each([
    ["　综采一队　", "综采一队"],
    [" 综采  一队\n", "综采 一队"],
    ["ＡＢＣ１２３", "ABC123"],
  ])("normalizeText(%j) = %j", (text, expected) => expect(normalizeText(text)).toBe(expected));

  test.each([
    ["责任单位", "责任单位"],
    ["  责 任 单 位：", "责任单位"],
    ["Due Date", "duedate"],
    ["Ｄｕｅ　ｄａｔｅ", "duedate"],
    ["No.", "no"],
    ["完成时限\n(截止)", "完成时限截止"],
  ])("compactKey(%j) = %j", (text, expected) => expect(compactKey(text)).toBe(expected));

  test.each([
    [null, "", true],
    [undefined, "", true],
    ["", "", true],
    [" \u3000\n", " \u3000\n", true],
    ["综采一队", "综采一队", false],
    [0, "0", false],
    [2.5, "2.5", false],
    [true, "TRUE", false],
    [false, "FALSE", false],
    [{ day: 20762 }, "2026-11-05", false],
  ])("cellText(%j) = %j, blank: %s", (value: CellValue | undefined, text, blank) => {
    expect(cellText(value)).toBe(text);
    expect(isBlank(value)).toBe(blank);
    expect(isFilled(value)).toBe(!blank);
  });

  test.each([
    ["综采一队、机电科", ["综采一队", "机电科"]],
    ["A, B；C\nD", ["A", "B", "C", "D"]],
    ["　综采一队　", ["综采一队"]],
    ["", []],
    ["综采一队（牵头）、机电科（配合）", ["综采一队", "机电科"]],
    ["综采一队 (牵头单位)", ["综采一队"]],
    ["牵头：综采一队；配合：机电科", ["综采一队", "机电科"]],
    ["牵头单位: 综采一队\n配合单位: 机电科、运输队", ["综采一队", "机电科", "运输队"]],
    ["责任单位：机电科", ["机电科"]],
    ["综采一队牵头，机电科配合", ["综采一队", "机电科"]],
    ["机电科（牵头）通风科（配合）", ["机电科", "通风科"]],
    ["机电科(牵头) 通风科(配合)", ["机电科", "通风科"]],
    ["机电科负责", ["机电科"]],
    // Brackets that are not a role are part of the name; a role alone names no unit.
    ["综合办公室（党委办公室）", ["综合办公室(党委办公室)"]],
    ["机电科（含供电）", ["机电科(含供电)"]],
    ["（牵头）", []],
    ["牵头", ["牵头"]],
  ])("splitUnits(%j)", (text, units) => expect(splitUnits(text)).toEqual(units));

  const ROSTER = ["机电科", "通风科", "安全和环保部", "综采一队", "IT中心", "机 电 科"];
  test.each([
    ["机电科", ["机电科"]],
    ["机 电 科", ["机电科"]],
    // Case does not count; of two names the same but for spaces, the first listed.
    ["it中心", ["IT中心"]],
    ["机电科(张三)", ["机电科"]],
    ["机电科(科长:张三)", ["机电科"]],
    ["机电科 张三", ["机电科"]],
    ["机电科等", ["机电科"]],
    ["机电科/通风科", ["机电科", "通风科"]],
    ["机电科 通风科", ["机电科", "通风科"]],
    ["机电科+通风科", ["机电科", "通风科"]],
    ["机电科和通风科", ["机电科", "通风科"]],
    ["机电科及通风科", ["机电科", "通风科"]],
    ["机电科 配合单位:通风科", ["机电科", "通风科"]],
    ["机电科/机电科", ["机电科"]],
    // A name with 和 in it is the roster's; parts not all on the roster are no list.
    ["安全和环保部", ["安全和环保部"]],
    ["机电科和党办", ["机电科和党办"]],
    ["党办", ["党办"]],
    ["张三 机电科", ["张三 机电科"]],
    ["综采一队(东区)", ["综采一队"]],
    ["机电等科", ["机电等科"]],
    ["/机电科", ["/机电科"]],
    ["机电科 张三 李四", ["机电科"]],
    ["机电科:张三", ["机电科"]],
    ["张三(机电科)", ["机电科"]],
    ["张三 (机电科)", ["机电科"]],
    ["张三(李四)", ["张三(李四)"]],
  ])("rosterUnits(roster)(%j)", (unit, units) => expect(rosterUnits(ROSTER)(unit)).toEqual(units));

  test.each([
    ["综采1队", ["综采一队", "综采二队", "机电科"], "综采一队"],
    ["机电", ["综采一队", "机电科"], "机电科"],
    ["x", [], undefined],
    // An abbreviation, or a name with more after it, before what is fewest edits away.
    ["党办", ["机电科", "党委办公室"], "党委办公室"],
    ["通风科室", ["通风队", "通风科"], "通风科"],
    ["综采一队机修班", ["综采二队机修班", "综采一队"], "综采一队"],
    ["机电", ["机电科", "机电一队"], "机电科"],
    // Its first character must lead: 办室 is no abbreviation of 党委办公室.
    ["办室", ["党委办公室", "财务室"], "财务室"],
    // One character abbreviates nothing; a name is no abbreviation of itself, nor of a name as long.
    ["机", ["一", "机电设备科"], "一"],
    ["机电", ["机械电子科", "机电"], "机电"],
    ["机电", ["机械", "电机"], "机械"],
    // Its characters in order, every one of them.
    ["机电", ["机修车间科室", "电力科"], "电力科"],
    ["电机", ["电力科", "机电"], "电力科"],
    // An empty name is held by every text, and related to none.
    ["ab", ["", "ac"], "ac"],
  ])("closest(%j)", (text, candidates, expected) => expect(closest(text, candidates)).toBe(expected));

  test.each([
    ["综采一队", "综采一队", 0],
    ["综采1队", "综采一队", 1],
    ["kitten", "sitting", 3],
    ["ab", "ba", 2],
    ["", "机电科", 3],
    ["机电科", "", 3],
    ["𠮷野家", "吉野家", 1],
  ])("editDistance(%j, %j) = %d", (a, b, distance) => expect(editDistance(a, b)).toBe(distance));
});

describe("displayWidth", () => {
  // The plain definition the fast paths must agree with: a code point at a time, the package deciding.
  const byCodePoint = (text: string) => {
    let width = 0;
    for (const char of text) width += isFullwidthCodePoint(char.codePointAt(0)!) ? 2 : 1;
    return width;
  };

  it("agrees with is-fullwidth-code-point on every code unit of the BMP", () => {
    for (let code = 0; code <= 0xffff; code++) {
      const text = String.fromCharCode(code);
      expect([code, displayWidth(text)]).toEqual([code, byCodePoint(text)]);
    }
  });

  it.each([
    "𠀀𠮷𩸽",
    "a😀b",
    "\ud840",
    "\ud840x",
    "\udc00\ud840",
    "\ud800\udc00\udbff\udfff",
    "综采一队（机电）：“完成”。、★ＡＢ",
  ])("agrees on %j, pairs and lone surrogates included", (text) => {
    expect(displayWidth(text)).toBe(byCodePoint(text));
  });

  it("counts a slice, ★ at the width asked for", () => {
    expect(columnsBetween("ab★综\n★★", 0, 4, 2)).toBe(6);
    expect(columnsBetween("ab★综\n★★", 5, 7, 1)).toBe(2);
    // A pair cut by the slice's end counts its first half alone.
    expect(columnsBetween("𠀀", 0, 1, 1)).toBe(1);
  });

  it.each([
    ["", 2, 0],
    ["ab★综", 2, 6],
    ["ab★综", 1, 5],
    ["综采一队\t𠀀", 2, 11],
    ["\r", 2, 1],
    ["ab\n", 2, -1],
    ["\n综", 2, -1],
    ["综采\n一队", 1, -1],
  ])(
    "lineColumns(%j, ★ %i): columnsBetween's count of one line, -1 with a line break",
    (text, star, want) => {
      expect(lineColumns(text, star)).toBe(want);
      if (want >= 0) expect(lineColumns(text, star)).toBe(columnsBetween(text, 0, text.length, star));
    },
  );
});

// Equivalent mutants (npm run mutate) in foldPlainText: `fullWidth` starting true, or `if (!fullWidth)` made false,
// only copy a text with nothing to fold through the folding loop; that loop's `c > 0xff5e` made false changes
// nothing, as no code unit it is given lies above the full-width forms.
describe("foldPlainText", () => {
  it("is NFKC on every code unit of the BMP it takes, and takes no white space", () => {
    for (let c = 0; c <= 0xffff; c++) {
      const text = String.fromCharCode(c);
      const folded = foldPlainText(text);
      if (folded === undefined) continue;
      expect([c, folded]).toEqual([c, text.normalize("NFKC")]);
      expect(/\s/.test(text)).toBe(false);
    }
  });

  it.each([
    ["编制年度计划（第12项）", "编制年度计划(第12项)"],
    ["ＡＢ１２：安全、生产。", "AB12:安全、生产。"],
    ["plain", "plain"],
    ["", ""],
    // The first and last code units of each range it takes.
    ["!~\u4e00\u9fff", "!~\u4e00\u9fff"],
    ["\uff01\uff5e", "!~"],
  ])("%j folds to %j", (text, folded) => expect(foldPlainText(text)).toBe(folded));

  it.each([8191, 8192, 8193, 20_000])(
    "a text of %i code units folds whole, after longer and shorter ones",
    (n) => {
      const text = "任（Ａ）".repeat(n).slice(0, n);
      for (const other of [text.repeat(2), "（", text])
        expect(foldPlainText(other)).toBe(other.normalize("NFKC"));
    },
  );

  it.each([["两 个"], ["全角　空格"], ["e\u0301"], ["Ⅻ"], ["😀"], ["ｶﾀｶﾅ"], ["\u007f"]])(
    "%j is left to NFKC",
    (text) => expect(foldPlainText(text)).toBeUndefined(),
  );

  it("on random texts of what it takes and what it does not: NFKC or undefined", () => {
    const piece = fc.constantFrom(
      "任务",
      "a",
      "Ａ",
      "（",
      "）",
      "、",
      "1",
      " ",
      "\u3000",
      "e\u0301",
      "ｶ",
      "《",
      "】",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const text = pieces.join("");
        const folded = foldPlainText(text);
        if (folded !== undefined) expect(folded).toBe(text.normalize("NFKC"));
        else expect(/[\s\u0301ｶ]/.test(text)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
