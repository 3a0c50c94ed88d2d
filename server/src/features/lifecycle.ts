// After `shutdown` the server only waits for `exit` (LSP 3.17, Shutdown Request): "If a server receives requests
// after a shutdown request those requests should error with InvalidRequest", and notifications are dropped. Every
// handler is registered through the connection this returns, so none of them runs once shutdown was received.
import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver/node';

/** Registrations of notification handlers: dropped after shutdown. `onExit` is not among them: exit must work. */
const NOTIFICATIONS = new Set([
  'onNotification', 'onInitialized', 'onDidChangeConfiguration', 'onDidChangeWatchedFiles', 'onDidOpenTextDocument',
  'onDidChangeTextDocument', 'onDidCloseTextDocument', 'onWillSaveTextDocument', 'onDidSaveTextDocument',
]);
/** Registrations that are neither requests nor notifications to guard. */
const UNGUARDED = new Set(['onExit', 'onShutdown', 'onProgress']);

export interface Lifecycle {
  /** The connection to register every handler with. */
  connection: Connection;
  /** Whether `shutdown` was received. */
  readonly shutDown: boolean;
}

/**
 * Wraps `connection` so that request handlers answer InvalidRequest and notification handlers do nothing once
 * `shutdown` was received, which runs `cleanUp` (pending timers, say).
 */
export function guardLifecycle(connection: Connection, cleanUp: () => void): Lifecycle {
  let shutDown = false;
  const refused = () => new ResponseError(ErrorCodes.InvalidRequest, 'the server is shutting down: shutdown was received');
  const guarded = new Proxy(connection, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || !property.startsWith('on') || UNGUARDED.has(property) || typeof value !== 'function') return value;
      const notification = NOTIFICATIONS.has(property);
      return (...args: unknown[]) => {
        const last = args.length - 1;
        const handler = args[last];
        if (typeof handler === 'function') {
          args[last] = (...params: unknown[]) => {
            if (shutDown) return notification ? undefined : refused();
            return (handler as (...p: unknown[]) => unknown)(...params);
          };
        }
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  connection.onShutdown(() => {
    if (shutDown) return;
    shutDown = true;
    cleanUp();
  });
  return { connection: guarded, get shutDown() { return shutDown; } };
}
