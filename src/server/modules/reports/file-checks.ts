import { inflateRawSync, inflateSync } from "node:zlib";

/**
 * Checks that generated files are real, for the tests and the e2e journey: read one entry of a ZIP
 * (DOCX, XLSX) from its central directory, and look inside a PDF for text a reader can extract.
 */

/** The bytes of one entry of a ZIP archive, or null when it has no such entry. */
export function unzipEntry(zip: Buffer, name: string): Buffer | null {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error("not a zip archive");
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const entry = zip.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    if (entry === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return method === 0 ? Buffer.from(data) : inflateRawSync(data);
    }
    at += 46 + nameLength + extra + comment;
  }
  return null;
}

/** The decompressed content of every stream of a PDF (undecodable ones as they are). */
function pdfStreams(pdf: Buffer): Buffer[] {
  const streams: Buffer[] = [];
  let from = 0;
  for (;;) {
    const start = pdf.indexOf("stream", from, "latin1");
    if (start < 0) break;
    const bodyStart = pdf[start + 6] === 0x0d ? start + 8 : start + 7;
    const end = pdf.indexOf("endstream", bodyStart, "latin1");
    if (end < 0) break;
    const body = pdf.subarray(bodyStart, end);
    try {
      streams.push(inflateSync(body));
    } catch {
      streams.push(body);
    }
    from = end + 9;
  }
  return streams;
}

/**
 * What a PDF offers a reader: does it draw text (text operators in its content), can that text be
 * extracted (fonts with ToUnicode maps), and is it tagged (a structure tree)?
 */
export function inspectPdf(pdf: Buffer) {
  const whole = [pdf, ...pdfStreams(pdf)].map((b) => b.toString("latin1")).join("\n");
  return {
    isPdf: pdf.subarray(0, 5).toString("latin1") === "%PDF-",
    drawsText: /BT[\s\S]*?(Tj|TJ)[\s\S]*?ET/.test(whole),
    extractableText: whole.includes("/ToUnicode"),
    tagged: whole.includes("/StructTreeRoot"),
  };
}
