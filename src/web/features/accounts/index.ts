/** Accounts: what other parts of the web app use of it. */

/** Loads the login page's chunk ahead of the router, for a visitor who arrives there (src/web/first-page.ts). */
export const loadLoginPage = () => import("./login-page.tsx");
