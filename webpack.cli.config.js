// The command line as one file, dist/cli/duban.js, which bin/duban runs: node resolves and reads one module
// instead of about 180 (the engine's files, zod's ninety), which was most of a small check's time.
//   npm run build:cli   (tsc's dist/src for the tests and scripts, then this)

const path = require("node:path");

module.exports = {
  mode: "production",
  target: "node20",
  context: __dirname,
  entry: { duban: "./src/cli/index.ts" },
  output: {
    path: path.resolve(__dirname, "dist/cli"),
    filename: "[name].js",
    clean: true,
  },
  // Stack traces name our files and lines: node --enable-source-maps bin/duban ….
  devtool: "source-map",
  cache: {
    type: "filesystem",
    name: "cli",
    buildDependencies: {
      config: [path.join(__dirname, "webpack.cli.config.js"), path.join(__dirname, "tsconfig.cli.json")],
    },
  },
  // Unminified: the file is parsed lazily either way, and its code stays readable.
  optimization: { minimize: false },
  resolve: { extensions: [".ts", ".js"] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: { loader: "ts-loader", options: { transpileOnly: true, configFile: "tsconfig.cli.json" } },
      },
    ],
  },
  stats: "errors-warnings",
};
