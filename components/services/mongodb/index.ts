/** Pure renderers for the MongoDB guests: mongod.conf, the install script, the exporter unit. */
export { renderMongodConf, wiredTigerCacheGb, MONGODB_PATHS, MONGODB_PORT } from "./mongodConf";
export type { MongodConfInput } from "./mongodConf";
export {
  renderInstallScript,
  bootstrapJs,
  MONGODB_SIGNING_KEY_FINGERPRINT,
  MONGODB_SIGNING_KEY_URL,
} from "./install";
export type { InstallScriptInput } from "./install";
export {
  renderExporterUnit,
  renderExporterEnv,
  EXPORTER_PATHS,
  EXPORTER_ROLES,
  EXPORTER_USER,
} from "./exporter";
export type { ExporterInput } from "./exporter";
export {
  applicationUri,
  mongoDbProvisioning,
  MONGODB_AUTH_DATABASE,
  MONGODB_SECRETS_DIR,
  MONGODB_STEPS,
} from "./provisioning";
export type { MongoDbExporterSettings } from "./provisioning";
