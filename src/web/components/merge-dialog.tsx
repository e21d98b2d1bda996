import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Option } from "../api.ts";
import { ApiError } from "../api.ts";
import { problemMessage } from "../lib/problem.ts";
import { Alert } from "./alert.tsx";
import { Button } from "./button.tsx";
import { Dialog } from "./dialog.tsx";
import { Select } from "./select.tsx";

/**
 * "Slå samman med …": pick the record to keep; everything linked to this one moves there and this
 * one is deleted. Used for duplicate organisations and duplicate people.
 */
export function MergeDialog({
  triggerLabel,
  title,
  intro,
  label,
  options,
  onMerge,
}: {
  triggerLabel: string;
  title: string;
  intro: string;
  label: string;
  options: Option[];
  onMerge: (intoId: string) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const [intoId, setIntoId] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string[] | undefined>();

  const confirm = async () => {
    setError(null);
    setFieldError(undefined);
    if (!intoId) return setFieldError([t("validation.required")]);
    setPending(true);
    try {
      await onMerge(intoId);
      setOpen(false);
    } catch (e) {
      if (e instanceof ApiError && e.fieldErrors.intoId) setFieldError(e.fieldErrors.intoId);
      else setError(problemMessage(e, t));
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <Button variant="secondary" onPress={() => setOpen(true)}>
        {triggerLabel}
      </Button>
      <Dialog title={title} isOpen={isOpen} onOpenChange={setOpen} role="alertdialog">
        <p>{intro}</p>
        <Select
          label={label}
          value={intoId}
          onChange={setIntoId}
          error={fieldError}
          options={[
            { value: "", label: t("organisations.choose") },
            ...options.map((o) => ({ value: o.id, label: o.label })),
          ]}
        />
        {error && <Alert tone="error">{error}</Alert>}
        <div className="button-row">
          <Button variant="danger" onPress={confirm} isPending={pending}>
            {t("organisations.mergeConfirm")}
          </Button>
          <Button variant="secondary" onPress={() => setOpen(false)}>
            {t("common.cancel")}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
