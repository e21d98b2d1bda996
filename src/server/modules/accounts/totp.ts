import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP) with node:crypto alone: HMAC-SHA1,
 * 30-second steps, 6 digits: what every authenticator app (Microsoft/Google Authenticator, FreeOTP,
 * 1Password …) computes from an `otpauth://` URI. Secrets travel in base32 (RFC 4648, no padding).
 */

export const STEP_SECONDS = 30;
export const DIGITS = 6;
/** Steps accepted either side of now: a phone clock a little off, or a code typed at a step's end. */
export const WINDOW = 1;

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

export function base32Encode(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=]/g, "");
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of clean) {
    const index = ALPHABET.indexOf(char);
    if (index < 0) throw new Error("not base32");
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** A new 160-bit secret (RFC 4226's recommended length for HMAC-SHA1), base32. */
export const newTotpSecret = () => base32Encode(randomBytes(20));

/** HOTP (RFC 4226 §5.3): HMAC-SHA1 of the 8-byte counter, dynamically truncated. */
export function hotp(key: Buffer, counter: number, digits = DIGITS): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac("sha1", key).update(message).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, "0");
}

export const stepAt = (unixMs: number) => Math.floor(unixMs / 1000 / STEP_SECONDS);

/** The code for a base32 secret at a time (or at a given step). */
export function totpCode(secret: string, unixMs: number, digits = DIGITS): string {
  return hotp(base32Decode(secret), stepAt(unixMs), digits);
}

/**
 * The step whose code `code` is, within ±WINDOW steps of `unixMs`, or null. Compared in constant time;
 * the caller refuses a step it has already accepted (replay).
 */
export function matchingStep(secret: string, code: string, unixMs: number): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const key = base32Decode(secret);
  const now = stepAt(unixMs);
  let found: number | null = null;
  for (let step = now - WINDOW; step <= now + WINDOW; step++) {
    if (timingSafeEqual(Buffer.from(hotp(key, step)), Buffer.from(code)) && found === null) found = step;
  }
  return found;
}

/** The URI authenticator apps read from the QR code (Key Uri Format). */
export function otpauthUri(secret: string, account: string, issuer = "Samspel"): string {
  const label = encodeURIComponent(`${issuer}:${account}`);
  const query = new URLSearchParams({
    secret,
    issuer,
    algorithm: "SHA1",
    digits: String(DIGITS),
    period: String(STEP_SECONDS),
  });
  return `otpauth://totp/${label}?${query}`;
}
