// Writes a file whole or not at all (Node only): a temporary file beside the target, flushed, then renamed over it.

import { randomBytes } from "node:crypto";
import { lstat, open, realpath, rename, rm, stat, type FileHandle } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * Replaces (or creates) `path` with `bytes` atomically: readers see the old file or the new one, never part
 * of either, and a failure (a missing folder, a full disk, no permission) leaves the target as it was and no
 * temporary file behind. The temporary file is `.<name>.<random>.tmp` in the target's folder, so the rename
 * never crosses file systems. A symbolic link is followed: the file it points to is replaced, the link kept.
 * An existing target's permissions carry over to the new file. `whileFlushing` is work the caller has for this
 * thread, done while the disk flushes the written bytes (the thread would only wait): the target is not yet
 * replaced then, and what it throws fails the write as a write's own failure does.
 */
export async function writeFileWhole(
  path: string,
  bytes: Uint8Array | Iterable<Uint8Array>,
  whileFlushing?: () => void,
): Promise<void> {
  const target = await resolveLink(path);
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
  let handle: FileHandle | undefined;
  let created = false;
  try {
    const mode = await existingMode(target);
    handle = await open(temp, "wx", mode ?? 0o666);
    created = true;
    if (mode !== undefined) await handle.chmod(mode); // the umask narrowed it at creation
    if (bytes instanceof Uint8Array) await handle.writeFile(bytes);
    else await writeInGroups(handle, bytes);
    const flushing = handle.sync();
    try {
      whileFlushing?.();
    } finally {
      await flushing;
    }
    await handle.close();
    handle = undefined;
    await rename(temp, target);
    created = false;
  } catch (error) {
    await handle?.close().catch(() => undefined);
    if (created) await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncFolder(dirname(target));
}

/**
 * Pieces of tens of kilobytes (a JSON report's UTF-8 batches) written a megabyte at a time: one write a
 * piece costs a trip to the thread pool each, hundreds for a large report.
 */
const WRITE_GROUP_BYTES = 1 << 20;
/** Below IOV_MAX (1,024 on Linux), so that each group is one system call. */
const WRITE_GROUP_PIECES = 512;

/**
 * One group is written on the thread pool while the pieces of the next are made (a 14 MB report's are
 * made in some 60 ms: waiting for each write before making more left this thread idle for a third as long).
 * Never more than one write at a time, so that the groups land in order.
 */
async function writeInGroups(handle: FileHandle, pieces: Iterable<Uint8Array>): Promise<void> {
  let group: Uint8Array[] = [];
  let size = 0;
  let writing: Promise<void> | undefined;
  try {
    for (const piece of pieces) {
      group.push(piece);
      size += piece.length;
      if (size < WRITE_GROUP_BYTES && group.length < WRITE_GROUP_PIECES) continue;
      await writing;
      writing = writeAll(handle, group);
      group = [];
      size = 0;
    }
    await writing;
  } finally {
    // A piece that failed to be made leaves a write in flight: it ends before the file is closed and removed.
    await writing?.catch(() => undefined);
  }
  if (group.length > 0) await writeAll(handle, group);
}

/** writev may write less than it was given (as write may): the rest is written again until none is left. */
export async function writeAll(handle: Pick<FileHandle, "writev">, pieces: Uint8Array[]): Promise<void> {
  let rest = pieces;
  while (rest.length > 0) {
    const { bytesWritten } = await handle.writev(rest);
    let skip = bytesWritten;
    let i = 0;
    while (i < rest.length && skip >= rest[i]!.length) skip -= rest[i++]!.length;
    rest = rest.slice(i);
    if (rest.length > 0 && skip > 0) rest[0] = rest[0]!.subarray(skip);
  }
}

/**
 * Whether `a` and `b` name the same file: the same real path (through links, `..` and relative paths) or the
 * same device and inode (hard links, case-insensitive file systems). False when either does not exist.
 */
export async function isSameFile(a: string, b: string): Promise<boolean> {
  try {
    const [realA, realB] = await Promise.all([realpath(a), realpath(b)]);
    if (realA === realB) return true;
    const [statA, statB] = await Promise.all([stat(realA), stat(realB)]);
    return statA.dev === statB.dev && statA.ino === statB.ino;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return false;
    throw error;
  }
}

/** The file a symbolic link points to (the link itself is kept); the path itself otherwise. */
async function resolveLink(path: string): Promise<string> {
  try {
    if ((await lstat(path)).isSymbolicLink()) return await realpath(path);
  } catch (error) {
    // A dangling link or a missing target: write at the path as given, and let open() report the problem.
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  return path;
}

async function existingMode(path: string): Promise<number | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? info.mode & 0o7777 : undefined;
  } catch {
    return undefined;
  }
}

/** Makes the rename itself durable where the platform allows a folder to be opened and flushed. */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === "win32") return;
  let handle: FileHandle | undefined;
  try {
    handle = await open(folder, "r");
    await handle.sync();
  } catch {
    // Best effort: the file is already complete and in place.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
