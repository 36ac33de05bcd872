import net from 'node:net';
import { connectWithoutDelay } from './mail-transport';

describe('connectWithoutDelay (the SMTP pool opens its connections with it)', () => {
  it('hands over a socket connected to the server', async () => {
    const server = net.createServer((socket) => socket.end('220 ready\r\n'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    try {
      const socket = await new Promise<net.Socket>((resolve, reject) =>
        connectWithoutDelay({ host: '127.0.0.1', port }, (error, result) =>
          error || !result ? reject(error ?? new Error('no socket')) : resolve(result.connection),
        ),
      );
      expect(socket.remotePort).toBe(port);
      const greeting = await new Promise<string>((resolve) =>
        socket.once('data', (chunk: Buffer) => resolve(chunk.toString())),
      );
      expect(greeting).toBe('220 ready\r\n');
      socket.destroy();
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('reports a refused connection as an error, with no socket', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const outcome = await new Promise<{ error: Error | null; socket: unknown }>((resolve) =>
      connectWithoutDelay({ host: '127.0.0.1', port }, (error, result) =>
        resolve({ error, socket: result }),
      ),
    );
    expect(outcome.error?.message).toMatch(/ECONNREFUSED/);
    expect(outcome.socket).toBeUndefined();
  });
});
