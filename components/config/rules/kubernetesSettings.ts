/**
 * Rules inside `baremetal:kubernetes` alone: issuers, the microk8s channel, storage classes and
 * the API's VRRP address. They run with every other rule, so one run reports them all.
 */
import { apiVirtualIp } from "../apiAddress";
import { duplicates, type Report, type Sections } from "./context";

/** The first microk8s minor whose `ingress` addon is Traefik (see components/kubernetes/README). */
const FIRST_TRAEFIK_MINOR = 35;

export function kubernetesSettingsRules({ kubernetes: k }: Sections, report: Report): void {
  if (!k) return;
  const at = (...segments: PropertyKey[]) => ["kubernetes", ...segments];
  duplicates(
    k.issuers,
    (issuer) => issuer.name,
    (i, name) => report(at("issuers", i, "name"), `duplicate issuer name "${name}"`),
  );
  if (!k.issuers.some((issuer) => issuer.name === k.platformIssuer)) {
    report(
      at("platformIssuer"),
      `issuer "${k.platformIssuer}" is not declared in baremetal:kubernetes.issuers`,
    );
  }
  const minor = Number(/^1\.(\d+)\//.exec(k.snapChannel)?.[1]);
  if (minor < FIRST_TRAEFIK_MINOR) {
    report(
      at("snapChannel"),
      `${k.snapChannel} is too old: the ingress controller is the Traefik addon of microk8s 1.35+`,
    );
  }
  const storage = k.storage;
  if (storage.storageClass === "microk8s-hostpath") {
    if (!storage.hostpathAllowed) {
      report(
        at("storage", "storageClass"),
        "microk8s-hostpath is node-local and needs baremetal:kubernetes.storage.hostpathAllowed",
      );
    }
  } else if (!storage.proxmoxCsi) {
    // Every class the platform uses is created by this program; none is assumed to exist.
    report(
      at("storage", "proxmoxCsi"),
      `is required: storage class "${storage.storageClass}" is created by the Proxmox CSI plugin (or use microk8s-hostpath)`,
    );
  }
  const image = k.harbor.imageStorage;
  if (image.type === "pvc" && image.storageClass === "microk8s-hostpath") {
    report(
      at("harbor", "imageStorage"),
      "Harbor image blobs must survive a node loss: hostpath is node-local",
    );
  } else if (image.type === "pvc" && image.storageClass !== storage.storageClass) {
    report(
      at("harbor", "imageStorage", "storageClass"),
      `storage class "${image.storageClass}" is not created by this program; use baremetal:kubernetes.storage.storageClass`,
    );
  }
  if (k.api.vrrp && (k.controlPlaneNodes === 1 || !apiVirtualIp(k))) {
    report(
      at("api", "vrrp"),
      "keepalived needs 3 control-plane nodes and an IPv4 baremetal:kubernetes.api.address",
    );
  }
}
