// What a call throws, for tests that look at the error itself rather than only its message.

import { WorkbookInputError } from "../../src/hosts/xlsx/errors";

/** The error `run` throws. @throws Error when it throws nothing */
export function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("did not throw");
}

/** The WorkbookInputError `promise` rejects with; anything else it rejects with is rethrown. */
export async function problemOf(promise: Promise<unknown>): Promise<WorkbookInputError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WorkbookInputError) return error;
    throw error;
  }
  throw new Error("expected a WorkbookInputError");
}
