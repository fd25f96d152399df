// What a module contributes to the process. server/modules/index.ts lists every module;
// app.ts, the worker and main.ts read that list, so adding a module is one line there.
import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import type { Deps } from '../deps.ts';
import type { JobDefinition } from '../jobs/queue.ts';

export interface Schedule {
  /** The job to enqueue once per period, instance-wide. */
  name: string;
  everyMs: number;
}

/** Work the worker finds by itself each round (e.g. rows marked pending), without a job per item. */
export interface Sweep {
  name: string;
  /** One bounded batch; returns how many items it handled (0 = nothing pending). */
  run(): Promise<number>;
}

export interface ModuleDef {
  name: string;
  /** Routes that need a caller (API key or session); registered inside the authenticated scope. */
  routes?: (app: FastifyInstance, deps: Deps) => void | Promise<void>;
  /** Routes without authentication (public pages, login); each must rate-limit itself if it writes. */
  publicRoutes?: (app: FastifyInstance, deps: Deps) => void | Promise<void>;
  jobs?: (deps: Deps) => JobDefinition[];
  schedules?: Schedule[];
  /** Sweeps run in every worker round after the claimed jobs; a round that swept anything loops at once. */
  sweeps?: (deps: Deps) => Sweep[];
  /** Prometheus series of the module, added to `/metrics`; read at scrape time, never per request. */
  metrics?: (registry: Registry, deps: Deps) => void;
  /** Background listeners (e.g. an SMTP receiver) started with the web role; returns a stopper. */
  start?: (deps: Deps) => Promise<() => Promise<void>>;
}
