import { useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { compareText } from "../../common/format.ts";
import type { Option } from "../api.ts";
import { currentLanguage } from "../i18n/index.ts";
import { Checkbox } from "./checkbox.tsx";

const SHOWN = 40;

/**
 * Choose several of many (organisations, programmes, courses): a fieldset with a search box and a
 * checkbox per match. Chosen items stay listed first, so what is selected is always visible; native
 * checkboxes keep it usable with keyboard and screen readers without a custom listbox.
 */
export function PickList({
  id,
  label,
  description,
  options,
  selected,
  onChange,
  error,
}: {
  /** Given to the search box, so an error summary can link to the field. */
  id: string;
  label: string;
  description?: string;
  options: Option[];
  selected: string[];
  onChange: (ids: string[]) => void;
  error?: string[];
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState("");
  const descriptionId = useId();
  const errorId = useId();
  const chosen = new Set(selected);
  const sorted = useMemo(
    () => [...options].sort((a, b) => compareText(a.label, b.label, currentLanguage())),
    [options],
  );
  const needle = query.trim().toLocaleLowerCase("sv");
  const matches = sorted.filter((o) => !chosen.has(o.id) && o.label.toLocaleLowerCase("sv").includes(needle));
  const toggle = (optionId: string, on: boolean) =>
    onChange(on ? [...selected, optionId] : selected.filter((s) => s !== optionId));
  const message = error?.join(" ");
  const describedBy =
    [description && descriptionId, message && errorId].filter(Boolean).join(" ") || undefined;

  return (
    <fieldset className="field pick-list" aria-describedby={describedBy}>
      <legend className="field-label">
        {label} <span className="muted small">({t("activities.selected", { count: selected.length })})</span>
      </legend>
      {description && (
        <div id={descriptionId} className="field-description">
          {description}
        </div>
      )}
      <label className="field-label small" htmlFor={id}>
        {t("common.search")}: {label.toLocaleLowerCase("sv")}
      </label>
      <input
        id={id}
        className="input"
        type="search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        aria-invalid={message ? true : undefined}
        aria-describedby={describedBy}
      />
      <div style={{ maxHeight: "14rem", overflowY: "auto", marginTop: "0.5rem" }}>
        {sorted
          .filter((o) => chosen.has(o.id))
          .map((o) => (
            <Checkbox key={o.id} label={o.label} checked onChange={(on) => toggle(o.id, on)} />
          ))}
        {matches.slice(0, SHOWN).map((o) => (
          <Checkbox key={o.id} label={o.label} checked={false} onChange={(on) => toggle(o.id, on)} />
        ))}
        {matches.length > SHOWN && (
          <p className="muted small">{t("programmes.moreMatches", { count: matches.length - SHOWN })}</p>
        )}
      </div>
      {message && (
        <div id={errorId} className="field-error">
          {message}
        </div>
      )}
    </fieldset>
  );
}
