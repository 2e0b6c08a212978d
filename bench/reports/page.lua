-- wrk script for report pages: a signed-in admin's bearer token (TOKEN) on every request.
package.path = package.path .. ";" .. os.getenv("BENCH_DIR") .. "/../?.lua"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
done = require("report").done
