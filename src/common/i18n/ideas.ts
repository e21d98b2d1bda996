/** Strings of calls for ideas (Idéer): calls, ideas, stages, reviews, the funnel. */
export const sv = {
  validation: {
    ideas: {
      fieldKey: "Fältnamnet får bara innehålla bokstäver a–z och siffror och börja med en bokstav.",
      wholeKronor: "Ange ett belopp i hela kronor.",
      notNegative: "Beloppet kan inte vara negativt.",
      notZero: "Beloppet måste vara större än 0.",
      dateTime: "Ange datum och tid, t.ex. 2010-04-30T16:00:00+02:00.",
      closesBeforeOpens: "Utlysningen måste stänga efter att den öppnar.",
      consentRequired: "Du behöver samtycka till att vi sparar dina uppgifter för att kunna skicka in idén.",
      unknownStage: "Okänt steg.",
      score: "Ange ett betyg från 1 till 5.",
    },
  },
  ideas: {
    errors: {
      unknownOrganisation: "Organisationen finns inte i registret.",
      unknownCall: "Utlysningen finns inte.",
      callClosed: "Utlysningen är stängd och tar inte emot fler idéer.",
      callNotOpen: "Utlysningen har inte öppnat ännu.",
      notEditable: "Idén kan inte längre ändras: utlysningen har stängt eller idén har börjat behandlas.",
      transitionNotAllowed: "En idé i steget {{from}} kan inte flyttas till {{to}}. Flytta ett steg i taget.",
      grantThroughDecision: "En idé beviljas genom ett beslut: använd Bevilja med styrelsens beslut.",
      unknownCriterion: "Utlysningen har inget sådant bedömningskriterium.",
    },
    stages: {
      submitted: "Inkommen",
      selected: "Utvald",
      developing: "Under utveckling",
      pitched: "Pitchad",
      planned: "Projektplan inlämnad",
      prepared: "Beredd",
      granted: "Beviljad",
      rejected: "Avslagen",
      withdrawn: "Återtagen",
    },
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export const en: Widen<typeof sv> = {
  validation: {
    ideas: {
      fieldKey: "A field name may only contain the letters a–z and digits and must start with a letter.",
      wholeKronor: "Enter an amount in whole kronor.",
      notNegative: "The amount cannot be negative.",
      notZero: "The amount must be greater than 0.",
      dateTime: "Enter a date and time, e.g. 2010-04-30T16:00:00+02:00.",
      closesBeforeOpens: "The call must close after it opens.",
      consentRequired: "You need to consent to us keeping your details to submit the idea.",
      unknownStage: "Unknown stage.",
      score: "Give a score from 1 to 5.",
    },
  },
  ideas: {
    errors: {
      unknownOrganisation: "The organisation is not in the register.",
      unknownCall: "The call does not exist.",
      callClosed: "The call is closed and takes no more ideas.",
      callNotOpen: "The call has not opened yet.",
      notEditable: "The idea can no longer be changed: the call has closed or the idea is being processed.",
      transitionNotAllowed: "An idea at stage {{from}} cannot move to {{to}}. Move one stage at a time.",
      grantThroughDecision: "An idea is granted by a decision: use Grant with the board's decision.",
      unknownCriterion: "The call has no such criterion.",
    },
    stages: {
      submitted: "Submitted",
      selected: "Selected",
      developing: "In development",
      pitched: "Pitched",
      planned: "Project plan submitted",
      prepared: "Prepared",
      granted: "Granted",
      rejected: "Rejected",
      withdrawn: "Withdrawn",
    },
  },
};
