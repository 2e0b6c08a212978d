-- wrk script: the media playlist a player fetches (the app rewrites every segment to a presigned URL),
-- each thread as one enrolled learner. Environment: BENCH_LEARNERS, BENCH_TOKEN_<i>, BENCH_PLAYLIST.
package.path = package.path .. ";" .. os.getenv("BENCH_DIR") .. "/../?.lua"
done = require("report").done

local counter = 0

function setup(thread)
  counter = counter + 1
  local n = tonumber(os.getenv("BENCH_LEARNERS"))
  thread:set("token", os.getenv("BENCH_TOKEN_" .. ((counter - 1) % n + 1)))
end

function init(args)
  headers = {}
  headers["Authorization"] = "Bearer " .. token
  path = os.getenv("BENCH_PLAYLIST")
end

function request()
  return wrk.format("GET", path, headers)
end
