import { crc32, createInflateRaw } from "node:zlib";

/**
 * Unpacking zip archives sent by users (XLSX imports) without trusting what the archive says about
 * itself. The sizes in the local headers and the central directory are never used to decide how
 * much to unpack: every entry is inflated through a stream that counts the bytes it really yields
 * and stops as soon as a limit is passed (total bytes, bytes for its compressed size, number of
 * entries). Only what was counted here is handed on — re-packed by `buildZip` — so a parser behind
 * this guard never inflates anything itself.
 */

export interface ZipLimits {
  /** Bytes all entries may unpack to together. */
  maxUnpackedBytes: number;
  maxEntries: number;
  /** Past `ratioFloorBytes`, an entry may unpack to at most this many times its packed size. */
  maxRatio: number;
  ratioFloorBytes: number;
}

export const defaultZipLimits: ZipLimits = {
  maxUnpackedBytes: 64 * 1024 * 1024,
  maxEntries: 500,
  maxRatio: 200,
  ratioFloorBytes: 4 * 1024 * 1024,
};

export interface ZipEntry {
  name: string;
  data: Buffer;
}

/** Why an archive was refused: `unreadable` (not a zip we read) or `tooLarge` (a limit was hit). */
export class ZipRefused extends Error {
  constructor(readonly reason: "unreadable" | "tooLarge" | "tooManyEntries") {
    super(`zip refused: ${reason}`);
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_MARK = 0xffffffff;

interface Located {
  name: string;
  method: number;
  start: number;
  packedSize: number;
}

/** Where each entry's packed bytes are, from the central directory (names, offsets, packed sizes). */
function locateEntries(zip: Buffer, limits: ZipLimits): Located[] {
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--)
    if (zip.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  if (end < 0) throw new ZipRefused("unreadable");
  const count = zip.readUInt16LE(end + 10);
  if (count === 0xffff) throw new ZipRefused("unreadable");
  if (count > limits.maxEntries) throw new ZipRefused("tooManyEntries");
  let at = zip.readUInt32LE(end + 16);
  const entries: Located[] = [];
  const names = new Set<string>();
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) throw new ZipRefused("unreadable");
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    let packedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    let local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    if (packedSize === ZIP64_MARK || local === ZIP64_MARK) {
      const zip64 = zip64Fields(zip.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), {
        unpacked: zip.readUInt32LE(at + 24) === ZIP64_MARK,
        packed: packedSize === ZIP64_MARK,
        offset: local === ZIP64_MARK,
      });
      packedSize = zip64.packed ?? packedSize;
      local = zip64.offset ?? local;
    }
    // Encrypted entries, other methods than stored/deflate and repeated names are not XLSX.
    if (flags & 1 || (method !== 0 && method !== 8) || names.has(name)) throw new ZipRefused("unreadable");
    names.add(name);
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL) throw new ZipRefused("unreadable");
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    if (start + packedSize > zip.length) throw new ZipRefused("unreadable");
    if (!name.endsWith("/")) entries.push({ name, method, start, packedSize });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The 64-bit values of a zip64 extra field (id 1); they appear only for fields marked 0xFFFFFFFF. */
function zip64Fields(extra: Buffer, marked: { unpacked: boolean; packed: boolean; offset: boolean }) {
  for (let i = 0; i + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(i);
    const size = extra.readUInt16LE(i + 2);
    if (id === 1) {
      let p = i + 4;
      const next = () => {
        if (p + 8 > i + 4 + size) throw new ZipRefused("unreadable");
        const value = Number(extra.readBigUInt64LE(p));
        p += 8;
        return value;
      };
      if (marked.unpacked) next();
      return { packed: marked.packed ? next() : undefined, offset: marked.offset ? next() : undefined };
    }
    i += 4 + size;
  }
  throw new ZipRefused("unreadable");
}

/**
 * Inflates one entry through a stream, counting what comes out; past `budget` bytes (or the ratio)
 * the inflater is destroyed at once, so a bomb costs at most one chunk beyond the limit.
 */
function inflateCounted(packed: Buffer, budget: number, limits: ZipLimits): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const fail = (error: ZipRefused) => {
      if (settled) return;
      settled = true;
      chunks.length = 0;
      inflater.destroy();
      reject(error);
    };
    inflater.on("data", (chunk: Buffer) => {
      size += chunk.length;
      const ratioExceeded = size > limits.ratioFloorBytes && size > packed.length * limits.maxRatio;
      if (size > budget || ratioExceeded) return fail(new ZipRefused("tooLarge"));
      chunks.push(chunk);
    });
    inflater.on("error", () => fail(new ZipRefused("unreadable")));
    inflater.on("end", () => {
      if (settled) return;
      settled = true;
      resolve(Buffer.concat(chunks, size));
    });
    inflater.end(packed);
  });
}

/** Every file of the archive, unpacked under the limits; throws ZipRefused otherwise. */
export async function unzipGuarded(zip: Buffer, limits: ZipLimits = defaultZipLimits): Promise<ZipEntry[]> {
  const located = locateEntries(zip, limits);
  const entries: ZipEntry[] = [];
  let remaining = limits.maxUnpackedBytes;
  for (const entry of located) {
    const packed = zip.subarray(entry.start, entry.start + entry.packedSize);
    let data: Buffer;
    if (entry.method === 0) {
      if (packed.length > remaining) throw new ZipRefused("tooLarge");
      data = Buffer.from(packed);
    } else data = await inflateCounted(packed, remaining, limits);
    remaining -= data.length;
    entries.push({ name: entry.name, data });
  }
  return entries;
}

export interface ZipPart {
  name: string;
  /** The bytes as stored: raw deflate when `method` is 8. */
  stored: Buffer;
  method?: 0 | 8;
  crc?: number;
  /** What the headers claim the entry unpacks to (the real size unless a test wants a lie). */
  declaredSize?: number;
}

/** A plain zip archive (no zip64, no data descriptors) of the given parts. */
export function buildZip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, "utf8");
    const method = part.method ?? 0;
    const crc = part.crc ?? (method === 0 ? crc32(part.stored) : 0);
    const declared = part.declaredSize ?? part.stored.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(part.stored.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(part.stored.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, part.stored);
    centrals.push(central, name);
    offset += 30 + name.length + part.stored.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
