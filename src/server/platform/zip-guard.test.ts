import { randomBytes } from "node:crypto";
import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { inflatingTo, xlsxBomb } from "../test/zip-bombs.ts";
import { parseSpreadsheet } from "./spreadsheet-import.ts";
import { buildZip, defaultZipLimits, unzipGuarded, ZipRefused } from "./zip-guard.ts";

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error) => (error instanceof ZipRefused ? error.reason : error),
  );

describe("unzipGuarded", () => {
  it("unpacks stored and deflated entries and says what they really hold", async () => {
    const text = Buffer.from("<x>hej</x>".repeat(100));
    const zip = buildZip([
      { name: "a.txt", stored: Buffer.from("lagrad") },
      { name: "b.xml", stored: deflateRawSync(text), method: 8, declaredSize: 3 },
    ]);
    const entries = await unzipGuarded(zip);
    expect(entries.map((e) => e.name)).toEqual(["a.txt", "b.xml"]);
    expect(entries[0].data.toString()).toBe("lagrad");
    expect(entries[1].data.equals(text)).toBe(true);
  });

  it("stops at the byte limit while inflating, whatever the headers declare", async () => {
    // 2 MB of random text: a ratio near 1, so only the byte count can stop it.
    const text = Buffer.from(randomBytes(1024 * 1024).toString("hex"));
    const zip = buildZip([{ name: "big.xml", stored: deflateRawSync(text), method: 8, declaredSize: 10 }]);
    const limits = { ...defaultZipLimits, maxUnpackedBytes: 1024 * 1024 };
    expect(await refusal(unzipGuarded(zip, limits))).toBe("tooLarge");
    expect(await refusal(unzipGuarded(zip, { ...limits, maxUnpackedBytes: 3 * 1024 * 1024 }))).toBeNull();
  });

  it("counts the limit over all entries together", async () => {
    const halfMb = Buffer.from(randomBytes(256 * 1024).toString("hex"));
    const zip = buildZip(
      ["a", "b", "c"].map((name) => ({ name, stored: deflateRawSync(halfMb), method: 8 as const })),
    );
    // Each entry alone is well under the limit; the third one passes it.
    const limits = { ...defaultZipLimits, maxUnpackedBytes: 1024 * 1024 + 256 * 1024 };
    expect(await refusal(unzipGuarded(zip, limits))).toBe("tooLarge");
    expect(await refusal(unzipGuarded(zip, { ...limits, maxUnpackedBytes: 1536 * 1024 }))).toBeNull();
  });

  it("refuses an entry that unpacks to more than the ratio allows past the floor", async () => {
    const bomb = inflatingTo(8);
    const zip = buildZip([{ name: "s.xml", stored: bomb.packed, method: 8, declaredSize: 100 }]);
    // 8 MB from about 8 kB: far past 200:1, although under the byte limit.
    expect(bomb.packed.length).toBeLessThan(20_000);
    expect(await refusal(unzipGuarded(zip))).toBe("tooLarge");
    const generous = { ...defaultZipLimits, maxRatio: 10_000 };
    expect((await unzipGuarded(zip, generous))[0].data.length).toBe(bomb.size);
  });

  it("refuses too many entries, repeated names, encryption and what is no zip", async () => {
    const many = buildZip(
      Array.from({ length: 501 }, (_, i) => ({ name: `f${i}`, stored: Buffer.from("x") })),
    );
    expect(await refusal(unzipGuarded(many))).toBe("tooManyEntries");
    const twice = buildZip([
      { name: "a", stored: Buffer.from("1") },
      { name: "a", stored: Buffer.from("2") },
    ]);
    expect(await refusal(unzipGuarded(twice))).toBe("unreadable");
    const encrypted = buildZip([{ name: "a", stored: Buffer.from("1") }]);
    encrypted.writeUInt16LE(1, encrypted.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 8);
    expect(await refusal(unzipGuarded(encrypted))).toBe("unreadable");
    expect(await refusal(unzipGuarded(Buffer.from("PK\u0003\u0004trasig")))).toBe("unreadable");
    const corrupt = buildZip([{ name: "a", stored: Buffer.from([1, 2, 3, 4, 5, 6]), method: 8 }]);
    expect(await refusal(unzipGuarded(corrupt))).toBe("unreadable");
  });
});

describe("parseSpreadsheet on hostile XLSX", () => {
  it("answers a Swedish 422 on `file` for a bomb, honest or lying about its size", async () => {
    for (const lie of [false, true]) {
      const bomb = await xlsxBomb(300, { lie });
      expect(bomb.length).toBeLessThan(400_000);
      const error = await parseSpreadsheet(bomb).catch((e) => e);
      expect(error.status).toBe(422);
      expect(error.fieldErrors.file[0]).toEqual({
        key: "transfer.errors.unpackedTooLarge",
        params: { maxMb: 64 },
      });
    }
  });
});
