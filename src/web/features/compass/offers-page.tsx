import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { LEVELS, type OfferView, offerInput } from "../../../common/compass.ts";
import { useMe } from "../../auth.ts";
import {
  Alert,
  Button,
  Checkbox,
  EmptyState,
  FormErrorSummary,
  FormProblem,
  PageHeader,
  QueryState,
  Select,
  TextField,
} from "../../components/index.ts";
import { TextAreaField } from "../../components/text-area-field.tsx";
import { useForm } from "../../lib/forms.ts";
import { activityTypesQuery } from "../activities/index.ts";
import { organisationOptionsQuery } from "../programmes/index.ts";
import { modelQuery, offersQuery, useSaveOffer } from "./compass-api.ts";
import { CompassNav } from "./compass-parts.tsx";

/** /kompassen/erbjudanden: the collaboration office's offers; coordinators add and change them. */
export function OffersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const canManage = !!me?.abilities.coordinate;
  const offers = useQuery(offersQuery(canManage));
  const model = useQuery(modelQuery);
  const [creating, setCreating] = useState(false);
  const [saved, setSaved] = useState(false);
  const labelOf = new Map((model.data?.dimensions ?? []).map((d) => [d.key, d.label]));
  return (
    <>
      <PageHeader
        title={t("compass.offers.title")}
        intro={<p>{t("compass.offers.intro")}</p>}
        actions={
          canManage && !creating ? (
            <Button onPress={() => setCreating(true)}>{t("compass.offers.new")}</Button>
          ) : undefined
        }
      />
      <CompassNav />
      {saved && <Alert tone="success">{t("compass.offers.saved")}</Alert>}
      {creating && (
        <section aria-labelledby="new-offer-heading" className="compass-section">
          <h2 id="new-offer-heading">{t("compass.offers.new")}</h2>
          <OfferForm
            onDone={(ok) => {
              setCreating(false);
              setSaved(ok);
            }}
          />
        </section>
      )}
      <QueryState query={offers}>
        {(items) =>
          items.length === 0 ? (
            <EmptyState message={t("compass.offers.empty")} />
          ) : (
            <ul className="card-list offer-list">
              {items.map((o) => (
                <OfferCard key={o.id} offer={o} labelOf={labelOf} canManage={canManage} />
              ))}
            </ul>
          )
        }
      </QueryState>
    </>
  );
}

function OfferCard({
  offer: o,
  labelOf,
  canManage,
}: {
  offer: OfferView;
  labelOf: Map<string, string>;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const toggle = useSaveOffer(o.id);
  return (
    <li className="card">
      <h2 className="card-title">{o.title}</h2>
      {!o.active && <p className="muted">{t("compass.offers.inactive")}</p>}
      <p>{o.description}</p>
      <p className="small">
        {o.dimensions.map((k) => labelOf.get(k) ?? k).join(", ")} ·{" "}
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
      {canManage &&
        (editing ? (
          <OfferForm offer={o} onDone={() => setEditing(false)} />
        ) : (
          <div className="button-row">
            <Button
              variant="secondary"
              aria-label={`${t("compass.offers.edit")}: ${o.title}`}
              onPress={() => setEditing(true)}
            >
              {t("compass.offers.edit")}
            </Button>
            <Button
              variant="quiet"
              isPending={toggle.isPending}
              aria-label={`${o.active ? t("compass.offers.deactivate") : t("compass.offers.activate")}: ${o.title}`}
              onPress={() => toggle.mutate({ active: !o.active })}
            >
              {o.active ? t("compass.offers.deactivate") : t("compass.offers.activate")}
            </Button>
          </div>
        ))}
    </li>
  );
}

function OfferForm({ offer, onDone }: { offer?: OfferView; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const save = useSaveOffer(offer?.id);
  const model = useQuery(modelQuery);
  const types = useQuery(activityTypesQuery);
  const organisations = useQuery(organisationOptionsQuery);
  const form = useForm(
    offerInput,
    {
      title: offer?.title ?? "",
      description: offer?.description ?? "",
      targetLevel: String(offer?.targetLevel ?? 2),
      activityTypeKey: offer?.activityTypeKey ?? "",
      contactName: offer?.contactName ?? "",
      contactEmail: offer?.contactEmail ?? "",
      organisationId: offer?.organisationId ?? "",
      dimensions: offer?.dimensions ?? ([] as string[]),
    },
    (v) => ({
      ...v,
      targetLevel: Number(v.targetLevel),
      contactName: v.contactName || null,
      contactEmail: v.contactEmail || null,
      organisationId: v.organisationId || null,
      active: offer?.active ?? true,
    }),
  );
  const labels = {
    title: t("compass.offers.offerTitle"),
    description: t("compass.offers.description"),
    dimensions: t("compass.offers.dimensions"),
    targetLevel: t("compass.offers.targetLevel"),
    activityTypeKey: t("compass.offers.activityType"),
    contactName: t("compass.offers.contactName"),
    contactEmail: t("compass.offers.contactEmail"),
    organisationId: t("compass.offers.unit"),
  };
  const dims = form.values.dimensions;
  return (
    <form
      className="form"
      noValidate
      onSubmit={form.onSubmit(async (data) => {
        await save.mutateAsync(data);
        onDone(true);
      })}
    >
      <FormErrorSummary errors={form.errors} labels={labels} prefix={form.prefix} />
      <FormProblem form={form} />
      <TextField label={labels.title} {...form.field("title")} />
      <TextAreaField label={labels.description} {...form.field("description")} />
      <fieldset className="checkbox-group">
        <legend id={`${form.prefix}-dimensions`} tabIndex={-1}>
          {labels.dimensions}
        </legend>
        {(model.data?.dimensions ?? []).map((d) => (
          <Checkbox
            key={d.key}
            label={d.label}
            checked={dims.includes(d.key)}
            onChange={(on) =>
              form.setValue("dimensions", on ? [...dims, d.key] : dims.filter((k) => k !== d.key))
            }
          />
        ))}
        {form.errors.dimensions && <div className="field-error">{form.errors.dimensions.join(" ")}</div>}
      </fieldset>
      <Select
        label={labels.targetLevel}
        {...form.field("targetLevel")}
        options={LEVELS.filter((l) => l > 0).map((l) => ({
          value: String(l),
          label: t(`compass.levels.${l}`),
        }))}
      />
      <Select
        label={labels.activityTypeKey}
        {...form.field("activityTypeKey")}
        options={[
          { value: "", label: t("compass.offers.chooseType") },
          ...(types.data ?? []).filter((x) => x.active).map((x) => ({ value: x.key, label: x.labelSv })),
        ]}
      />
      <TextField label={labels.contactName} {...form.field("contactName")} />
      <TextField label={labels.contactEmail} type="email" {...form.field("contactEmail")} />
      <Select
        label={labels.organisationId}
        {...form.field("organisationId")}
        options={[
          { value: "", label: t("compass.none") },
          ...(organisations.data ?? []).map((o) => ({ value: o.id, label: o.label })),
        ]}
      />
      <div className="button-row">
        <Button type="submit" isPending={form.submitting}>
          {t("compass.offers.save")}
        </Button>
        <Button variant="quiet" onPress={() => onDone(false)}>
          {t("common.cancel")}
        </Button>
      </div>
    </form>
  );
}
