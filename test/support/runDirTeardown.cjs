/** Jest global teardown: removes the run's shared directory (test/support/runDir.cjs). */
"use strict";
module.exports = require("./runDir.cjs").teardown;
