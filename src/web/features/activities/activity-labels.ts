import type { ActivityView } from "../../../common/activities.ts";
import { currentLanguage } from "../../i18n/index.ts";

/** The type's label in the UI language. */
export const typeLabel = (type: { labelSv: string; labelEn: string }) =>
  currentLanguage() === "en" ? type.labelEn : type.labelSv;

/** "2024-09-02 – 2024-10-25", one date when it is a single day, `undated` when none. */
export function dateRange(a: Pick<ActivityView, "startDate" | "endDate">, undated: string) {
  if (!a.startDate) return undated;
  return a.endDate && a.endDate !== a.startDate ? `${a.startDate} – ${a.endDate}` : a.startDate;
}

/** Whether to offer "Ny aktivitet": the collaboration office, or a programme director with programmes. */
export function mayRecordActivities(
  me: { abilities: { coordinate: boolean }; roles: { role: string; scopeId: string | null }[] } | null,
) {
  return (
    !!me && (me.abilities.coordinate || me.roles.some((r) => r.role === "programme_director" && r.scopeId))
  );
}
