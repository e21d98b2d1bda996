import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  callView,
  completeIdeaInput,
  ownIdeaView,
  publicIdeaInput,
  publicIdeaResultView,
} from "../../../common/ideas.ts";
import { idParams } from "../../../common/validation.ts";
import type { Deps } from "../../platform/context.ts";
import { typed } from "../../platform/context.ts";
import { problemSchema } from "../../platform/problem.ts";
import { nudgeMailSender } from "../mail/index.ts";
import { getPublicCall, listPublicCalls } from "./calls.service.ts";
import { presentCall } from "./ideas.presenter.ts";
import { completeOwnIdea, getOwnIdea, submitPublicIdea } from "./public-ideas.service.ts";

const tags = ["Idéer (publikt)"];
const tokenParams = z.object({ token: z.string().min(20).max(200) });
const publicErrors = { 404: problemSchema, 409: problemSchema, 422: problemSchema, 429: problemSchema };

function presentOwn(own: Awaited<ReturnType<typeof getOwnIdea>>) {
  return {
    id: own.idea.id,
    callTitle: own.call.call.title,
    title: own.idea.title,
    summary: own.idea.summary,
    stage: own.idea.stage,
    fields: own.idea.fields,
    template: own.call.call.template.map((f) => ({ key: f.key, label: f.label, required: !!f.required })),
    editable: own.editable,
  };
}

/**
 * What the public reaches without an account: open calls, submitting an idea, and — through the
 * personal link's token — their own idea only. Writes have no session, so no CSRF token; they are
 * rate-limited per address like the other public forms.
 */
export function registerPublicIdeaRoutes(app: FastifyInstance, { db, config }: Deps) {
  const r = typed(app);
  const open = { public: true } as const;
  const write = {
    public: true,
    csrf: false,
    rateLimit: { max: Math.max(30, Math.min(config.loginRateLimit, 1000)), timeWindow: "1 minute" },
  };

  r.get(
    "/api/public/calls",
    {
      config: open,
      schema: {
        tags,
        summary: "Öppna och kommande publika idéefterlysningar",
        response: { 200: z.object({ items: z.array(callView) }) },
      },
    },
    async (request) => ({ items: (await listPublicCalls(db, request.actor)).map((c) => presentCall(c)) }),
  );

  r.get(
    "/api/public/calls/:id",
    {
      config: open,
      schema: {
        tags,
        summary: "En publik idéefterlysning",
        params: idParams,
        response: { 200: callView, 404: problemSchema },
      },
    },
    async (request) => presentCall(await getPublicCall(db, request.actor, request.params.id)),
  );

  r.post(
    "/api/public/calls/:id/ideas",
    {
      config: write,
      schema: {
        tags,
        summary: "Skicka in en idé (utan konto; samtycke krävs)",
        params: idParams,
        body: publicIdeaInput,
        response: { 201: publicIdeaResultView, ...publicErrors },
      },
    },
    async (request, reply) => {
      const { id } = await submitPublicIdea(db, request.params.id, request.body, config.publicUrl, {
        source: request.ip,
        caps: config.anonymousMail,
      });
      nudgeMailSender(db);
      return reply.status(201).send({ id, emailSent: true });
    },
  );

  r.get(
    "/api/public/ideas/:token",
    {
      config: open,
      schema: {
        tags,
        summary: "Min idé, via den personliga länken",
        params: tokenParams,
        response: { 200: ownIdeaView, 404: problemSchema },
      },
    },
    async (request) => presentOwn(await getOwnIdea(db, request.params.token)),
  );

  r.patch(
    "/api/public/ideas/:token",
    {
      config: write,
      schema: {
        tags,
        summary: "Komplettera min idé medan utlysningen är öppen",
        params: tokenParams,
        body: completeIdeaInput,
        response: { 200: ownIdeaView, ...publicErrors },
      },
    },
    async (request) => presentOwn(await completeOwnIdea(db, request.params.token, request.body)),
  );
}
