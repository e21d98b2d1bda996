import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { problemMessage } from "../lib/problem.ts";
import { Alert } from "./alert.tsx";
import { Spinner } from "./spinner.tsx";

/** Loading → spinner, failure → the server's translated message, data → `children(data)`. */
export function QueryState<T>({
  query,
  children,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isPending) return <Spinner />;
  if (query.isError) {
    const message = problemMessage(query.error, t);
    return <Alert tone="error">{message}</Alert>;
  }
  return <>{children(query.data)}</>;
}
