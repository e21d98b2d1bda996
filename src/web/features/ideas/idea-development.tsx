import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "../../auth.ts";
import { Button, QueryState, TextAreaField, TextField } from "../../components/index.ts";
import { type Detail, Outcome, useOutcome, when } from "./idea-parts.tsx";
import { documentsQuery, ideaWrites, uploadIdeaDocument, useIdeaWrite, versionsQuery } from "./ideas-api.ts";

/** The stages in which the idea's owner and the office still develop it. */
export const developable = ["submitted", "selected", "developing", "pitched", "planned", "prepared"];

/** The template filled in during development; each save becomes a version. */
export function Template({ idea }: { idea: Detail }) {
  const { t, i18n } = useTranslation();
  const save = useIdeaWrite(idea.id, ideaWrites(idea.id).template);
  const [values, setValues] = useState<Record<string, string>>(() => ({ ...idea.fields }));
  const { outcome, run } = useOutcome();
  const versions = useQuery({ ...versionsQuery(idea.id), enabled: idea.versionCount > 0 });
  const editable = idea.nextStages.length > 0 && developable.includes(idea.stage);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    return run(() => save.mutateAsync({ fields: values }), t("ideas.work.versionSaved"));
  };
  return (
    <section aria-labelledby="template-heading">
      <h2 id="template-heading">{t("ideas.work.template")}</h2>
      {editable ? (
        <form noValidate onSubmit={submit}>
          <Outcome outcome={outcome} />
          {idea.template.map((field) => (
            <TextAreaField
              key={field.key}
              id={`idea-field-${field.key}`}
              label={field.label}
              value={values[field.key] ?? ""}
              onChange={(value) => setValues((v) => ({ ...v, [field.key]: value }))}
              error={outcome?.fields?.[`fields.${field.key}`]}
            />
          ))}
          <Button type="submit" isDisabled={save.isPending}>
            {t("ideas.work.saveVersion")}
          </Button>
        </form>
      ) : (
        <dl className="facts">
          {idea.template.map((field) => (
            <div key={field.key}>
              <dt>{field.label}</dt>
              <dd>{idea.fields[field.key] || "–"}</dd>
            </div>
          ))}
        </dl>
      )}
      <h3>{t("ideas.work.versions", { count: idea.versionCount })}</h3>
      {idea.versionCount === 0 ? (
        <p>{t("ideas.work.noVersions")}</p>
      ) : (
        <QueryState query={versions}>
          {(items) => (
            <ul>
              {items.map((v) => (
                <li key={v.version}>
                  <details>
                    <summary>
                      {t("ideas.work.version", { n: v.version, by: v.by, at: when(v.at, i18n.language) })}
                    </summary>
                    <dl className="facts">
                      {idea.template.map((field) => (
                        <div key={field.key}>
                          <dt>{field.label}</dt>
                          <dd>{v.fields[field.key] || "–"}</dd>
                        </div>
                      ))}
                    </dl>
                  </details>
                </li>
              ))}
            </ul>
          )}
        </QueryState>
      )}
    </section>
  );
}

/** Documents of the development (the plan, a budget), uploaded beside the idea. */
export function Documents({ idea, editable }: { idea: Detail; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const documents = useQuery(documentsQuery(idea.id));
  const [title, setTitle] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [formKey, setFormKey] = useState(0);
  const upload = useIdeaWrite(idea.id, () => uploadIdeaDocument(idea.id, me?.csrfToken ?? "", title, file));
  const { outcome, run } = useOutcome();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    return run(async () => {
      await upload.mutateAsync(undefined);
      setTitle("");
      setFile(null);
      setFormKey((k) => k + 1);
    }, t("ideas.work.documentSaved"));
  };
  return (
    <section aria-labelledby="documents-heading">
      <h2 id="documents-heading">{t("ideas.work.documents")}</h2>
      <QueryState query={documents}>
        {(items) =>
          items.length === 0 ? (
            <p>{t(editable ? "ideas.work.noDocuments" : "ideas.work.noDocumentsClosed")}</p>
          ) : (
            <ul>
              {items.map((d) => (
                <li key={d.id}>
                  <a href={`/api/ideas/${idea.id}/documents/${d.id}`}>{d.title}</a>{" "}
                  {t("ideas.work.documentMeta", {
                    filename: d.filename,
                    by: d.by,
                    at: when(d.at, i18n.language),
                  })}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      {editable && (
        <form noValidate onSubmit={submit} key={formKey}>
          <Outcome outcome={outcome} />
          <TextField label={t("ideas.work.documentTitle")} value={title} onChange={setTitle} />
          <div className="field">
            <label className="field-label" htmlFor="idea-document-file">
              {t("ideas.work.file")}
            </label>
            <input
              id="idea-document-file"
              type="file"
              className="input"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </div>
          <Button type="submit" variant="secondary" isDisabled={upload.isPending}>
            {t("ideas.work.upload")}
          </Button>
        </form>
      )}
    </section>
  );
}
