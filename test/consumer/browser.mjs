// Runs a built page in headless Chromium (Debian's /usr/bin/chromium, or $CHROMIUM; driven by
// playwright-core, which downloads no browser): serves `dir` over HTTP on localhost, opens index.html,
// waits until <body data-status> is no longer "running", and returns the status, the text of <pre id="log">,
// and every page error and console error.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve } from "node:path";
import { chromium } from "playwright-core";

const types = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".map": "application/json",
  ".json": "application/json",
  ".wasm": "application/wasm",
};

/** Serves `dir` on a free localhost port; resolves to the server and its URL. */
async function serve(dir) {
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname));
    try {
      const body = await readFile(join(dir, path === "/" ? "index.html" : path));
      response.writeHead(200, { "content-type": types[extname(path) || ".html"] ?? "application/octet-stream" });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

export async function runPage(dir, { timeout = 240_000 } = {}) {
  const { server, url } = await serve(dir);
  const profile = mkdtempSync(join(tmpdir(), "shapecheck-chromium-"));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  const errors = [];
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`console error: ${message.text()}`);
    });
    await page.goto(url);
    await page.waitForFunction(() => document.body.dataset.status !== "running", null, { timeout });
    const status = await page.evaluate(() => document.body.dataset.status);
    const log = await page.evaluate(() => document.getElementById("log")?.textContent ?? "");
    return { status, log, errors };
  } finally {
    await browser.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

// alone: node test/consumer/browser.mjs <dir> (not when imported: run.mjs's own arguments are not a directory)
if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename && process.argv[2])
  console.log(JSON.stringify(await runPage(process.argv[2]), null, 2));
