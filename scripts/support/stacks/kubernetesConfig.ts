/**
 * The `baremetal:kubernetes` objects of the real stack files, as written there (defaults not
 * applied). Tests read them from the stack files so they can never drift from what is deployed.
 */
import type { KubernetesConfigInput } from "../../../components/config/kubernetes";
import { rawStackConfig, type StackName } from "./stackConfig";

function kubernetesOf(stack: StackName): KubernetesConfigInput {
  return rawStackConfig(stack)["kubernetes"] as KubernetesConfigInput;
}

export const stagingKubernetesConfig: KubernetesConfigInput = kubernetesOf("staging");
export const productionKubernetesConfig: KubernetesConfigInput = kubernetesOf("production");
