/**
 * The login page arrives already drawn (vite.config.ts, pageHtml; src/web/prerender.tsx), so a visitor may
 * type before the scripts have arrived. React draws the page anew in its place (main.tsx); once it has, what
 * was typed into each field and the focus carry over to the same fields of React's page.
 */
/** True when the page came drawn (more than index.html's header-only shell). */
export function isDrawn(root: HTMLElement) {
  return root.querySelector("main") !== null;
}

export function keepWhatWasTyped(root: HTMLElement) {
  const drawn = [...root.querySelectorAll<HTMLInputElement>("input")];
  if (drawn.length === 0) return;
  // Followed until React's page is there: the visitor may still be moving between the fields.
  let focused = document.activeElement;
  const remember = () => {
    focused = document.activeElement;
  };
  document.addEventListener("focusin", remember);
  const observer = new MutationObserver(() => {
    if (drawn[0]!.isConnected) return; // still the drawn page
    const inputs = [...root.querySelectorAll<HTMLInputElement>("input")];
    if (inputs.length < drawn.length) return; // React's page is not all there yet
    observer.disconnect();
    document.removeEventListener("focusin", remember);
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;
    drawn.forEach((old, i) => {
      const input = inputs[i];
      if (!input || input.name !== old.name || input.type !== old.type) return;
      if (old.value) {
        // Through the native setter and an input event, so React's state takes the value as if typed.
        setValue.call(input, old.value);
        input.dispatchEvent(new Event("input", { bubbles: true }));
      }
      if (old === focused) input.focus();
    });
  });
  observer.observe(root, { childList: true, subtree: true });
}
