/** Strings of the newsletter, segments and invitations. */
export const sv = {
  validation: {
    communication: {
      invitationNeedsEvent: "Välj evenemanget som inbjudan gäller.",
      unknownSegment: "Målgruppen finns inte.",
      unknownEvent: "Evenemanget finns inte.",
    },
  },
  errors: {
    mailingSent: "Redan skickat",
    recipientsChanged: "Mottagarna har ändrats",
  },
  communication: {
    errors: {
      mailingSent: "Utskicket är redan skickat.",
      recipientsChanged:
        "Mottagarlistan har ändrats sedan förhandsgranskningen. Förhandsgranska igen och kontrollera vilka som får utskicket.",
    },
    mail: {
      confirmSubject: "Bekräfta din prenumeration på nyhetsbrevet",
      confirmBody:
        "Du (eller någon annan) har anmält den här adressen till Samspels nyhetsbrev. Bekräfta genom att öppna länken:",
      ignore: "Om det inte var du kan du bortse från mejlet – du får inga fler utskick.",
      unsubscribe: "Vill du inte få fler utskick? Avregistrera dig med ett klick: {{url}}",
    },
  },
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export const en: Widen<typeof sv> = {
  validation: {
    communication: {
      invitationNeedsEvent: "Choose the event the invitation is for.",
      unknownSegment: "The segment does not exist.",
      unknownEvent: "The event does not exist.",
    },
  },
  errors: { mailingSent: "Already sent", recipientsChanged: "Recipients changed" },
  communication: {
    errors: {
      mailingSent: "The mailing has already been sent.",
      recipientsChanged:
        "The list of recipients has changed since the preview. Preview again and check who will receive it.",
    },
    mail: {
      confirmSubject: "Confirm your newsletter subscription",
      confirmBody:
        "You (or someone else) subscribed this address to Samspel's newsletter. Confirm by opening the link:",
      ignore: "If it was not you, ignore this e-mail – you will receive nothing more.",
      unsubscribe: "No more mailings? Unsubscribe with one click: {{url}}",
    },
  },
};
