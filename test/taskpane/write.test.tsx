// 生成汇总 writes highlights and the generated sheets and names them; 清除标记 takes them out.

import { fireEvent, screen, within } from "@testing-library/react";
import { FakeHost, taskWorkbook } from "./fakeHost";
import { renderPane } from "./render";

test("生成汇总 writes the checked result and names the sheets written", async () => {
  const { host, user } = renderPane();
  expect(screen.queryByRole("button", { name: "生成汇总" })).toBeNull();
  await user.click(screen.getByRole("button", { name: "检查" }));
  await screen.findByText("显示 6 条，共 6 条");

  await user.click(screen.getByRole("button", { name: "生成汇总" }));

  expect(await screen.findByText("汇总已生成")).toBeTruthy();
  expect(
    screen.getByText("已生成：问题清单、汇总 (2)、排名、督办单。问题已在任务表中用颜色标出。"),
  ).toBeTruthy();
  expect(host.writes).toHaveLength(1);
  expect(host.writes[0]!.locale).toBe("zh-CN");
  expect(host.writes[0]!.result.findings).toHaveLength(6);
});

test("Write summary names the sheets in English", async () => {
  const { host, user } = renderPane({ locale: "en-US" });
  await user.click(screen.getByRole("button", { name: "Check" }));
  await screen.findByText("Showing 6 of 6");
  await user.click(screen.getByRole("button", { name: "Write summary" }));

  expect(await screen.findByText(/^Written: Issues, Summary, Ranking, Notices\./)).toBeTruthy();
  expect(host.writes[0]!.locale).toBe("en-US");
});

test("Cancel while writing aborts the write", async () => {
  const host = new FakeHost(taskWorkbook());
  let signal: AbortSignal | undefined;
  host.writeResults = (_result, options) => {
    signal = options.signal;
    options.onProgress({ phase: "writing", done: 2, total: 5 });
    return new Promise((_, reject) =>
      options.signal.addEventListener("abort", () => reject(new Error("stopped"))),
    );
  };
  const { user } = renderPane({ host });
  await user.click(screen.getByRole("button", { name: "检查" }));
  await user.click(await screen.findByRole("button", { name: "生成汇总" }));

  expect(await screen.findByText("正在写入标记和汇总表…")).toBeTruthy();
  expect(screen.getByText("2 / 5")).toBeTruthy();
  expect(screen.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("0.4");
  await user.click(screen.getByRole("button", { name: "取消" }));

  expect(await screen.findByText("已取消")).toBeTruthy();
  expect(signal?.aborted).toBe(true);
  expect(screen.queryByText("汇总已生成")).toBeNull();
  // The result stays: it can be written again.
  expect(screen.getByRole("button", { name: "生成汇总" })).toHaveProperty("disabled", false);
});

test("清除标记 clears and says so", async () => {
  const { host, user } = renderPane();
  await user.click(screen.getByRole("button", { name: "清除标记" }));
  const bar = (await screen.findByText(/^已清除督办助手的颜色标记和生成的工作表/)).closest(".fui-MessageBar");
  expect(bar).toBeTruthy();
  expect(within(bar as HTMLElement).getByRole("button", { name: "关闭" })).toBeTruthy();
  expect(host.clears).toBe(1);
});

test("the check's notices are shown as warnings", async () => {
  const host = new FakeHost(taskWorkbook());
  const { user } = renderPane({ host });
  fireEvent.change(screen.getByLabelText("检查日"), { target: { value: "2040-11-19" } });
  await user.click(screen.getByRole("button", { name: "检查" }));
  expect(await screen.findByText(/^工作日历只收录到 \d{4} 年/)).toBeTruthy();
});
