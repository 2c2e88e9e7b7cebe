export { Harbor, type EcrReplicationArgs, type HarborArgs } from "./harbor";
export {
  accessOf,
  dockerConfigJson,
  ecrEndpoint,
  harborUrl,
  patternKey,
  pullProjects,
} from "./plan";
