// SPDX-License-Identifier: Apache-2.0
// The HTTP API as the pages call it: the key from sessionStorage as X-Api-Key, and every failure turned into a
// sentence a person can act on (the API answers RFC 9457 problem documents).

export interface FieldProblem {
  field: string;
  reason: string;
}

export interface ProblemDoc {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: FieldProblem[];
}

export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly problem?: ProblemDoc) {
    super(message);
    this.name = "ApiError";
  }

  /** The server wants a (different) key. */
  get needsKey(): boolean {
    return this.status === 401 || this.status === 403;
  }
}

/** Where a page keeps its key: per tab, gone when the tab closes. */
export class KeyStore {
  constructor(private readonly name: string) {}

  get(): string | null {
    return sessionStorage.getItem(this.name);
  }

  set(key: string): void {
    if (key.trim() === "") {
      sessionStorage.removeItem(this.name);
    } else {
      sessionStorage.setItem(this.name, key.trim());
    }
  }
}

export interface CallOptions {
  method?: "GET" | "POST" | "PUT";
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined>;
}

export class Api {
  constructor(private readonly keys: KeyStore, private readonly roles: string) {}

  async call<T>(path: string, options: CallOptions = {}): Promise<T> {
    const url = new URL(path, window.location.origin);
    for (const [k, v] of Object.entries(options.query ?? {})) {
      if (v !== undefined && v !== "") {
        url.searchParams.set(k, String(v));
      }
    }
    const headers: Record<string, string> = { Accept: "application/json" };
    const key = this.keys.get();
    if (key) {
      headers["X-Api-Key"] = key;
    }
    let body: string | undefined;
    if (options.body !== undefined) {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(options.body);
    }
    let response: Response;
    try {
      response = await fetch(url, { method: options.method ?? "GET", headers, body });
    } catch (e) {
      throw new ApiError(0, `Cannot reach the Tailor server (${e instanceof Error ? e.message : String(e)}). `
        + "Is it still running?");
    }
    const text = await response.text();
    if (!response.ok) {
      throw this.error(response.status, text);
    }
    try {
      return (text === "" ? {} : JSON.parse(text)) as T;
    } catch {
      throw new ApiError(response.status, `The server answered ${url.pathname} with something that is not JSON.`);
    }
  }

  private error(status: number, text: string): ApiError {
    let problem: ProblemDoc | undefined;
    try {
      problem = JSON.parse(text) as ProblemDoc;
    } catch {
      problem = undefined;
    }
    if (status === 401) {
      return new ApiError(status, `This server needs an API key with the ${this.roles} role`
        + `${this.roles.includes(" and ") ? "s" : ""}: enter it in the key field.`, problem);
    }
    if (status === 403) {
      return new ApiError(status, `The API key you entered lacks a role this page needs (${this.roles}).`, problem);
    }
    const head = problem?.title ?? `HTTP ${status}`;
    const detail = problem?.detail ?? (text.length > 0 && text.length < 300 ? text : "");
    const fields = (problem?.errors ?? []).map((e) => `${e.field}: ${e.reason}`).join("; ");
    const retry = status === 503 ? " The server is busy; try again in a moment." : "";
    return new ApiError(status, `${head}${detail ? `: ${detail}` : ""}${fields && !detail.includes(fields) ? ` (${fields})` : ""}${retry}`,
      problem);
  }
}

export function message(e: unknown): string {
  if (e instanceof ApiError) {
    return e.message;
  }
  return `Something went wrong in this page: ${e instanceof Error ? e.message : String(e)}`;
}
