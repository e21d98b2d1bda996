import { TextField as AriaTextField, FieldError, Label, Text, TextArea } from "react-aria-components";

/** A multi-line text field wired like TextField (label, description, error via React Aria). */
export function TextAreaField({
  id,
  label,
  description,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  description?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string[];
}) {
  const message = error?.join(" ");
  return (
    <AriaTextField
      id={id}
      value={value}
      onChange={onChange}
      isInvalid={!!message}
      validationBehavior="aria"
      className="field"
    >
      <Label className="field-label">{label}</Label>
      {description && (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      )}
      <TextArea className="input" rows={4} />
      <FieldError className="field-error">{message}</FieldError>
    </AriaTextField>
  );
}
