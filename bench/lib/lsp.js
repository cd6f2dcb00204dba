'use strict';
/**
 * A minimal LSP client over stdio: enough to drive a language server the way
 * an editor does (initialize, open, change, completion, hover) and time it.
 * No dependency beyond Node.
 */
const { spawn } = require('child_process');
const { now } = require('./stats');

class LspClient {
  /**
   * @param {string} command
   * @param {string[]} args
   * @param {{ cwd?: string, env?: object, onRequest?: (method: string, params: any) => any, name?: string }} options
   */
  constructor(command, args, options = {}) {
    this.name = options.name ?? command;
    this.spawnedAt = now();
    this.child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.pid = this.child.pid;
    this.onRequest = options.onRequest ?? (() => null);
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = new Set();
    this.buffer = Buffer.alloc(0);
    this.stderr = '';
    this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve({ code, signal })));
    this.child.stdout.on('data', (chunk) => this.receive(chunk));
    this.child.stderr.on('data', (chunk) => {
      if (this.stderr.length < 20000) this.stderr += chunk.toString();
    });
    this.child.on('exit', () => {
      for (const { reject, method } of this.pending.values()) reject(new Error(`${this.name} exited while waiting for ${method}\n${this.stderr.slice(-2000)}`));
      this.pending.clear();
    });
  }

  receive(chunk) {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const length = Number(/Content-Length:\s*(\d+)/i.exec(header)?.[1]);
      const start = headerEnd + 4;
      if (this.buffer.length < start + length) return;
      const body = this.buffer.subarray(start, start + length).toString('utf8');
      this.buffer = this.buffer.subarray(start + length);
      this.dispatch(JSON.parse(body), now());
    }
  }

  dispatch(message, at) {
    if (message.id !== undefined && message.method === undefined) {
      const waiter = this.pending.get(message.id);
      if (!waiter) return;
      this.pending.delete(message.id);
      if (message.error) waiter.reject(Object.assign(new Error(`${waiter.method}: ${message.error.message}`), { at }));
      else waiter.resolve({ result: message.result, at });
      return;
    }
    if (message.id !== undefined) {
      // A request from the server: answer it.
      Promise.resolve()
        .then(() => this.onRequest(message.method, message.params))
        .then(
          (result) => this.send({ jsonrpc: '2.0', id: message.id, result: result === undefined ? null : result }),
          (error) => this.send({ jsonrpc: '2.0', id: message.id, error: { code: -32603, message: String(error) } }),
        );
      return;
    }
    for (const listener of [...this.listeners]) listener(message, at);
  }

  send(message) {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  /** Sends a request; resolves with { result, at } where `at` is when the answer arrived (ms). */
  request(method, params, timeoutMs = 120000) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${this.name}: ${method} timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, {
        method,
        resolve: (v) => (clearTimeout(timer), resolve(v)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method, params) {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /**
   * Waits for a notification that `test(message)` accepts; resolves with
   * { message, at }. Only notifications that arrive after the call count.
   */
  waitFor(test, timeoutMs = 120000, what = 'a notification') {
    return new Promise((resolve, reject) => {
      const listener = (message, at) => {
        let ok;
        try {
          ok = test(message);
        } catch (error) {
          done();
          reject(error);
          return;
        }
        if (ok) {
          done();
          resolve({ message, at });
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`${this.name}: no ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.listeners.delete(listener);
      };
      this.listeners.add(listener);
    });
  }

  /** Calls `fn(message, at)` for every notification until the returned function is called. */
  listen(fn) {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** shutdown + exit, then a kill of this process (by its id) if it lingers. */
  async stop() {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    try {
      await this.request('shutdown', null, 5000);
      this.notify('exit', null);
    } catch {
      // fall through to the kill
    }
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
    await this.exited;
    clearTimeout(timer);
  }
}

module.exports = { LspClient };
