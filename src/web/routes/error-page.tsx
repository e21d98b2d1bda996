import type { ErrorComponentProps } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api.ts";
import { Alert, PageHeader } from "../components/index.ts";

/** A page whose guard or loader failed: the server's translated message, never a stack trace. */
export function ErrorPage({ error }: ErrorComponentProps) {
  const { t } = useTranslation();
  const problem = error instanceof ApiError ? error.problem : null;
  const title = problem?.status === 403 ? t("errorPage.forbiddenTitle") : t("errorPage.title");
  return (
    <>
      <PageHeader title={title} />
      <Alert tone="error">{problem?.detail ?? t("errors.internal")}</Alert>
    </>
  );
}
