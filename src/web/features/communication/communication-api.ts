import type {
  AudienceView,
  MailingInput,
  MailingView,
  PreviewView,
  SubscribeInput,
} from "../../../common/communication.ts";
import type { EventView } from "../../../common/events.ts";
import { api } from "../../api.ts";

/** The audiences the server offers a mailing, each with how many it reaches. */
export const audiencesQuery = {
  queryKey: ["mailing-audiences"],
  queryFn: async () => (await api.get<{ items: AudienceView[] }>("/api/communication/audiences")).items,
};

/** Coming events, for an invitation. */
export const upcomingEventsQuery = {
  queryKey: ["events", "upcoming-for-mailing"],
  queryFn: () =>
    api.get<{ items: EventView[] }>(`/api/events?from=${new Date().toISOString().slice(0, 10)}&limit=100`),
};

/** The mailings sent. */
export const mailingsQuery = {
  queryKey: ["mailings"],
  queryFn: async () => (await api.get<{ items: MailingView[] }>("/api/communication/mailings")).items,
};

/** Who an audience's criteria reach now, with the digest the send must carry. */
export const previewAudience = (criteria: unknown) =>
  api.post<PreviewView>("/api/communication/segments/preview", criteria ?? {});

/** Creates the mailing, then sends it to exactly the previewed recipients. */
export async function sendMailing(
  mailing: MailingInput,
  preview: { expectedRecipients: number; recipientsDigest: string },
) {
  const created = await api.post<MailingView>("/api/communication/mailings", mailing);
  return api.post<MailingView>(`/api/communication/mailings/${created.id}/send`, preview);
}

/** The public newsletter: ask for a subscription (a confirmation mail follows). */
export const subscribe = (data: SubscribeInput) => api.post("/api/public/newsletter/subscriptions", data);

/** Confirms or ends a subscription by its link's path. */
export const followNewsletterLink = (path: string) => api.post<{ email: string }>(path);
