/** The design system: small, accessible building blocks every page uses (see styles.css). */
export { Alert } from "./alert.tsx";
export { Button } from "./button.tsx";
export { Checkbox } from "./checkbox.tsx";
export { ConfirmDialog } from "./confirm-dialog.tsx";
export { type Column, DataTable } from "./data-table.tsx";
export { Dialog } from "./dialog.tsx";
export { EmptyState } from "./empty-state.tsx";
export { FormErrorSummary } from "./form-error-summary.tsx";
export { FormProblem } from "./form-problem.tsx";
export { PageHeader } from "./page-header.tsx";
export { PrivacyNotice } from "./privacy-notice.tsx";
export { QueryState } from "./query-state.tsx";
export { Select, type SelectOption } from "./select.tsx";
export { Spinner } from "./spinner.tsx";
export { TableScroll } from "./table-scroll.tsx";
export { TextAreaField } from "./text-area-field.tsx";
export { TextField } from "./text-field.tsx";
