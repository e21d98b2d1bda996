import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { createNewsInput, type NewsView } from "../../../common/site.ts";
import { ApiError } from "../../api.ts";
import { useMe } from "../../auth.ts";
import {
  Alert,
  Button,
  ConfirmDialog,
  EmptyState,
  FormErrorSummary,
  PageHeader,
  QueryState,
  TextAreaField,
  TextField,
} from "../../components/index.ts";
import { useForm } from "../../lib/forms.ts";
import {
  editorNewsItemQuery,
  editorNewsQuery,
  useDeleteNews,
  useSaveNews,
  useUploadNewsImage,
} from "./site-api.ts";
import { longDate } from "./site-format.tsx";
import "./site.css";

/** The coordinators' news editor: every item (drafts too), a form to write or edit one, its image. */
export function NewsEditorPage() {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const list = useQuery(editorNewsQuery());
  const remove = useDeleteNews();
  return (
    <>
      <PageHeader title={t("site.editor.title")} intro={t("site.editor.intro")} />
      {message && <Alert tone="success">{message}</Alert>}
      {editing ? (
        <EditExisting
          id={editing}
          onDone={(text) => {
            setMessage(text);
            setEditing(null);
          }}
        />
      ) : (
        <NewsForm
          key="new"
          news={null}
          onSaved={(saved) => {
            setMessage(t("site.editor.saved"));
            setEditing(saved.id);
          }}
        />
      )}
      <section aria-labelledby="news-list-heading">
        <h2 id="news-list-heading">{t("site.editor.list")}</h2>
        <QueryState query={list}>
          {(page) =>
            page.items.length === 0 ? (
              <EmptyState message={t("site.editor.empty")} />
            ) : (
              <ul className="plain-list news-editor-list">
                {page.items.map((news) => (
                  <li key={news.id}>
                    <span>
                      {news.status === "published" ? (
                        <Link to="/nyheter/$id" params={{ id: news.id }}>
                          {news.title}
                        </Link>
                      ) : (
                        news.title
                      )}{" "}
                      <span className="muted small">
                        ({t(`site.statuses.${news.status}`)}
                        {news.publishedAt ? `, ${longDate(news.publishedAt, "sv")}` : ""})
                      </span>
                    </span>
                    <span className="button-row">
                      <Button
                        variant="secondary"
                        aria-label={t("site.editor.edit", { title: news.title })}
                        onPress={() => {
                          setMessage(null);
                          setEditing(news.id);
                        }}
                      >
                        {t("site.pages.edit")}
                      </Button>
                      <ConfirmDialog
                        triggerLabel={t("site.editor.delete")}
                        triggerAriaLabel={`${t("site.editor.delete")}: ${news.title}`}
                        title={t("site.editor.delete")}
                        message={t("site.editor.confirmDelete", { title: news.title })}
                        onConfirm={async () => {
                          await remove.mutateAsync(news.id);
                          if (editing === news.id) setEditing(null);
                          setMessage(t("site.editor.deleted"));
                        }}
                      />
                    </span>
                  </li>
                ))}
              </ul>
            )
          }
        </QueryState>
      </section>
    </>
  );
}

function EditExisting({ id, onDone }: { id: string; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const query = useQuery(editorNewsItemQuery(id));
  return (
    <QueryState query={query}>
      {(news) => (
        <>
          <NewsForm
            key={`${news.id}-${news.updatedAt}`}
            news={news}
            onSaved={() => onDone(t("site.editor.saved"))}
          />
          <ImageForm news={news} />
        </>
      )}
    </QueryState>
  );
}

function NewsForm({ news, onSaved }: { news: NewsView | null; onSaved: (saved: NewsView) => void }) {
  const { t } = useTranslation();
  const save = useSaveNews(news?.id ?? null);
  const statusName = useId();
  const form = useForm(
    createNewsInput,
    {
      title: news?.title ?? "",
      text: news?.text ?? "",
      tags: news?.tags.join(", ") ?? "",
      status: news?.status ?? "draft",
      publishedAt: localDateTime(news?.publishedAt ?? null),
    },
    (v) => ({
      ...v,
      // The browser's local time (datetime-local) as an instant; empty publishes now, or leaves a draft without one.
      publishedAt: v.publishedAt ? toInstant(v.publishedAt) : null,
      tags: v.tags
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    }),
  );
  const labels = {
    title: t("site.fields.title"),
    text: t("site.fields.text"),
    tags: t("site.fields.tags"),
    status: t("site.fields.status"),
    publishedAt: t("site.fields.publishedAt"),
  };
  return (
    <section aria-labelledby="news-form-heading">
      <h2 id="news-form-heading">
        {news ? t("site.editor.edit", { title: news.title }) : t("site.editor.new")}
      </h2>
      <form
        noValidate
        className="form"
        onSubmit={form.onSubmit(async (data) => {
          const saved = await save.mutateAsync(
            news
              ? {
                  title: data.title,
                  text: data.text,
                  tags: data.tags,
                  status: data.status,
                  publishedAt: data.publishedAt,
                }
              : data,
          );
          onSaved(saved);
        })}
      >
        <FormErrorSummary errors={form.errors} labels={labels} prefix={form.prefix} />
        {form.formError && <Alert tone="error">{form.formError}</Alert>}
        <TextField label={labels.title} isRequired {...form.field("title")} />
        <TextAreaField label={labels.text} {...form.field("text")} />
        <TextField label={labels.tags} description={t("site.editor.tagsHint")} {...form.field("tags")} />
        <fieldset className="field">
          <legend className="field-label">{labels.status}</legend>
          {(["draft", "published"] as const).map((status) => (
            <label key={status} className="checkbox">
              <input
                type="radio"
                name={statusName}
                value={status}
                checked={form.values.status === status}
                onChange={() => form.setValue("status", status)}
              />{" "}
              {t(`site.statuses.${status}`)}
            </label>
          ))}
        </fieldset>
        <TextField
          label={t("site.editor.publishedAtLabel")}
          type="datetime-local"
          description={t("site.editor.publishedAtHint")}
          {...form.field("publishedAt")}
        />
        <Button type="submit" isPending={form.submitting}>
          {t("site.editor.save")}
        </Button>
      </form>
    </section>
  );
}

/** An instant as the value of a datetime-local input (the browser's local time), "" for none. */
function localDateTime(iso: string | null) {
  if (!iso) return "";
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value as an ISO instant; the raw text when it is not a time (the schema then names the field). */
function toInstant(local: string) {
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? local : d.toISOString();
}

function ImageForm({ news }: { news: NewsView }) {
  const { t } = useTranslation();
  const me = useMe();
  const upload = useUploadNewsImage(news.id, me?.csrfToken ?? "");
  const removeImage = useSaveNews(news.id);
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState(news.image?.alt ?? "");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [done, setDone] = useState(false);
  const problem = upload.error instanceof ApiError && !Object.keys(upload.error.fieldErrors).length;
  return (
    <section aria-labelledby="news-image-heading">
      <h2 id="news-image-heading">{t("site.editor.image")}</h2>
      {news.image && (
        <figure>
          <img
            className="news-image"
            src={news.image.url}
            alt={news.image.alt}
            style={{ maxWidth: "20rem" }}
          />
          <figcaption className="muted small">
            {t("site.editor.currentImage")}: {news.image.alt}
          </figcaption>
          <Button variant="secondary" onPress={() => removeImage.mutate({ removeImage: true })}>
            {t("site.editor.removeImage")}
          </Button>
        </figure>
      )}
      <form
        noValidate
        className="form"
        onSubmit={async (event) => {
          event.preventDefault();
          setDone(false);
          try {
            await upload.mutateAsync({ file, alt });
            setErrors({});
            setDone(true);
          } catch (error) {
            if (error instanceof ApiError) setErrors(error.fieldErrors);
          }
        }}
      >
        {done && <Alert tone="success">{t("site.editor.imageSaved")}</Alert>}
        {problem && <Alert tone="error">{(upload.error as ApiError).problem.detail}</Alert>}
        <div className="field">
          <label htmlFor={fileId} className="field-label">
            {t("site.fields.file")}
          </label>
          <p id={`${fileId}-hint`} className="field-description">
            {t("site.editor.imageHint")}
          </p>
          <input
            id={fileId}
            type="file"
            accept="image/png,image/jpeg,image/webp,image/gif"
            aria-describedby={`${fileId}-hint${errors.file ? ` ${fileId}-error` : ""}`}
            aria-invalid={errors.file ? true : undefined}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          {errors.file && (
            <p id={`${fileId}-error`} className="field-error">
              {errors.file.join(" ")}
            </p>
          )}
        </div>
        <TextField label={t("site.fields.alt")} isRequired value={alt} onChange={setAlt} error={errors.alt} />
        <Button type="submit" variant="secondary" isPending={upload.isPending}>
          {t("site.editor.uploadImage")}
        </Button>
      </form>
    </section>
  );
}
