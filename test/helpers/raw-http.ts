import net from 'node:net';
import type { App } from '../../src/server/types.js';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Listens on a free port of 127.0.0.1 and returns it (close with app.close()). */
export async function listen(app: App): Promise<number> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  if (!addr || typeof addr === 'string') throw new Error('no port');
  return addr.port;
}

/**
 * Sends `head` (request line and headers, CRLF-separated, without the blank line) over a real socket, exactly as
 * written (app.inject() would normalise the target), then `body` if given, and reads the answer until the server
 * closes the connection. The request asks for `connection: close`, so every answer ends the connection.
 */
export function rawRequest(port: number, head: string, body?: Buffer | string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', (err) => (chunks.length ? undefined : reject(err)));
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [rawHead = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = rawHead.split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const i = line.indexOf(':');
        if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    });
    socket.write(`${head}\r\nconnection: close\r\n\r\n`);
    if (body !== undefined) socket.write(body);
  });
}
