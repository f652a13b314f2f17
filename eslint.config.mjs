// office-addin-lint's rules, extended to .tsx (its own config skips them) and to our Node scripts.
import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

export default [
  { ignores: ["node_modules/", "dist/", "coverage/", "examples/", "bench/out/", "test/.tmp/"] },
  ...officeAddins.configs.recommended,
  {
    files: ["**/*.{ts,tsx,mts,cts}"],
    // The plugin's own parser import comes out empty under ESLint 9's flat config; name it here.
    languageOptions: { parser: tseslint.parser },
    rules: {
      // TypeScript itself reports undefined names, and knows Node's and the DOM's globals.
      "no-undef": "off",
    },
  },
  {
    files: ["bin/*", "*.js", "*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: {
        require: "readonly",
        module: "writable",
        process: "readonly",
        __dirname: "readonly",
        console: "readonly",
      },
    },
  },
];
