import { describe, expect, it } from "vitest";
import { contentDisposition, fileNameOf } from "./files.ts";

// Issue 15, item 3: downloads keep å/ä/ö in their names (RFC 6266 with RFC 8187's filename*).
describe("contentDisposition", () => {
  it("gives an ASCII fallback and the real name percent-encoded as UTF-8", () => {
    expect(contentDisposition("Årsrapport för Sala kommun 2010.pdf")).toBe(
      "attachment; filename=\"Arsrapport for Sala kommun 2010.pdf\"; filename*=UTF-8''%C3%85rsrapport%20f%C3%B6r%20Sala%20kommun%202010.pdf",
    );
    expect(contentDisposition("plan.pdf", "inline")).toBe(
      "inline; filename=\"plan.pdf\"; filename*=UTF-8''plan.pdf",
    );
  });

  it("cannot be broken out of: quotes, backslashes, line breaks and folders are neutralised", () => {
    const header = contentDisposition('../evil"\r\nSet-Cookie: x=1\\.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    const [, fallback] = /filename="([^"]*)"/.exec(header)!;
    expect(fallback).not.toContain('"');
    expect(fallback).not.toContain("\\");
    // RFC 8187 attr-chars only after UTF-8'': ' ( ) * are encoded too.
    expect(contentDisposition("it's (1)*.txt")).toContain("filename*=UTF-8''it%27s%20%281%29%2A.txt");
    // Non-Latin letters have no ASCII form: the fallback has placeholders, the real name is intact.
    expect(contentDisposition("Ελλάδα.txt")).toContain(
      "filename*=UTF-8''%CE%95%CE%BB%CE%BB%CE%AC%CE%B4%CE%B1.txt",
    );
  });
});

describe("fileNameOf", () => {
  it("keeps letters and digits, joining the rest with dashes", () => {
    expect(fileNameOf("Verksamhetsberättelse för Samhällskontraktet 2010")).toBe(
      "Verksamhetsberättelse-för-Samhällskontraktet-2010",
    );
    expect(fileNameOf("Lägesrapport: LC-KOMP / 2010")).toBe("Lägesrapport-LC-KOMP-2010");
    expect(fileNameOf("///")).toBe("fil");
  });
});
