// Reads a workbook from a path (Node only): opens it read-only, never writes to it or changes its times.

import { open } from "node:fs/promises";
import { basename } from "node:path";
import type { WorkbookModel } from "../../core/workbook";
import { WorkbookInputError } from "./errors";
import { DEFAULT_LIMITS, type ReadLimits } from "./inspect";
import { NODE_CODEC } from "./node-codec";
import { OpcPackage } from "./package";
import { readPackage } from "./read";

/**
 * The workbook at `path`. Problems name the file as the person typed it; the model is named by its base name
 * (what the report and the generated sheets show).
 * @throws WorkbookInputError
 */
export async function readWorkbookFile(path: string, limits?: ReadLimits): Promise<WorkbookModel> {
  const bytes = await readFileBytes(path, limits);
  const model = await readPackage(OpcPackage.open(bytes, path, { ...limits, ...NODE_CODEC }), path);
  return { ...model, fileName: basename(path) };
}

/**
 * The file's bytes, refused as readWorkbookFile refuses it when it cannot be read or is too large (for a
 * caller that also needs the bytes, such as one that writes a patched copy with OpcPackage).
 * @throws WorkbookInputError
 */
export async function readFileBytes(path: string, limits?: ReadLimits): Promise<Uint8Array> {
  let handle;
  try {
    // One descriptor for both the size check and the read, so the file cannot change between them.
    handle = await open(path, "r");
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new WorkbookInputError("unreadable", path, { reason: "directory" });
    if (!stat.isFile()) throw new WorkbookInputError("unreadable", path, { reason: "not-a-file" });
    // A zip is never much larger than what it declares uncompressed; refusing here also spares reading it.
    const limit = limits?.maxUncompressedBytes ?? DEFAULT_LIMITS.maxUncompressedBytes;
    if (stat.size > limit) {
      throw new WorkbookInputError("too-large", path, {
        what: "file",
        sizeBytes: stat.size,
        limitBytes: limit,
      });
    }
    return await handle.readFile();
  } catch (error) {
    if (error instanceof WorkbookInputError) throw error;
    throw fileSystemProblem(error, path);
  } finally {
    await handle?.close();
  }
}

function fileSystemProblem(error: unknown, path: string): WorkbookInputError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? "";
  const options = { cause: error };
  switch (code) {
    case "ENOENT":
      return new WorkbookInputError("not-found", path, {}, options);
    case "ENOTDIR":
      // A path through something that is not a folder (a/file.xlsx/x) does not exist either.
      return new WorkbookInputError("not-found", path, {}, options);
    case "EISDIR":
      return new WorkbookInputError("unreadable", path, { reason: "directory" }, options);
    case "EACCES":
    case "EPERM":
      return new WorkbookInputError("unreadable", path, { reason: "permission" }, options);
    default:
      return new WorkbookInputError("unreadable", path, { reason: code || "unknown" }, options);
  }
}
