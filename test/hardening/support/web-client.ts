/**
 * A minimal browser-like HTTP client over fetch: keeps cookies, picks up the CSRF token from a
 * page's forms, and sends it with every state-changing request.
 */

/** A client with its own cookie jar and CSRF token. */
export class WebClient {
  private readonly cookies = new Map<string, string>();
  /** The CSRF token from the last page read (undefined until `refreshToken`). */
  token: string | undefined;

  /** Creates a client talking to `base` (`http://host:port/`), which may be changed later. */
  constructor(public base: string) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (/;\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(c) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** Sends a request with the jar's cookies; `init.headers` are added. */
  async request(path: string, init: RequestInit & { headers?: Record<string, string> } = {}): Promise<Response> {
    const res = await fetch(new URL(path, this.base), {
      ...init,
      redirect: 'manual',
      headers: { ...(this.cookies.size ? { cookie: this.cookieHeader() } : {}), ...(init.headers ?? {}) },
    });
    this.keep(res);
    return res;
  }

  /** Reads an HTML page and keeps the CSRF token of its first form. */
  async refreshToken(path = '/'): Promise<string> {
    const res = await this.request(path, { headers: { accept: 'text/html' } });
    const html = await res.text();
    const m = /name="_csrf" value="([^"]+)"/.exec(html);
    if (!m) throw new Error(`no CSRF token on ${path} (${res.status})`);
    this.token = m[1]!;
    return this.token;
  }

  /** GETs JSON. */
  async getJson<T = unknown>(path: string): Promise<{ status: number; body: T }> {
    const res = await this.request(path, { headers: { accept: 'application/json' } });
    return { status: res.status, body: (await res.json()) as T };
  }

  /** POSTs JSON with the CSRF header. */
  async postJson<T = unknown>(path: string, body: unknown): Promise<{ status: number; body: T }> {
    const res = await this.request(path, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { accept: 'application/json', 'content-type': 'application/json', ...(this.token ? { 'x-csrf-token': this.token } : {}) },
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON: keep the text for the assertion message.
    }
    return { status: res.status, body: parsed as T };
  }
}

/** A small seeded PRNG (mulberry32), so a failing run can be replayed with the same seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
