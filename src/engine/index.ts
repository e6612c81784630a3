export { createEngine, type Engine } from './engine.js';
export { resolveExecutorId } from './executor-id.js';
export { effectKey, runEffectOnce, pruneEffects } from './idempotent-effect.js';
export { openEngine } from './open-engine.js';
export { outsideEngine } from './outside-engine.js';
