/**
 * Logical names of firewall and NAT rules, derived from their comments (the rules' identity on
 * the router). Two comments with the same slug would give two resources one name, so the config
 * validator checks declared comments with this same function.
 */

/** `forward CSI plugin to the Proxmox API` → `forward-csi-plugin-to-the-proxmox-api`. */
export function ruleSlug(comment: string): string {
  return comment
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
