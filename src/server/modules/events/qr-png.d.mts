/** A QR code of `text` (one byte-mode segment) as a 1-bit PNG about 240 px wide. */
export function qrPng(text: string): Buffer;
