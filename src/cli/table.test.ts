import { displayWidth, formatTable, wrapToWidth } from "./table";

test.each([
  ["abc", 3],
  ["综采一队", 8],
  ["Ｈ１３", 6],
  ["H13：", 5],
])("%j takes %i columns", (text, width) => expect(displayWidth(text)).toBe(width));

describe("wrapToWidth", () => {
  test.each([
    ["H13：完成时限 2026-11-03 已过 15 天，任务尚未完成。请督促安全科办结，或更新完成情况。", 30],
    [
      "H13: deadline 2026-11-03 passed 15 day(s) ago and the task is not done. Chase 安全科 or update the status.",
      40,
    ],
    ["短", 10],
    ["", 10],
  ])("%j fits %i columns and loses nothing", (text, width) => {
    const lines = wrapToWidth(text, width);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
    expect(lines.join("").replace(/ /g, "")).toBe(text.replace(/ /g, ""));
  });

  test("a line never starts with a closing mark (，。、）): the character before it moves down too", () => {
    expect(wrapToWidth("一二三四五，六七", 10)).toEqual(["一二三四", "五，六七"]);
  });

  test("English words are not split", () => {
    const lines = wrapToWidth("the task is not done and nobody has chased it yet", 12);
    expect(lines).toEqual(["the task is", "not done and", "nobody has", "chased it", "yet"]);
  });
});

describe("formatTable", () => {
  test("columns line up by display width, numbers to the right, long cells wrap", () => {
    const text = formatTable(
      ["单位", "任务数", "说明"],
      [
        ["综采一队", 15, "完成时限已过请督促办结"],
        ["ABC", 7, "ok"],
      ],
      { maxWidths: [undefined, undefined, 12], alignRight: [1] },
    );
    const lines = text.split("\n");
    expect(new Set(lines.map(displayWidth)).size).toBe(1);
    expect(lines).toContain("│ 综采一队 │     15 │ 完成时限已过 │");
    expect(lines).toContain("│          │        │ 请督促办结   │");
    expect(lines).toContain("│ ABC      │      7 │ ok           │");
  });
});
