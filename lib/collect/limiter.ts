/**
 * Politeness scheduler: at most `concurrency` tasks in flight, and consecutive task starts at
 * least `delayMs` apart. Tasks wait in FIFO order; an aborted waiting task never starts.
 */

export interface LimiterOptions {
  concurrency: number;
  delayMs: number;
}

export type Limiter = <T>(task: () => Promise<T>, signal?: AbortSignal) => Promise<T>;

export function abortError(): Error {
  const error = new Error('Aborted');
  error.name = 'AbortError';
  return error;
}

interface Waiter {
  start: () => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

export function createLimiter(options: LimiterOptions): Limiter {
  const concurrency = Math.max(1, Math.floor(options.concurrency) || 1);
  const delayMs = Math.max(0, options.delayMs || 0);
  const queue: Waiter[] = [];
  let inFlight = 0;
  let lastStart = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const pump = (): void => {
    if (timer !== null) return;
    while (queue.length > 0 && queue[0].signal?.aborted) queue.shift();
    if (queue.length === 0 || inFlight >= concurrency) return;
    const wait = lastStart + delayMs - Date.now();
    if (wait > 0) {
      timer = setTimeout(() => {
        timer = null;
        pump();
      }, wait);
      return;
    }
    const next = queue.shift() as Waiter;
    if (next.onAbort) next.signal?.removeEventListener('abort', next.onAbort);
    inFlight++;
    lastStart = Date.now();
    next.start();
    pump();
  };

  return <T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortError());
        return;
      }
      const waiter: Waiter = {
        signal,
        start: () => {
          let running: Promise<T>;
          try {
            running = task();
          } catch (error) {
            running = Promise.reject(error);
          }
          running.then(resolve, reject).finally(() => {
            inFlight--;
            pump();
          });
        },
      };
      if (signal) {
        waiter.onAbort = () => {
          const index = queue.indexOf(waiter);
          if (index >= 0) queue.splice(index, 1);
          reject(abortError());
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      queue.push(waiter);
      pump();
    });
}
