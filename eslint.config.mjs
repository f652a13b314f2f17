// office-addin-lint's rules, extended to .tsx (its own config skips them) and to our Node scripts.
import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

// The plugin's recommended block for TypeScript (its files list stops at .ts) and its React preset's first
// entry, eslint-plugin-react's flat "recommended", reached through the plugin that depends on it. (The
// plugin parses .mjs as ES6: no spread or optional chaining in this file.)
const addinRules = officeAddins.configs.recommended.find((c) => c.files && c.files[0].includes("ts"));
const reactRecommended = officeAddins.configs.react[0];

export default [
  {
    ignores: [
      "node_modules/",
      "dist/",
      "coverage/",
      "examples/",
      "bench/out/",
      "test/.tmp/",
      ".stryker-tmp/",
      "reports/",
    ],
  },
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
    files: ["**/*.tsx"],
    plugins: Object.assign({}, addinRules.plugins, reactRecommended.plugins),
    languageOptions: Object.assign({}, reactRecommended.languageOptions, { parser: tseslint.parser }),
    settings: { react: { version: "detect" } },
    rules: Object.assign({}, addinRules.rules, reactRecommended.rules, {
      // The automatic JSX runtime (tsconfig "jsx": "react-jsx"): no React in scope needed.
      "react/react-in-jsx-scope": "off",
      "react/jsx-uses-react": "off",
      // Props are TypeScript types, checked by tsc.
      "react/prop-types": "off",
    }),
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
