import type { MouseEvent } from "react";
import { useTranslation } from "react-i18next";
import { type FieldErrors, fieldId } from "../lib/forms.ts";

/**
 * The list of what is wrong in a form, each line a link to its field (the GOV.UK pattern), read out
 * at once as an alert. `labels` names the fields; errors without a label are listed by message only.
 */
export function FormErrorSummary({
  errors,
  labels,
  prefix,
}: {
  errors: FieldErrors;
  labels: Record<string, string>;
  prefix: string;
}) {
  const { t } = useTranslation();
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div role="alert" className="alert alert-error error-summary">
      <p className="alert-title">{t("errors.validation")}</p>
      <ul>
        {entries.map(([field, messages]) => (
          <li key={field}>
            <a
              href={`#${fieldId(prefix, field)}`}
              onClick={(event) => focusField(event, fieldId(prefix, field))}
            >
              {labels[field] ? `${labels[field]}: ` : ""}
              {messages.join(" ")}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

// Focus the field itself rather than letting the router see a hash change.
function focusField(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  target.focus();
}
