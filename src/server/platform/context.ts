import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Database, Db } from "../db/client.ts";
import type { Actor } from "./actor.ts";
import type { IdentityConfig } from "./identity-config.ts";

export interface AppConfig {
  /** Absolute base URL used in links sent to people (invitations, registrations). */
  publicUrl: string;
  /** Failed logins per account before it is locked for a while (accounts/login-throttle.ts). */
  maxFailedLogins: number;
  /** Failed logins per source address before it is locked for a while. */
  maxFailedLoginsPerSource: number;
  /** The longest lock in minutes; locks start at one minute and double. */
  lockoutMinutes: number;
  /** Requests per minute per IP on the login route. */
  loginRateLimit: number;
  /** Demo login printed on the console and shown on the login page in demo mode. */
  demoLogin: { email: string; password: string } | null;
  /** Cookies get `Secure` when the public URL is https. */
  secureCookies: boolean;
  /**
   * Addresses (or CIDR ranges) of reverse proxies whose `X-Forwarded-For` is believed
   * (`SAMSPEL_TRUST_PROXY`); empty: the client is the socket's peer, whatever the headers say.
   */
  trustProxy: string[];
  /** Caps on mail the public sets off, per recipient and per source address within a window. */
  anonymousMail: { perRecipient: number; perSource: number; windowMinutes: number };
  /** SAML IdPs and OpenID Connect providers people may sign in through (none when absent). */
  identity?: IdentityConfig;
  /**
   * Keep sessions resolved for reads in memory, forgotten on every change (accounts/session-cache.ts;
   * PostgreSQL only). On in production; the integration tests turn it off and test it on its own.
   */
  sessionCache?: boolean;
}

/** What route modules receive: the database and the configuration, nothing global. */
export interface Deps {
  db: Db;
  database: Database;
  config: AppConfig;
}

export type App = FastifyInstance;
export const typed = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
    sessionId: string | null;
    csrfToken: string | null;
  }
  interface FastifyContextConfig {
    /** Set false on writes that need no CSRF token (login, public forms without a session). */
    csrf?: boolean;
    /** Set true on routes the public (not logged in) may call; every other /api route answers 401. */
    public?: boolean;
  }
}
