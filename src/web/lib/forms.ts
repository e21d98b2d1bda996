import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { translateIssue } from "../../common/validation.ts";
import { ApiError } from "../api.ts";

export type FieldErrors = Record<string, string[]>;

/** What `form.field(name)` gives a text field: its id, name, value, change handler and errors. */
export type FieldProps = {
  id: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  error?: string[];
};

/** A zod error as `{ "roles.0.scopeId": ["Ogiltig identitet."] }`, the same shape the server's 422 has. */
export function zodFieldErrors(
  error: z.ZodError,
  t: (key: string, vars?: Record<string, unknown>) => string,
) {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "_";
    errors[field] = [...(errors[field] ?? []), translateIssue({ ...issue }, t)];
  }
  return errors;
}

/** The id of a field's input, so the error summary can link to it. */
export function fieldId(prefix: string, field: string) {
  return `${prefix}-${field.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
}

type StringKeys<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V] & string;

/**
 * State of a form validated by a shared zod schema, before sending and with the server's answer:
 * field errors (422) go next to the fields and into the summary, any other problem to `formError`.
 *
 *   const form = useForm(loginInput, { email: "", password: "" });
 *   <form onSubmit={form.onSubmit((data) => login.mutateAsync(data))} noValidate>
 *     <FormErrorSummary errors={form.errors} labels={…} prefix={form.prefix} />
 *     <TextField label={t("auth.email")} {...form.field("email")} />
 *
 * `toInput` turns the form's values into what the schema expects (e.g. "" → null in selects).
 */
export function useForm<S extends z.ZodType, V extends Record<string, unknown>>(
  schema: S,
  initial: V,
  toInput: (values: V) => unknown = (values) => values,
) {
  const { t } = useTranslation();
  const prefix = useId().replace(/[^a-zA-Z0-9]/g, "");
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  /** A 412: someone else saved the record since it was loaded; what the user typed stays in `values`. */
  const [conflict, setConflict] = useState(false);
  const [submitting, setSubmitting] = useState(false);

  const showErrors = (next: FieldErrors) => {
    setErrors(next);
    const first = Object.keys(next)[0];
    // Focus the first wrong field after React has rendered its message (it is in aria-describedby).
    if (first) requestAnimationFrame(() => document.getElementById(fieldId(prefix, first))?.focus());
  };

  const setValue = <K extends keyof V>(name: K, value: V[K]) => setValues((v) => ({ ...v, [name]: value }));

  /** Props for a TextField bound to a string value: id (for the summary's links), value, error. */
  const field = (name: StringKeys<V>) => ({
    id: fieldId(prefix, name),
    name,
    value: values[name] as string,
    onChange: (value: string) => setValue(name, value as V[typeof name]),
    error: errors[name],
  });

  /** Validates, then runs `submit` with the parsed data; `check` adds rules the schema cannot express. */
  const onSubmit =
    (submit: (data: z.output<S>) => Promise<unknown>, check?: (values: V) => FieldErrors | undefined) =>
    async (event: FormEvent) => {
      event.preventDefault();
      setFormError(null);
      setConflict(false);
      const parsed = schema.safeParse(toInput(values));
      const extra = check?.(values) ?? {};
      const clientErrors = { ...(parsed.success ? {} : zodFieldErrors(parsed.error, t)), ...extra };
      if (!parsed.success || Object.keys(extra).length) return showErrors(clientErrors);
      setErrors({});
      setSubmitting(true);
      try {
        await submit(parsed.data);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        if (Object.keys(error.fieldErrors).length) showErrors(error.fieldErrors);
        else setFormError(error.problem.detail);
        setConflict(error.status === 412);
      } finally {
        setSubmitting(false);
      }
    };

  const reset = () => {
    setValues(initial);
    setErrors({});
    setFormError(null);
    setConflict(false);
  };

  return { values, setValue, errors, formError, conflict, submitting, field, onSubmit, reset, prefix };
}

/**
 * A form that adds something and starts over: on a valid submit, `send` saves and answers what to
 * say (a message, or `true`); then the form is emptied and `done` holds the answer until the next try.
 */
export function useAddAndReset<D, R>(
  form: {
    onSubmit: (submit: (data: D) => Promise<unknown>) => (event: FormEvent) => void;
    reset: () => void;
  },
  send: (data: D) => Promise<R>,
) {
  const [done, setDone] = useState<R | null>(null);
  const submit = form.onSubmit(async (data) => {
    setDone(null);
    const answer = await send(data);
    form.reset();
    setDone(answer);
  });
  return { done, submit };
}
