import { vi } from "vitest";
import { mailSink } from "../../src/server/modules/mail/mail.service.ts";

/**
 * The messages the app's local SMTP sink captured for an address, parsed — waiting for the first to
 * arrive: the app queues mail in its outbox and delivers it just after answering the request.
 */
export async function mailsTo(address: string) {
  const sink = (await mailSink())!;
  const mine = await vi.waitFor(
    () => {
      const found = sink.messages().filter((m) => m.envelopeTo.includes(address));
      if (!found.length) throw new Error(`no mail to ${address} yet`);
      return found;
    },
    { timeout: 10_000, interval: 50 },
  );
  return Promise.all(mine.map((m) => sink.parse(m)));
}
