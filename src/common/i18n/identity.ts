/** Strings of sign-in through an organisation's identity provider (SAML 2.0, OpenID Connect). */
export const sv = {
  errors: {
    ssoUnknownProvider: "Inloggningstjänsten ”{{provider}}” finns inte i Samspel.",
    ssoUnavailable: "Inloggningstjänsten svarar inte just nu. Försök igen om en stund.",
    samlInvalid:
      "Svaret från inloggningstjänsten kunde inte godkännas (ogiltig signatur, fel avsändare eller mottagare). Ingen har loggats in.",
    samlExpired: "Svaret från inloggningstjänsten har gått ut. Börja om från inloggningssidan.",
    samlReplayed: "Svaret från inloggningstjänsten har redan använts. Börja om från inloggningssidan.",
    ssoNoSubject:
      "Inloggningstjänsten skickade ingen varaktig identitet (eduPersonUniqueID eller eduPersonPrincipalName).",
    ssoNoEmail: "Inloggningstjänsten skickade ingen e-postadress, så inget konto kan kopplas.",
    ssoInactive: "Kontot är avstängt. Kontakta en administratör.",
    ssoHandoff: "Inloggningen har redan slutförts eller tagit för lång tid. Börja om från inloggningssidan.",
    oidcState:
      "Inloggningen kunde inte slutföras: svaret hör inte till en inloggning som påbörjades i den här webbläsaren. Börja om från inloggningssidan.",
    oidcNonce:
      "Inloggningen kunde inte slutföras: identitetsbeviset hör inte till den här inloggningen. Ingen har loggats in.",
    oidcFailed: "Inloggningstjänsten godkände inte inloggningen. Ingen har loggats in.",
  },
  identity: {
    signInWith: "Logga in med {{name}}",
    orWith: "Eller logga in via din organisation",
  },
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export const en: Widen<typeof sv> = {
  errors: {
    ssoUnknownProvider: "The sign-in service “{{provider}}” does not exist in Samspel.",
    ssoUnavailable: "The sign-in service does not answer right now. Try again in a while.",
    samlInvalid:
      "The sign-in service's answer could not be accepted (invalid signature, wrong sender or recipient). Nobody was signed in.",
    samlExpired: "The sign-in service's answer has expired. Start again from the login page.",
    samlReplayed: "The sign-in service's answer has already been used. Start again from the login page.",
    ssoNoSubject:
      "The sign-in service sent no lasting identity (eduPersonUniqueID or eduPersonPrincipalName).",
    ssoNoEmail: "The sign-in service sent no e-mail address, so no account can be linked.",
    ssoInactive: "The account is deactivated. Contact an administrator.",
    ssoHandoff: "The sign-in has already been completed or took too long. Start again from the login page.",
    oidcState:
      "The sign-in could not be completed: the answer does not belong to a sign-in started in this browser. Start again from the login page.",
    oidcNonce:
      "The sign-in could not be completed: the identity token does not belong to this sign-in. Nobody was signed in.",
    oidcFailed: "The sign-in service did not accept the sign-in. Nobody was signed in.",
  },
  identity: {
    signInWith: "Sign in with {{name}}",
    orWith: "Or sign in through your organisation",
  },
};
