-- wrk script for the second baseline: an existing authenticated JSON endpoint of the API (bearer token, a few
-- small queries), to tell the cost of the framework, the token and the database round trips from the grading.
package.path = package.path .. ";" .. os.getenv("BENCH_DIR") .. "/../?.lua"

wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN_1")
wrk.headers["Accept"] = "application/json"

done = require("report").done
