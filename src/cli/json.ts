// The JSON report written in pieces: the same text as JSON.stringify(report, null, 2), without ever holding
// all of it (a 100,000-row check reports tens of thousands of issues, 14 MB of JSON, twice over as a string
// and its bytes, at the moment the process is largest).

/** The pieces of `JSON.stringify(value, null, 2) + "\n"`, the elements of `value[arrayKey]` one by one. */
export function* jsonPieces<T extends object>(value: T, arrayKey: keyof T & string): Generator<string> {
  const indent = (text: string, by: string) => text.replace(/\n/g, `\n${by}`);
  // JSON.stringify leaves out what it cannot write (undefined, functions, symbols); so do these pieces. Told
  // apart without writing the member out: the array of issues alone is most of the report.
  const entries = Object.entries(value as Record<string, unknown>).filter(([key, item]) =>
    writable(key, item),
  );
  if (entries.length === 0) {
    yield "{}\n";
    return;
  }
  yield "{\n";
  for (let i = 0; i < entries.length; i++) {
    const [key, item] = entries[i]!;
    const comma = i < entries.length - 1 ? "," : "";
    if (key === arrayKey && Array.isArray(item) && item.length > 0) {
      yield `  ${JSON.stringify(key)}: [\n`;
      for (let k = 0; k < item.length; k++) {
        // An element JSON cannot write stands as null in an array, as JSON.stringify writes it.
        const text = JSON.stringify(item[k], null, 2) ?? "null";
        yield `    ${indent(text, "    ")}${k < item.length - 1 ? "," : ""}\n`;
      }
      yield `  ]${comma}\n`;
    } else {
      yield `  ${JSON.stringify(key)}: ${indent(JSON.stringify(item, null, 2), "  ")}${comma}\n`;
    }
  }
  yield "}\n";
}

/** Whether JSON.stringify writes a member with this value at all (after its toJSON, once, as it calls it). */
function writable(key: string, item: unknown): boolean {
  const toJSON =
    item !== null && typeof item === "object" ? (item as { toJSON?: unknown }).toJSON : undefined;
  const written = typeof toJSON === "function" ? (toJSON as (key: string) => unknown).call(item, key) : item;
  return written !== undefined && typeof written !== "function" && typeof written !== "symbol";
}

/** The pieces gathered into UTF-8 buffers of about `size` characters each. */
export function* utf8Batches(pieces: Iterable<string>, size = 1 << 20): Generator<Uint8Array> {
  const encoder = new TextEncoder();
  let batch: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    batch.push(piece);
    length += piece.length;
    if (length >= size) {
      yield encoder.encode(batch.join(""));
      batch = [];
      length = 0;
    }
  }
  if (batch.length > 0) yield encoder.encode(batch.join(""));
}
