import type { ErrorComponentProps } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api.ts";
import { Alert } from "../components/alert.tsx";
import { PageHeader } from "../components/page-header.tsx";

/** A page whose guard or loader failed: the server's translated message, never a stack trace. */
export function ErrorPage({ error }: ErrorComponentProps) {
  const { t } = useTranslation();
  if (isChunkLoadError(error)) return <ChunkErrorPage />;
  const problem = error instanceof ApiError ? error.problem : null;
  const title = problem?.status === 403 ? t("errorPage.forbiddenTitle") : t("errorPage.title");
  return (
    <>
      <PageHeader title={title} />
      <Alert tone="error">{problem?.detail ?? t("errors.internal")}</Alert>
    </>
  );
}

/**
 * A page's chunk (routes/lazy-page.ts) did not load: after a redeploy its hashed file is gone, or
 * the network dropped. The router has already reloaded once by itself; offer the reload by hand.
 */
function ChunkErrorPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("errorPage.chunkTitle")} />
      <Alert tone="error">{t("errorPage.chunkBody")}</Alert>
      {/* A plain button: React Aria's would bring its press handling into every first page's bundle. */}
      <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
        {t("errorPage.reload")}
      </button>
    </>
  );
}

// The browsers' words for a failed import() (Chrome, Firefox, Safari) and Vite's for a page's CSS.
const chunkErrors =
  /^(Failed to fetch dynamically imported module|error loading dynamically imported module|Importing a module script failed|Unable to preload CSS)/;

function isChunkLoadError(error: unknown): boolean {
  return error instanceof Error && chunkErrors.test(error.message);
}
