// Mutation testing (npm run mutate): do the rules' and values' own tables fail when their code is changed?
// Only their tests run, through the same swc transform as jest.config.js; the workbook-level suites would
// make a run take hours. StrykerJS 9: version 10 needs Node 22.
import jestConfig from "./jest.config.js";

const node = jestConfig.projects.find((project) => project.displayName === "node");

export default {
  mutate: ["src/core/rules/**/*.ts", "src/core/values/**/*.ts", "!**/*.test.ts"],
  testRunner: "jest",
  jest: {
    projectType: "custom",
    // package.json has no jest key: the config below is the whole config, not merged into jest.config.js's projects.
    configFile: "package.json",
    config: {
      testEnvironment: "node",
      roots: ["<rootDir>/src/core/rules", "<rootDir>/src/core/values"],
      testMatch: ["**/*.test.ts"],
      transform: node.transform,
    },
  },
  coverageAnalysis: "perTest",
  ignoreStatic: true,
  // The machine is shared; the previous run's results are reused for mutants whose code and tests are unchanged.
  concurrency: 2,
  incremental: true,
  // The sandbox holds only what these tests read, not the build, pictures or files other tests leave behind.
  ignorePatterns: ["/*", "!/src", "!/test", "/test/.tmp", "!/package.json"],
  reporters: ["clear-text", "progress"],
  clearTextReporter: { reportTests: false },
};
