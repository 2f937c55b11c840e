import readline from 'node:readline';
import { z } from 'zod';
import { DomainError } from '../core/errors.js';

/** An error the CLI reports as one clear line and exit code 1, without a stack trace. */
export class CliError extends Error {}

export function parseOrFail<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const lines = r.error.issues.map((i) => `  ${[what, ...i.path].join('.')}: ${i.message}`);
  throw new CliError(`Invalid ${what}:\n${lines.join('\n')}`);
}

/** Turns any error into a message for a person: domain errors with their field errors, others by message. */
export function describeError(err: unknown): string {
  if (err instanceof DomainError) {
    const fields = (err.errors ?? []).map((e) => `\n  ${e.field.replace(/^body\./, '')}: ${e.message}`).join('');
    return `${err.message}${fields}`;
  }
  return err instanceof Error ? err.message : String(err);
}

/** Asks for a secret on the terminal without echoing it; reads one line from stdin when not a terminal. */
export async function askSecret(prompt: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    const rl = readline.createInterface({ input });
    for await (const line of rl) {
      rl.close();
      return line;
    }
    throw new CliError('No password given (use --password, or type it when asked)');
  }
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input, output: process.stdout, terminal: true });
    const rlAny = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
    rlAny._writeToOutput = (s: string) => {
      if (s.includes(prompt)) rlAny.output.write(s);
    };
    rl.question(prompt, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}
