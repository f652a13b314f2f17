// The Excel add-in's web build: the task pane, the ribbon commands' function file and their report dialog,
// with the icons, the support page and the manifest, into dist/web/ (the command line's tsc build keeps
// dist/src and the rest).
//   npm run build:web                                  production build; the manifest keeps localhost URLs
//   ADDIN_URL=https://example.org/duban/ npm run build  the manifest's URLs point there instead
//   npm run dev-server                                 https://localhost:3000 for sideloading manifest.xml

const { spawnSync } = require("node:child_process");
const { existsSync, readFileSync } = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { URL } = require("node:url");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

// ES6 only here, as eslint reads .js files (no spread, optional catch binding or numeric separators).

// webpack's own minimizer plugin (its dependency), driven by swc (@swc/core, already here for jest): terser
// took 8 of the build's 15 s on two cores, swc takes about one.
const WEBPACK_DIR = path.dirname(require.resolve("webpack/package.json"));
const MinimizerPlugin = require(require.resolve("minimizer-webpack-plugin", { paths: [WEBPACK_DIR] }));

/** The address every URL in manifest.xml starts with: the dev server. */
const DEV_URL = "https://localhost:3000/";
const DEV_PORT = 3000;
/** Where office-addin-dev-certs writes its certificate authority and the localhost certificate. */
const CERT_DIR = path.join(os.homedir(), ".office-addin-dev-certs");

/**
 * The workbench page's Content-Security-Policy: only the page's own files. Styles may be inline, as Fluent UI
 * (Griffel) injects them; the worker comes from here (blob: for browsers that wrap module workers); nothing
 * connects anywhere but here, so no file leaves the machine. The dev server's build evaluates its modules
 * and reloads through a WebSocket: that, and only that, is allowed in development.
 */
function workbenchCsp(production) {
  const policy = {
    "default-src": ["'self'"],
    "script-src": production ? ["'self'"] : ["'self'", "'unsafe-eval'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "worker-src": ["'self'", "blob:"],
    "connect-src": production ? ["'self'"] : ["'self'", "ws:", "wss:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'none'"],
  };
  return Object.entries(policy)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

/** ADDIN_URL as the manifest's base: https only (Office refuses anything else), ending in a slash. */
function productionUrl() {
  const raw = (process.env.ADDIN_URL || "").trim();
  if (!raw) return undefined;
  let url;
  try {
    url = new URL(raw);
  } catch (error) {
    throw new Error(`ADDIN_URL is not a URL: ${raw} (${error.message})`);
  }
  if (url.protocol !== "https:")
    throw new Error(`ADDIN_URL must be an https address (Office requires it): ${raw}`);
  if (url.search || url.hash) throw new Error(`ADDIN_URL must be a folder address, without ? or #: ${raw}`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

function readDevCerts() {
  const files = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };
  const paths = Object.values(files).map((name) => path.join(CERT_DIR, name));
  if (!paths.every((file) => existsSync(file))) return undefined;
  const read = Object.entries(files).map(([key, name]) => [key, readFileSync(path.join(CERT_DIR, name))]);
  return Object.fromEntries(read);
}

/**
 * The dev server's https options. office-addin-dev-certs makes the certificates and trusts its authority;
 * as root without sudo it writes the files, reports an error and exits 0, and its getHttpsServerOptions()
 * throws, so the files are read here. Without them, webpack-dev-server's own self-signed certificate.
 */
function devServerHttps() {
  let certs = readDevCerts();
  if (!certs) {
    console.log(`Making a localhost certificate with office-addin-dev-certs (into ${CERT_DIR}) …`);
    const cli = require.resolve("office-addin-dev-certs/cli.js");
    const run = spawnSync(process.execPath, [cli, "install"], { stdio: "inherit", timeout: 120000 });
    if (run.error) console.warn(`office-addin-dev-certs install did not finish: ${run.error.message}`);
    certs = readDevCerts();
  }
  if (certs) {
    console.log(`https with the certificate in ${CERT_DIR} (Office trusts it once its ca.crt is trusted).`);
    return { type: "https", options: certs };
  }
  const lines = [
    "",
    `No certificate in ${CERT_DIR}: serving https with webpack-dev-server's own self-signed certificate.`,
    "Office will not trust it: open https://localhost:3000/taskpane.html in the browser once and accept it,",
    "or run `npx office-addin-dev-certs install` as a user who may use sudo, then restart the dev server.",
    "",
  ];
  console.warn(lines.join("\n"));
  return "https";
}

module.exports = (env, argv) => {
  const production = argv.mode !== "development";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const addinUrl = production ? productionUrl() : undefined;

  /** A page of the add-in; office.js is in each template by a script tag, from Office's CDN. */
  const page = (name, template, chunk, scriptLoading) => {
    const options = { filename: `${name}.html`, template, chunks: [chunk] };
    // The function file and the dialog run their script at the end of the body, before Office asks for a
    // ribbon function: a deferred script can miss the first click.
    if (scriptLoading) Object.assign(options, { scriptLoading, inject: "body" });
    return new HtmlWebpackPlugin(options);
  };

  const config = {
    mode: production ? "production" : "development",
    context: __dirname,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      report: "./src/commands/report.ts",
      // The workbench page; its worker (worker.ts: the engine and the xlsx host) is a chunk of its own.
      workbench: "./src/workbench/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist/web"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      clean: true,
    },
    devtool: production ? "source-map" : "eval-cheap-module-source-map",
    // Modules built once are kept in node_modules/.cache/webpack: a rebuild takes a few seconds.
    cache: {
      type: "filesystem",
      buildDependencies: {
        config: [path.join(__dirname, "webpack.config.js"), path.join(__dirname, "tsconfig.web.json")],
      },
    },
    optimization: {
      // The only chunk loaded on demand is the workbench's worker: one file, not split into vendor chunks
      // (webpack's default for such chunks), as a worker has nothing to share with its page anyway.
      splitChunks: false,
      minimizer: [
        new MinimizerPlugin({
          minify: MinimizerPlugin.swcMinify,
          minimizerOptions: { compress: { passes: 2 } },
        }),
      ],
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Type-checking is tsc's (npm run typecheck); here only the emit, for speed.
          use: { loader: "ts-loader", options: { transpileOnly: true, configFile: "tsconfig.web.json" } },
        },
      ],
    },
    plugins: [
      page("taskpane", "./src/taskpane/taskpane.html", "taskpane"),
      page("commands", "./src/commands/commands.html", "commands", "blocking"),
      page("report", "./src/commands/report.html", "report", "blocking"),
      new HtmlWebpackPlugin({
        filename: "workbench.html",
        template: "./src/workbench/workbench.html",
        chunks: ["workbench"],
        csp: workbenchCsp(production),
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          // The page the manifest's SupportUrl names, and the README it links to: no script, copied as is.
          { from: "src/support/support.html", to: "support.html" },
          { from: "README.md", to: "README.md" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) =>
              addinUrl ? content.toString("utf8").split(DEV_URL).join(addinUrl) : content,
          },
        ],
      }),
    ],
    performance: {
      // The pane carries React and Fluent UI, loaded once and cached by Office; the budget is for it. The
      // workbench's page (the pane again) fits it too; its worker is a quarter of it.
      hints: production ? "warning" : false,
      maxEntrypointSize: 1500000,
      maxAssetSize: 1500000,
      assetFilter: (file) => file.endsWith(".js"),
    },
    stats: production ? "normal" : "minimal",
  };
  if (serving) {
    config.devServer = {
      port: DEV_PORT,
      static: false,
      server: devServerHttps(),
      headers: { "Access-Control-Allow-Origin": "*" },
      // A reload on each change: no module of ours accepts hot updates.
      hot: false,
      client: { overlay: { warnings: false, errors: true } },
    };
  }
  return config;
};
