import type net from 'node:net';

/**
 * Records each write `socket` hands on to the kernel (one chunk, or several corked together) as one
 * entry of `writes`: how a test sees what left together and what left on its own.
 */
export function recordWrites(socket: net.Socket, writes: string[]) {
  type Chunk = { chunk: Buffer | string };
  const stream = socket as unknown as {
    _write(chunk: Buffer | string, encoding: string, done: () => void): void;
    _writev(chunks: Chunk[], done: () => void): void;
  };
  const write = stream._write.bind(socket);
  const writev = stream._writev.bind(socket);
  stream._write = (chunk, encoding, done) => {
    writes.push(chunk.toString());
    write(chunk, encoding, done);
  };
  stream._writev = (chunks, done) => {
    writes.push(chunks.map(({ chunk }) => chunk.toString()).join(''));
    writev(chunks, done);
  };
}
