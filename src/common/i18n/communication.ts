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
    web: {
      nav: "Utskick",
      title: "Nyhetsbrev och inbjudningar",
      intro: "Välj målgrupp, se exakt vilka som får utskicket, skriv och skicka.",
      audience: "Målgrupp",
      themes: "Teman",
      municipalities: "Kommuner",
      organisationTypes: "Organisationstyper",
      commaHelp: "Flera värden åtskilda med kommatecken. Tomt = alla.",
      sources: "Mottagare",
      sourceOptions: {
        both: "Prenumeranter och deltagare som vill ha inbjudningar",
        subscribers: "Bara prenumeranter",
        participants: "Bara deltagare som vill ha inbjudningar",
      },
      preview: "Förhandsgranska mottagarna",
      previewTitle_one: "{{count}} mottagare",
      previewTitle_other: "{{count}} mottagare",
      kind: "Typ av utskick",
      kinds: { newsletter: "Nyhetsbrev", invitation: "Inbjudan till evenemang" },
      event: "Evenemang",
      chooseEvent: "Välj evenemang",
      subject: "Ämnesrad",
      body: "Text",
      send_one: "Skicka till {{count}} mottagare",
      send_other: "Skicka till {{count}} mottagare",
      sent: "Utskicket skickas nu till {{count}} mottagare. Breven går iväg i bakgrunden.",
      history: "Utskick",
      sentAt: "Skickat",
      draft: "Utkast",
      recipients: "Mottagare",
      email: "E-postadress",
      name: "Namn",
      subscribeTitle: "Nyhetsbrev",
      subscribeIntro: "Få nyheter och inbjudningar till evenemang. Du bekräftar via en länk i mejlet.",
      privacy:
        "Vi använder adressen bara för nyhetsbrevet. Varje utskick har en länk för att avregistrera dig med ett klick.",
      subscribe: "Prenumerera",
      checkEmail: "Tack! Öppna länken i mejlet vi skickat för att bekräfta prenumerationen.",
      confirmTitle: "Bekräfta prenumerationen",
      confirmIntro: "Bekräfta att du vill få nyhetsbrevet.",
      confirm: "Bekräfta",
      confirmed: "Klart! Du prenumererar nu på nyhetsbrevet.",
      unsubscribeTitle: "Avregistrera",
      unsubscribeIntro: "Du får inga fler nyhetsbrev eller inbjudningar till den här adressen.",
      unsubscribe: "Avregistrera mig",
      unsubscribed: "Klart! Du får inga fler utskick.",
      audienceHint:
        "Målgrupperna bygger på prenumeranter och deltagare som vill ha inbjudningar. Antalet är hur många som nås i dag.",
      audienceOption: "{{label}} ({{count}} mottagare)",
      noMailings:
        "Inga utskick ännu. Välj en målgrupp ovan, förhandsgranska mottagarna och skriv det första.",
    },
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
    web: {
      nav: "Mailings",
      title: "Newsletters and invitations",
      intro: "Choose the audience, see exactly who receives the mailing, write and send.",
      audience: "Audience",
      themes: "Themes",
      municipalities: "Municipalities",
      organisationTypes: "Organisation types",
      commaHelp: "Several values separated by commas. Empty = all.",
      sources: "Recipients",
      sourceOptions: {
        both: "Subscribers and participants who want invitations",
        subscribers: "Subscribers only",
        participants: "Participants who want invitations only",
      },
      preview: "Preview the recipients",
      previewTitle_one: "{{count}} recipient",
      previewTitle_other: "{{count}} recipients",
      kind: "Kind of mailing",
      kinds: { newsletter: "Newsletter", invitation: "Invitation to an event" },
      event: "Event",
      chooseEvent: "Choose an event",
      subject: "Subject",
      body: "Text",
      send_one: "Send to {{count}} recipient",
      send_other: "Send to {{count}} recipients",
      sent: "The mailing is on its way to {{count}} recipients; the messages go out in the background.",
      history: "Mailings",
      sentAt: "Sent",
      draft: "Draft",
      recipients: "Recipients",
      email: "E-mail address",
      name: "Name",
      subscribeTitle: "Newsletter",
      subscribeIntro: "News and invitations to events. You confirm through a link in the e-mail.",
      privacy: "We use the address for the newsletter only. Every mailing has a one-click unsubscribe link.",
      subscribe: "Subscribe",
      checkEmail: "Thank you! Open the link in the e-mail we sent to confirm the subscription.",
      confirmTitle: "Confirm the subscription",
      confirmIntro: "Confirm that you want the newsletter.",
      confirm: "Confirm",
      confirmed: "Done! You now subscribe to the newsletter.",
      unsubscribeTitle: "Unsubscribe",
      unsubscribeIntro: "This address will get no more newsletters or invitations.",
      unsubscribe: "Unsubscribe me",
      unsubscribed: "Done! You will get no more mailings.",
      audienceHint:
        "Audiences are built from subscribers and participants who want invitations. The count is how many it reaches today.",
      audienceOption: "{{label}} ({{count}} recipients)",
      noMailings:
        "No mailings yet. Choose an audience above, preview the recipients and write the first one.",
    },
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
