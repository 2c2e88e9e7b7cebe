/**
 * prometheus-snmp-exporter values: one exporter in the cluster walks both routers over SNMPv3.
 *
 * RouterOS exposes no Prometheus endpoint. The chart renders one ServiceMonitor per router
 * (`serviceMonitor.params`), which kube-prometheus-stack selects like any other monitor. The
 * SNMPv3 credentials never enter these values: they live in a Secret mounted as a second config
 * file, which snmp_exporter merges with the modules of its built-in snmp.yml (`mikrotik` among
 * them).
 */
import type { ValuesContext } from "./common";
import { secretNames } from "./common";

/** Name of the auth section in the mounted config file; RouterOS users are SNMPv3 only here. */
export const SNMP_AUTH_NAME = "routeros_v3";
export const SNMP_AUTH_MOUNT = "/etc/snmp-auth";
export const SNMP_AUTH_FILE = "auth.yml";
/** The image's built-in module set (`mikrotik`, `if_mib`, ...). */
const BUILTIN_CONFIG = "/etc/snmp_exporter/snmp.yml";

export interface SnmpExporterValues {
  replicas: number;
  extraArgs: string[];
  extraSecretMounts: {
    name: string;
    mountPath: string;
    secretName: string;
    readOnly: boolean;
    defaultMode: number;
  }[];
  serviceMonitor: {
    enabled: boolean;
    scrapeTimeout: string;
    module: string[];
    auth: string[];
    params: { name: string; target: string }[];
  };
}

export function snmpExporterValues(ctx: ValuesContext): SnmpExporterValues {
  return {
    replicas: ctx.config.replicas,
    extraArgs: [
      `--config.file=${BUILTIN_CONFIG}`,
      `--config.file=${SNMP_AUTH_MOUNT}/${SNMP_AUTH_FILE}`,
    ],
    extraSecretMounts: [
      {
        name: "snmp-auth",
        mountPath: SNMP_AUTH_MOUNT,
        secretName: secretNames.snmpExporterAuth,
        readOnly: true,
        defaultMode: 0o440,
      },
    ],
    serviceMonitor: {
      enabled: true,
      // A full MikroTik walk (interfaces, health, queues) takes longer than the 10 s default.
      scrapeTimeout: "30s",
      module: ["mikrotik"],
      auth: [SNMP_AUTH_NAME],
      params: ctx.services.routers.map((router) => ({ name: router.name, target: router.ip })),
    },
  };
}

/** SNMPv3 user as RouterOS `/snmp/community` holds it. */
export interface SnmpV3User {
  username: string;
  authProtocol: "SHA1";
  authPassword: string;
  privProtocol: "AES";
  privPassword: string;
}

/**
 * The `auths` config file for snmp_exporter. RouterOS `SHA1`/`AES` are snmp_exporter's `SHA` and
 * `AES` (AES-128); `authPriv` because RouterOS `security=private` both authenticates and encrypts.
 */
export function snmpAuthConfig(user: SnmpV3User): string {
  const auth = {
    auths: {
      [SNMP_AUTH_NAME]: {
        version: 3,
        username: user.username,
        security_level: "authPriv",
        auth_protocol: "SHA",
        password: user.authPassword,
        priv_protocol: "AES",
        priv_password: user.privPassword,
      },
    },
  };
  // JSON is valid YAML and quotes every string, so no password can be misread as another type.
  return `${JSON.stringify(auth, null, 2)}\n`;
}
