/**
 * A QR code as a PNG, about 240 px wide: the QR matrix from `qrcode`, written as a 1-bit greyscale PNG here (the
 * library's own PNG path spends tens of milliseconds per image).
 *
 * Plain JavaScript because it is also a worker thread's entry (qr-images.ts), and a worker loads its file with
 * plain Node: no TypeScript loader in tests, and the compiled server copies this file beside its bundle.
 */
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { crc32, deflateSync } from "node:zlib";
import QRCode from "qrcode";

/** @param {string} text @returns {Buffer} */
export function qrPng(text) {
  // One byte-mode segment: a URL is bytes anyway, and the library's search for the shortest mix of modes
  // (a shortest path over every split of the text) cost as much as the rest of the code together.
  const { modules } = QRCode.create([{ data: Buffer.from(text), mode: "byte" }], {});
  const margin = 1;
  const cells = modules.size + 2 * margin;
  const scale = Math.ceil(240 / cells);
  const side = cells * scale;
  const rowBytes = Math.ceil(side / 8);
  const raw = Buffer.alloc((rowBytes + 1) * side); // each row: filter byte 0, then pixels (1 = white)
  // One pixel row per row of modules, copied `scale` times: a row of pixels is the same all through a module.
  const line = Buffer.alloc(rowBytes);
  for (let my = -margin; my < cells - margin; my++) {
    line.fill(0);
    for (let x = 0; x < side; x++) {
      const mx = Math.floor(x / scale) - margin;
      const dark = mx >= 0 && my >= 0 && mx < modules.size && my < modules.size && modules.get(my, mx) === 1;
      if (!dark) line[x >> 3] |= 0x80 >> (x & 7);
    }
    for (let y = (my + margin) * scale; y < (my + margin + 1) * scale; y++)
      line.copy(raw, y * (rowBytes + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale; compression, filter and interlace 0
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(raw)),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** @param {string} type @param {Buffer} data */
function pngChunk(type, data) {
  const typed = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

// As a worker: { id, text } in, { id, png } or { id, error } out (the image's memory moves, it is not copied).
if (!isMainThread && workerData === "qr-png" && parentPort) {
  const port = parentPort;
  port.on("message", ({ id, text }) => {
    try {
      const png = qrPng(text);
      const bytes = new Uint8Array(png.buffer.slice(png.byteOffset, png.byteOffset + png.length));
      port.postMessage({ id, png: bytes }, [bytes.buffer]);
    } catch (error) {
      port.postMessage({ id, error: String(error) });
    }
  });
}
