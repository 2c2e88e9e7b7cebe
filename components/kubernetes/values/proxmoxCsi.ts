/**
 * Proxmox CSI plugin (sergelogvinov/proxmox-csi-plugin): PersistentVolumes are Proxmox volumes on
 * a datastore of the host that runs the node VM. The volume is a disk of its own, attached to the
 * VM while a pod uses it, so it outlives the VM; that is why the platform's PVCs use it.
 *
 * The plugin places volumes by node topology: `topology.kubernetes.io/region` names the Proxmox
 * cluster (an entry of the config file below) and `topology.kubernetes.io/zone` the Proxmox host.
 * The kubelets set both labels themselves (see launchConfig `--node-labels`).
 */
import type { ValuesContext } from "./common";
import { secretNames } from "./common";
import { hasPrivateCa } from "./harbor";

export const PROXMOX_CSI_CONFIG_KEY = "config.yaml";
/** microk8s keeps the kubelet's directory inside the snap, not at /var/lib/kubelet. */
export const MICROK8S_KUBELET_DIR = "/var/snap/microk8s/common/var/lib/kubelet";
/**
 * Where the controller finds the stack's CA roots. The image is distroless with the public roots
 * only, and the chart offers no env for the controller container, so the bundle is mounted as
 * one more file in /etc/ssl/certs, a directory Go's TLS stack reads in full (besides
 * ca-certificates.crt) when SSL_CERT_DIR is unset.
 */
export const CSI_CA_BUNDLE_PATH = "/etc/ssl/certs/baremetal-private-ca.pem";
export const CSI_CA_BUNDLE_KEY = "ca.crt";

export interface ProxmoxCsiValues {
  existingConfigSecret: string;
  existingConfigSecretKey: string;
  storageClass: {
    name: string;
    storage: string;
    reclaimPolicy: "Retain" | "Delete";
    fstype: "ext4" | "xfs";
    ssd: boolean;
    /** No host page cache: a crash of the host cannot lose acknowledged writes. */
    cache: "none";
  }[];
  node: { kubeletDir: string };
  extraVolumes?: { name: string; secret: { secretName: string } }[];
  extraVolumeMounts?: { name: string; mountPath: string; subPath: string; readOnly: boolean }[];
}

export function proxmoxCsiValues(ctx: ValuesContext): ProxmoxCsiValues | undefined {
  const csi = ctx.config.storage.proxmoxCsi;
  if (!csi) return undefined;
  return {
    // The config holds an API token; it comes from a Secret, never from values.
    existingConfigSecret: secretNames.proxmoxCsiConfig,
    existingConfigSecretKey: PROXMOX_CSI_CONFIG_KEY,
    storageClass: [
      {
        name: ctx.config.storage.storageClass,
        storage: csi.datastore,
        reclaimPolicy: csi.reclaimPolicy,
        fstype: csi.filesystem,
        ssd: csi.ssd,
        cache: "none",
      },
    ],
    node: { kubeletDir: MICROK8S_KUBELET_DIR },
    // The Proxmox API presents a certificate of the stack's own CA (`insecure: false`).
    ...(hasPrivateCa(ctx.config)
      ? {
          extraVolumes: [
            { name: "ca-bundle", secret: { secretName: secretNames.proxmoxCsiCaBundle } },
          ],
          extraVolumeMounts: [
            {
              name: "ca-bundle",
              mountPath: CSI_CA_BUNDLE_PATH,
              subPath: CSI_CA_BUNDLE_KEY,
              readOnly: true,
            },
          ],
        }
      : {}),
  };
}

export interface ProxmoxCsiCluster {
  /** Proxmox API base, e.g. https://10.10.0.11:8006/ (the `/api2/json` suffix is added). */
  readonly endpoint: string;
  readonly insecure: boolean;
  /** Topology region the node labels carry. */
  readonly region: string;
  readonly tokenId: string;
  readonly tokenSecret: string;
}

/** The plugin's cluster config file (stored in the Secret the chart mounts). */
export function proxmoxCsiConfigFile(cluster: ProxmoxCsiCluster): string {
  const url = new URL(
    "api2/json",
    cluster.endpoint.endsWith("/") ? cluster.endpoint : `${cluster.endpoint}/`,
  );
  const config = {
    clusters: [
      {
        url: url.toString(),
        insecure: cluster.insecure,
        token_id: cluster.tokenId,
        token_secret: cluster.tokenSecret,
        region: cluster.region,
      },
    ],
  };
  // JSON is valid YAML and quotes the token, so it cannot be misread as another type.
  return `${JSON.stringify(config, null, 2)}\n`;
}
