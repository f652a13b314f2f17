import { DEFAULTS } from "./defaults";
import { DEFAULT_SETTINGS, parseSettings, settingsSchema } from "./settings";

describe("the default settings", () => {
  test("are what the schema makes of no settings at all, key for key", () => {
    expect(settingsSchema.parse({})).toEqual(DEFAULTS);
    expect(DEFAULT_SETTINGS).toBe(DEFAULTS);
  });

  test.each<[string, unknown]>([
    ["a colour", { colors: { overdue: { fill: "000000" } } }],
    ["a ranking weight", { ranking: { weights: { overdue: 3 } } }],
    ["the language", { language: "en-US" }],
  ])("%s given leaves every other default in place", (_name, input) => {
    const parsed = parseSettings(input);
    if (!("settings" in parsed)) throw new Error("refused");
    const { settings } = parsed;
    expect(settings.dueSoonDays).toBe(DEFAULTS.dueSoonDays);
    expect(settings.colors.merged).toEqual(DEFAULTS.colors.merged);
    expect(settings.ranking.weights.missingInstance).toBe(DEFAULTS.ranking.weights.missingInstance);
  });
});
