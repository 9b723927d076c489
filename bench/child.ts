import { spawn } from 'node:child_process';

/**
 * Runs a command without blocking this process's event loop (the dev server answering the
 * child's requests runs in it), and returns its stdout; fails with its stderr.
 */
export function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
  /** Echo the child's stderr as it comes: a long child (a 100,000-article build) shows its progress. */
  echo = false,
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (echo) process.stderr.write(d);
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve({ stdout, stderr }) : reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${stderr.slice(-3000)}`)),
    );
  });
}
