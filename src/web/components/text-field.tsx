import {
  TextField as AriaTextField,
  type TextFieldProps as AriaTextFieldProps,
  FieldError,
  Input,
  Label,
  Text,
} from "react-aria-components";

export interface TextFieldProps extends Omit<AriaTextFieldProps, "isInvalid" | "validationBehavior"> {
  label: string;
  description?: string;
  /** Messages from client validation or the server's 422; shown under the field and linked to it. */
  error?: string[] | string;
  placeholder?: string;
}

/**
 * Label, input, optional description and field error. React Aria wires `aria-describedby` and
 * `aria-invalid`; validation is ours (shared zod schemas), so the browser's own bubbles are off.
 */
export function TextField({ label, description, error, placeholder, ...props }: TextFieldProps) {
  const message = Array.isArray(error) ? error.join(" ") : error;
  return (
    <AriaTextField {...props} isInvalid={!!message} validationBehavior="aria" className="field">
      {/* No asterisk: required fields carry aria-required; forms mark the rare optional ones in words. */}
      <Label className="field-label">{label}</Label>
      {description && (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      )}
      <Input className="input" placeholder={placeholder} />
      <FieldError className="field-error">{message}</FieldError>
    </AriaTextField>
  );
}
