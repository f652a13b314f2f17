// Text made of many small pieces, written as UTF-8 a batch at a time: a generated sheet's hundreds of
// thousands of cells, a large check's JSON report. Kept in one array for a join, the pieces all lived long
// enough for the garbage collector to copy them, and the join made one string of tens of megabytes to encode.
// Here each piece is encoded as it comes, straight into the batch's bytes (TextEncoder.encodeInto: no joined
// string, half the time of joining batches and encoding them), and dies young; only bytes are kept.

/**
 * Bytes a batch gathers before it is handed on (its chunk has room for three times as many, so that a piece
 * of CJK text, three bytes a character, seldom needs a new one).
 */
export const UTF8_BATCH = 1 << 15;

export class Utf8Pieces {
  private chunk = EMPTY;
  private at = 0;
  private chunks: Uint8Array[] = [];
  /** A high surrogate that ended the last piece, joined to the low one that starts the next. */
  private high = "";

  constructor(private readonly batch = UTF8_BATCH) {}

  push(...texts: string[]): void {
    for (let text of texts) {
      if (this.high !== "") {
        text = this.high + text;
        this.high = "";
      }
      const last = text.charCodeAt(text.length - 1);
      if (last >= 0xd800 && last <= 0xdbff) {
        this.high = text.slice(-1);
        text = text.slice(0, -1);
      }
      this.write(text);
    }
  }

  /** The batches encoded so far, handed over and forgotten here; with `all`, the last part batch too. */
  take(all = false): Uint8Array[] {
    if (all) {
      // A high surrogate with nothing after it is written as TextEncoder writes a lone one: U+FFFD.
      if (this.high !== "") this.write(this.high);
      this.high = "";
      this.seal();
    }
    const taken = this.chunks;
    this.chunks = [];
    return taken;
  }

  /** Everything pushed, as one array. */
  bytes(): Uint8Array {
    const chunks = this.take(true);
    // A small part alone in its batch's bytes is copied out, so that it does not hold them all.
    if (chunks.length === 1 && chunks[0]!.length * 2 >= chunks[0]!.buffer.byteLength) return chunks[0]!;
    const out = new Uint8Array(chunks.reduce((size, chunk) => size + chunk.length, 0));
    let at = 0;
    for (const chunk of chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }

  private write(text: string): void {
    // Room for the worst case, three bytes a UTF-16 unit; a piece larger than a batch gets a chunk of its own.
    const room = text.length * 3;
    if (this.chunk.length - this.at < room) {
      this.seal();
      this.chunk = new Uint8Array(Math.max(this.batch * 3, room));
    }
    this.at += (encoder ??= new TextEncoder()).encodeInto(text, this.chunk.subarray(this.at)).written;
    if (this.at >= this.batch) this.seal();
  }

  /** The batch so far becomes a chunk of its own; the rest of its bytes start the next. */
  private seal(): void {
    if (this.at === 0) return;
    const sealed = this.chunk.subarray(0, this.at);
    this.chunks.push(sealed);
    this.chunk = this.chunk.subarray(this.at);
    this.at = 0;
  }
}

const EMPTY = new Uint8Array(0);

/** The pieces gathered into UTF-8 batches of about `size` bytes each, as they come. */
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
