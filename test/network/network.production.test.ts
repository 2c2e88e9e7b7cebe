import { networkSuite } from "./networkSuite";

networkSuite("production", ["10.20.0.0/24", "10.30.0.0/24"]);
