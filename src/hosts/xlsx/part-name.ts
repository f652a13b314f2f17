// Part names as the packaging conventions compare them: the one key the package indexes its parts by and the
// check that no two entries name one part use.

/**
 * How the Open Packaging Conventions compare part names: without the leading slash, percent-encoded
 * characters decoded, case folded (ECMA-376 Part 2, 9.1.1.1: equivalence is ASCII case-insensitive; folding
 * all of Unicode makes no two real part names collide).
 */
export function partKey(name: string): string {
  let decoded = name.replace(/^\/+/, "");
  if (decoded.includes("%")) {
    try {
      decoded = decodeURIComponent(decoded);
    } catch {
      // A stray % that encodes nothing is part of the name as it is.
    }
  }
  return decoded.toLowerCase();
}
