// A typed event hook: how a lower module tells the modules above it that something happened,
// without importing them (ADR 008). The lower module owns the hook and emits it inside its own
// transaction, so every subscriber's writes commit or roll back with the event. Upper modules
// subscribe from their index.ts under a name, so a module evaluated twice subscribes once.
export interface Hook<C, E> {
  readonly name: string;
  subscribe(subscriber: string, handler: (ctx: C, event: E) => Promise<void>): void;
  /** Runs every subscriber in subscription order; the first error propagates to the emitter. */
  emit(ctx: C, event: E): Promise<void>;
  subscribers(): string[];
}

export function createHook<C, E>(name: string): Hook<C, E> {
  const handlers = new Map<string, (ctx: C, event: E) => Promise<void>>();
  return {
    name,
    subscribe(subscriber, handler) {
      handlers.set(subscriber, handler);
    },
    async emit(ctx, event) {
      for (const handler of handlers.values()) await handler(ctx, event);
    },
    subscribers: () => [...handlers.keys()],
  };
}
