import { z } from "zod";
import { auditEntryView } from "./accounts.ts";
import { formatDateTime } from "./format.ts";

/**
 * The audit log in Swedish (issue 15): every action code the server writes has a label (for the filter)
 * and a sentence ("Anna Processledare ändrade roller för Bo Berg"). Codes never reach the screen or an
 * export; `audit.presenter.test.ts` scans the server for the codes in use and fails on one without words.
 *
 * Generic codes ("create", "update" …) are read with the entity type: `news` + `create` → `news.create`.
 */

/** What a record is, with its indefinite article, when its name is unknown or erased. */
export const entityNouns: Record<string, string> = {
  activity: "en aktivitet",
  activity_type: "en aktivitetstyp",
  agreement: "ett avtal",
  agreement_appendix: "en kursbilaga",
  agreement_dialogue: "en samverkansdialog",
  agreement_dialogue_comment: "en kommentar till en samverkansdialog",
  agreement_need: "ett behov",
  agreement_plan: "en kompetensförsörjningsplan",
  api_token: "en API-nyckel",
  budget: "en budget",
  compass_model: "en kompassmodell",
  compass_offer: "ett erbjudande",
  compass_outcome: "ett utfall",
  compass_snapshot: "ett kompassår",
  course: "en kurs",
  event: "ett evenemang",
  event_feedback: "en utvärdering",
  event_registration: "en anmälan",
  event_series: "en evenemangsserie",
  finance_unit: "en ekonomisk enhet",
  goal_framework: "ett målramverk",
  governance_body: "ett organ",
  governance_decision: "ett beslut",
  governance_meeting: "ett sammanträde",
  governance_member: "en ledamot",
  governance_minutes: "ett protokoll",
  governance_registry_entry: "en handling i diariet",
  idea: "en idé",
  idea_call: "en idéefterlysning",
  import_job: "en import",
  indicator: "en indikator",
  invitation: "en inbjudan",
  learning_document: "ett dokument",
  learning_feedback: "en återkoppling",
  learning_link: "en länk",
  learning_post: "ett inlägg",
  learning_space: "ett lärrum",
  learning_thread: "en tråd",
  local_plan: "en lokal plan",
  mail_suppression: "en spärrad e-postadress",
  mailing: "ett utskick",
  network: "ett nätverk",
  news: "en nyhet",
  newsletter_subscriber: "en prenumerant",
  organisation: "en organisation",
  person: "en person",
  personal_data_link: "en länk till egna personuppgifter",
  plan: "en handlingsplan",
  plan_item: "en punkt i en handlingsplan",
  programme: "ett program",
  project: "ett projekt",
  project_report: "en lägesrapport",
  retention_rule: "en gallringsregel",
  retention_run: "en gallring",
  review_round: "en bedömningsomgång",
  segment: "ett urval",
  site_page: "en webbsida",
  spend_entry: "en utgift",
  user: "en användare",
};

/**
 * Every action: a label for the filter and a sentence. `{actor}` is who acted, `{target}` the record
 * (its name, or its noun when the name is unknown).
 */
export const auditActions: Record<string, { label: string; sentence: string }> = {
  "activity.create": { label: "Aktivitet skapad", sentence: "{actor} skapade aktiviteten {target}" },
  "activity.update": { label: "Aktivitet ändrad", sentence: "{actor} ändrade aktiviteten {target}" },
  "activity.delete": { label: "Aktivitet borttagen", sentence: "{actor} tog bort aktiviteten {target}" },
  "activity_type.create": {
    label: "Aktivitetstyp skapad",
    sentence: "{actor} skapade aktivitetstypen {target}",
  },
  "activity_type.update": {
    label: "Aktivitetstyp ändrad",
    sentence: "{actor} ändrade aktivitetstypen {target}",
  },
  "activity_type.seed": {
    label: "Aktivitetstyper inlagda",
    sentence: "{actor} lade in standardtyperna av aktiviteter",
  },
  "agreement.created": { label: "Avtal skapat", sentence: "{actor} skapade avtalet {target}" },
  "agreement.updated": { label: "Avtal ändrat", sentence: "{actor} ändrade avtalet {target}" },
  "agreement.deleted": { label: "Avtal borttaget", sentence: "{actor} tog bort avtalet {target}" },
  "agreement.appendix_added": {
    label: "Kursbilaga tillagd",
    sentence: "{actor} lade till kursbilagan {target}",
  },
  "agreement.appendix_updated": {
    label: "Kursbilaga ändrad",
    sentence: "{actor} ändrade kursbilagan {target}",
  },
  "agreement.appendix_deleted": {
    label: "Kursbilaga borttagen",
    sentence: "{actor} tog bort kursbilagan {target}",
  },
  "agreement.dialogue_added": {
    label: "Samverkansdialog tillagd",
    sentence: "{actor} lade till samverkansdialogen {target}",
  },
  "agreement.dialogue_updated": {
    label: "Samverkansdialog ändrad",
    sentence: "{actor} ändrade samverkansdialogen {target}",
  },
  "agreement.dialogue_deleted": {
    label: "Samverkansdialog borttagen",
    sentence: "{actor} tog bort samverkansdialogen {target}",
  },
  "agreement.dialogue_commented": {
    label: "Kommentar till samverkansdialog",
    sentence: "{actor} kommenterade en samverkansdialog",
  },
  "agreement.need_added": { label: "Behov tillagt", sentence: "{actor} lade till behovet {target}" },
  "agreement.need_updated": { label: "Behov ändrat", sentence: "{actor} ändrade behovet {target}" },
  "agreement.need_deleted": { label: "Behov borttaget", sentence: "{actor} tog bort behovet {target}" },
  "agreement.plan_uploaded": {
    label: "Kompetensförsörjningsplan uppladdad",
    sentence: "{actor} laddade upp kompetensförsörjningsplanen {target}",
  },
  "api_token.create": { label: "API-nyckel skapad", sentence: "{actor} skapade API-nyckeln {target}" },
  "api_token.revoke": {
    label: "API-nyckel återkallad",
    sentence: "{actor} återkallade API-nyckeln {target}",
  },
  "auth.login": { label: "Inloggning", sentence: "{actor} loggade in" },
  "auth.login_failed": {
    label: "Misslyckad inloggning",
    sentence: "Misslyckat inloggningsförsök för {target}",
  },
  "auth.logout": { label: "Utloggning", sentence: "{actor} loggade ut" },
  "auth.second_factor_requested": {
    label: "Engångskod begärd",
    sentence: "{target} angav rätt lösenord och ombads om engångskod",
  },
  "auth.totp_enrolled": {
    label: "Tvåstegsverifiering aktiverad",
    sentence: "{actor} aktiverade tvåstegsverifiering",
  },
  "auth.totp_failed": { label: "Fel engångskod", sentence: "Fel engångskod angavs för {target}" },
  "auth.email_link_requested": {
    label: "Inloggningslänk begärd",
    sentence: "En inloggningslänk via e-post begärdes för {target}",
  },
  "compass.assessment.set": {
    label: "Kompassbedömning satt",
    sentence: "{actor} satte en bedömning i kompassen för {target}",
  },
  "compass.assessment.remove": {
    label: "Kompassbedömning borttagen",
    sentence: "{actor} tog bort en bedömning i kompassen för {target}",
  },
  "compass.goals.set": { label: "Målbild satt", sentence: "{actor} satte målbilden för {target}" },
  "compass.model.publish": {
    label: "Kompassmodell publicerad",
    sentence: "{actor} publicerade kompassmodellen {target}",
  },
  "compass.offer.create": { label: "Erbjudande skapat", sentence: "{actor} skapade erbjudandet {target}" },
  "compass.offer.update": { label: "Erbjudande ändrat", sentence: "{actor} ändrade erbjudandet {target}" },
  "compass.offer.take": { label: "Erbjudande antaget", sentence: "{actor} antog erbjudandet {target}" },
  "compass.outcome.create": { label: "Utfall tillagt", sentence: "{actor} lade till utfallet {target}" },
  "compass.outcome.remove": { label: "Utfall borttaget", sentence: "{actor} tog bort utfallet {target}" },
  "compass.process.step": {
    label: "Processteg ändrat",
    sentence: "{actor} flyttade {target} till ett nytt processteg",
  },
  "compass.year.pin": { label: "Kompassår låst", sentence: "{actor} låste ett kompassår för {target}" },
  "compass.year.recompute": {
    label: "Kompass omräknad",
    sentence: "{actor} räknade om kompassen för {target}",
  },
  "course.create": { label: "Kurs skapad", sentence: "{actor} skapade kursen {target}" },
  "course.update": { label: "Kurs ändrad", sentence: "{actor} ändrade kursen {target}" },
  "course.delete": { label: "Kurs borttagen", sentence: "{actor} tog bort kursen {target}" },
  "event.create": { label: "Evenemang skapat", sentence: "{actor} skapade evenemanget {target}" },
  "event.update": { label: "Evenemang ändrat", sentence: "{actor} ändrade evenemanget {target}" },
  "series.create": { label: "Evenemangsserie skapad", sentence: "{actor} skapade evenemangsserien {target}" },
  "series.update": { label: "Evenemangsserie ändrad", sentence: "{actor} ändrade evenemangsserien {target}" },
  "network.create": { label: "Nätverk skapat", sentence: "{actor} skapade nätverket {target}" },
  "network.update": { label: "Nätverk ändrat", sentence: "{actor} ändrade nätverket {target}" },
  "network.members": {
    label: "Nätverkets medlemmar ändrade",
    sentence: "{actor} ändrade medlemmarna i nätverket {target}",
  },
  "feedback.create": { label: "Utvärdering besvarad", sentence: "{actor} besvarade en utvärdering" },
  "feedbackQuestions.set": {
    label: "Utvärderingsfrågor ändrade",
    sentence: "{actor} ändrade utvärderingsfrågorna för {target}",
  },
  "finance.unit_created": {
    label: "Ekonomisk enhet skapad",
    sentence: "{actor} skapade den ekonomiska enheten {target}",
  },
  "finance.budget_created": { label: "Budget skapad", sentence: "{actor} lade in {target}" },
  "finance.budget_updated": { label: "Budget ändrad", sentence: "{actor} ändrade {target}" },
  "finance.budget_deleted": { label: "Budget borttagen", sentence: "{actor} tog bort {target}" },
  "finance.spend_created": { label: "Utgift inlagd", sentence: "{actor} lade in {target}" },
  "finance.spend_updated": { label: "Utgift ändrad", sentence: "{actor} ändrade {target}" },
  "finance.spend_deleted": { label: "Utgift borttagen", sentence: "{actor} tog bort {target}" },
  "goals.framework_created": {
    label: "Målramverk skapat",
    sentence: "{actor} skapade målramverket {target}",
  },
  "goals.framework_updated": {
    label: "Målramverk ändrat",
    sentence: "{actor} ändrade målramverket {target}",
  },
  "goals.framework_revised": {
    label: "Målramverk reviderat",
    sentence: "{actor} gjorde en ny version av målramverket {target}",
  },
  "goals.activity_links_set": {
    label: "Mål kopplade till aktivitet",
    sentence: "{actor} kopplade mål till aktiviteten {target}",
  },
  "governance_body.create": { label: "Organ skapat", sentence: "{actor} skapade organet {target}" },
  "governance_decision.create": { label: "Beslut fattat", sentence: "{actor} förde in beslutet {target}" },
  "governance_decision.update": { label: "Beslut ändrat", sentence: "{actor} ändrade beslutet {target}" },
  "governance_meeting.create": {
    label: "Sammanträde skapat",
    sentence: "{actor} lade till sammanträdet {target}",
  },
  "governance_meeting.notice": {
    label: "Kallelse skickad",
    sentence: "{actor} skickade kallelse till {target}",
  },
  "governance_member.create": { label: "Ledamot tillagd", sentence: "{actor} lade till ledamoten {target}" },
  "governance_minutes.update": { label: "Protokoll ändrat", sentence: "{actor} ändrade {target}" },
  "governance_minutes.approve": { label: "Protokoll justerat", sentence: "{actor} justerade {target}" },
  "governance_registry_entry.create": {
    label: "Handling diarieförd",
    sentence: "{actor} diarieförde {target}",
  },
  "ideas.call_created": {
    label: "Idéefterlysning skapad",
    sentence: "{actor} skapade idéefterlysningen {target}",
  },
  "ideas.reviewers_set": {
    label: "Bedömare utsedda",
    sentence: "{actor} utsåg bedömare för idéefterlysningen {target}",
  },
  "ideas.submitted": { label: "Idé inskickad", sentence: "{actor} skickade in idén {target}" },
  "ideas.recorded": { label: "Idé registrerad", sentence: "{actor} registrerade idén {target}" },
  "ideas.completed_by_submitter": {
    label: "Idé kompletterad",
    sentence: "{actor} kompletterade idén {target}",
  },
  "ideas.reviewed": { label: "Idé bedömd", sentence: "{actor} bedömde idén {target}" },
  "ideas.transitioned": {
    label: "Idéns status ändrad",
    sentence: "{actor} ändrade status för idén {target}",
  },
  "ideas.developed": { label: "Idé vidareutvecklad", sentence: "{actor} vidareutvecklade idén {target}" },
  "ideas.recommended": { label: "Idé rekommenderad", sentence: "{actor} rekommenderade idén {target}" },
  "ideas.document_added": {
    label: "Dokument till idé",
    sentence: "{actor} lade till ett dokument till idén {target}",
  },
  "ideas.granted": { label: "Idé beviljad", sentence: "{actor} beviljade idén {target}" },
  "identity.link": {
    label: "Inloggning kopplad",
    sentence: "{actor} kopplade en extern inloggning till {target}",
  },
  "import.run": { label: "Import körd", sentence: "{actor} körde {target}" },
  "indicators.created": { label: "Indikator skapad", sentence: "{actor} skapade indikatorn {target}" },
  "indicators.updated": { label: "Indikator ändrad", sentence: "{actor} ändrade indikatorn {target}" },
  "indicators.deleted": { label: "Indikator borttagen", sentence: "{actor} tog bort indikatorn {target}" },
  "indicators.value_added": {
    label: "Utfall inlagt",
    sentence: "{actor} lade in ett utfall för indikatorn {target}",
  },
  "invitation.create": { label: "Inbjudan skickad", sentence: "{actor} bjöd in {target}" },
  "invitation.accept": { label: "Inbjudan antagen", sentence: "{actor} tackade ja till en inbjudan" },
  "learningSpace.create": { label: "Lärrum skapat", sentence: "{actor} skapade lärrummet {target}" },
  "learningSpace.members": {
    label: "Lärrummets medlemmar ändrade",
    sentence: "{actor} ändrade medlemmarna i lärrummet {target}",
  },
  "learningSpace.linkProject": {
    label: "Projekt kopplat till lärrum",
    sentence: "{actor} kopplade ett projekt till lärrummet {target}",
  },
  "learningThread.create": { label: "Tråd startad", sentence: "{actor} startade tråden {target}" },
  "learningPost.create": { label: "Inlägg skrivet", sentence: "{actor} skrev ett inlägg" },
  "learningLink.create": { label: "Länk delad", sentence: "{actor} delade länken {target}" },
  "learningFeedback.create": { label: "Återkoppling given", sentence: "{actor} gav återkoppling" },
  "learningDocument.upload": {
    label: "Dokument uppladdat",
    sentence: "{actor} laddade upp dokumentet {target}",
  },
  "localwork.plan_created": {
    label: "Lokal plan skapad",
    sentence: "{actor} skapade den lokala planen {target}",
  },
  "localwork.plan_updated": {
    label: "Lokal plan ändrad",
    sentence: "{actor} ändrade den lokala planen {target}",
  },
  "localwork.support_added": {
    label: "Processtöd tillagt",
    sentence: "{actor} lade till processtöd i {target}",
  },
  "mailing.create": { label: "Utskick skapat", sentence: "{actor} skapade utskicket {target}" },
  "mailing.send": { label: "Utskick skickat", sentence: "{actor} skickade utskicket {target}" },
  "segment.create": { label: "Urval skapat", sentence: "{actor} skapade urvalet {target}" },
  "news.create": { label: "Nyhet skapad", sentence: "{actor} skapade nyheten {target}" },
  "news.update": { label: "Nyhet ändrad", sentence: "{actor} ändrade nyheten {target}" },
  "news.delete": { label: "Nyhet borttagen", sentence: "{actor} tog bort nyheten {target}" },
  "organisation.create": {
    label: "Organisation skapad",
    sentence: "{actor} skapade organisationen {target}",
  },
  "organisation.update": {
    label: "Organisation ändrad",
    sentence: "{actor} ändrade organisationen {target}",
  },
  "organisation.delete": {
    label: "Organisation borttagen",
    sentence: "{actor} tog bort organisationen {target}",
  },
  "organisation.merge": {
    label: "Organisationer sammanslagna",
    sentence: "{actor} slog samman organisationen {target} med en annan",
  },
  "person.create": { label: "Person skapad", sentence: "{actor} lade till {target} i personregistret" },
  "person.update": { label: "Person ändrad", sentence: "{actor} ändrade uppgifterna om {target}" },
  "person.delete": { label: "Person borttagen", sentence: "{actor} tog bort {target} ur personregistret" },
  "person.merge": {
    label: "Personer sammanslagna",
    sentence: "{actor} slog samman {target} med en annan person",
  },
  "personal_data.extract": {
    label: "Registerutdrag",
    sentence: "{actor} tog ut ett registerutdrag om {target}",
  },
  "personal_data.extract_request": {
    label: "Registerutdrag begärt",
    sentence: "{actor} begärde ett registerutdrag",
  },
  "personal_data.erase": {
    label: "Personuppgifter raderade",
    sentence: "{actor} raderade personuppgifterna om {target}",
  },
  "plans.created": { label: "Handlingsplan skapad", sentence: "{actor} skapade handlingsplanen {target}" },
  "plans.updated": { label: "Handlingsplan ändrad", sentence: "{actor} ändrade handlingsplanen {target}" },
  "plans.phase_added": {
    label: "Fas tillagd",
    sentence: "{actor} lade till en fas i handlingsplanen {target}",
  },
  "plans.section_added": {
    label: "Avsnitt tillagt",
    sentence: "{actor} lade till ett avsnitt i handlingsplanen {target}",
  },
  "plans.item_created": { label: "Planpunkt tillagd", sentence: "{actor} lade till {target}" },
  "plans.item_updated": { label: "Planpunkt ändrad", sentence: "{actor} ändrade {target}" },
  "plans.item_deleted": { label: "Planpunkt borttagen", sentence: "{actor} tog bort {target}" },
  "plans.progress_added": { label: "Framsteg noterat", sentence: "{actor} noterade framsteg för {target}" },
  "plans.occurrence_done": {
    label: "Tillfälle genomfört",
    sentence: "{actor} markerade ett tillfälle som genomfört i {target}",
  },
  "plans.activity_linked": {
    label: "Aktivitet kopplad till plan",
    sentence: "{actor} kopplade en aktivitet till {target}",
  },
  "plans.activity_unlinked": {
    label: "Aktivitet frånkopplad plan",
    sentence: "{actor} tog bort kopplingen mellan en aktivitet och {target}",
  },
  "programme.create": { label: "Program skapat", sentence: "{actor} skapade programmet {target}" },
  "programme.update": { label: "Program ändrat", sentence: "{actor} ändrade programmet {target}" },
  "programme.delete": { label: "Program borttaget", sentence: "{actor} tog bort programmet {target}" },
  "projects.created": { label: "Projekt skapat", sentence: "{actor} skapade projektet {target}" },
  "projects.updated": { label: "Projekt ändrat", sentence: "{actor} ändrade projektet {target}" },
  "projects.status_set": {
    label: "Projektets färg satt",
    sentence: "{actor} satte Grön/Gul/Röd för projektet {target}",
  },
  "projects.output_added": {
    label: "Resultat tillagt",
    sentence: "{actor} lade till ett resultat i projektet {target}",
  },
  "projects.output_deleted": {
    label: "Resultat borttaget",
    sentence: "{actor} tog bort ett resultat ur projektet {target}",
  },
  "projects.report_submitted": { label: "Lägesrapport inlämnad", sentence: "{actor} lämnade in {target}" },
  "projects.report_updated": { label: "Lägesrapport ändrad", sentence: "{actor} ändrade {target}" },
  "projects.report_reviewed": { label: "Lägesrapport granskad", sentence: "{actor} granskade {target}" },
  "projects.review_round_created": {
    label: "Bedömningsomgång skapad",
    sentence: "{actor} skapade bedömningsomgången {target}",
  },
  "projects.review_round_updated": {
    label: "Bedömningsomgång ändrad",
    sentence: "{actor} ändrade bedömningsomgången {target}",
  },
  "registration.create": { label: "Anmälan", sentence: "{actor} tog emot {target}" },
  "registration.update": { label: "Anmälan ändrad", sentence: "{actor} ändrade {target}" },
  "registration.cancel": { label: "Anmälan avbokad", sentence: "{actor} avbokade {target}" },
  "registration.promote": {
    label: "Flyttad från väntelistan",
    sentence: "{target} fick en plats från väntelistan",
  },
  "registration.walkIn": { label: "Deltagare på plats", sentence: "{actor} registrerade {target} på plats" },
  "registration.importList": { label: "Deltagarlista inläst", sentence: "{actor} läste in en deltagarlista" },
  "registration.checkIn": { label: "Incheckning", sentence: "{actor} checkade in {target}" },
  "registration.undoCheckIn": {
    label: "Incheckning ångrad",
    sentence: "{actor} ångrade incheckningen av {target}",
  },
  "retention.rule.update": {
    label: "Gallringsregel ändrad",
    sentence: "{actor} ändrade gallringsregeln {target}",
  },
  "retention.run": { label: "Gallring körd", sentence: "{actor} körde gallringen" },
  "retention.run.failed": {
    label: "Gallring misslyckades",
    sentence: "Gallringen som {actor} startade misslyckades",
  },
  "retention.purge": { label: "Poster gallrade", sentence: "{actor} gallrade {target}" },
  "site_page.create": { label: "Webbsida skapad", sentence: "{actor} skapade webbsidan {target}" },
  "site_page.update": { label: "Webbsida ändrad", sentence: "{actor} ändrade webbsidan {target}" },
  "subscriber.subscribe": {
    label: "Prenumeration anmäld",
    sentence: "{target} anmälde sig till nyhetsbrevet",
  },
  "subscriber.confirm": {
    label: "Prenumeration bekräftad",
    sentence: "{target} bekräftade sin prenumeration",
  },
  "subscriber.unsubscribe": {
    label: "Prenumeration avslutad",
    sentence: "{target} avslutade sin prenumeration",
  },
  "user.ensure": { label: "Användare skapad", sentence: "{actor} skapade kontot för {target}" },
  "user.update": { label: "Konto ändrat", sentence: "{actor} ändrade kontot för {target}" },
  "user.roles_set": { label: "Roller ändrade", sentence: "{actor} ändrade roller för {target}" },
  "user.password_changed": { label: "Lösenord bytt", sentence: "{actor} bytte lösenord" },
  "user.sign_in_methods": {
    label: "Inloggningssätt ändrat",
    sentence: "{actor} ändrade hur {target} loggar in",
  },
  "user.totp_reset": {
    label: "Tvåstegsverifiering nollställd",
    sentence: "{actor} nollställde tvåstegsverifieringen för {target}",
  },
};

/** Generic verbs are told apart by what they acted on: `create` on `news` is `news.create`. */
export function actionKey(action: string, entityType: string): string {
  return action.includes(".") ? action : `${entityType}.${action}`;
}

/** An action's label for the filter and the log's column; an unknown code gets a readable fallback. */
export function actionLabel(action: string, entityType = ""): string {
  return auditActions[actionKey(action, entityType)]?.label ?? "Annan ändring";
}

/** "Anna Processledare <anna@…> via API-nyckel «x»" → "Anna Processledare (via API-nyckeln ”x”)". */
export function actorName(actorLabel: string): string {
  if (actorLabel === "allmänheten") return "En besökare";
  const match = /^(.*?)\s*<[^>]*>(?:\s*via API-nyckel «(.*)»)?$/.exec(actorLabel);
  if (!match) return actorLabel;
  return match[2] ? `${match[1]} (via API-nyckeln ”${match[2]}”)` : match[1];
}

const PERSON_TYPES = new Set(["user", "person", "governance_member", "newsletter_subscriber"]);
const ERASED = "[raderat]";

/** A record's name from its before/after values, when they hold one. */
export function nameInValues(value: unknown): string | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  for (const key of ["name", "title", "nameSv", "subject", "label", "heading", "email"]) {
    const found = v[key];
    if (typeof found === "string" && found.trim() && found !== ERASED) return found.trim();
  }
  return null;
}

export interface AuditRow {
  action: string;
  entityType: string;
  entityId: string | null;
  actorLabel: string;
  before: unknown;
  after: unknown;
}

/**
 * The sentence of one entry. `names` holds the names of records that still exist (entityId → name);
 * failing that the values logged are read; failing that the record's noun ("en användare") is used.
 */
export function auditSentence(row: AuditRow, names: ReadonlyMap<string, string> = new Map()): string {
  const key = actionKey(row.action, row.entityType);
  const template = auditActions[key]?.sentence ?? "{actor} ändrade {target}";
  const name =
    (row.entityId ? names.get(row.entityId) : undefined) ??
    nameInValues(row.after) ??
    nameInValues(row.before);
  const noun = entityNouns[row.entityType] ?? "en post";
  const target = name ? (PERSON_TYPES.has(row.entityType) ? name : `”${name}”`) : noun;
  const actor = actorName(row.actorLabel);
  const text = template.replace("{actor}", actor).replace("{target}", target);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Every action as a filter choice (code → label), sorted by label. */
export function actionChoices(): { value: string; label: string }[] {
  return Object.entries(auditActions)
    .map(([value, a]) => ({ value, label: a.label }))
    .sort((a, b) => a.label.localeCompare(b.label, "sv"));
}

/** Every kind of record as a filter choice: "Användare", "Organisation" … sorted. */
export function entityTypeChoices(): { value: string; label: string }[] {
  return Object.entries(entityNouns)
    .map(([value, noun]) => {
      const bare = noun.replace(/^(en|ett) /, "");
      return { value, label: bare.charAt(0).toUpperCase() + bare.slice(1) };
    })
    .sort((a, b) => a.label.localeCompare(b.label, "sv"));
}

/** The entry as the log shows it and exports it: who, what kind, and the sentence. */
export const auditEntryInWords = auditEntryView
  .extend({
    actorName: z.string(),
    actionLabel: z.string(),
    entityLabel: z.string(),
    sentence: z.string(),
  })
  .meta({ id: "AuditEntryInWords" });
export type AuditEntryInWords = z.infer<typeof auditEntryInWords>;

/** Swedish words for the fields an audit entry's before/after hold (issue 15): never a field's code. */
export const auditFieldLabels: Record<string, string> = {
  roles: "Roller",
  role: "Roll",
  scopeType: "Avgränsning",
  scopeId: "Avgränsning",
  name: "Namn",
  nameSv: "Namn",
  nameEn: "Namn på engelska",
  title: "Titel",
  subject: "Ämne",
  heading: "Rubrik",
  label: "Benämning",
  email: "E-post",
  phone: "Telefon",
  active: "Aktiv",
  status: "Status",
  state: "Läge",
  kind: "Typ",
  type: "Typ",
  description: "Beskrivning",
  body: "Text",
  text: "Text",
  summary: "Sammanfattning",
  comment: "Kommentar",
  note: "Anteckning",
  notes: "Anteckningar",
  url: "Webbadress",
  website: "Webbplats",
  city: "Ort",
  address: "Adress",
  postalCode: "Postnummer",
  orgNumber: "Organisationsnummer",
  sector: "Sektor",
  category: "Kategori",
  tags: "Etiketter",
  date: "Datum",
  startDate: "Startdatum",
  endDate: "Slutdatum",
  startsAt: "Börjar",
  endsAt: "Slutar",
  periodStart: "Periodens början",
  periodEnd: "Periodens slut",
  periodText: "Period",
  year: "År",
  deadline: "Sista dag",
  dueDate: "Förfallodag",
  reportDueDate: "Nästa rapport",
  capacity: "Platser",
  location: "Plats",
  amount: "Belopp",
  budget: "Budget",
  colour: "Färg",
  reason: "Motivering",
  organisationId: "Organisation",
  ownerOrganisationId: "Ägande organisation",
  funderOrganisationId: "Finansiär",
  parentId: "Överordnad",
  programmeId: "Program",
  courseId: "Kurs",
  personId: "Person",
  leadPersonId: "Projektledare",
  leadName: "Projektledare",
  ownerName: "Ägare",
  contactPersonId: "Kontaktperson",
  userId: "Användare",
  projectId: "Projekt",
  activityId: "Aktivitet",
  eventId: "Evenemang",
  agreementId: "Avtal",
  ideaId: "Idé",
  callId: "Idéefterlysning",
  indicatorId: "Indikator",
  planId: "Handlingsplan",
  goalIds: "Mål",
  organisationIds: "Organisationer",
  personIds: "Personer",
  memberIds: "Medlemmar",
  members: "Medlemmar",
  language: "Språk",
  locale: "Språk",
  visibility: "Synlighet",
  published: "Publicerad",
  publishedAt: "Publicerad",
  signInMethods: "Inloggningssätt",
  totpEnabled: "Tvåstegsverifiering",
  mergedInto: "Sammanslagen med",
  mergedIntoId: "Sammanslagen med",
  count: "Antal",
  value: "Värde",
  target: "Mål",
  unit: "Enhet",
  weight: "Vikt",
  position: "Ordning",
  sortOrder: "Ordning",
  version: "Version",
};

/** More fields the registers keep, in the same words (appended). */
Object.assign(auditFieldLabels, {
  createdAt: "Skapad",
  updatedAt: "Ändrad",
  createdBy: "Skapad av",
  updatedBy: "Ändrad av",
  createdByName: "Skapad av",
  authorName: "Författare",
  authorId: "Författare",
  expiresAt: "Giltig till",
  size: "Storlek",
  registryNumber: "Diarienummer",
  public: "Offentlig",
  participants: "Deltagare",
  mimeType: "Filtyp",
  level: "Nivå",
  goalId: "Mål",
  uploadedBy: "Uppladdad av",
  uploadedByName: "Uppladdad av",
  source: "Källa",
  sentAt: "Skickad",
  questions: "Frågor",
  place: "Plats",
  number: "Nummer",
  filename: "Filnamn",
  direction: "Riktning",
  criteria: "Urval",
  code: "Kod",
  municipalityCode: "Kommun",
  municipality: "Kommun",
  county: "Län",
  at: "Tidpunkt",
  submittedAt: "Inskickad",
  responsiblePersonId: "Ansvarig",
  responsible: "Ansvarig",
  responsibleText: "Ansvarig",
  rating: "Betyg",
  purpose: "Syfte",
  phase: "Fas",
  needs: "Behov",
  meetingId: "Sammanträde",
  frameworkId: "Målramverk",
  decisionId: "Beslut",
  credits: "Högskolepoäng",
  contactName: "Kontaktperson",
  contactEmail: "Kontaktens e-post",
  consentAt: "Samtycke lämnat",
  lawfulBasis: "Rättslig grund",
  concreteResults: "Finns konkreta resultat?",
  canScaleUp: "Kan projektet skalas upp?",
  processLeaderComment: "Processledarens kommentar",
  latestReportType: "Senaste rapport",
  latestReportDate: "Rapportdatum",
  latestReportUncertain: "Osäker rapport",
  reportType: "Rapport",
  reportUncertain: "Osäker rapport",
  reportIntervalMonths: "Rapportintervall (månader)",
  funding: "Finansiering",
  venue: "Plats",
  subtitle: "Underrubrik",
  stage: "Steg",
  step: "Steg",
  theme: "Tema",
  themes: "Teman",
  targetGroup: "Målgrupp",
  targetGroups: "Målgrupper",
  tasks: "Uppgifter",
  vision: "Vision",
  waitlist: "Väntelista",
  registrationEnabled: "Anmälan öppen",
  registrationOpensAt: "Anmälan öppnar",
  registrationClosesAt: "Anmälan stänger",
  recipientCount: "Antal mottagare",
  recommendation: "Rekommendation",
  recommendedAmount: "Rekommenderat belopp",
  reviewComment: "Granskningskommentar",
  results: "Resultat",
  resources: "Resurser",
  seriesId: "Evenemangsserie",
  networkId: "Nätverk",
  spaceId: "Lärrum",
  threadId: "Tråd",
  unitId: "Enhet",
  unitOrganisationId: "Enhet",
  roundId: "Bedömningsomgång",
  roleKey: "Roll",
  revokedAt: "Återkallad",
  readOnly: "Endast läsning",
});

/** Which record an `…Id` field points at, so the log can name it. */
const idFieldTypes: Record<string, string> = {
  organisationId: "organisation",
  ownerOrganisationId: "organisation",
  funderOrganisationId: "organisation",
  organisationIds: "organisation",
  programmeId: "programme",
  courseId: "course",
  personId: "person",
  leadPersonId: "person",
  contactPersonId: "person",
  personIds: "person",
  userId: "user",
  projectId: "project",
  activityId: "activity",
  eventId: "activity",
  agreementId: "agreement",
  ideaId: "idea",
  callId: "idea_call",
  indicatorId: "indicator",
  planId: "plan",
  responsiblePersonId: "person",
  authorId: "user",
  createdBy: "user",
  updatedBy: "user",
  uploadedBy: "user",
};

const roleWords: Record<string, string> = {
  admin: "Administratör",
  coordinator: "Samordnare",
  programme_director: "Programansvarig",
  group_member: "Gruppmedlem",
  partner: "Partner",
};

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const isUuid = (v: unknown): v is string => typeof v === "string" && /^[0-9a-f-]{36}$/i.test(v);

/** Every uuid an entry's values hold, so the presenter can look their names up. */
export function idsInValues(...values: unknown[]): string[] {
  const found = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === "string") for (const m of v.matchAll(UUID)) found.add(m[0].toLowerCase());
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  values.forEach(walk);
  return [...found];
}

/** A field's Swedish word; a field without one is "Annan uppgift", never its code. */
export function auditFieldLabel(key: string): string {
  return auditFieldLabels[key] ?? "Annan uppgift";
}

type Names = ReadonlyMap<string, string>;

/** An id as the record's name; a record that is gone as its noun ("en organisation som tagits bort"). */
function nameOfId(id: string, names: Names, type?: string): string {
  const name = names.get(id.toLowerCase()) ?? names.get(id);
  if (name) return name;
  const noun = type ? entityNouns[type] : undefined;
  return noun ? `${noun} som inte finns kvar` : "en post som inte finns kvar";
}

/** One value in words: names for ids, ja/nej, roles with their scope's name, lists joined; cut at 160. */
export function auditValueText(value: unknown, names: Names = new Map(), key = ""): string | null {
  const text = (v: unknown, k: string): string => {
    if (v === null || v === undefined || v === "") return "–";
    if (typeof v === "boolean") return v ? "ja" : "nej";
    if (typeof v === "number") return new Intl.NumberFormat("sv-SE").format(v);
    if (isUuid(v)) return nameOfId(v, names, idFieldTypes[k]);
    if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v) && !Number.isNaN(Date.parse(v)))
      return formatDateTime(v); // local time, not UTC
    if (typeof v === "string")
      return k === "role" ? (roleWords[v] ?? v) : v.replace(UUID, (id) => nameOfId(id, names));
    if (Array.isArray(v)) return v.length ? v.map((item) => text(item, k)).join("; ") : "inga";
    if (typeof v === "object") {
      const o = v as Record<string, unknown>;
      if (typeof o.role === "string" && "scopeId" in o) {
        const role = roleWords[o.role] ?? o.role;
        if (!o.scopeId) return role;
        const scope = nameOfId(String(o.scopeId), names, String(o.scopeType ?? ""));
        return `${role} för ${scope}`;
      }
      const named = nameInValues(o);
      if (named) return named;
      return Object.entries(o)
        .map(([field, item]) => `${auditFieldLabel(field)}: ${text(item, field)}`)
        .join(", ");
    }
    return String(v);
  };
  if (value === null || value === undefined) return null;
  const out = text(value, key).replace(UUID, "en post");
  return out.length > 160 ? `${out.slice(0, 159)}…` : out;
}

/** One changed field as the log shows it: its word, and the values before and after in words. */
export const auditChangeView = z
  .object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() })
  .meta({ id: "AuditChange" });
export type AuditChangeView = z.infer<typeof auditChangeView>;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The fields an entry changed, in words: "Roller: Samordnare → Programansvarig för Ekonomprogrammet".
 * `names` maps ids (lower case) to names; an id without one is named by its noun, never shown.
 */
export function auditChanges(before: unknown, after: unknown, names: Names = new Map()): AuditChangeView[] {
  if (before == null && after == null) return [];
  if (!isObject(before) && !isObject(after))
    return [{ field: "Värde", before: auditValueText(before, names), after: auditValueText(after, names) }];
  const b = isObject(before) ? before : {};
  const a = isObject(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter(
    (k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]),
  );
  return keys.map((key) => ({
    field: auditFieldLabel(key),
    before: before == null ? null : auditValueText(b[key] ?? null, names, key),
    after: after == null ? null : auditValueText(a[key] ?? null, names, key),
  }));
}

/** The entry with its changes in words, as the log's change column shows them. */
export const auditEntryWithChanges = auditEntryInWords
  .extend({ changes: z.array(auditChangeView) })
  .meta({ id: "AuditEntryWithChanges" });
export type AuditEntryWithChanges = z.infer<typeof auditEntryWithChanges>;
