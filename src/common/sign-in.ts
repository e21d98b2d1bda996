import { z } from "zod";
import { email, requiredText } from "./validation.ts";

/** Sign-in by e-mail link, the TOTP second step and personal API tokens (issue 19). */

export const emailLinkInput = z.object({ email });
export const emailLinkSignInInput = z.object({
  token: z.string({ error: "validation.required" }).min(1, { error: "validation.required" }).max(200),
});

/** What a sign-in answers (202) when the second factor is still due. */
export const challengeView = z
  .object({
    secondFactor: z.enum(["totp", "totpEnrolment"]),
    challenge: z.string(),
  })
  .meta({ id: "SignInChallenge" });
export type ChallengeView = z.infer<typeof challengeView>;

const challengeToken = z
  .string({ error: "validation.required" })
  .min(1, { error: "validation.required" })
  .max(200);
export const totpCodeInput = z.object({
  challenge: challengeToken,
  code: z
    .string({ error: "validation.required" })
    .trim()
    .regex(/^\d{6}$/, { error: "validation.totpCode" }),
});
export const enrolmentInput = z.object({ challenge: challengeToken });
export const enrolmentView = z.object({ secret: z.string(), otpauthUri: z.string(), qrCode: z.string() });
export type EnrolmentView = z.infer<typeof enrolmentView>;

export const createTokenInput = z.object({
  name: requiredText(100),
  expiresInDays: z
    .number({ error: "validation.invalidType" })
    .int({ error: "validation.invalidType" })
    .min(1, { error: "validation.tooSmall" })
    .max(366, { error: "validation.tooBig" }),
  readOnly: z.boolean().optional(),
});
export type CreateTokenInput = z.infer<typeof createTokenInput>;
export const createdTokenView = z.object({ id: z.string(), token: z.string(), expiresAt: z.string() });
export type CreatedTokenView = z.infer<typeof createdTokenView>;
export const tokenView = z
  .object({
    id: z.string(),
    name: z.string(),
    readOnly: z.boolean(),
    createdAt: z.string(),
    expiresAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: "ApiToken" });
export type TokenView = z.infer<typeof tokenView>;

export const signInMethodsInput = z.object({ emailLinkOnly: z.boolean({ error: "validation.invalidType" }) });
