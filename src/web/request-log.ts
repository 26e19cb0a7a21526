/**
 * Operations: one JSON line per finished request (method, path without its query, status,
 * duration, user) and a public `/healthz`. Neither ever records a cookie, a token or a body.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { actorOf } from './reviewer.js';

/** One request log entry. */
export interface RequestLogEntry {
  time: string;
  method: string;
  /** The path only: query strings may carry search terms and are left out. */
  path: string;
  status: number;
  ms: number;
  /** The reviewer or signed-in user, when known. */
  user: string | null;
}

/** Writes one JSON line per request when its response has finished (or the client went away). */
export function requestLog(write: (line: string) => void): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const start = process.hrtime.bigint();
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      const user = actorOf(res) ?? null;
      const entry: RequestLogEntry = {
        time: new Date().toISOString(),
        method: req.method,
        path: req.originalUrl.split('?')[0]!,
        status: res.statusCode,
        ms: Math.round(Number(process.hrtime.bigint() - start) / 1e4) / 100,
        user,
      };
      write(`${JSON.stringify(entry)}\n`);
    };
    res.once('finish', finish);
    res.once('close', finish);
    next();
  };
}

/** GET `/healthz`: 200 `{ok: true, db: "ok"}` when the database answers, else 503; no cookies. */
export function healthCheck(probe: () => void): RequestHandler {
  return (_req: Request, res: Response) => {
    res.set('Cache-Control', 'no-store');
    try {
      probe();
      res.json({ ok: true, db: 'ok' });
    } catch {
      res.status(503).json({ ok: false, db: 'error' });
    }
  };
}
