import { resolveSettings, withoutBadSettings } from "./settings";

test("the pane's language wins over the workbook's; the rest is the workbook's", () => {
  const resolved = resolveSettings({ language: "en-US", dueSoonDays: 7 }, "zh-CN");
  expect("settings" in resolved && resolved.settings).toMatchObject({ language: "zh-CN", dueSoonDays: 7 });
});

test("a wrong stored setting is a problem naming its key", () => {
  const resolved = resolveSettings({ headerRow: 0 }, "zh-CN");
  expect("problems" in resolved && resolved.problems.map((p) => p.path)).toEqual(["headerRow"]);
});

test("withoutBadSettings drops each wrong or unknown key and keeps the rest as stored", () => {
  const stored = {
    headerRow: 0,
    dueSoonDays: 5,
    colour: "red",
    ranking: { weights: { overdue: -1 } },
    columns: { unit: "G" },
  };
  expect(withoutBadSettings(stored)).toEqual({ dueSoonDays: 5, columns: { unit: "G" } });
  expect(withoutBadSettings("garbage")).toEqual({});
  expect(withoutBadSettings(undefined)).toEqual({});
});
