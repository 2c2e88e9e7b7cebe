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
/** The move off AWS: the phase, and the runbook for it (`docs/cutover.md`). */
export const migrationPhase = outputs.migration?.plan.phase;
export const migrationRunbook = outputs.migration?.plan.runbook;
/** The replica-set reconfigs this phase applies, in order. */
export const migrationMemberSteps = outputs.migration?.plan.mongodb.steps;
/** Off-site backup bucket and its writer's access key (secret). */
export const offsiteBackupCredentials = outputs.migration?.backupCredentials;
/** What the services layer installs in which guest, with pinned versions. */
export const services = outputs.services;
/** Credentials the services layer generated (secret): `pulumi stack output serviceCredentials --show-secrets`. */
export const serviceCredentials = outputs.serviceCredentials;
/** The applications' MongoDB users by name (secret): `pulumi stack output mongodbUsers --show-secrets`. */
export const mongodbUsers = outputs.mongodbUsers;
