import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { qrPng } from "./qr-png.mjs";

/**
 * QR images drawn on a thread of their own. Drawing a check-in code was a quarter of the CPU a public registration
 * costs the event loop (a profile of 50 concurrent registrations, issue 14 goal 4), and the event loop is what a
 * rush of registrations waits for; on a second core the image is drawn while the registration waits for the
 * database anyway. One thread is enough: an image takes well under a millisecond.
 *
 * Nothing depends on the thread: without a second core, when the thread cannot start, or when it has died
 * three times, the images are drawn here; an image the thread was drawing when it died is drawn here too.
 */
export class QrThread {
  private worker: Worker | null = null;
  /** Each image being drawn: how to hand it over, and how to draw it here instead. */
  private readonly pending = new Map<number, { done: (png: Buffer) => void; drawHere: () => void }>();
  private nextId = 1;
  private deaths = 0;

  /** `start` and `cores` are for the tests, which make a thread that dies. */
  constructor(
    // The same relative name from this file and from the compiled bundle, which has qr-png.mjs beside it.
    private readonly start = () =>
      new Worker(new URL("./qr-png.mjs", import.meta.url), { workerData: "qr-png" }),
    private readonly cores = availableParallelism(),
  ) {}

  render(text: string): Promise<Buffer> {
    const worker = this.running();
    if (!worker) return Promise.resolve(qrPng(text));
    const id = this.nextId++;
    // Referenced only while it draws: an idle thread never keeps a process (a test, a CLI) alive.
    if (this.pending.size === 0) worker.ref();
    return new Promise((resolve, reject) => {
      const drawHere = () => {
        try {
          resolve(qrPng(text));
        } catch (error) {
          reject(error);
        }
      };
      this.pending.set(id, { done: resolve, drawHere });
      worker.postMessage({ id, text });
    });
  }

  private running(): Worker | null {
    if (this.worker) return this.worker;
    if (this.deaths >= 3 || this.cores < 2) return null;
    try {
      const worker = this.start();
      worker.unref();
      worker.on("message", (reply: { id: number; png?: Uint8Array; error?: string }) => {
        const job = this.pending.get(reply.id);
        if (!job) return;
        this.pending.delete(reply.id);
        if (reply.png) job.done(Buffer.from(reply.png.buffer, reply.png.byteOffset, reply.png.length));
        else job.drawHere();
        if (this.pending.size === 0) worker.unref();
      });
      worker.on("error", () => this.died(worker));
      worker.on("exit", () => this.died(worker));
      this.worker = worker;
      return worker;
    } catch {
      this.deaths++;
      return null;
    }
  }

  /** The thread is gone: what it was drawing is drawn here, and the next image starts a new thread. */
  private died(worker: Worker) {
    if (this.worker !== worker) return;
    this.worker = null;
    this.deaths++;
    const jobs = [...this.pending.values()];
    this.pending.clear();
    for (const job of jobs) job.drawHere();
  }
}

const thread = new QrThread();

/** The QR code of `text` as a PNG (qr-png.mjs), drawn off the event loop where there is a core for it. */
export const qrPngOffThread = (text: string) => thread.render(text);
