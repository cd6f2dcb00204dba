import { TestClient, type ClientOptions } from '../lsp/client';

/**
 * Starts the real language server with extra environment variables (NODE_OPTIONS
 * reaches the child process, so a test-only preload can be loaded into it);
 * this process's environment is put back at once.
 */
export async function startWithEnv(env: Record<string, string>, options: ClientOptions): Promise<TestClient> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await TestClient.start(options);
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
