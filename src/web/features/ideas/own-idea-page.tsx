import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api.ts";
import { Alert, Button, PageHeader, QueryState, TextAreaField } from "../../components/index.ts";
import { type OwnIdea, ownIdeaQuery, useCompleteIdea } from "./ideas-api.ts";

/** The personal link's page: the submitter sees their idea and completes it on the call's template. */
export function OwnIdeaPage({ token }: { token: string }) {
  const query = useQuery(ownIdeaQuery(token));
  return <QueryState query={query}>{(own) => <Own token={token} own={own} />}</QueryState>;
}

function Own({ token, own }: { token: string; own: OwnIdea }) {
  const { t } = useTranslation();
  const complete = useCompleteIdea(token);
  const [values, setValues] = useState<Record<string, string>>(() => ({ ...own.fields }));
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  return (
    <>
      <PageHeader title={own.title} intro={t("ideas.own.intro", { call: own.callTitle })} />
      <dl className="facts">
        <dt>{t("ideas.own.stage")}</dt>
        <dd>{t(`ideas.stages.${own.stage}`)}</dd>
        <dt>{t("ideas.fields.summary")}</dt>
        <dd>{own.summary}</dd>
      </dl>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {own.editable ? (
        <form
          noValidate
          onSubmit={async (event) => {
            event.preventDefault();
            setMessage(null);
            try {
              await complete.mutateAsync({ fields: values });
              setMessage({ tone: "success", text: t("common.saved") });
            } catch (error) {
              if (!(error instanceof ApiError)) throw error;
              setMessage({ tone: "error", text: error.problem.detail });
            }
          }}
        >
          <h2>{t("ideas.own.template")}</h2>
          {own.template.map((field) => (
            <TextAreaField
              key={field.key}
              id={`own-idea-${field.key}`}
              label={field.required ? field.label : t("ideas.own.optional", { label: field.label })}
              value={values[field.key] ?? ""}
              onChange={(value) => setValues((v) => ({ ...v, [field.key]: value }))}
            />
          ))}
          <Button type="submit" isDisabled={complete.isPending}>
            {t("common.save")}
          </Button>
        </form>
      ) : (
        <Alert tone="info">{t("ideas.own.locked")}</Alert>
      )}
    </>
  );
}
