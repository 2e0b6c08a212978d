-- wrk script: heartbeats as the player sends them (a form post with the CSRF token, the watch ticket the lesson
-- page gave it, the stretch watched and the position), each wrk thread as one learner, each request on a random one
-- of the bench lessons with that learner's ticket for it. No session cookie or bearer token: the heartbeat path
-- authenticates by the ticket alone (video/WatchTickets).
-- Environment (set by bench/video/run): BENCH_LEARNERS, BENCH_TICKETS_<i> (a file: line n = ticket of lesson b-n),
-- BENCH_CSRF.
package.path = package.path .. ";" .. os.getenv("BENCH_DIR") .. "/../?.lua"
done = require("report").done

local counter = 0

function setup(thread)
  counter = counter + 1
  local n = tonumber(os.getenv("BENCH_LEARNERS"))
  thread:set("tickets_file", os.getenv("BENCH_TICKETS_" .. ((counter - 1) % n + 1)))
  thread:set("id", counter)
end

function init(args)
  tickets = {}
  for line in io.lines(tickets_file) do
    tickets[#tickets + 1] = line
  end
  local csrf = os.getenv("BENCH_CSRF")
  headers = {}
  headers["Content-Type"] = "application/x-www-form-urlencoded"
  headers["Accept"] = "application/json"
  headers["Cookie"] = "csrf-token=" .. csrf
  prefix = "csrf-token=" .. csrf .. "&watched=0-10000&position=10000&ticket="
  math.randomseed(os.time() + id)
end

function request()
  local n = math.random(1, #tickets)
  return wrk.format("POST", "/courses/bench-video/lessons/b-" .. n .. "/video/heartbeat", headers,
    prefix .. tickets[n])
end
