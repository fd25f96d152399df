// Real ClientLoop processes for tests: `node --import tsx server/main.ts` (the shipped entry
// point) as a child process with its own environment, stopped or killed by the test. A web
// process is ready when its log says where it listens; a worker-only process once it is spawned.
import { spawn, type ChildProcess } from 'node:child_process';

export interface ClientLoopProcess {
  name: string;
  child: ChildProcess;
  /** The web process's base URL; undefined for a worker-only process. */
  url?: string;
  /** SIGKILL, resolved once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM (graceful), resolved once the process is gone. */
  stop(): Promise<void>;
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolve) => child.once('exit', () => resolve()));

export async function startClientLoopProcess(
  name: string,
  env: Record<string, string>,
): Promise<ClientLoopProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, LOG_LEVEL: 'info', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const web = (env.SERVICES ?? 'web,worker').includes('web');
  const url = await new Promise<string | undefined>((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      if (!web) return;
      out = (out + chunk.toString()).slice(-8000);
      const m = /"url":"(http:\/\/[^"]+)"[^\n]*ClientLoop is listening/.exec(out);
      if (m) {
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code, signal) =>
      reject(new Error(`${name} exited (${code ?? signal}) before it was ready:\n${stderr}`)),
    );
    if (!web) {
      child.stdout!.resume();
      resolve(undefined);
    }
  });
  return {
    name,
    child,
    url,
    kill: () => {
      const gone = exited(child);
      child.kill('SIGKILL');
      return gone;
    },
    stop: () => {
      const gone = exited(child);
      child.kill('SIGTERM');
      return gone;
    },
  };
}
