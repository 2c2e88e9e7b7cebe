/**
 * The baremetal program: reads and validates the stack's configuration once, then builds each
 * layer of the data center. Everything of substance lives in components/.
 */
import { loadStack } from "./components/config";
import { buildDataCenter } from "./components/datacenter";

const outputs = buildDataCenter(loadStack());

export const guests = outputs.guests;
export const capacity = outputs.capacity;
/** Admin kubeconfig of the microk8s cluster (secret): `pulumi stack output kubeconfig --show-secrets`. */
export const kubeconfig = outputs.kubeconfig;
export const platformReleases = outputs.platformReleases;
export const platformHostnames = outputs.platformHostnames;
/** Generated admin and service passwords (secret): `pulumi stack output platformCredentials --show-secrets`. */
export const platformCredentials = outputs.platformCredentials;
/** The internal DNS records both routers serve. */
export const dnsRecords = outputs.dnsRecords;
/** What the services layer installs in which guest, with pinned versions. */
export const services = outputs.services;
/** Credentials the services layer generated (secret): `pulumi stack output serviceCredentials --show-secrets`. */
export const serviceCredentials = outputs.serviceCredentials;
