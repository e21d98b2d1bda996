import { useTranslation } from "react-i18next";
import type { ProjectColour } from "../../../common/projects.ts";

/** A project's colour as a dot and its word (Grön, Gul, Röd): never colour alone (WCAG 1.4.1). */
export function ColourBadge({ colour }: { colour: ProjectColour | null }) {
  const { t } = useTranslation();
  return (
    <span className={`colour-badge colour-${colour ?? "none"}`}>
      <span className="colour-dot" aria-hidden="true" />
      {t(`projects.colours.${colour ?? "none"}`)}
    </span>
  );
}

/** The latest report's kind in words ("Delrapport", "Slutrapport?"), where appendix 1 abbreviates ("Del-", "Slut-?"). */
export function reportShort(
  t: (key: string) => string,
  p: { latestReportType: string | null; latestReportUncertain: boolean },
) {
  if (!p.latestReportType) return "–";
  return `${t(`projects.reportShort.${p.latestReportType}`)}${p.latestReportUncertain ? "?" : ""}`;
}
