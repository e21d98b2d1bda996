import type { FastifyInstance } from "fastify";
import { registerAccountRoutes } from "./modules/accounts/index.ts";
import { registerActivityRoutes, registerActivityTypeRoutes } from "./modules/activities/index.ts";
import { registerAgreementRoutes } from "./modules/agreements/index.ts";
import { registerAuditRoutes } from "./modules/audit/index.ts";
import { registerCommunicationRoutes } from "./modules/communication/index.ts";
import { registerCompassRoutes } from "./modules/compass/index.ts";
import {
  registerEventRoutes,
  registerEventSeriesRoutes,
  registerPublicEventRoutes,
} from "./modules/events/index.ts";
import { registerFinanceRoutes } from "./modules/finance/index.ts";
import { registerGoalRoutes } from "./modules/goals/index.ts";
import { registerGovernanceRoutes } from "./modules/governance/index.ts";
import { registerHealthRoutes } from "./modules/health/index.ts";
import { registerIdeaRoutes, registerPublicIdeaRoutes } from "./modules/ideas/index.ts";
import { registerIdentityRoutes } from "./modules/identity/index.ts";
import { registerIndicatorRoutes } from "./modules/indicators/index.ts";
import { registerLearningRoutes } from "./modules/learning/index.ts";
import { registerLocalWorkRoutes } from "./modules/localwork/index.ts";
import { registerMailRoutes } from "./modules/mail/index.ts";
import { registerOrganisationRoutes } from "./modules/organisations/index.ts";
import { registerOverviewRoutes } from "./modules/overview/index.ts";
import { registerPeopleRoutes } from "./modules/people/index.ts";
import { registerPlanRoutes } from "./modules/plans/index.ts";
import { registerPrivacyRoutes } from "./modules/privacy/index.ts";
import { registerCourseRoutes, registerProgrammeRoutes } from "./modules/programmes/index.ts";
import { registerProjectRoutes } from "./modules/projects/index.ts";
import { registerReportRoutes } from "./modules/reports/index.ts";
import { registerRetentionRoutes } from "./modules/retention/index.ts";
import { registerSearchRoutes } from "./modules/search/index.ts";
import { registerSiteRoutes } from "./modules/site/index.ts";
import { registerTransferRoutes } from "./modules/transfer/index.ts";
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
  registerOverviewRoutes,
];
