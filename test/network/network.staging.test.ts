import { networkSuite } from "./networkSuite";

networkSuite("staging", ["10.120.0.0/24", "10.130.0.0/24"]);
