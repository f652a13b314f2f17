// The JSON report written in pieces: the same text as JSON.stringify(report, null, 2), without ever holding
// all of it (a 100,000-row check reports tens of thousands of issues, 14 MB of JSON, twice over as a string
// and its bytes, at the moment the process is largest).

/**
 * Elements of the array written by one JSON.stringify call: a piece of some 30 KB, below V8's large-object
 * size so that it dies young, as utf8Batches' batches do (see UTF8_BATCH).
 */
const ELEMENTS_PER_PIECE = 64;
const WRAPPER_HEAD = `{\n  "a": [\n`;
const WRAPPER_TAIL = `\n  ]\n}`;

type ElementOf<A> = A extends ReadonlyArray<infer E> ? E : never;

/**
 * The pieces of `JSON.stringify(value, null, 2) + "\n"`, the elements of `value[arrayKey]` a slice at a time;
 * with `convert`, the text of the value whose array holds each element converted, made as it is written.
 */
export function* jsonPieces<T extends object, K extends keyof T & string>(
  value: T,
  arrayKey: K,
  convert?: (element: ElementOf<T[K]>) => unknown,
): Generator<string> {
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
      for (let from = 0; from < item.length; from += ELEMENTS_PER_PIECE) {
        // A slice of the array as a member of an object is indented as the array is in the report: with
        // the object's first and last lines taken off, the text is the elements as they stand there, written
        // by JSON.stringify alone (one call for many, no indenting after it).
        const slice: unknown[] = item.slice(from, from + ELEMENTS_PER_PIECE);
        const text = JSON.stringify(
          { a: convert ? slice.map(convert as (e: unknown) => unknown) : slice },
          null,
          2,
        );
        const more = from + ELEMENTS_PER_PIECE < item.length;
        yield `${text.slice(WRAPPER_HEAD.length, -WRAPPER_TAIL.length)}${more ? "," : ""}\n`;
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
