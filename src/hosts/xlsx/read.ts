// Reads .xlsx bytes into the engine's WorkbookModel (browser-safe: no Node APIs), refusing bad input with a reason.

import type { WorkbookModel } from "../../core/workbook";
import { WorkbookInputError } from "./errors";
import { measureWithFflate, type ReadOptions } from "./inspect";
import { nativeInflatedSizes } from "./native-inflate";
import { workbookPartOf } from "./opc";
import { OpcPackage } from "./package";
import { readWorkbookModel, type ReadPlan } from "./reader";
import { XmlPartError } from "./xml";

export type { ReadPlan } from "./reader";

/**
 * The workbook's sheets as plain values: text as typed, formulas as their last results, dates as days.
 * @throws WorkbookInputError when the bytes are not a readable .xlsx workbook within the limits
 */
export async function readWorkbookBytes(
  bytes: Uint8Array,
  fileName: string,
  options?: ReadOptions & { readonly plan?: ReadPlan },
): Promise<WorkbookModel> {
  await Promise.resolve();
  // Where the platform inflates natively (a browser), the parts are inflated that way first; Node's callers
  // pass zlib as measureInflated (see file.ts).
  const measureInflated =
    options?.measureInflated ??
    (await nativeInflatedSizes(bytes, fileName, options ?? {}, measureWithFflate));
  const opened = OpcPackage.open(bytes, fileName, {
    ...options,
    ...(measureInflated ? { measureInflated } : {}),
  });
  return await readPackage(opened, fileName, options?.plan);
}

/**
 * The model of a package already opened (for a caller that also writes a patched copy of it).
 * @throws WorkbookInputError
 */
export async function readPackage(
  pkg: OpcPackage,
  fileName: string,
  plan?: ReadPlan,
): Promise<WorkbookModel> {
  try {
    if (!pkg.has(workbookPartOf(pkg))) {
      throw new WorkbookInputError("not-a-workbook", fileName, { kind: "zip" });
    }
    return await readWorkbookModel(pkg, fileName, plan);
  } catch (error) {
    // A part that is not what the zip declares is the first thing wrong with the file, as when open()
    // checks every part itself: those it left to another thread are waited for before anything else is said.
    await pkg.settle();
    if (error instanceof WorkbookInputError) throw error;
    if (error instanceof XmlPartError) throw damagedPart(error, fileName);
    throw new WorkbookInputError(
      "damaged",
      fileName,
      { reason: "content", detail: error instanceof Error ? error.message : String(error) },
      { cause: error },
    );
  }
}

/** A part that is not well-formed XML, or has a DOCTYPE, as the person's problem with their file. */
export function damagedPart(error: XmlPartError, fileName: string): WorkbookInputError {
  const reason = error.kind === "doctype" ? "doctype" : "xml";
  return new WorkbookInputError(
    "damaged",
    fileName,
    { reason, entry: error.part, detail: error.detail },
    { cause: error },
  );
}
