import { createServer, request, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';

/**
 * A transparent HTTP forwarder on a loopback port chosen before the hub starts. The dev
 * issuer must know the console's redirect URI (http://127.0.0.1:<port>/console/) when it
 * starts, and the hub must find the issuer when it starts, but startHub listens on a port
 * only known afterwards: the browser talks to this port, which forwards every byte to the hub.
 */
export interface LoopbackProxy {
  url: string;
  forwardTo(target: string): void;
  close(): Promise<void>;
}

export async function startLoopbackProxy(): Promise<LoopbackProxy> {
  let target: URL | undefined;
  const server: Server = createServer((incoming, outgoing) => {
    if (!target) {
      outgoing.writeHead(503).end('no target yet');
      return;
    }
    const forwarded = request(
      {
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, host: target.host },
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on('error', () => outgoing.destroy());
    incoming.pipe(forwarded);
  });
  // WebSockets (the console's subscriptions): the upgrade request and then the raw bytes both ways.
  const upgraded = new Set<{ destroy(): void }>();
  server.on('upgrade', (incoming, socket, head) => {
    if (!target) return socket.destroy();
    upgraded.add(socket);
    socket.on('close', () => upgraded.delete(socket));
    const upstream = connect(Number(target.port), target.hostname, () => {
      const lines = [`${incoming.method} ${incoming.url} HTTP/1.1`];
      for (let i = 0; i < incoming.rawHeaders.length; i += 2)
        lines.push(`${incoming.rawHeaders[i]}: ${incoming.rawHeaders[i + 1]}`);
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length) upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    forwardTo: (url) => {
      target = new URL(url);
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        for (const socket of upgraded) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
