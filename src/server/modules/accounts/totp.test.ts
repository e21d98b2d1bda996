import { describe, expect, it } from "vitest";
import {
  base32Decode,
  base32Encode,
  hotp,
  matchingStep,
  newTotpSecret,
  otpauthUri,
  totpCode,
} from "./totp.ts";

// RFC 6238 appendix B, SHA-1 rows: the 20-byte ASCII seed "12345678901234567890", 8 digits.
const seed = base32Encode(Buffer.from("12345678901234567890", "ascii"));
const vectors: [number, string][] = [
  [59, "94287082"],
  [1111111109, "07081804"],
  [1111111111, "14050471"],
  [1234567890, "89005924"],
  [2000000000, "69279037"],
  [20000000000, "65353130"],
];

describe("TOTP (RFC 6238)", () => {
  it.each(vectors)("gives the RFC's SHA-1 code at T = %i", (seconds, code) => {
    expect(totpCode(seed, seconds * 1000, 8)).toBe(code);
    // Six digits are the last six of the same truncation.
    expect(totpCode(seed, seconds * 1000)).toBe(code.slice(2));
  });

  it("gives RFC 4226's HOTP values (appendix D)", () => {
    const key = Buffer.from("12345678901234567890", "ascii");
    expect([0, 1, 2, 9].map((c) => hotp(key, c))).toEqual(["755224", "287082", "359152", "520489"]);
  });

  it("round-trips base32 and makes 160-bit secrets", () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Encode(base32Decode(secret))).toBe(secret);
    expect(seed).toBe("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  });

  it("accepts the step before and after now, nothing further, and only six digits", () => {
    const now = 1_111_111_111_000;
    const secret = newTotpSecret();
    const step = Math.floor(now / 30_000);
    expect(matchingStep(secret, totpCode(secret, now), now)).toBe(step);
    expect(matchingStep(secret, totpCode(secret, now - 30_000), now)).toBe(step - 1);
    expect(matchingStep(secret, totpCode(secret, now + 30_000), now)).toBe(step + 1);
    expect(matchingStep(secret, totpCode(secret, now - 60_000), now)).toBeNull();
    expect(matchingStep(secret, totpCode(secret, now + 60_000), now)).toBeNull();
    expect(matchingStep(secret, "12345", now)).toBeNull();
    expect(matchingStep(secret, "abcdef", now)).toBeNull();
  });

  it("writes the otpauth URI authenticator apps read", () => {
    expect(otpauthUri("JBSWY3DPEHPK3PXP", "anna@kommun.se")).toBe(
      "otpauth://totp/Samspel%3Aanna%40kommun.se?secret=JBSWY3DPEHPK3PXP&issuer=Samspel&algorithm=SHA1&digits=6&period=30",
    );
  });
});
