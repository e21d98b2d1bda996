import { useState } from "react";
import type { IdeaDetailView } from "../../../common/ideas.ts";
import { ApiError } from "../../api.ts";
import { Alert } from "../../components/index.ts";

/** What the parts of an idea's page share: the idea type, times, and what a write answered. */
export type Detail = IdeaDetailView;
export const locale = (language: string) => (language === "en" ? "en-GB" : "sv-SE");
export const when = (iso: string, language: string) =>
  new Intl.DateTimeFormat(locale(language), {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Europe/Stockholm",
  }).format(new Date(iso));

/** What a write answered: a Swedish message for the form and its field errors. */
export function useOutcome() {
  const [outcome, setOutcome] = useState<{
    tone: "success" | "error";
    text: string;
    fields?: Record<string, string[]>;
  } | null>(null);
  const run = async (work: () => Promise<unknown>, success: string) => {
    setOutcome(null);
    try {
      await work();
      setOutcome({ tone: "success", text: success });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setOutcome({ tone: "error", text: error.problem.detail, fields: error.fieldErrors });
    }
  };
  return { outcome, run };
}

export function Outcome({ outcome }: { outcome: ReturnType<typeof useOutcome>["outcome"] }) {
  if (!outcome) return null;
  const fieldTexts = Object.values(outcome.fields ?? {}).flat();
  return (
    <Alert tone={outcome.tone}>
      {outcome.text}
      {fieldTexts.length > 0 && ` ${fieldTexts.join(" ")}`}
    </Alert>
  );
}
