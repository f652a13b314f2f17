// The error every XML reading of a part throws: here alone, so that the scanner and the tree both use it.

/** Why a part is not XML Duban can use: malformed (or a prefix that is not declared), or it has a DOCTYPE. */
export class XmlPartError extends Error {
  override readonly name = "XmlPartError";

  constructor(
    readonly part: string,
    readonly kind: "malformed" | "doctype",
    readonly detail: string,
  ) {
    super(`${part}: ${kind === "doctype" ? "declares a DOCTYPE" : detail}`);
  }
}
