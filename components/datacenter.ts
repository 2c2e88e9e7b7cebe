/**
 * Wires the layers together in dependency order. Each layer is a ComponentResource that receives
 * its slice of the plan (and secrets or outputs of other layers); this function derives nothing
 * and is the only place that knows how the layers connect.
 *
 * Kubernetes is formed in two steps around the compute layer: the cluster token and each node's
 * cloud-init come first (the VMs boot from them), the platform releases after the VMs exist.
 */
import * as pulumi from "@pulumi/pulumi";
import { ComputeLayer, ProxmoxCsiAccess, type PlacedGuest } from "./compute";
import type { HostCapacity } from "./config/capacity";
import type { KubernetesConfig } from "./config/kubernetes";
import type { LoadedStack } from "./config/load";
import { Harbor } from "./harbor";
import { KubernetesPlatform, Microk8sCluster } from "./kubernetes";
import type { ReleaseInfo } from "./kubernetes/platform";
import { privateCaBundle } from "./kubernetes/caBundle";
import { MigrationLayer } from "./migration";
import { NetworkLayer, type DnsRecord } from "./network";
import { planDataCenter } from "./plan";
import { HARBOR_REDIS_USER, ServicesLayer, type ServiceInventoryEntry } from "./services";

export interface DataCenterOutputs {
  guests: PlacedGuest[];
  capacity: HostCapacity[];
  kubeconfig: pulumi.Output<string>;
  platformReleases: ReleaseInfo[];
  platformHostnames: KubernetesConfig["hostnames"];
  /** Admin and service credentials the platform generated (each secret). */
  platformCredentials: Record<string, pulumi.Output<string>>;
  dnsRecords: DnsRecord[];
  /** The move off AWS, when the stack configures it. */
  migration?: MigrationLayer;
  /** What the services layer installs in which guest (pinned package versions). */
  services: ServiceInventoryEntry[];
  /** Credentials the services layer generated (each secret). */
  serviceCredentials: Record<string, pulumi.Output<string>>;
  /** The applications' MongoDB users by name (each secret). */
  mongodbUsers: ServicesLayer["mongodbUsers"];
}

/** Harbor's doublestar filter for the listed ECR repositories (one name, or `{a,b}`). */
export function ecrRepositoryFilter(repositories: readonly string[]): string {
  return repositories.length === 1 ? (repositories[0] ?? "") : `{${repositories.join(",")}}`;
}

export function buildDataCenter({
  config,
  secrets,
  optionalSecrets,
}: LoadedStack): DataCenterOutputs {
  const plan = planDataCenter(config);

  // The routers read their credentials from stack config in the provider (configure), so the
  // network layer needs none here.
  const network = new NetworkLayer("network", { plan: plan.network });

  const cluster = new Microk8sCluster("kubernetes", { plan: plan.cluster });

  const compute = new ComputeLayer("compute", {
    plan: plan.compute,
    proxmoxApiToken: secrets.proxmoxApiToken,
    sshPrivateKey: secrets.sshPrivateKey,
    vmUserData: cluster.userData,
  });

  // The CSI plugin's Proxmox identity; created through the compute layer's provider.
  const csi = plan.platform.csi;
  const csiAccess = plan.compute.csiAccess
    ? new ProxmoxCsiAccess("proxmox-csi", { provider: compute.provider, ...plan.compute.csiAccess })
    : undefined;

  const hasRedis = plan.services.redis !== undefined;
  const platform = new KubernetesPlatform("platform", {
    plan: plan.platform,
    sshPrivateKey: secrets.sshPrivateKey,
    bootstrapSshHostKey: cluster.bootstrapSshHostKey,
    dependsOn: Object.values(compute.vms),
    // The services layer provisions Redis with an ACL user for Harbor and TLS only.
    ...(hasRedis ? { harborRedisTls: true } : {}),
    secrets: {
      cloudflareApiToken: secrets.cloudflareApiToken,
      ...(hasRedis ? { harborRedisUser: HARBOR_REDIS_USER } : {}),
      // The exporter walks the routers from the node VMs, so their network must be allowed.
      ...(plan.platform.monitorsRouters ? { routerSnmp: network.snmp } : {}),
      ...(csi && csiAccess
        ? {
            proxmoxCsi: pulumi
              .all([csiAccess.tokenId, csiAccess.tokenSecret])
              .apply(([tokenId, tokenSecret]) => ({ ...csi, tokenId, tokenSecret })),
          }
        : {}),
    },
    certificateAuthorities: cluster.certificateAuthorities,
  });

  // The move off AWS: the phase gate first, then Cloudflare and the AWS estate (components/migration).
  const migration = plan.migration
    ? new MigrationLayer("migration", {
        input: plan.migration,
        stack: pulumi.getStack(),
        cloudflareApiToken: secrets.cloudflareApiToken,
      })
    : undefined;

  // Harbor's projects, robots and policies, through its API once the release answers: only where
  // the machine running `pulumi up` reaches https://<harbor hostname> (components/harbor). While
  // the platform leaves AWS, Harbor pulls the workloads' images from ECR.
  if (plan.harbor) {
    const ecr = migration?.harborEcrReplication;
    new Harbor("harbor", {
      settings: plan.harbor.settings,
      url: plan.harbor.url,
      registryHost: plan.harbor.registryHost,
      certificateAuthority: cluster.certificateAuthorities[plan.harbor.issuer]?.certPem,
      kubernetesProvider: platform.provider,
      ...(ecr
        ? {
            ecrReplication: {
              region: ecr.region,
              accessKeyId: ecr.accessKeyId,
              secretAccessKey: ecr.secretAccessKey,
              destinationProject: ecr.project,
              repositories: ecrRepositoryFilter(ecr.repositories),
              enabled: ecr.enabled,
            },
          }
        : {}),
      dependsOn: [platform, ...(migration ? [migration.gate] : [])],
    });
  }

  // The services inside the guests, once the platform's credentials for them exist.
  const services = new ServicesLayer("services", {
    plan: plan.serviceLayer,
    containers: compute.containers,
    sshPrivateKey: secrets.sshPrivateKey,
    certificateAuthorities: cluster.certificateAuthorities,
    caBundle:
      privateCaBundle(config.kubernetes, cluster.certificateAuthorities) ?? pulumi.output(""),
    platformCredentials: platform.credentials,
    routerSnmp: network.snmp,
    ...(optionalSecrets?.mongodbAdminPassword
      ? { mongodbAdminPassword: optionalSecrets.mongodbAdminPassword }
      : {}),
    ...(optionalSecrets?.mongodbKeyfile ? { mongodbKeyfile: optionalSecrets.mongodbKeyfile } : {}),
  });

  return {
    guests: compute.placement,
    capacity: compute.capacity,
    kubeconfig: platform.kubeconfig,
    platformReleases: Object.values(platform.releases),
    platformHostnames: platform.hostnames,
    platformCredentials: platform.credentials,
    dnsRecords: network.dnsRecords,
    ...(migration ? { migration } : {}),
    services: services.inventory,
    serviceCredentials: services.credentials,
    mongodbUsers: services.mongodbUsers,
  };
}
