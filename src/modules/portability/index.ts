export { createPortabilityService, type PortabilityPorts, type PortabilityService } from './service.js';
export { registerPortabilityRoutes } from './routes.js';
export { type ExportFile, exportFileSchema, type ImportReport, importReportSchema } from './schema.js';
