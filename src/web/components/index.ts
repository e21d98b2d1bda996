/** The design system: small, accessible building blocks every page uses (see styles.css). */
export { Alert } from "./alert.tsx";
export { Button } from "./button.tsx";
export { Checkbox } from "./checkbox.tsx";
export { ConfirmDialog } from "./confirm-dialog.tsx";
export { type Column, DataTable, serverSortBy } from "./data-table.tsx";
export { DeleteRecordWithImpact, DeleteWithImpact } from "./delete-with-impact.tsx";
export { Dialog } from "./dialog.tsx";
export { EmptyState } from "./empty-state.tsx";
export { ExportMenu } from "./export-menu.tsx";
export { FormErrorSummary } from "./form-error-summary.tsx";
export { FormProblem } from "./form-problem.tsx";
export { GoalCodes } from "./goal-codes.tsx";
export { MergeDialog } from "./merge-dialog.tsx";
export { type NamedKind, NamePicker, useRecordName } from "./name-picker.tsx";
export { PageHeader } from "./page-header.tsx";
export { PickList } from "./pick-list.tsx";
export { PrivacyNotice } from "./privacy-notice.tsx";
export { QueryState } from "./query-state.tsx";
export { RecordFormPage, SaveCancel } from "./record-form.tsx";
export { FilterForm, ImportLink, RegisterPage, RegisterResults, useRegisterList } from "./register-list.tsx";
export { RegistersNav, registers } from "./registers-nav.tsx";
export { RoleList } from "./role-list.tsx";
export { Select, type SelectOption } from "./select.tsx";
export { Spinner } from "./spinner.tsx";
export { TableScroll } from "./table-scroll.tsx";
export { TextAreaField } from "./text-area-field.tsx";
export { TextField } from "./text-field.tsx";
// Not exported here, so pages without a chart do not load ECharts: charts.tsx (through a lazy import)
// and gantt-chart.tsx — import those files directly.
