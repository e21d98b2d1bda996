import { setTimeout as sleep } from "node:timers/promises";
import { STEP_SECONDS, stepAt, totpCode } from "../modules/accounts/totp.ts";

/**
 * The authenticator app of tests that sign administrators in over real HTTP or in a browser (main.test.ts,
 * the e2e journeys): it keeps each address's secret from its enrolment and never offers a step twice, as
 * the server's replay guard demands. It offers the current step or the next (both inside the server's ±1
 * window however the clock moves meanwhile); a third sign-in within one step waits for the next step.
 */
export class TestAuthenticator {
  private readonly secrets = new Map<string, string>();
  private readonly lastStep = new Map<string, number>();

  remember(email: string, secret: string) {
    this.secrets.set(email.toLowerCase(), secret);
    this.lastStep.delete(email.toLowerCase());
  }

  async code(email: string): Promise<string> {
    const key = email.toLowerCase();
    const secret = this.secrets.get(key);
    if (!secret) throw new Error(`no TOTP secret for ${email}: it enrols on its first sign-in`);
    const now = stepAt(Date.now());
    const step = Math.max((this.lastStep.get(key) ?? -1) + 1, now);
    if (step > now + 1) await sleep((step - 1) * STEP_SECONDS * 1000 - Date.now() + 50);
    this.lastStep.set(key, step);
    return totpCode(secret, step * STEP_SECONDS * 1000);
  }

  /** Completes a 202 sign-in answer over HTTP: enrols if asked, then sends a code. */
  async secondStep(
    baseUrl: string,
    email: string,
    answer: { secondFactor: string; challenge: string },
  ): Promise<Response> {
    const post = (path: string, body: object) =>
      fetch(`${baseUrl}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const { challenge } = answer;
    if (answer.secondFactor === "totpEnrolment") {
      const enrolment = (await (await post("/api/auth/totp/enrolment", { challenge })).json()) as {
        secret: string;
      };
      this.remember(email, enrolment.secret);
      return post("/api/auth/totp/enrolment/confirm", { challenge, code: await this.code(email) });
    }
    return post("/api/auth/login/totp", { challenge, code: await this.code(email) });
  }
}
