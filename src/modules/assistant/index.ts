export { createOfflineModel } from './offline-model.js';
export { loadLibraries } from './libraries.js';
