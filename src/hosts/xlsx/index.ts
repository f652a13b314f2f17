// The xlsx host's entry for Node (the command line): everything in universal.ts, which a browser bundle
// imports instead, plus workbooks read from a path and written whole, and Node's native zlib.

export * from "./universal";
export { readFileBytes, readWorkbookFile } from "./file";
export { NODE_CODEC } from "./node-codec";
export { isSameFile, writeFileWhole } from "./write-file";
