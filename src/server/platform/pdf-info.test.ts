import { describe, expect, it } from "vitest";
import { withInfo } from "./pdf.ts";

// A PDF's document properties are added by an incremental update a reader can follow: the last
// startxref leads to a cross-reference section whose entry leads to the new Info object, and its
// trailer points back (Prev) at the original cross-reference section.
function minimalPdf(): Buffer {
  const objects = [
    "1 0 obj\n<</Title (Rapport)\n/Producer (Skia/PDF m156)>>\nendobj\n",
    "2 0 obj\n<</Type /Catalog\n/Pages 3 0 R>>\nendobj\n",
    "3 0 obj\n<</Type /Pages\n/Kids []\n/Count 0>>\nendobj\n",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  for (const o of objects) {
    offsets.push(body.length);
    body += o;
  }
  const xrefAt = body.length;
  body += `xref\n0 4\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  body += `trailer\n<</Size 4\n/Root 2 0 R\n/Info 1 0 R>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

const hexText = (hex: string) => Buffer.from(hex, "hex").swap16().toString("utf16le");

describe("withInfo", () => {
  it("appends an Info object with Subject and Keywords that the cross-reference chain leads to", () => {
    const original = minimalPdf();
    const updated = withInfo(original, { subject: "Genererad från data", keywords: "sha256:abc" });
    const text = updated.toString("latin1");
    // The original bytes are untouched.
    expect(updated.subarray(0, original.length).equals(original)).toBe(true);
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)![1]);
    expect(text.slice(startxref, startxref + 4)).toBe("xref");
    const section = /^xref\n1 1\n(\d{10}) 00000 n \n/.exec(text.slice(startxref))!;
    const objectAt = Number(section[1]);
    expect(text.slice(objectAt, objectAt + 7)).toBe("1 0 obj");
    const object = text.slice(objectAt, text.indexOf("endobj", objectAt));
    expect(object).toContain("/Title (Rapport)");
    expect(hexText(/\/Subject <([0-9A-F]+)>/.exec(object)![1])).toBe("\uFEFFGenererad från data");
    expect(hexText(/\/Keywords <([0-9A-F]+)>/.exec(object)![1])).toBe("\uFEFFsha256:abc");
    const trailer = text.slice(text.lastIndexOf("trailer"));
    const prev = Number(/\/Prev (\d+)/.exec(trailer)![1]);
    expect(text.slice(prev, prev + 4)).toBe("xref");
    expect(trailer).toContain("/Root 2 0 R");
    expect(trailer).toContain("/Size 4");
  });

  it("replaces earlier Subject and Keywords rather than repeating them", () => {
    const once = withInfo(minimalPdf(), { keywords: "sha256:first" });
    const twice = withInfo(once, { keywords: "sha256:second" }).toString("latin1");
    const last = twice.slice(twice.lastIndexOf("1 0 obj"));
    expect(last.match(/\/Keywords/g)).toHaveLength(1);
    expect(hexText(/\/Keywords <([0-9A-F]+)>/.exec(last)![1])).toBe("\uFEFFsha256:second");
  });

  it("leaves a file it cannot read as it was", () => {
    const odd = Buffer.from("%PDF-1.7\n% a cross-reference stream, no trailer keyword\n", "latin1");
    expect(withInfo(odd, { keywords: "x" })).toBe(odd);
  });
});
