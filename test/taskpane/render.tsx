// Renders the pane as the Office entry point does, around a fake host, with a user who clicks and types.

import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Locale } from "../../src/core";
import { App } from "../../src/taskpane/App";
import { AS_OF, FakeHost, taskWorkbook } from "./fakeHost";

export function renderPane(
  options: { host?: FakeHost; locale?: Locale; theme?: "light" | "dark" } = {},
): { host: FakeHost; user: ReturnType<typeof userEvent.setup> } & ReturnType<typeof render> {
  const host = options.host ?? new FakeHost(taskWorkbook());
  const user = userEvent.setup();
  const view = render(
    <App host={host} locale={options.locale ?? "zh-CN"} theme={options.theme ?? "light"} today={AS_OF} />,
  );
  return { host, user, ...view };
}
