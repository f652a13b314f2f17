import { Progress } from "./progress";

function stream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, isTTY, write: (text: string) => writes.push(text) };
}

describe("Progress", () => {
  test("draws on a terminal for a large table, then clears its line", () => {
    const s = stream(true);
    const progress = new Progress(s, "zh-CN");
    progress.reading("tasks.xlsx");
    progress.checking(50_000, 100_000);
    progress.checking(100_000, 100_000);
    progress.clear();
    expect(s.writes[0]).toContain("读取 tasks.xlsx");
    expect(s.writes[1]).toMatch(/检查 █{15}░{15} 50000\/100000/);
    expect(s.writes[2]).toMatch(/█{30} 100000\/100000/);
    expect(s.writes[3]).toBe("\r\x1b[K");
  });

  test("says nothing when stderr is a pipe or a file", () => {
    const s = stream(false);
    const progress = new Progress(s, "en-US");
    progress.reading("tasks.xlsx");
    progress.checking(50_000, 100_000);
    progress.clear();
    expect(s.writes).toEqual([]);
  });

  test("no bar for a small table, which is done before it could be read", () => {
    const s = stream(true);
    const progress = new Progress(s, "en-US");
    progress.checking(500, 1000);
    expect(s.writes).toEqual([]);
  });
});
