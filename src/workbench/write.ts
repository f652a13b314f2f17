// The workbench's checked copy: a chunk of the worker's own, loaded the first time results are written, so
// that opening and checking a workbook load none of the generated sheets' code (most of what writing needs).

import type { CheckResult, Locale, MergeOutcome, Settings } from "../core";
import { OpcPackage, writeCheck, type WrittenCheck } from "../hosts/xlsx/universal";

/** The workbook's bytes with the check written in, as `duban check --out` writes them, and what was written. */
export function writeChecked(
  bytes: Uint8Array,
  name: string,
  result: CheckResult,
  options: { readonly settings: Settings; readonly locale: Locale; readonly merge?: MergeOutcome },
): WrittenCheck & { readonly bytes: Uint8Array } {
  const pkg = OpcPackage.open(bytes, name);
  const written = writeCheck(pkg, result, options);
  return { ...written, bytes: pkg.toBytes() };
}
