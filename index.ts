/**
 * The baremetal program: reads and validates the stack's configuration once, then builds each
 * layer of the data center. Everything of substance lives in components/.
 */
import { loadStack } from "./components/config";
import { buildDataCenter } from "./components/datacenter";

const outputs = buildDataCenter(loadStack());

export const guests = outputs.guests;
export const capacity = outputs.capacity;
