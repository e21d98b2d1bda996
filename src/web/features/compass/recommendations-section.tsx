import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CompassView, OfferView, RecommendationView, WorkPlanItem } from "../../../common/compass.ts";
import { ApiError } from "../../api.ts";
import { Alert, Button, type Column, DataTable, EmptyState, QueryState } from "../../components/index.ts";
import { activityTypesQuery } from "../activities/index.ts";
import { recommendationsQuery, useTakeOffer, workPlanQuery } from "./compass-api.ts";

/** Offers matching the programme's gaps, largest gap first; "take" adds a planned activity. */
export function RecommendationsSection({ view }: { view: CompassView }) {
  const { t } = useTranslation();
  const recommendations = useQuery(recommendationsQuery(view.programmeId, view.year));
  const take = useTakeOffer(view.programmeId, view.year);
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);

  const onTake = async (offer: OfferView, dimensionKey: string) => {
    setMessage(null);
    try {
      await take.mutateAsync({ offerId: offer.id, dimensionKey });
      setMessage({ tone: "success", text: t("compass.recommendations.takenDone") });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setMessage({ tone: "error", text: error.problem.detail });
    }
  };

  return (
    <section aria-labelledby="recommendations-heading" className="compass-section">
      <h2 id="recommendations-heading">{t("compass.recommendations.title")}</h2>
      <p className="muted">{t("compass.recommendations.intro")}</p>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <QueryState query={recommendations}>
        {(items) =>
          items.length === 0 ? (
            <EmptyState message={t("compass.recommendations.empty")} />
          ) : (
            <div className="recommendations">
              {items.map((r) => (
                <Gap
                  key={r.dimensionKey}
                  gap={r}
                  canTake={view.abilities.manage}
                  onTake={onTake}
                  busy={take.isPending}
                />
              ))}
            </div>
          )
        }
      </QueryState>
    </section>
  );
}

function Gap({
  gap,
  canTake,
  onTake,
  busy,
}: {
  gap: RecommendationView;
  canTake: boolean;
  onTake: (offer: OfferView, dimensionKey: string) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  return (
    <article className="gap" aria-labelledby={`gap-${gap.dimensionKey}`}>
      <h3 id={`gap-${gap.dimensionKey}`}>
        {t("compass.recommendations.gapHeading", {
          dimension: gap.dimensionLabel,
          current: gap.current,
          goal: gap.goal,
          gap: gap.gap,
        })}
      </h3>
      {gap.offers.length === 0 ? (
        <p className="muted">{t("compass.recommendations.noOffers")}</p>
      ) : (
        <ul className="card-list offer-list">
          {gap.offers.map((o) => (
            <li key={o.id} className="card">
              <h4>{o.title}</h4>
              <p>{o.description}</p>
              <p className="small">
                {t("compass.recommendations.helpsReach", { level: o.targetLevel })}
                {o.organisationName && ` · ${o.organisationName}`}
                {o.contactName && ` · ${t("compass.recommendations.contact")}: ${o.contactName}`}
                {o.contactEmail && (
                  <>
                    {" "}
                    <a href={`mailto:${o.contactEmail}`}>{o.contactEmail}</a>
                  </>
                )}
              </p>
              {o.taken ? (
                <p className="taken">{t("compass.recommendations.taken")}</p>
              ) : (
                canTake && (
                  <Button
                    variant="secondary"
                    isPending={busy}
                    aria-label={t("compass.recommendations.takeLabel", { title: o.title })}
                    onPress={() => onTake(o, gap.dimensionKey)}
                  >
                    {t("compass.recommendations.take")}
                  </Button>
                )
              )}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

/** The programme's work plan for the year: offers taken and other planned activities. */
export function WorkPlanSection({ programmeId, year }: { programmeId: string; year: number }) {
  const { t, i18n } = useTranslation();
  const plan = useQuery(workPlanQuery(programmeId, year));
  const types = useQuery(activityTypesQuery);
  const typeName = (key: string) => {
    const type = types.data?.find((x) => x.key === key);
    return type ? (i18n.language === "en" ? type.labelEn : type.labelSv) : key;
  };
  const columns: Column<WorkPlanItem>[] = [
    {
      key: "title",
      header: t("compass.workPlan.activity"),
      cell: (i) => (
        <Link to="/aktiviteter/$id" params={{ id: i.activityId }}>
          {i.title}
        </Link>
      ),
      isRowHeader: true,
    },
    { key: "type", header: t("compass.workPlan.type"), cell: (i) => typeName(i.typeKey) },
    { key: "date", header: t("compass.workPlan.date"), cell: (i) => i.startDate ?? t("compass.none") },
    {
      key: "status",
      header: t("compass.workPlan.status"),
      cell: (i) => t(`activities.statuses.${i.status}`),
    },
    {
      key: "offer",
      header: t("compass.workPlan.origin"),
      cell: (i) =>
        i.offerTitle
          ? `${t("compass.workPlan.fromOffer", { title: i.offerTitle })}${i.takenBy ? ` (${t("compass.workPlan.takenBy", { name: i.takenBy })})` : ""}`
          : t("compass.none"),
    },
  ];
  return (
    <section aria-labelledby="work-plan-heading" className="compass-section">
      <h2 id="work-plan-heading">{t("compass.workPlan.title")}</h2>
      <p className="muted">{t("compass.workPlan.intro")}</p>
      <QueryState query={plan}>
        {(items) => (
          <DataTable
            empty={t("compass.workPlan.empty")}
            caption={t("compass.workPlan.caption", { year })}
            columns={columns}
            rows={items}
            rowKey={(i) => i.activityId}
          />
        )}
      </QueryState>
    </section>
  );
}
