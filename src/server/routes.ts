import type { FastifyInstance } from "fastify";
import { registerAccountRoutes } from "./modules/accounts/accounts.routes.ts";
import { registerActivityRoutes } from "./modules/activities/activities.routes.ts";
import { registerActivityTypeRoutes } from "./modules/activities/activity-types.routes.ts";
import { registerAgreementRoutes } from "./modules/agreements/index.ts";
import { registerAuditRoutes } from "./modules/audit/audit.routes.ts";
import { registerCommunicationRoutes } from "./modules/communication/communication.routes.ts";
import { registerCompassRoutes } from "./modules/compass/compass.routes.ts";
import { registerEventRoutes } from "./modules/events/events.routes.ts";
import { registerPublicEventRoutes } from "./modules/events/public.routes.ts";
import { registerEventSeriesRoutes } from "./modules/events/series.routes.ts";
import { registerFinanceRoutes } from "./modules/finance/finance.routes.ts";
import { registerGoalRoutes } from "./modules/goals/goals.routes.ts";
import { registerGovernanceRoutes } from "./modules/governance/index.ts";
import { registerHealthRoutes } from "./modules/health/health.routes.ts";
import { registerIdeaRoutes, registerPublicIdeaRoutes } from "./modules/ideas/index.ts";
import { registerIdentityRoutes } from "./modules/identity/index.ts";
import { registerIndicatorRoutes } from "./modules/indicators/indicators.routes.ts";
import { registerLearningRoutes } from "./modules/learning/learning.routes.ts";
import { registerLocalWorkRoutes } from "./modules/localwork/index.ts";
import { registerMailRoutes } from "./modules/mail/mail.routes.ts";
import { registerOrganisationRoutes } from "./modules/organisations/organisations.routes.ts";
import { registerPeopleRoutes } from "./modules/people/people.routes.ts";
import { registerPlanRoutes } from "./modules/plans/plans.routes.ts";
import { registerPrivacyRoutes } from "./modules/privacy/index.ts";
import { registerCourseRoutes } from "./modules/programmes/courses.routes.ts";
import { registerProgrammeRoutes } from "./modules/programmes/programmes.routes.ts";
import { registerProjectRoutes } from "./modules/projects/projects.routes.ts";
import { registerReportRoutes } from "./modules/reports/reports.routes.ts";
import { registerRetentionRoutes } from "./modules/retention/index.ts";
import { registerSearchRoutes } from "./modules/search/search.routes.ts";
import { registerSiteRoutes } from "./modules/site/index.ts";
import { registerTransferRoutes } from "./modules/transfer/transfer.routes.ts";
import type { Deps } from "./platform/context.ts";

/** Every module's HTTP surface. A new module adds its register function here. */
export const routeModules: ((app: FastifyInstance, deps: Deps) => void)[] = [
  registerHealthRoutes,
  registerAccountRoutes,
  registerAuditRoutes,
  registerOrganisationRoutes,
  registerPeopleRoutes,
  registerProgrammeRoutes,
  registerCourseRoutes,
  registerActivityTypeRoutes,
  registerActivityRoutes,
  registerCompassRoutes,
  registerSearchRoutes,
  registerTransferRoutes,
  registerGoalRoutes,
  registerPlanRoutes,
  registerProjectRoutes,
  registerFinanceRoutes,
  registerIndicatorRoutes,
  registerReportRoutes,
  registerEventRoutes,
  registerEventSeriesRoutes,
  registerPublicEventRoutes,
  registerMailRoutes,
  registerCommunicationRoutes,
  registerLearningRoutes,
  registerIdeaRoutes,
  registerPublicIdeaRoutes,
  registerAgreementRoutes,
  registerGovernanceRoutes,
  registerSiteRoutes,
  registerLocalWorkRoutes,
  registerRetentionRoutes,
  registerPrivacyRoutes,
  registerIdentityRoutes,
];
