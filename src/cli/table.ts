// Box tables for the terminal, measured in display columns (a CJK character takes two).

import { displayWidth } from "../core/values/text";

export { displayWidth };

const NO_LINE_START = /[，。、；：？！）」』”’》〉】,.;:?!)\]]/;

/**
 * Wraps by display width, wherever a line is full: Chinese has no spaces to break at; an English word
 * moves whole to the next line.
 */
export function wrapToWidth(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  let used = 0;
  for (const char of text) {
    const charWidth = displayWidth(char);
    if (used + charWidth > width && line !== "") {
      const space = /[\x21-\x7e]/.test(char) && /[\x21-\x7e]$/.test(line) ? line.lastIndexOf(" ") : -1;
      // 禁则: a closing mark may not begin a line, so the character before it moves down with it.
      const chars = [...line];
      const carry = space < 0 && NO_LINE_START.test(char) && chars.length > 1 ? chars[chars.length - 1]! : "";
      const cut = space > 0 ? space : line.length - carry.length;
      lines.push(line.slice(0, cut).trimEnd());
      line = space > 0 ? line.slice(space + 1) : carry;
      used = displayWidth(line);
    }
    if (char === " " && line === "") continue;
    line += char;
    used += charWidth;
  }
  if (line !== "" || lines.length === 0) lines.push(line);
  return lines;
}

export interface TableOptions {
  /** Widest a column may be; longer cells wrap. Columns without a maximum take their widest cell. */
  readonly maxWidths?: ReadonlyArray<number | undefined>;
  /** Columns aligned right (numbers). */
  readonly alignRight?: readonly number[];
}

/** A table with a ruled header, no rules between body rows (a long list stays readable). */
export function formatTable(
  head: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number>>,
  options: TableOptions = {},
): string {
  const cells = [head, ...rows].map((row) =>
    row.map((cell, c) => {
      const max = options.maxWidths?.[c];
      return max === undefined ? [String(cell)] : wrapToWidth(String(cell), max);
    }),
  );
  const widths = head.map((_, c) =>
    Math.max(...cells.map((row) => Math.max(...(row[c] ?? [""]).map(displayWidth)))),
  );
  const right = new Set(options.alignRight ?? []);
  const rule = (left: string, middle: string, end: string) =>
    left + widths.map((w) => "─".repeat(w + 2)).join(middle) + end;
  const lines = [rule("┌", "┬", "┐")];
  cells.forEach((row, r) => {
    const height = Math.max(...row.map((lines) => lines.length));
    for (let i = 0; i < height; i++) {
      const parts = widths.map((w, c) => {
        const text = row[c]?.[i] ?? "";
        const pad = " ".repeat(w - displayWidth(text));
        return right.has(c) && r > 0 ? pad + text : text + pad;
      });
      lines.push(`│ ${parts.join(" │ ")} │`);
    }
    if (r === 0) lines.push(rule("├", "┼", "┤"));
  });
  lines.push(rule("└", "┴", "┘"));
  return lines.join("\n");
}
