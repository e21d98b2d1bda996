import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { learningFeedbackInput, linkInput, postInput, threadInput } from "../../../common/learning.ts";
import {
  Alert,
  Button,
  EmptyState,
  FormProblem,
  PageHeader,
  QueryState,
  Select,
  TextAreaField,
  TextField,
} from "../../components/index.ts";
import { useAddAndReset, useForm } from "../../lib/forms.ts";
import { problemWithFields } from "../../lib/problem.ts";
import {
  spaceListQuery,
  spaceQuery,
  spacesQuery,
  threadQuery,
  useAddLink,
  useGiveFeedback,
  useReply,
  useStartThread,
  useUploadDocument,
} from "./learning-api.ts";
import { Recordings } from "./recordings.tsx";

/** The learning spaces: only members see them (the server answers 404 to others). */
export function SpacesPage() {
  const { t } = useTranslation();
  const query = useQuery(spacesQuery);
  return (
    <>
      <PageHeader title={t("learning.web.title")} intro={t("learning.web.intro")} />
      <QueryState query={query}>
        {(items) =>
          items.length === 0 ? (
            <EmptyState message={t("learning.web.none")} />
          ) : (
            <ul className="card-list">
              {items.map((s) => (
                <li key={s.id} className="card">
                  <h2>
                    <Link to="/larplattform/$id" params={{ id: s.id }}>
                      {s.name}
                    </Link>
                  </h2>
                  <p>{s.description}</p>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </>
  );
}

export function SpacePage({ id }: { id: string }) {
  const space = useQuery(spaceQuery(id));
  return (
    <QueryState query={space}>
      {(s) => (
        <>
          <PageHeader title={s.name} intro={s.description ?? undefined} />
          <Documents spaceId={id} />
          <Recordings spaceId={id} />
          <Links spaceId={id} />
          <Forum spaceId={id} />
          <Feedback spaceId={id} />
        </>
      )}
    </QueryState>
  );
}

function Documents({ spaceId }: { spaceId: string }) {
  const { t } = useTranslation();
  const docs = useQuery(spaceListQuery(spaceId, "documents"));
  const [title, setTitle] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const upload = useUploadDocument(spaceId);
  return (
    <section aria-labelledby="docs-heading">
      <h2 id="docs-heading">{t("learning.web.documents")}</h2>
      <QueryState query={docs}>
        {(items) => (
          <ul className="plain-list">
            {items.map((d) => (
              <li key={d.id}>
                <strong>{d.title}</strong>{" "}
                {d.versions.map((v) => (
                  <a
                    key={v.id}
                    href={`/api/learning/spaces/${spaceId}/documents/${d.id}/versions/${v.version}`}
                  >
                    {t("learning.web.version", { version: v.version, filename: v.filename })}{" "}
                  </a>
                ))}
              </li>
            ))}
          </ul>
        )}
      </QueryState>
      <form
        className="form"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          upload.mutate(
            { title, file },
            {
              onSuccess: () => {
                setTitle("");
                setFile(null);
              },
            },
          );
        }}
      >
        {upload.error && <Alert tone="error">{problemWithFields(upload.error, t)}</Alert>}
        <TextField label={t("learning.web.docTitle")} value={title} onChange={setTitle} />
        <div className="field">
          <label className="field-label" htmlFor="learning-file">
            {t("learning.web.file")}
          </label>
          <input
            id="learning-file"
            type="file"
            className="input"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <Button type="submit" variant="secondary" isPending={upload.isPending}>
          {t("learning.web.upload")}
        </Button>
      </form>
    </section>
  );
}

function Links({ spaceId }: { spaceId: string }) {
  const { t } = useTranslation();
  const links = useQuery(spaceListQuery(spaceId, "links"));
  const add = useAddLink(spaceId);
  const form = useForm(linkInput, { kind: "literature", title: "", url: "" }, (v) => ({
    ...v,
    url: v.url || null,
  }));
  return (
    <section aria-labelledby="links-heading">
      <h2 id="links-heading">{t("learning.web.links")}</h2>
      <QueryState query={links}>
        {(items) => (
          <ul className="plain-list">
            {items.map((l) => (
              <li key={l.id}>
                {t(`learning.web.kinds.${l.kind}`)}: {l.url ? <a href={l.url}>{l.title}</a> : l.title}
                {l.author ? ` – ${l.author}` : ""}
              </li>
            ))}
          </ul>
        )}
      </QueryState>
      <AddForm form={form} send={add.mutateAsync} submitLabel={t("learning.web.addLink")}>
        <Select
          label={t("learning.web.kind")}
          value={form.values.kind}
          onChange={(kind) => form.setValue("kind", kind)}
          options={["literature", "lecture", "link"].map((k) => ({
            value: k,
            label: t(`learning.web.kinds.${k}`),
          }))}
        />
        <TextField label={t("learning.web.linkTitle")} {...form.field("title")} />
        <TextField label={t("learning.web.url")} type="url" {...form.field("url")} />
      </AddForm>
    </section>
  );
}

function Forum({ spaceId }: { spaceId: string }) {
  const { t } = useTranslation();
  const threads = useQuery(spaceListQuery(spaceId, "threads"));
  const [open, setOpen] = useState<string | null>(null);
  const start = useStartThread(spaceId);
  const form = useForm(threadInput, { title: "", body: "" });
  const body = form.field("body");
  return (
    <section aria-labelledby="forum-heading">
      <h2 id="forum-heading">{t("learning.web.forum")}</h2>
      <QueryState query={threads}>
        {(items) => (
          <ul className="plain-list">
            {items.map((th) => (
              <li key={th.id}>
                <Button
                  variant="quiet"
                  aria-expanded={open === th.id}
                  onPress={() => setOpen(open === th.id ? null : th.id)}
                >
                  {th.title} ({t("learning.web.posts", { count: th.posts })})
                </Button>
                {open === th.id && <Thread spaceId={spaceId} threadId={th.id} />}
              </li>
            ))}
          </ul>
        )}
      </QueryState>
      <AddForm form={form} send={start.mutateAsync} submitLabel={t("learning.web.startThread")}>
        <TextField label={t("learning.web.threadTitle")} {...form.field("title")} />
        <TextAreaField
          id={body.id}
          label={t("learning.web.post")}
          value={body.value}
          onChange={body.onChange}
          error={body.error}
        />
      </AddForm>
    </section>
  );
}

function Thread({ spaceId, threadId }: { spaceId: string; threadId: string }) {
  const { t } = useTranslation();
  const query = useQuery(threadQuery(spaceId, threadId));
  const reply = useReply(spaceId, threadId);
  const form = useForm(postInput, { body: "" });
  const body = form.field("body");
  return (
    <div className="card">
      <QueryState query={query}>
        {(data) => (
          <ul className="plain-list">
            {data.posts.map((p) => (
              <li key={p.id}>
                <strong>{p.by}</strong> ({p.createdAt.slice(0, 10)}): {p.body}
              </li>
            ))}
          </ul>
        )}
      </QueryState>
      <AddForm form={form} send={reply.mutateAsync} submitLabel={t("learning.web.sendReply")}>
        <TextAreaField
          id={body.id}
          label={t("learning.web.reply")}
          value={body.value}
          onChange={body.onChange}
          error={body.error}
        />
      </AddForm>
    </div>
  );
}

function Feedback({ spaceId }: { spaceId: string }) {
  const { t } = useTranslation();
  const list = useQuery(spaceListQuery(spaceId, "feedback"));
  const give = useGiveFeedback(spaceId);
  const form = useForm(learningFeedbackInput, { comment: "" });
  const comment = form.field("comment");
  return (
    <section aria-labelledby="lfeedback-heading">
      <h2 id="lfeedback-heading">{t("learning.web.feedback")}</h2>
      <QueryState query={list}>
        {(items) => (
          <ul className="plain-list">
            {items.map((f) => (
              <li key={f.id}>
                {f.activityTitle ? `${f.activityTitle}: ` : ""}
                {f.comment} {f.rating ? `(${f.rating}/5)` : ""} – {f.by}
              </li>
            ))}
          </ul>
        )}
      </QueryState>
      <AddForm form={form} send={give.mutateAsync} submitLabel={t("learning.web.sendFeedback")}>
        <TextAreaField
          id={comment.id}
          label={t("learning.web.yourFeedback")}
          value={comment.value}
          onChange={comment.onChange}
          error={comment.error}
        />
      </AddForm>
    </section>
  );
}

/** A form under a list that adds to it: the fields, the problem if any, the button; emptied once sent. */
function AddForm<D>({
  form,
  send,
  submitLabel,
  children,
}: {
  form: {
    onSubmit: (submit: (data: D) => Promise<unknown>) => (event: FormEvent) => void;
    reset: () => void;
    submitting: boolean;
    formError: string | null;
    conflict: boolean;
  };
  send: (data: D) => Promise<unknown>;
  submitLabel: string;
  children: ReactNode;
}) {
  const { submit } = useAddAndReset(form, send);
  return (
    <form className="form" noValidate onSubmit={submit}>
      <FormProblem form={form} />
      {children}
      <Button type="submit" variant="secondary" isPending={form.submitting}>
        {submitLabel}
      </Button>
    </form>
  );
}
