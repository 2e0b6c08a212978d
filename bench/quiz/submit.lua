-- wrk script: each thread submits the open attempts of one learner, one attempt per request, with that learner's
-- bearer token. Threads read their learner from the environment (set by bench/quiz/run):
--   BENCH_LEARNERS=n, BENCH_TOKEN_<i>, BENCH_FIRST_<i>, BENCH_LAST_<i> for i = 1..n.
-- With BENCH_REPEAT=1 the same attempts are submitted again (already graded: the double-submit path); with
-- BENCH_RESULT=1 as well, their results are read instead (GET …/result: the review the learner sees next).
package.path = package.path .. ";" .. os.getenv("BENCH_DIR") .. "/../?.lua"

local counter = 0

function setup(thread)
  counter = counter + 1
  local n = tonumber(os.getenv("BENCH_LEARNERS"))
  local i = (counter - 1) % n + 1
  thread:set("token", os.getenv("BENCH_TOKEN_" .. i))
  thread:set("first", tonumber(os.getenv("BENCH_FIRST_" .. i)))
  thread:set("last", tonumber(os.getenv("BENCH_LAST_" .. i)))
  thread:set("repeat_", os.getenv("BENCH_REPEAT") == "1" and 1 or 0)
  thread:set("result_", os.getenv("BENCH_RESULT") == "1" and 1 or 0)
end

function init(args)
  nextId = first
  headers = {}
  headers["Authorization"] = "Bearer " .. token
  headers["Content-Type"] = "application/json"
  headers["Accept"] = "application/json"
end

function request()
  if nextId > last then
    if repeat_ == 1 then
      nextId = first
    else
      -- every attempt of this learner is graded: stop rather than measure re-submits
      wrk.thread:stop()
    end
  end
  local id = nextId
  nextId = nextId + 1
  if result_ == 1 then
    return wrk.format("GET", "/api/quiz-attempts/" .. id .. "/result", headers)
  end
  return wrk.format("POST", "/api/quiz-attempts/" .. id .. "/submit", headers, "{}")
end

done = require("report").done
