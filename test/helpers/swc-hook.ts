// Source for a child process that must require the project's TypeScript, as the corpus and differential
// tests' children do (a child can be killed when a read hangs in synchronous code; jest cannot stop that).

/** Lets a child process require TypeScript, compiled by swc as jest compiles it. Defines `fs`. */
export const SWC_HOOK = `
const fs = require("node:fs");
const swc = require(${JSON.stringify(require.resolve("@swc/core"))});
require.extensions[".ts"] = (module, filename) => {
  const { code } = swc.transformSync(fs.readFileSync(filename, "utf8"), {
    filename,
    jsc: { target: "es2022", parser: { syntax: "typescript" } },
    module: { type: "commonjs" },
  });
  module._compile(code, filename);
};
`;
