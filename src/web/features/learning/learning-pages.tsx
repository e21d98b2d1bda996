import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type {
  DocumentView,
  LearningFeedbackView,
  LinkView,
  PostView,
  SpaceView,
  ThreadView,
} from "../../../common/learning.ts";
import { ApiError, api } from "../../api.ts";
import { useMe } from "../../auth.ts";
import {
  Alert,
  Button,
  EmptyState,
  PageHeader,
  QueryState,
  Select,
  TextField,
} from "../../components/index.ts";
import { TextAreaField } from "../../components/text-area-field.tsx";
import { Recordings } from "./recordings.tsx";

/** The learning spaces: only members see them (the server answers 404 to others). */
export function SpacesPage() {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: ["learning"],
    queryFn: async () => (await api.get<{ items: SpaceView[] }>("/api/learning/spaces")).items,
  });
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

const errorText = (e: unknown) =>
  e instanceof ApiError ? Object.values(e.fieldErrors).flat().join(" ") || e.problem.detail : String(e);

function useList<T>(spaceId: string, part: string) {
  return useQuery({
    queryKey: ["learning", spaceId, part],
    queryFn: async () => (await api.get<{ items: T[] }>(`/api/learning/spaces/${spaceId}/${part}`)).items,
  });
}

export function SpacePage({ id }: { id: string }) {
  const space = useQuery({
    queryKey: ["learning", id],
    queryFn: () => api.get<SpaceView>(`/api/learning/spaces/${id}`),
  });
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
  const queryClient = useQueryClient();
  const docs = useList<DocumentView>(spaceId, "documents");
  const me = useMe();
  const [title, setTitle] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: async () => {
      const body = new FormData();
      body.append("title", title);
      if (file) body.append("file", file);
      const res = await fetch(`/api/learning/spaces/${spaceId}/documents`, {
        method: "POST",
        body,
        headers: { "x-csrf-token": me?.csrfToken ?? "", accept: "application/json" },
        credentials: "same-origin",
      });
      if (!res.ok) throw new ApiError(await res.json());
      return res.json();
    },
    onSuccess: () => {
      setTitle("");
      setFile(null);
      void queryClient.invalidateQueries({ queryKey: ["learning", spaceId, "documents"] });
    },
  });
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
          upload.mutate();
        }}
      >
        {upload.error && <Alert tone="error">{errorText(upload.error)}</Alert>}
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
  const queryClient = useQueryClient();
  const links = useList<LinkView>(spaceId, "links");
  const [kind, setKind] = useState("literature");
  const [title, setTitle] = useState("");
  const [url, setUrl] = useState("");
  const add = useMutation({
    mutationFn: () => api.post(`/api/learning/spaces/${spaceId}/links`, { kind, title, url: url || null }),
    onSuccess: () => {
      setTitle("");
      setUrl("");
      void queryClient.invalidateQueries({ queryKey: ["learning", spaceId, "links"] });
    },
  });
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
      <form
        className="form"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          add.mutate();
        }}
      >
        {add.error && <Alert tone="error">{errorText(add.error)}</Alert>}
        <Select
          label={t("learning.web.kind")}
          value={kind}
          onChange={setKind}
          options={["literature", "lecture", "link"].map((k) => ({
            value: k,
            label: t(`learning.web.kinds.${k}`),
          }))}
        />
        <TextField label={t("learning.web.linkTitle")} value={title} onChange={setTitle} />
        <TextField label={t("learning.web.url")} type="url" value={url} onChange={setUrl} />
        <Button type="submit" variant="secondary" isPending={add.isPending}>
          {t("learning.web.addLink")}
        </Button>
      </form>
    </section>
  );
}

function Forum({ spaceId }: { spaceId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const threads = useList<ThreadView>(spaceId, "threads");
  const [open, setOpen] = useState<string | null>(null);
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const start = useMutation({
    mutationFn: () => api.post(`/api/learning/spaces/${spaceId}/threads`, { title, body }),
    onSuccess: () => {
      setTitle("");
      setBody("");
      void queryClient.invalidateQueries({ queryKey: ["learning", spaceId, "threads"] });
    },
  });
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
      <form
        className="form"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          start.mutate();
        }}
      >
        {start.error && <Alert tone="error">{errorText(start.error)}</Alert>}
        <TextField label={t("learning.web.threadTitle")} value={title} onChange={setTitle} />
        <TextAreaField id="thread-body" label={t("learning.web.post")} value={body} onChange={setBody} />
        <Button type="submit" variant="secondary" isPending={start.isPending}>
          {t("learning.web.startThread")}
        </Button>
      </form>
    </section>
  );
}

function Thread({ spaceId, threadId }: { spaceId: string; threadId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ["learning", spaceId, "thread", threadId],
    queryFn: () => api.get<{ posts: PostView[] }>(`/api/learning/spaces/${spaceId}/threads/${threadId}`),
  });
  const [body, setBody] = useState("");
  const reply = useMutation({
    mutationFn: () => api.post(`/api/learning/spaces/${spaceId}/threads/${threadId}/posts`, { body }),
    onSuccess: () => {
      setBody("");
      void queryClient.invalidateQueries({ queryKey: ["learning", spaceId] });
    },
  });
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
      <form
        className="form"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          reply.mutate();
        }}
      >
        {reply.error && <Alert tone="error">{errorText(reply.error)}</Alert>}
        <TextAreaField
          id={`reply-${threadId}`}
          label={t("learning.web.reply")}
          value={body}
          onChange={setBody}
        />
        <Button type="submit" variant="secondary" isPending={reply.isPending}>
          {t("learning.web.sendReply")}
        </Button>
      </form>
    </div>
  );
}

function Feedback({ spaceId }: { spaceId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const list = useList<LearningFeedbackView>(spaceId, "feedback");
  const [comment, setComment] = useState("");
  const give = useMutation({
    mutationFn: () => api.post(`/api/learning/spaces/${spaceId}/feedback`, { comment }),
    onSuccess: () => {
      setComment("");
      void queryClient.invalidateQueries({ queryKey: ["learning", spaceId, "feedback"] });
    },
  });
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
      <form
        className="form"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          give.mutate();
        }}
      >
        {give.error && <Alert tone="error">{errorText(give.error)}</Alert>}
        <TextAreaField
          id="learning-feedback"
          label={t("learning.web.yourFeedback")}
          value={comment}
          onChange={setComment}
        />
        <Button type="submit" variant="secondary" isPending={give.isPending}>
          {t("learning.web.sendFeedback")}
        </Button>
      </form>
    </section>
  );
}
