/** Identity: single sign-on providers. What other features use of it: the sign-in buttons. */
export { ProviderButtons } from "./provider-buttons.tsx";
