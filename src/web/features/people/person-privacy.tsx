import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert, Button, Dialog, Spinner } from "../../components/index.ts";
import { problemMessage } from "../../lib/problem.ts";
import { erasePerson, erasureImpactQuery } from "./people-api.ts";

/**
 * The person page's GDPR actions (issue 20), for coordinators and administrators: download the
 * register extract (JSON or PDF) and erase the person's data — the impact list first, what goes and
 * what the archive rules keep and why, then the confirmation.
 */
export function PersonPrivacy({ personId, name }: { personId: string; name: string }) {
  const { t } = useTranslation();
  const base = `/api/personal-data/extract?personId=${personId}`;
  return (
    <>
      <a className="btn btn-secondary" href={`${base}&format=pdf`} download>
        {t("privacy.page.extractPdf")}
      </a>
      <a
        className="btn btn-secondary"
        href={`${base}&format=json`}
        download={`registerutdrag-${personId}.json`}
      >
        {t("privacy.page.extractJson")}
      </a>
      <ErasePerson personId={personId} name={name} />
    </>
  );
}

function ErasePerson({ personId, name }: { personId: string; name: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [isOpen, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  const impact = useQuery({ ...erasureImpactQuery(personId), enabled: isOpen });
  const erase = useMutation({
    mutationFn: () => erasePerson(personId),
    onSuccess: async () => {
      setDone(true);
      await queryClient.invalidateQueries({ queryKey: ["people"] });
    },
  });
  const error = erase.error ? problemMessage(erase.error, t) : null;
  return (
    <>
      <Button variant="danger" onPress={() => setOpen(true)}>
        {t("privacy.page.erase")}
      </Button>
      <Dialog
        title={`${t("privacy.page.erase")}: ${name}`}
        isOpen={isOpen}
        onOpenChange={(open) => {
          setOpen(open);
          if (!open) setDone(false);
        }}
        role="alertdialog"
      >
        {done ? (
          <Alert tone="success">{t("privacy.page.erased")}</Alert>
        ) : impact.isPending ? (
          <Spinner />
        ) : impact.isError ? (
          <Alert tone="error">{problemMessage(impact.error, t)}</Alert>
        ) : impact.data.items.length === 0 ? (
          <p>{t("privacy.page.nothing")}</p>
        ) : (
          <>
            <h3>{t("privacy.page.impactTitle")}</h3>
            <ul>
              {impact.data.items.map((i) => (
                <li key={`${i.category}-${i.action}-${i.description}`}>
                  <strong>{t(`privacy.page.${i.action}`)}</strong> ({i.count}): {i.description}
                  {i.rule && (
                    <>
                      {" "}
                      <em>
                        {t("privacy.page.rule")}: {i.rule}
                      </em>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
        {error && <Alert tone="error">{error}</Alert>}
        <div className="button-row">
          {!done && (
            <Button
              variant="danger"
              onPress={() => erase.mutate()}
              isPending={erase.isPending}
              isDisabled={!impact.data?.items.length}
            >
              {t("privacy.page.confirm")}
            </Button>
          )}
          <Button variant="secondary" onPress={() => setOpen(false)}>
            {t("privacy.page.cancel")}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
