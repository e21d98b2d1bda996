import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { maxRecordingBytes, recordingTypes } from "../../../common/learning.ts";
import { Alert, Button, EmptyState, TextField } from "../../components/index.ts";
import { spaceListQuery, uploadRecording } from "./learning-api.ts";

/**
 * Recorded lectures (issue 16, item 8): uploaded audio and video, played in the page with the browser's
 * own <audio>/<video> controls from the stream route, which answers Range requests so the player can
 * seek without downloading the whole file. The upload shows the size limit up front and its progress.
 */

const isMedia = (mime: string) => mime.startsWith("audio/") || mime.startsWith("video/");
const megabytes = Math.round(maxRecordingBytes / (1024 * 1024));
const extensions = Object.keys(recordingTypes);

export function Recordings({ spaceId }: { spaceId: string }) {
  const { t } = useTranslation();
  const docs = useQuery(spaceListQuery(spaceId, "documents"));
  const recordings = (docs.data ?? [])
    .map((d) => ({
      doc: d,
      latest: d.versions.reduce((a, b) => (b.version > a.version ? b : a), d.versions[0]),
    }))
    .filter((r) => r.latest && isMedia(r.latest.mimeType));
  return (
    <section aria-labelledby="recordings-heading">
      <h2 id="recordings-heading">{t("learning.web.recordings")}</h2>
      {docs.isSuccess && recordings.length === 0 && <EmptyState message={t("learning.web.noRecordings")} />}
      <ul className="plain-list">
        {recordings.map(({ doc, latest }) => {
          const src = `/api/learning/spaces/${spaceId}/documents/${doc.id}/versions/${latest.version}/stream`;
          return (
            <li key={doc.id}>
              <figure>
                <figcaption>
                  <strong>{doc.title}</strong>
                  {doc.description && <span className="muted"> · {doc.description}</span>}
                </figcaption>
                {latest.mimeType.startsWith("video/") ? (
                  // biome-ignore lint/a11y/useMediaCaption: uploaded lectures carry no caption track yet; the title names it.
                  <video
                    controls
                    preload="metadata"
                    src={src}
                    style={{ maxWidth: "100%" }}
                    aria-label={doc.title}
                  />
                ) : (
                  // biome-ignore lint/a11y/useMediaCaption: audio lectures have no caption track; the title names it.
                  <audio
                    controls
                    preload="metadata"
                    src={src}
                    style={{ maxWidth: "100%" }}
                    aria-label={doc.title}
                  />
                )}
              </figure>
            </li>
          );
        })}
      </ul>
      <RecordingUpload spaceId={spaceId} />
    </section>
  );
}

/** The upload shows its progress (uploadRecording uses XMLHttpRequest: only it reports progress). */
function RecordingUpload({ spaceId }: { spaceId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setDone(null);
    if (!file) return setError(t("learning.web.recordingMissing"));
    // Checked here too so a too-large file is refused before minutes of uploading.
    if (file.size > maxRecordingBytes)
      return setError(t("learning.web.recordingTooLarge", { mb: megabytes }));
    const body = new FormData();
    body.append("title", title);
    body.append("file", file);
    setProgress(0);
    uploadRecording(spaceId, body, setProgress).then(
      ({ status, text }) => {
        setProgress(null);
        if (status === 201) {
          setDone(title || file.name);
          setTitle("");
          setFile(null);
          void queryClient.invalidateQueries({ queryKey: ["learning", spaceId, "documents"] });
          return;
        }
        try {
          const problem = JSON.parse(text);
          setError(problem.detail || t("learning.web.recordingFailed"));
        } catch {
          setError(t("learning.web.recordingFailed"));
        }
      },
      () => {
        setProgress(null);
        setError(t("learning.web.recordingFailed"));
      },
    );
  };

  return (
    <form className="form" onSubmit={submit} aria-labelledby="recording-upload-heading">
      <h3 id="recording-upload-heading">{t("learning.web.uploadRecording")}</h3>
      <div aria-live="polite">
        {error && <Alert tone="error">{error}</Alert>}
        {done && <Alert tone="success">{t("learning.web.recordingUploaded", { title: done })}</Alert>}
      </div>
      <TextField label={t("learning.web.recordingTitle")} value={title} onChange={setTitle} />
      <div className="field">
        <label className="field-label" htmlFor="recording-file">
          {t("learning.web.recordingFile")}
        </label>
        <div id="recording-file-desc" className="field-description">
          {t("learning.web.recordingLimit", { mb: megabytes, types: extensions.join(", ") })}
        </div>
        <input
          id="recording-file"
          type="file"
          className="input"
          accept={extensions.map((x) => `.${x}`).join(",")}
          aria-describedby="recording-file-desc"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      {progress !== null && (
        <div className="field">
          <label className="field-label" htmlFor="recording-progress">
            {t("learning.web.recordingProgress", { percent: progress })}
          </label>
          <progress id="recording-progress" max={100} value={progress} />
        </div>
      )}
      <Button type="submit" variant="secondary" isPending={progress !== null}>
        {t("learning.web.uploadRecording")}
      </Button>
    </form>
  );
}
