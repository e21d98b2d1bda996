/**
 * A small browser stand-in for sign-in flows across servers: follows redirects by hand, keeps cookies per
 * host (ignoring the port, as browsers do), and submits the HTML forms identity providers answer with
 * (login, consent, the auto-posting SAML form). No JavaScript: what it does is what the pages' markup says.
 */
export interface Page {
  url: string;
  status: number;
  headers: Headers;
  body: string;
}

export class FormClient {
  private readonly jar = new Map<string, Map<string, string>>();

  cookies(url: string): Map<string, string> {
    const host = new URL(url).hostname;
    const cookies = this.jar.get(host) ?? new Map<string, string>();
    this.jar.set(host, cookies);
    return cookies;
  }

  /** One request, no redirect followed. */
  async request(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Page> {
    const cookies = this.cookies(url);
    const headers: Record<string, string> = {};
    if (cookies.size) headers.cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    if (init.form) headers["content-type"] = "application/x-www-form-urlencoded";
    const response = await fetch(url, {
      method: init.method ?? (init.form ? "POST" : "GET"),
      headers,
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
      redirect: "manual",
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const gone =
        attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === "" || value === "deleted";
      if (gone) cookies.delete(name);
      else cookies.set(name, value);
    }
    return { url, status: response.status, headers: response.headers, body: await response.text() };
  }

  /** Requests and follows redirects (at most 15) to the page that is not one. */
  async go(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Page> {
    let page = await this.request(url, init);
    for (let hops = 0; page.status >= 300 && page.status < 400 && hops < 15; hops++)
      page = await this.request(new URL(page.headers.get("location")!, page.url).href);
    return page;
  }

  /** Submits the page's form (the first, or the one whose markup matches `which`) with `fields` filled in. */
  async submit(page: Page, fields: Record<string, string> = {}, which?: RegExp): Promise<Page> {
    const forms = [...page.body.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)];
    const form = which ? forms.find((f) => which.test(f[0])) : forms[0];
    if (!form) throw new Error(`no form on ${page.url} (${page.status}):\n${page.body.slice(0, 2000)}`);
    const attribute = (tag: string, name: string) =>
      decode(
        new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)')`, "i")
          .exec(tag)
          ?.slice(2)
          .find((v) => v !== undefined) ?? "",
      );
    const values: Record<string, string> = {};
    for (const [input] of form[2].matchAll(/<(input|button)\b[^>]*>/gi)) {
      const name = attribute(input, "name");
      const type = attribute(input, "type").toLowerCase();
      if (!name || (type === "submit" && !(name in fields)) || type === "checkbox") continue;
      values[name] = attribute(input, "value");
    }
    const action = new URL(attribute(form[1], "action") || page.url, page.url).href;
    const method = (attribute(form[1], "method") || "GET").toUpperCase();
    const filled = { ...values, ...fields };
    if (method === "GET") {
      const target = new URL(action);
      for (const [k, v] of Object.entries(filled)) target.searchParams.set(k, v);
      return this.go(target.href);
    }
    return this.go(action, { method, form: filled });
  }
}

const decode = (html: string) =>
  html
    .replace(/&#x([0-9a-f]+);/gi, (_, hex) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec) => String.fromCodePoint(Number(dec)))
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
