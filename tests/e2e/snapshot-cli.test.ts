import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, inject, it } from "vitest";
import { mmToCssPx, pageSizeMm } from "@/lib/print/paper";
import { MARGIN_MM } from "@/lib/print/layout";

const exec = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../..");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");
const dir = mkdtempSync(path.join(tmpdir(), "briefmap-cli-"));

async function snapshot(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(TSX, ["scripts/snapshot.mts", ...args], { cwd: ROOT, timeout: 150_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

describe("npm run snapshot", () => {
  const link = () => `${inject("baseUrl")}/?map=8/33.0/35.9&event=paris-talks`;

  it("writes the print sheet of the view as an A4 landscape PDF", async () => {
    const out = path.join(dir, "brief.pdf");
    const started = Date.now();
    const result = await snapshot("--url", link(), "--out", out, "--title", "CLI brief");
    console.log(`[snapshot-cli] PDF in ${Date.now() - started} ms: ${result.stdout.trim()}`);
    expect(result.code, result.stderr).toBe(0);
    const { execFileSync } = await import("node:child_process");
    const info = execFileSync("pdfinfo", [out], { encoding: "utf8" });
    // The sheet, then as many pages as the events that did not fit under the map need.
    expect(Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1])).toBeGreaterThanOrEqual(1);
    expect(info).toMatch(/Page size:\s+841\.\d+ x 59[45]\.\d+ pts/);
    expect(execFileSync("pdftotext", [out, "-"], { encoding: "utf8" })).toContain("CLI brief");
  });

  it("writes a PNG of the sheet at the chosen resolution", async () => {
    const out = path.join(dir, "brief.png");
    const result = await snapshot("--url", link(), "--out", out, "--paper", "a4", "--orientation", "portrait", "--dpi", "150", "--list", "0");
    expect(result.code, result.stderr).toBe(0);
    const png = readFileSync(out);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const page = pageSizeMm("a4", "portrait");
    const expectedWidth = mmToCssPx(page.width - 2 * MARGIN_MM) * (150 / 96);
    expect(Math.abs(png.readUInt32BE(16) - expectedWidth)).toBeLessThanOrEqual(3);
    expect(png.readUInt32BE(20)).toBeGreaterThan(png.readUInt32BE(16));
  });

  it("runs on its own: neither it nor its browser launcher imports the test harness", () => {
    for (const file of ["scripts/snapshot.mts", "scripts/chromium.ts"]) {
      expect(readFileSync(path.join(ROOT, file), "utf8"), file).not.toMatch(/from\s+["'][^"']*\btests\//);
    }
  });

  it("refuses a link that is not a URL with exit code 2", async () => {
    const result = await snapshot("--url", "not a link", "--out", path.join(dir, "x.pdf"));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/not a URL/);
  });

  it("says which server it cannot reach, with exit code 2", async () => {
    const result = await snapshot("--url", "http://127.0.0.1:9/?map=8/33/35.9", "--out", path.join(dir, "x.pdf"));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Cannot reach Briefmap at http:\/\/127\.0\.0\.1:9/);
  });
});
