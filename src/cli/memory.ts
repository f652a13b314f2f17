// A full garbage collection between the command's phases. Reading a large sheet holds its XML whole (41 MB at
// 100,000 rows), let go of once the cells are read; but V8 frees a buffer only when it collects the object
// that holds it, and when that happens decided the process's peak by some 40 MB from run to run: before the
// check and the report allocate, or after. One collection there costs a few tens of milliseconds.

import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

let collect: (() => void) | undefined;

/**
 * Collects garbage now. `gc` is exposed for this process only, as jest's leak detector does it: the flag is
 * set, and a new context is given its `gc` function (the current one was made before the flag).
 */
export function collectGarbage(): void {
  if (collect === undefined) {
    setFlagsFromString("--expose-gc");
    collect = runInNewContext("gc") as () => void;
  }
  collect();
}
