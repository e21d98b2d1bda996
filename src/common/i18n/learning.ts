/** Strings of the learning space (documents, links, forum, feedback). */
export const sv = {
  validation: {
    learning: {
      urlInvalid: "Ange en fullständig webbadress som börjar med https:// eller http://.",
      urlRequired: "Ange webbadressen till föreläsningen eller länken.",
      rating: "Välj ett betyg från 1 till 5.",
      unknownLink: "Det valda finns inte.",
      unknownUsers: "En eller flera av användarna finns inte.",
      fileType:
        "Filtypen stöds inte. Ladda upp PDF, Word, Excel, PowerPoint, OpenDocument, text, CSV, PNG eller JPEG.",
      fileContent: "Filens innehåll stämmer inte med filtypen.",
      fileEmpty: "Filen är tom.",
      fileMissing: "Välj en fil att ladda upp.",
    },
  },
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export const en: Widen<typeof sv> = {
  validation: {
    learning: {
      urlInvalid: "Enter a full web address starting with https:// or http://.",
      urlRequired: "Enter the address of the lecture or link.",
      rating: "Choose a rating from 1 to 5.",
      unknownLink: "The chosen item does not exist.",
      unknownUsers: "One or more of the users do not exist.",
      fileType:
        "The file type is not supported. Upload PDF, Word, Excel, PowerPoint, OpenDocument, text, CSV, PNG or JPEG.",
      fileContent: "The file's content does not match its type.",
      fileEmpty: "The file is empty.",
      fileMissing: "Choose a file to upload.",
    },
  },
};
