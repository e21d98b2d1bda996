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
      recordingType:
        "Filtypen stöds inte för en inspelad föreläsning. Ladda upp MP3, M4A, OGG, MP4 eller WebM.",
      fileEmpty: "Filen är tom.",
      fileMissing: "Välj en fil att ladda upp.",
    },
  },
  learning: {
    web: {
      nav: "Lärplattform",
      title: "Lärplattformar",
      intro:
        "Projektens och nätverkens gemensamma rum: dokument, litteratur, föreläsningar, forum och synpunkter.",
      none: "Du är inte medlem i någon lärplattform.",
      documents: "Dokument",
      version: "version {{version}} ({{filename}})",
      docTitle: "Dokumentets titel",
      file: "Fil (högst 20 MB)",
      upload: "Ladda upp",
      links: "Litteraturtips och inspelade föreläsningar",
      kind: "Typ",
      kinds: { literature: "Litteratur", lecture: "Inspelad föreläsning", link: "Länk" },
      linkTitle: "Titel",
      url: "Webbadress",
      addLink: "Lägg till",
      forum: "Forum",
      posts_one: "{{count}} inlägg",
      posts_other: "{{count}} inlägg",
      threadTitle: "Rubrik på ny tråd",
      post: "Inlägg",
      startThread: "Starta tråden",
      reply: "Ditt svar",
      sendReply: "Svara",
      feedback: "Synpunkter på aktiviteterna",
      yourFeedback: "Dina synpunkter",
      sendFeedback: "Skicka synpunkter",
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
      recordingType:
        "The file type is not supported for a recorded lecture. Upload MP3, M4A, OGG, MP4 or WebM.",
      fileEmpty: "The file is empty.",
      fileMissing: "Choose a file to upload.",
    },
  },
  learning: {
    web: {
      nav: "Learning space",
      title: "Learning spaces",
      intro:
        "The shared rooms of projects and networks: documents, literature, lectures, forum and feedback.",
      none: "You are not a member of any learning space.",
      documents: "Documents",
      version: "version {{version}} ({{filename}})",
      docTitle: "Title of the document",
      file: "File (at most 20 MB)",
      upload: "Upload",
      links: "Literature tips and recorded lectures",
      kind: "Kind",
      kinds: { literature: "Literature", lecture: "Recorded lecture", link: "Link" },
      linkTitle: "Title",
      url: "Web address",
      addLink: "Add",
      forum: "Forum",
      posts_one: "{{count}} post",
      posts_other: "{{count}} posts",
      threadTitle: "Title of a new thread",
      post: "Post",
      startThread: "Start the thread",
      reply: "Your reply",
      sendReply: "Reply",
      feedback: "Feedback on the activities",
      yourFeedback: "Your feedback",
      sendFeedback: "Send feedback",
    },
  },
};
