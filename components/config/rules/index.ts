/**
 * Cross-field rules of a stack configuration. Each rule looks at the sections that parsed and
 * reports every violation it finds with the config key path to fix, so one run lists everything.
 */
import { type ConfigIssue, keyPath } from "../issues";
import type { Report, Sections } from "./context";
import { backupRules } from "./backup";
import { downloadRules } from "./downloads";
import { flowRules } from "./flows";
import { guestLimitRules, kubernetesNodeNetworkRules, platformHostnameRules } from "./guests";
import { harborRules } from "./harbor";
import { kubernetesRules } from "./kubernetes";
import { kubernetesSettingsRules } from "./kubernetesSettings";
import { rangeRules } from "./ranges";
import { siteRules } from "./site";
import { migrationRules } from "./migration";
import { mongodbRules } from "./mongodb";
import { storageRules } from "./storage";
import { routerAccessRules, uplinkRules } from "./uplinks";
import { addressRules, firewallRules, networkRules, routerRules } from "./network";
import {
  capacityRules,
  dataDiskRules,
  nameRules,
  placementRules,
  referenceRules,
} from "./placement";

const RULES = [
  networkRules,
  addressRules,
  routerRules,
  nameRules,
  referenceRules,
  dataDiskRules,
  capacityRules,
  placementRules,
  kubernetesSettingsRules,
  kubernetesRules,
  storageRules,
  harborRules,
  firewallRules,
  flowRules,
  siteRules,
  routerAccessRules,
  uplinkRules,
  backupRules,
  downloadRules,
  guestLimitRules,
  kubernetesNodeNetworkRules,
  platformHostnameRules,
  rangeRules,
  migrationRules,
  mongodbRules,
];

/** Runs every cross-field rule over the sections that parsed. */
export function checkRules(sections: Sections): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const pathOf = (segments: PropertyKey[]): string => {
    const [section, index] = segments;
    const positions = typeof section === "string" ? sections.originalIndex?.[section] : undefined;
    if (positions === undefined || typeof index !== "number") return keyPath(segments);
    return keyPath([section ?? "", positions[index] ?? index, ...segments.slice(2)]);
  };
  const report: Report = Object.assign(
    (segments: PropertyKey[], message: string) => {
      issues.push({ path: pathOf(segments), message });
    },
    { pathOf },
  );
  for (const rule of RULES) rule(sections, report);
  return issues;
}
