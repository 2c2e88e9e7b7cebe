/**
 * The maintenance rule, pure: a custom-firewall rule that blocks every request to the platform's
 * public names except from the team's addresses — with a 503 maintenance page or Cloudflare's
 * plain block — and is switched on only while the platform is closed.
 */

export interface MaintenanceRuleInput {
  enabled: boolean;
  style: "page" | "block";
  message: string;
  hosts: string[];
  allowlist: string[];
}

export interface MaintenanceRule {
  ref: string;
  description: string;
  expression: string;
  action: "block";
  enabled: boolean;
  actionParameters?: { response: { statusCode: number; contentType: string; content: string } };
}

/** Cloudflare rules language: string sets are space-separated quoted values, IP sets bare. */
export function maintenanceExpression(hosts: string[], allowlist: string[]): string {
  const names = [...hosts]
    .sort()
    .map((h) => JSON.stringify(h))
    .join(" ");
  const team = [...allowlist].sort().join(" ");
  return `(http.host in {${names}}) and not (ip.src in {${team}})`;
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

export function maintenancePage(message: string): string {
  return [
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8"><title>Maintenance</title>',
    '<meta name="viewport" content="width=device-width, initial-scale=1"></head>',
    `<body style="font-family:sans-serif;max-width:40em;margin:4em auto"><h1>Maintenance</h1><p>${escapeHtml(message)}</p></body></html>`,
  ].join("");
}

export function maintenanceRule(input: MaintenanceRuleInput): MaintenanceRule {
  const rule: MaintenanceRule = {
    ref: "platform_maintenance",
    description: "Platform closed for maintenance (team allowlisted)",
    expression: maintenanceExpression(input.hosts, input.allowlist),
    action: "block",
    enabled: input.enabled,
  };
  if (input.style === "page") {
    rule.actionParameters = {
      response: {
        statusCode: 503,
        contentType: "text/html",
        content: maintenancePage(input.message),
      },
    };
  }
  return rule;
}
