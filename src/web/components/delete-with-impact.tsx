import {
  type QueryKey,
  queryOptions,
  type UseQueryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ImpactView } from "../../common/programmes.ts";
import { api } from "../api.ts";
import { problemMessage } from "../lib/problem.ts";
import { Alert } from "./alert.tsx";
import { Button } from "./button.tsx";
import { Dialog } from "./dialog.tsx";
import { Spinner } from "./spinner.tsx";

type DeleteWithImpactProps<T, K extends QueryKey = QueryKey> = {
  /** The impact query (e.g. `organisationImpactQuery(id)`); it runs when the dialog opens. */
  impact: UseQueryOptions<T, Error, T, K>;
  /** The impact as sentences; an empty list means nothing else is affected. */
  sentences: (impact: T) => string[];
  /** The deletion (the feature's mutation, which also refreshes its lists). */
  remove: () => Promise<unknown>;
  /** The button's text; "Ta bort" if not given. */
  triggerLabel?: string;
  title: string;
  /** Said before the list of effects, if anything. */
  intro?: string;
  nothingElse: string;
  onDeleted: () => void;
};

/**
 * "Ta bort" that first tells what else the deletion affects (GET …/impact) and deletes only after
 * confirmation. Used by organisations, people, programmes, courses, activities and indicators: each
 * gives its impact query, how to read it as sentences and the deletion itself.
 */
export function DeleteWithImpact<T, K extends QueryKey>({
  impact: impactQuery,
  sentences,
  remove,
  triggerLabel,
  title,
  intro,
  nothingElse,
  onDeleted,
}: DeleteWithImpactProps<T, K>) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const impact = useQuery({ ...impactQuery, enabled: isOpen });
  const deletion = useMutation({ mutationFn: remove });

  const confirm = async () => {
    setError(null);
    try {
      await deletion.mutateAsync();
      setOpen(false);
      onDeleted();
    } catch (e) {
      setError(problemMessage(e, t));
    }
  };

  const lines = impact.data === undefined ? [] : sentences(impact.data);
  return (
    <>
      <Button variant="danger" onPress={() => setOpen(true)}>
        {triggerLabel ?? t("common.delete")}
      </Button>
      <Dialog title={title} isOpen={isOpen} onOpenChange={setOpen} role="alertdialog">
        {impact.isPending ? (
          <Spinner />
        ) : impact.isError ? (
          <Alert tone="error">{problemMessage(impact.error, t)}</Alert>
        ) : lines.length === 0 ? (
          <p>{nothingElse}</p>
        ) : (
          <>
            {intro && <p>{intro}</p>}
            <ul>
              {lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </>
        )}
        {error && <Alert tone="error">{error}</Alert>}
        <div className="button-row">
          <Button variant="danger" onPress={confirm} isPending={deletion.isPending}>
            {t("common.delete")}
          </Button>
          <Button variant="secondary" onPress={() => setOpen(false)}>
            {t("common.cancel")}
          </Button>
        </div>
      </Dialog>
    </>
  );
}

/**
 * DeleteWithImpact for a record whose server answers `GET <path>/impact` with translated effects
 * (programmes, courses, activities, indicators) and `DELETE <path>`; `invalidates` are the query keys
 * whose lists go stale (marked, refetched when next shown).
 */
export function DeleteRecordWithImpact({
  path,
  invalidates,
  ...props
}: { path: string; invalidates: string[] } & Omit<
  DeleteWithImpactProps<ImpactView>,
  "impact" | "sentences" | "remove"
>) {
  const queryClient = useQueryClient();
  const remove = async () => {
    await api.delete<void>(path);
    await Promise.all(
      invalidates.map((key) => queryClient.invalidateQueries({ queryKey: [key], refetchType: "none" })),
    );
  };
  return (
    <DeleteWithImpact
      impact={queryOptions({
        queryKey: ["impact", path],
        queryFn: () => api.get<ImpactView>(`${path}/impact`),
      })}
      sentences={(impact) => impact.effects.map((e) => e.text)}
      remove={remove}
      {...props}
    />
  );
}
