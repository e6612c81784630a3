/** Event types that exist only in tests, added the same way a module adds its own. */
declare module '../../src/bus/events.js' {
  interface EventMap {
    'test.ping': { n: number };
    'test.pong': { n: number };
    'test.big': { text: string };
    'test.deep.nested': { n: number };
  }
}

export {};
