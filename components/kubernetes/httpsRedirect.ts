/**
 * HTTP → HTTPS for every host the cluster serves. Platform Ingresses listen on Traefik's HTTPS
 * entrypoint only (`ingressAnnotations`), so without this rule a plain-HTTP request would get a
 * 404 instead of a redirect. One lowest-priority route on the HTTP entrypoint answers every
 * request with a permanent redirect to the same URL over HTTPS; any more specific HTTP route
 * (an ACME HTTP-01 solver, say) still wins because its priority is higher.
 *
 * Both objects are Traefik CRDs, which the microk8s ingress addon installs with Traefik in its
 * `ingress` namespace. A middleware is referenced from its own namespace, so both live there.
 */
import * as k8s from "../sdk/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import { TRAEFIK_HTTP_ENTRYPOINT } from "./values/common";

/** Namespace of the microk8s ingress addon (Traefik). */
export const TRAEFIK_NAMESPACE = "ingress";
export const REDIRECT_MIDDLEWARE = "redirect-to-https";

/** The Traefik Middleware that redirects to HTTPS. */
export function redirectMiddlewareSpec(): Record<string, unknown> {
  return { redirectScheme: { scheme: "https", permanent: true } };
}

/** The catch-all route on the HTTP entrypoint; `noop@internal` is never reached. */
export function redirectRouteSpec(): Record<string, unknown> {
  return {
    entryPoints: [TRAEFIK_HTTP_ENTRYPOINT],
    routes: [
      {
        kind: "Rule",
        match: "PathPrefix(`/`)",
        // The lowest priority: every other route on this entrypoint is matched first.
        priority: 1,
        middlewares: [{ name: REDIRECT_MIDDLEWARE }],
        services: [{ name: "noop@internal", kind: "TraefikService" }],
      },
    ],
  };
}

/**
 * `dependsOn`: something that completes well after the bootstrap node enabled its addons, since
 * the Traefik CRDs come from the ingress addon, not from this program.
 */
export function httpsRedirect(
  name: string,
  opts: pulumi.CustomResourceOptions,
  dependsOn: pulumi.Resource[],
): k8s.apiextensions.CustomResource {
  const middleware = new k8s.apiextensions.CustomResource(
    `${name}-https-redirect-middleware`,
    {
      apiVersion: "traefik.io/v1alpha1",
      kind: "Middleware",
      metadata: { name: REDIRECT_MIDDLEWARE, namespace: TRAEFIK_NAMESPACE },
      spec: redirectMiddlewareSpec(),
    },
    { ...opts, dependsOn },
  );
  return new k8s.apiextensions.CustomResource(
    `${name}-https-redirect`,
    {
      apiVersion: "traefik.io/v1alpha1",
      kind: "IngressRoute",
      metadata: { name: "http-to-https", namespace: TRAEFIK_NAMESPACE },
      spec: redirectRouteSpec(),
    },
    { ...opts, dependsOn: [...dependsOn, middleware] },
  );
}
