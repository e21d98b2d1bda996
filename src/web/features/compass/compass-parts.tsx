import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { levelColours, levelTextColours } from "../../../common/compass.ts";
import { Select } from "../../components/index.ts";
import { yearsQuery } from "./compass-api.ts";

/** The compass's sub-navigation: overview, offers, the model. */
export function CompassNav() {
  const { t } = useTranslation();
  const active = { "aria-current": "page", className: "active" } as const;
  return (
    <nav aria-label={t("compass.title")} className="sub-nav">
      <ul>
        <li>
          <Link to="/kompassen" activeProps={active} activeOptions={{ exact: true }}>
            {t("compass.overview")}
          </Link>
        </li>
        <li>
          <Link to="/kompassen/erbjudanden" activeProps={active}>
            {t("compass.offers.title")}
          </Link>
        </li>
        <li>
          <Link to="/kompassen/modell" activeProps={active}>
            {t("compass.model.title")}
          </Link>
        </li>
      </ul>
    </nav>
  );
}

/**
 * The year a page shows: the one in the address, else the latest year with carried-out activities
 * (the demo's data end in an earlier year than today's), else this year.
 */
export function useCompassYear(fromSearch: number | undefined): number | null {
  const years = useQuery(yearsQuery);
  if (fromSearch) return fromSearch;
  if (years.data) return years.data.latestWithData;
  return years.isError ? new Date().getFullYear() : null;
}

export function YearSelect({ year, onChange }: { year: number; onChange: (year: number) => void }) {
  const { t } = useTranslation();
  const years = useQuery(yearsQuery);
  const list = [...new Set([...(years.data?.years ?? []), year])].sort((a, b) => b - a);
  return (
    <Select
      label={t("compass.year")}
      value={String(year)}
      onChange={(value) => onChange(Number(value))}
      options={list.map((y) => ({ value: String(y), label: String(y) }))}
    />
  );
}

/** A level as a coloured cell value, with the number as text (colour is never the only cue). */
export function LevelCell({ level, goal }: { level: number | null; goal?: number | null }) {
  const { t } = useTranslation();
  if (level === null) return <span className="muted">{t("compass.none")}</span>;
  return (
    <span className="level-chip" style={{ background: levelColours[level], color: levelTextColours[level] }}>
      {level}
      {goal !== null && goal !== undefined && <span className="level-goal"> ({goal})</span>}
    </span>
  );
}

/** One decimal in the UI language (0,5 in Swedish). */
export function formatMean(value: number | null, language: "sv" | "en") {
  if (value === null) return "–";
  return new Intl.NumberFormat(language === "sv" ? "sv-SE" : "en-GB", {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value);
}

/** Starts a download of a data URL or an API file. */
export function download(href: string, filename: string) {
  const a = document.createElement("a");
  a.href = href;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
}
