import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../../common/format.ts";
import type { MeetingSummaryView } from "../../../common/governance.ts";
import { Button, Select, TextField } from "../../components/index.ts";
import { currentLanguage } from "../../i18n/index.ts";

/** Small pieces the governance pages share. */

export const thisYear = () => new Date().getFullYear();

/** The years a governance list can be filtered by: the platforms' history from 2008 until next year. */
export function YearSelect({
  value,
  onChange,
  label,
}: {
  value: number;
  onChange: (year: number) => void;
  label?: string;
}) {
  const { t } = useTranslation();
  const years: number[] = [];
  for (let y = thisYear() + 1; y >= 2008; y--) years.push(y);
  return (
    <Select
      label={label ?? t("governance.ui.year")}
      value={String(value)}
      onChange={(v) => onChange(Number(v))}
      options={years.map((y) => ({ value: String(y), label: String(y) }))}
    />
  );
}

/**
 * The register's and the registry's search: a year, words or a registry number, and any filters given as
 * children. The words apply when the form is sent, so a search does not run at every key press.
 */
export function useYearSearch() {
  const [year, setYear] = useState(thisYear());
  const [q, setQ] = useState("");
  return { year, setYear, q: q || undefined, setQ };
}

export function YearSearchForm({
  search,
  children,
}: {
  search: ReturnType<typeof useYearSearch>;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    search.setQ(text.trim());
  };
  return (
    <form className="filter-fields" aria-label={t("governance.ui.searchForm")} onSubmit={submit}>
      {children}
      <YearSelect value={search.year} onChange={search.setYear} />
      <TextField
        label={t("governance.ui.search")}
        description={t("governance.ui.searchHint")}
        value={text}
        onChange={setText}
      />
      <Button type="submit" variant="secondary">
        {t("governance.ui.searchButton")}
      </Button>
    </form>
  );
}

/** A form folded under its summary (native <details>: keyboard and screen reader friendly). */
export function Folded({ title, children, open }: { title: string; children: ReactNode; open?: boolean }) {
  return (
    <details className="card" open={open}>
      <summary>{title}</summary>
      {children}
    </details>
  );
}

/** "2010-03-24 09:00–11:30" in Swedish time. */
export function meetingWhen(m: Pick<MeetingSummaryView, "startsAt" | "endsAt">) {
  const lang = currentLanguage();
  const start = formatDateTime(m.startsAt, lang);
  if (!m.endsAt) return start;
  const end = formatDateTime(m.endsAt, lang);
  return `${start}–${end.slice(0, 10) === start.slice(0, 10) ? end.slice(-5) : end}`;
}

/** A meeting's name in lists: its own title or the body's. */
export const meetingName = (m: Pick<MeetingSummaryView, "title" | "bodyName">) => m.title ?? m.bodyName;

/** "" → null, "1 300 000" → 1300000 (what a number field holds before the schema reads it). */
export const wholeOrNull = (text: string) =>
  text.trim() === "" ? null : Number(text.trim().replace(/\s/g, ""));

/** "2010-03-24 09:00" (Swedish local time) → an ISO timestamp with the offset of that day in Stockholm. */
export function stockholmIso(text: string): string {
  const m = text.trim().match(/^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})$/);
  if (!m) return text.trim();
  const guess = new Date(`${m[1]}T${m[2]}:${m[3]}:00Z`);
  const local = new Date(guess.toLocaleString("en-US", { timeZone: "Europe/Stockholm" }));
  const utc = new Date(guess.toLocaleString("en-US", { timeZone: "UTC" }));
  const offset = Math.round((local.getTime() - utc.getTime()) / 60_000);
  const sign = offset >= 0 ? "+" : "-";
  const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, "0");
  const mm = String(Math.abs(offset) % 60).padStart(2, "0");
  return `${m[1]}T${m[2]}:${m[3]}:00${sign}${hh}:${mm}`;
}
