import { useState } from "react";
import { useTranslation } from "react-i18next";
import { problemMessage } from "../lib/problem.ts";
import { Alert } from "./alert.tsx";
import { Button, type ButtonVariant } from "./button.tsx";
import { Dialog } from "./dialog.tsx";

/**
 * A button that asks before it acts: "Inaktivera Sara?" → Bekräfta / Avbryt. The question is an
 * alertdialog; a failure from the server is shown inside it instead of closing it silently.
 */
export function ConfirmDialog({
  triggerLabel,
  triggerAriaLabel,
  title,
  message,
  confirmLabel,
  onConfirm,
  variant = "danger",
}: {
  triggerLabel: string;
  /** A fuller name when the visible label repeats, e.g. in every table row ("Inaktivera Sara Samordnare"). */
  triggerAriaLabel?: string;
  title: string;
  message: string;
  confirmLabel?: string;
  onConfirm: () => Promise<unknown>;
  variant?: ButtonVariant;
}) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = async () => {
    setPending(true);
    setError(null);
    try {
      await onConfirm();
      setOpen(false);
    } catch (e) {
      setError(problemMessage(e, t));
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <Button variant="secondary" aria-label={triggerAriaLabel} onPress={() => setOpen(true)}>
        {triggerLabel}
      </Button>
      <Dialog title={title} isOpen={isOpen} onOpenChange={setOpen} role="alertdialog">
        <p>{message}</p>
        {error && <Alert tone="error">{error}</Alert>}
        <div className="button-row">
          <Button variant={variant} onPress={confirm} isPending={pending}>
            {confirmLabel ?? t("common.confirm")}
          </Button>
          <Button variant="secondary" onPress={() => setOpen(false)}>
            {t("common.cancel")}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
