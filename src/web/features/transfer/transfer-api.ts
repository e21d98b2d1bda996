import type {
  ImportJobView,
  ImportMapping,
  ImportPreviewView,
  TransferRegister,
} from "../../../common/transfer.ts";
import { ApiError, api, type Problem } from "../../api.ts";
import i18n from "../../i18n/index.ts";

/**
 * The import and export endpoints. Uploads are multipart (the JSON `api` helper does not send
 * files), with the session's CSRF token like every other write.
 */
async function upload<T>(path: string, form: FormData, csrfToken: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: "POST",
      body: form,
      credentials: "same-origin",
      headers: { accept: "application/json", "accept-language": i18n.language, "x-csrf-token": csrfToken },
    });
  } catch {
    const detail = i18n.t("errors.networkError");
    throw new ApiError({
      type: "/problems/networkError",
      title: detail,
      status: 0,
      code: "networkError",
      detail,
    });
  }
  const data = await response.json().catch(() => undefined);
  if (!response.ok) {
    const problem: Problem =
      data && typeof data === "object" && "detail" in data
        ? (data as Problem)
        : {
            type: "/problems/internal",
            title: "",
            status: response.status,
            code: "internal",
            detail: i18n.t("errors.internal"),
          };
    throw new ApiError(problem);
  }
  return data as T;
}

export function previewImport(register: TransferRegister, file: File, csrfToken: string) {
  const form = new FormData();
  form.append("file", file);
  return upload<ImportPreviewView>(`/api/${register}/import/preview`, form, csrfToken);
}

export function startImport(
  register: TransferRegister,
  file: File,
  mapping: ImportMapping,
  csrfToken: string,
) {
  const form = new FormData();
  // The mapping goes first: the server reads the parts in order.
  form.append("mapping", JSON.stringify(mapping));
  form.append("file", file);
  return upload<ImportJobView>(`/api/${register}/import`, form, csrfToken);
}

export const importJobPath = (id: string) => `/api/imports/${id}`;

/** An import's job: its progress, then its result (polled while it runs). */
export const importJobQuery = (id: string) => ({
  queryKey: ["imports", id],
  queryFn: () => api.get<ImportJobView>(importJobPath(id)),
});

export const templateHref = (register: TransferRegister, format: "xlsx" | "csv") =>
  `/api/${register}/import/template?format=${format}`;
