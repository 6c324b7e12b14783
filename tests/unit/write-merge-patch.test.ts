import { describe, expect, it } from "vitest";
import { applyMergePatch } from "@/lib/api/writes/merge-patch";
import { ifMatchVersion } from "@/lib/api/writes/etag";

describe("applyMergePatch (RFC 7396)", () => {
  // Every example of RFC 7396 Appendix A: [original, patch, result].
  const examples: [unknown, unknown, unknown][] = [
    [{ a: "b" }, { a: "c" }, { a: "c" }],
    [{ a: "b" }, { b: "c" }, { a: "b", b: "c" }],
    [{ a: "b" }, { a: null }, {}],
    [{ a: "b", b: "c" }, { a: null }, { b: "c" }],
    [{ a: ["b"] }, { a: "c" }, { a: "c" }],
    [{ a: "c" }, { a: ["b"] }, { a: ["b"] }],
    [{ a: { b: "c" } }, { a: { b: "d", c: null } }, { a: { b: "d" } }],
    [{ a: [{ b: "c" }] }, { a: [1] }, { a: [1] }],
    [["a", "b"], ["c", "d"], ["c", "d"]],
    [{ a: "b" }, ["c"], ["c"]],
    [{ a: "foo" }, null, null],
    [{ a: "foo" }, "bar", "bar"],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: "b", c: null }, { a: "b" }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ];
  it.each(examples)("%j patched with %j is %j", (original, patch, result) => {
    expect(applyMergePatch(original, patch)).toEqual(result);
  });

  it("leaves the original alone and never touches a prototype", () => {
    const original = { a: { b: 1 } };
    const patched = applyMergePatch(original, JSON.parse('{"a": {"b": 2}, "__proto__": {"polluted": true}}')) as Record<string, unknown>;
    expect(original).toEqual({ a: { b: 1 } });
    expect(patched.a).toEqual({ b: 2 });
    expect(Object.keys(patched)).toContain("__proto__");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(patched)).toBe(Object.prototype);
  });
});

describe("ifMatchVersion", () => {
  const request = (ifMatch?: string) => new Request("http://x/api/events/a", { headers: ifMatch ? { "if-match": ifMatch } : {} });
  it("reads the version of this thing's ETag, and nothing without the header or with *", () => {
    expect(ifMatchVersion(request('"a@3"'), "a")).toBe(3);
    expect(ifMatchVersion(request('"b@1", "a@7"'), "a")).toBe(7);
    expect(ifMatchVersion(request(), "a")).toBeUndefined();
    expect(ifMatchVersion(request("*"), "a")).toBeUndefined();
  });
  it("refuses a weak, foreign or malformed tag with a 412", () => {
    for (const header of ['W/"a@3"', '"b@3"', "a@3", '"a@x"']) {
      expect(() => ifMatchVersion(request(header), "a"), header).toThrow(expect.objectContaining({ status: 412 }));
    }
  });
});
