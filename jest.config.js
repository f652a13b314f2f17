/**
 * Unit and workbook tests in Node; the task pane's .tsx tests in jsdom. TypeScript through swc for speed
 * (tsc type-checks in the build); .tsx with React's automatic JSX runtime.
 */
const ts = ["@swc/jest", { jsc: { target: "es2022", parser: { syntax: "typescript" } } }];
const tsx = [
  "@swc/jest",
  {
    jsc: {
      target: "es2022",
      parser: { syntax: "typescript", tsx: true },
      transform: { react: { runtime: "automatic" } },
    },
  },
];
const transform = { "^.+\\.ts$": ts, "^.+\\.tsx$": tsx };

module.exports = {
  // Read from the top level: jest does not apply a testTimeout given inside a project (the pane's tests ran
  // at the 5 s default and timed out on a busy machine).
  testTimeout: 60000,
  projects: [
    {
      displayName: "node",
      testEnvironment: "node",
      roots: ["<rootDir>/src", "<rootDir>/test"],
      testMatch: ["**/*.test.ts"],
      transform,
    },
    {
      displayName: "pane",
      testEnvironment: "jsdom",
      roots: ["<rootDir>/src/taskpane", "<rootDir>/test/taskpane"],
      testMatch: ["**/*.test.tsx"],
      transform,
    },
  ],
};
