import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CompassView } from "../../../common/compass.ts";
import { ApiError } from "../../api.ts";
import { Alert, Button, Checkbox, EmptyState, QueryState } from "../../components/index.ts";
import { TextAreaField } from "../../components/text-area-field.tsx";
import { outcomesQuery, useAddOutcome, useRemoveOutcome } from "./compass-api.ts";

/** Learning outcomes about working life, linked to the compass's dimensions (seed 000, activity 2). */
export function OutcomesSection({ view }: { view: CompassView }) {
  const { t } = useTranslation();
  const outcomes = useQuery(outcomesQuery(view.programmeId));
  const remove = useRemoveOutcome(view.programmeId);
  const labelOf = new Map(view.dimensions.map((d) => [d.key, d.label]));
  return (
    <section aria-labelledby="outcomes-heading" className="compass-section">
      <h2 id="outcomes-heading">{t("compass.outcomes.title")}</h2>
      <p className="muted">{t("compass.outcomes.intro")}</p>
      <QueryState query={outcomes}>
        {(items) =>
          items.length === 0 ? (
            <EmptyState message={t("compass.outcomes.empty")} />
          ) : (
            <ul className="outcome-list">
              {items.map((o) => (
                <li key={o.id}>
                  <p>{o.text}</p>
                  <p className="muted small">{o.dimensions.map((k) => labelOf.get(k) ?? k).join(", ")}</p>
                  {view.abilities.manage && (
                    <Button
                      variant="quiet"
                      aria-label={`${t("compass.outcomes.remove")}: ${o.text}`}
                      onPress={() => remove.mutate(o.id)}
                    >
                      {t("compass.outcomes.remove")}
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      {view.abilities.manage && <OutcomeForm view={view} />}
    </section>
  );
}

function OutcomeForm({ view }: { view: CompassView }) {
  const { t } = useTranslation();
  const id = useId().replace(/[^a-zA-Z0-9]/g, "");
  const add = useAddOutcome(view.programmeId);
  const [text, setText] = useState("");
  const [dimensions, setDimensions] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setMessage(null);
    try {
      await add.mutateAsync({ text, dimensions });
      setText("");
      setDimensions([]);
      setMessage({ tone: "success", text: t("compass.outcomes.added") });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (Object.keys(error.fieldErrors).length) setErrors(error.fieldErrors);
      else setMessage({ tone: "error", text: error.problem.detail });
    }
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <TextAreaField
        id={`${id}-text`}
        label={t("compass.outcomes.text")}
        value={text}
        onChange={setText}
        error={errors.text}
      />
      <fieldset
        className="checkbox-group"
        aria-describedby={errors.dimensions ? `${id}-dims-error` : undefined}
      >
        <legend>{t("compass.outcomes.dimensions")}</legend>
        {view.dimensions.map((d) => (
          <Checkbox
            key={d.key}
            label={d.label}
            checked={dimensions.includes(d.key)}
            onChange={(on) =>
              setDimensions((list) => (on ? [...list, d.key] : list.filter((k) => k !== d.key)))
            }
          />
        ))}
        {errors.dimensions && (
          <div id={`${id}-dims-error`} className="field-error">
            {errors.dimensions.join(" ")}
          </div>
        )}
      </fieldset>
      <Button type="submit" isPending={add.isPending}>
        {t("compass.outcomes.add")}
      </Button>
    </form>
  );
}
