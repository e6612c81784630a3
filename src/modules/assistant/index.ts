export { createOfflineModel } from './offline-model.js';
