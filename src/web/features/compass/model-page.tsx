import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { ModelView } from "../../../common/compass.ts";
import { PageHeader, QueryState } from "../../components/index.ts";
import { currentLanguage } from "../../i18n/index.ts";
import { activityTypesQuery } from "../activities/index.ts";
import { modelVersionsQuery } from "./compass-api.ts";
import { CompassNav } from "./compass-parts.tsx";

/**
 * /kompassen/modell: the dimensions, which activity types feed them and what the levels mean, and
 * the versions (administrators publish new ones through the API; earlier years keep theirs).
 */
export function ModelPage() {
  const { t } = useTranslation();
  const versions = useQuery(modelVersionsQuery);
  return (
    <>
      <PageHeader title={t("compass.model.title")} intro={<p>{t("compass.model.intro")}</p>} />
      <CompassNav />
      <QueryState query={versions}>
        {(list) => (
          <>
            <Model model={list[list.length - 1]} />
            <section aria-labelledby="versions-heading" className="compass-section">
              <h2 id="versions-heading">{t("compass.model.versions")}</h2>
              <ol className="plain-list">
                {[...list].reverse().map((v) => (
                  <li key={v.version}>
                    {t("compass.modelVersion", { version: v.version })} –{" "}
                    {t("compass.model.published", { date: v.createdAt.slice(0, 10) })}
                    {v.note && ` – ${v.note}`} (
                    {v.period === "academic" ? t("compass.model.academic") : t("compass.model.calendar")})
                  </li>
                ))}
              </ol>
            </section>
          </>
        )}
      </QueryState>
    </>
  );
}

function Model({ model }: { model: ModelView }) {
  const { t } = useTranslation();
  const types = useQuery(activityTypesQuery);
  const typeName = (key: string) => {
    const type = types.data?.find((x) => x.key === key);
    if (!type) return key;
    return currentLanguage() === "en" ? type.labelEn : type.labelSv;
  };
  return (
    <section aria-labelledby="dimensions-heading" className="compass-section">
      <h2 id="dimensions-heading">
        {t("compass.dimensions")} ({t("compass.modelVersion", { version: model.version })})
      </h2>
      <div className="dimension-list">
        {model.dimensions.map((d) => (
          <article key={d.key} className="dimension" aria-labelledby={`model-${d.key}`}>
            <h3 id={`model-${d.key}`}>{d.label}</h3>
            <p>{d.description}</p>
            <dl className="facts">
              <dt>{t("compass.model.activityTypes")}</dt>
              <dd>{d.activityTypes.map(typeName).join(", ")}</dd>
              <dt>{t("compass.model.levelTexts")}</dt>
              <dd>
                <ol start={0} className="level-texts">
                  {d.levels.map((text, level) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the position is the level (0–4)
                    <li key={`${d.key}-${level}`} value={level}>
                      {text}
                    </li>
                  ))}
                </ol>
                <p className="muted small">{t("compass.model.thresholds", d.thresholds)}</p>
              </dd>
            </dl>
          </article>
        ))}
      </div>
    </section>
  );
}
