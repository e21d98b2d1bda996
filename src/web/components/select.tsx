import { type SelectHTMLAttributes, useId } from "react";

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, "onChange"> {
  label: string;
  options: SelectOption[];
  value: string;
  onChange: (value: string) => void;
  description?: string;
  error?: string[] | string;
}

/**
 * A native <select>: on phones it opens the system picker, and every screen reader knows it.
 * Label, description and error are wired by hand the same way TextField's are.
 */
export function Select({ label, options, value, onChange, description, error, id, ...props }: SelectProps) {
  const generated = useId();
  const selectId = id ?? generated;
  const message = Array.isArray(error) ? error.join(" ") : error;
  const describedBy = [description && `${selectId}-desc`, message && `${selectId}-err`].filter(Boolean);
  return (
    <div className="field">
      <label className="field-label" htmlFor={selectId}>
        {label}
      </label>
      {description && (
        <div id={`${selectId}-desc`} className="field-description">
          {description}
        </div>
      )}
      <select
        {...props}
        id={selectId}
        className="input select"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={message ? true : undefined}
        aria-describedby={describedBy.length ? describedBy.join(" ") : undefined}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {message && (
        <div id={`${selectId}-err`} className="field-error">
          {message}
        </div>
      )}
    </div>
  );
}
