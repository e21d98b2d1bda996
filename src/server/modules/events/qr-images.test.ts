import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { QrThread } from "./qr-images.ts";
import { qrPng } from "./qr-png.mjs";

const texts = ["https://samspel.example/incheckning/a1", "https://samspel.example/incheckning/b2", "å ä ö"];

describe("QR images off the event loop", () => {
  it("draws the same image on its thread as on the event loop", async () => {
    const thread = new QrThread(undefined, 2);
    const images = await Promise.all(texts.map((text) => thread.render(text)));
    expect(images).toEqual(texts.map((text) => qrPng(text)));
  });

  it("draws here what a dying thread was drawing, and starts no thread after three deaths", async () => {
    let starts = 0;
    // A thread that takes the work and dies before it answers.
    const dying = () => {
      starts++;
      return new Worker("setTimeout(() => process.exit(1), 20)", { eval: true });
    };
    const thread = new QrThread(dying, 2);
    for (let round = 1; round <= 4; round++) {
      const images = await Promise.all(texts.map((text) => thread.render(text)));
      expect(images).toEqual(texts.map((text) => qrPng(text)));
      expect(starts).toBe(Math.min(round, 3));
    }
  });

  it("draws here on a machine with one core", async () => {
    let starts = 0;
    const thread = new QrThread(() => {
      starts++;
      return new Worker("", { eval: true });
    }, 1);
    expect(await thread.render(texts[0])).toEqual(qrPng(texts[0]));
    expect(starts).toBe(0);
  });
});
