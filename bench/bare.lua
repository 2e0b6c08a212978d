-- wrk script for the baseline: a bare endpoint, no database, no token.
package.path = package.path .. ";" .. os.getenv("BENCH_DIR") .. "/../?.lua"
done = require("report").done
