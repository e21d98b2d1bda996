/** Strings every upload route shares (platform/uploads.ts): the wrong content type, a busy server. */
export const sv = {
  errors: {
    unsupportedMediaType:
      "Fel innehållstyp. Filer skickas som multipart/form-data (ett formulär med en fil), inte som JSON.",
    uploadsBusy: "Servern tar emot många filer just nu. Vänta {{seconds}} sekunder och försök igen.",
    rangeNotSatisfiable: "Den begärda delen av filen finns inte. Filen är {{size}} byte.",
  },
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export const en: Widen<typeof sv> = {
  errors: {
    unsupportedMediaType:
      "Wrong content type. Files are sent as multipart/form-data (a form with a file), not as JSON.",
    uploadsBusy: "The server is receiving many files right now. Wait {{seconds}} seconds and try again.",
    rangeNotSatisfiable: "The requested part of the file does not exist. The file is {{size}} bytes.",
  },
};
