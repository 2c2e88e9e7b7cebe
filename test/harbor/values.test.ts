import { describeErrorBody, idFromLocation } from "../../providers/harbor/http";
import {
  cronProblem,
  normalizeCron,
  secretHash,
  shortRobotName,
} from "../../providers/harbor/values";

test("robot names lose whatever prefix Harbor is configured with", () => {
  expect(shortRobotName("robot$apps+ci", "apps")).toBe("ci");
  expect(shortRobotName("bot@apps+ci", "apps")).toBe("ci");
  expect(shortRobotName("robot$k8s-pull", undefined, "k8s-pull")).toBe("k8s-pull");
  expect(shortRobotName("svc-k8s-pull", undefined, "k8s-pull")).toBe("k8s-pull");
  expect(shortRobotName("robot$other")).toBe("other");
});

test("Harbor's cron: six fields, fixed seconds, minutes not every minute", () => {
  expect(cronProblem("0 0 3 * * *")).toBeUndefined();
  expect(cronProblem("0 */15 * * * *")).toBeUndefined();
  expect(cronProblem("0 3 * * *")).toMatch(/6-field/);
  expect(cronProblem("* 0 3 * * *")).toMatch(/seconds/);
  expect(cronProblem("0 * 3 * * *")).toMatch(/minutes/);
  expect(normalizeCron("  0  0 3 * *   * ")).toBe("0 0 3 * * *");
});

test("ids come from the Location header", () => {
  expect(idFromLocation("/api/v2.0/projects/12", "project")).toBe("12");
  expect(idFromLocation("https://h/api/v2.0/scanners/0a3f-77?x=1", "scanner")).toBe("0a3f-77");
  expect(() => idFromLocation(undefined, 'project "apps"')).toThrow(
    'Harbor created project "apps" but sent no Location header with its id',
  );
});

test("error bodies: Harbor's errors[], or a short quote of anything else", () => {
  expect(
    describeErrorBody(
      '{"errors":[{"code":"CONFLICT","message":"The project named apps already exists"}]}',
    ),
  ).toEqual({ codes: ["CONFLICT"], reason: "CONFLICT: The project named apps already exists" });
  expect(describeErrorBody("<html>502 Bad Gateway</html>").reason).toMatch(/HTML reply/);
  expect(describeErrorBody("").reason).toBe("no body");
});

test("the secret hash never contains the secret and changes with it", () => {
  const a = secretHash("AKIA/secret+1");
  expect(a).toMatch(/^sha256:[0-9a-f]{64}$/);
  expect(a).not.toContain("secret");
  expect(secretHash("AKIA/secret+2")).not.toBe(a);
});
