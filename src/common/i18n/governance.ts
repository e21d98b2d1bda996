/** Strings of governance: bodies, meetings, minutes, decisions and the registry (Styrning). */
export const sv = {
  validation: {
    governance: {
      periodOrder: "Slutdatum kan inte ligga före startdatum.",
      endBeforeStart: "Mötet kan inte sluta innan det börjar.",
      groundRequired: "Ange sekretessgrunden (paragraf i OSL) för en sekretessmarkerad handling.",
    },
  },
  governance: {
    errors: {
      unknownOrganisation: "Organisationen finns inte i registret.",
      unknownBody: "Organet finns inte.",
      unknownPerson: "Personen finns inte i personregistret.",
      unknownAgendaItem: "Punkten finns inte på mötets dagordning.",
      memberOverlap: "Personen är redan ledamot i organet under en överlappande period.",
      minutesApproved: "Protokollet är justerat och låst. En rättelse görs som ett nytt beslut.",
      minutesEmpty: "Skriv protokollet innan det justeras.",
      adjustersRequired: "Ange minst en justerare innan protokollet justeras.",
      grantAmount: "Ett bidragsbeslut behöver ett belopp i kronor.",
      unknownProject: "Projektet finns inte i portföljen.",
      unknownFunding: "Finansieringsraden finns inte.",
      grantOneProject:
        "Ett bidragsbeslut med belopp finansierar ett projekt; länka en befintlig finansieringsrad för flera.",
    },
    warnings: {
      exactPerParty: "{{party}} har {{count}} ledamöter; styrelsen ska ha {{min}} per part.",
      rangePerParty: "{{party}} har {{count}} ledamöter; gruppen ska ha {{min}}–{{max}} per part.",
    },
    mail: {
      meetingOf: "Möte i {{body}}",
      subject: "Kallelse: {{title}}, {{when}}",
      greeting: "Hej {{name}}!",
      invited: "Du kallas till {{title}} {{when}}, plats: {{place}}. Kalenderinbjudan finns bifogad.",
      agenda: "Föredragningslista:",
      signature: "Välkommen!\nSamspel",
    },
    agendaKinds: { information: "information", discussion: "diskussion", decision: "beslut" },
  },
};

export const en = {
  validation: {
    governance: {
      periodOrder: "The end date cannot be before the start date.",
      endBeforeStart: "The meeting cannot end before it starts.",
      groundRequired: "Give the ground (section of the Secrecy Act) for a confidential document.",
    },
  },
  governance: {
    errors: {
      unknownOrganisation: "The organisation is not in the register.",
      unknownBody: "The body does not exist.",
      unknownPerson: "The person is not in the people register.",
      unknownAgendaItem: "The item is not on the meeting's agenda.",
      memberOverlap: "The person is already a member of the body for an overlapping period.",
      minutesApproved: "The minutes are approved and locked. A correction is made as a new decision.",
      minutesEmpty: "Write the minutes before approving them.",
      adjustersRequired: "Name at least one adjuster before approving the minutes.",
      grantAmount: "A grant decision needs an amount in kronor.",
      unknownProject: "The project is not in the portfolio.",
      unknownFunding: "The funding line does not exist.",
      grantOneProject:
        "A grant decision with an amount funds one project; link an existing funding line for several.",
    },
    warnings: {
      exactPerParty: "{{party}} has {{count}} members; the board should have {{min}} per party.",
      rangePerParty: "{{party}} has {{count}} members; the group should have {{min}}–{{max}} per party.",
    },
    mail: {
      meetingOf: "Meeting of {{body}}",
      subject: "Notice: {{title}}, {{when}}",
      greeting: "Hello {{name}},",
      invited: "You are invited to {{title}} {{when}}, place: {{place}}. A calendar invitation is attached.",
      agenda: "Agenda:",
      signature: "Welcome!\nSamspel",
    },
    agendaKinds: { information: "information", discussion: "discussion", decision: "decision" },
  },
};
