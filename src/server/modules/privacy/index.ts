// The privacy module's door (issue 20): its routes and the category table the retention rules share.
export {
  type CategoryKey,
  categories,
  categoryKeys,
  type PersonalDataCategory,
} from "./privacy.categories.ts";
export { registerPrivacyRoutes } from "./privacy.routes.ts";
