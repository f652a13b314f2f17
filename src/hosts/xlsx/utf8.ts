// Text made of many small pieces, written as UTF-8 a batch at a time: a generated sheet's hundreds of
// thousands of cells, a large check's JSON report. Kept in one array for a join, the pieces all lived long
// enough for the garbage collector to copy them, and the join made one string of tens of megabytes to encode.
// Here each batch is encoded as it fills and its strings die young; only bytes are kept.

/**
 * Characters a batch gathers before it is encoded: its string, at two bytes a character, stays below V8's
 * large-object size, so that it dies young too (a larger one waits in the large-object space for a full
 * collection: 20 MB more at the largest moment of a 100,000-row check).
 */
export const UTF8_BATCH = 1 << 15;

export class Utf8Pieces {
  private pending: string[] = [];
  private pendingLength = 0;
  private chunks: Uint8Array[] = [];
  private size = 0;

  constructor(private readonly batch = UTF8_BATCH) {}

  push(...texts: string[]): void {
    for (const text of texts) {
      this.pending.push(text);
      this.pendingLength += text.length;
    }
    if (this.pendingLength >= this.batch) this.flush();
  }

  /** The batches encoded so far, handed over and forgotten here; with `all`, the last part batch too. */
  take(all = false): Uint8Array[] {
    if (all) this.flush();
    const taken = this.chunks;
    this.chunks = [];
    this.size = 0;
    return taken;
  }

  /** Everything pushed, as one array. */
  bytes(): Uint8Array {
    this.flush();
    const size = this.size;
    const chunks = this.take();
    if (chunks.length === 1) return chunks[0]!;
    const out = new Uint8Array(size);
    let at = 0;
    for (const chunk of chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const chunk = (encoder ??= new TextEncoder()).encode(this.pending.join(""));
    this.chunks.push(chunk);
    this.size += chunk.length;
    this.pending = [];
    this.pendingLength = 0;
  }
}

/** The pieces gathered into UTF-8 batches of about `size` characters each, as they come. */
export function* utf8Batches(pieces: Iterable<string>, size = UTF8_BATCH): Generator<Uint8Array> {
  const out = new Utf8Pieces(size);
  for (const piece of pieces) {
    out.push(piece);
    yield* out.take();
  }
  yield* out.take(true);
}

/** Made when first needed: a module that only imports this one must load where TextEncoder is not defined. */
let encoder: TextEncoder | undefined;
