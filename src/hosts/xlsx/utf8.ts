// Text made of many small pieces, written as UTF-8 a batch at a time: a generated sheet's hundreds of
// thousands of cells, a large check's JSON report. Kept in one array for a join, the pieces all lived long
// enough for the garbage collector to copy them, and the join made one string of tens of megabytes to encode.
// Here pieces are joined a few thousand characters at a time and encoded straight into the batch's bytes
// (TextEncoder.encodeInto: no joined string of the whole, half the time of joining batches and encoding them),
// and die young; only bytes are kept.

/**
 * Bytes a batch gathers before it is handed on (its chunk has room for three times as many, so that a piece
 * of CJK text, three bytes a character, seldom needs a new one).
 */
export const UTF8_BATCH = 1 << 15;

/** Characters of pieces joined before they are encoded. */
const PENDING_CHARACTERS = 1 << 13;

export class Utf8Pieces {
  private chunk = EMPTY;
  private at = 0;
  private chunks: Uint8Array[] = [];
  /**
   * Pieces not yet encoded, joined: a sheet's rows come a few hundred characters at a time, and one encoding
   * call each (with the view of the chunk it writes into) cost more than the encoding itself.
   */
  private pending = "";

  private readonly pendingLimit: number;

  constructor(private readonly batch = UTF8_BATCH) {
    this.pendingLimit = Math.min(PENDING_CHARACTERS, batch);
  }

  push(...texts: string[]): void {
    for (const text of texts) {
      this.pending += text;
      if (this.pending.length >= this.pendingLimit) this.flush(false);
    }
  }

  /** The batches encoded so far, handed over and forgotten here; with `all`, the last part batch too. */
  take(all = false): Uint8Array[] {
    if (all) {
      this.flush(true);
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

  /**
   * Encodes the pending text, but for a high surrogate at its end, kept for the low one that starts the next
   * piece; `last`: the end of the text, where a lone one is written as TextEncoder writes it (U+FFFD).
   */
  private flush(last: boolean): void {
    let text = this.pending;
    this.pending = "";
    const end = text.charCodeAt(text.length - 1);
    if (!last && end >= 0xd800 && end <= 0xdbff) {
      this.pending = text.slice(-1);
      text = text.slice(0, -1);
    }
    if (text !== "") this.write(text);
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
