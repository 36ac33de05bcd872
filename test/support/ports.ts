import { type ChildProcess, spawnSync } from 'node:child_process';
import net from 'node:net';

/** A TCP port on loopback that nothing listens on right now, for a server a test starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * The first answer of a server a test started as `child` to `GET baseUrl/health`, once it
 * listens; fails at once if the child exits, and after `timeoutMs` without an answer.
 */
export async function waitForHealth(
  baseUrl: string,
  child: ChildProcess,
  timeoutMs = 60_000,
): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the server exited with ${child.exitCode}`);
    }
    try {
      return await fetch(`${baseUrl}/health`);
    } catch {
      // not listening yet
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`the server did not answer /health within ${timeoutMs / 1000} s`);
}

/** Runs a built entry point that should refuse to start: its exit status and its error lines. */
export function startAttempt(
  script: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
): { status: number | null; lines: string[] } {
  const result = spawnSync(process.execPath, [script], { cwd, env, encoding: 'utf8' });
  return { status: result.status, lines: result.stderr.trim().split('\n') };
}
