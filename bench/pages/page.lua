-- wrk script for the pages: the same for the bare baseline and every page, so that they pay the same client cost.
-- COOKIE (optional): the Cookie header of a signed-in browser (session, CSRF). A page that answers anything but 200
-- (a redirect to the sign-in page once a session has ended or expired, say) is counted in not200.
package.path = package.path .. ";" .. os.getenv("BENCH_DIR") .. "/../?.lua"
local report = require("report")
local cookie = os.getenv("COOKIE")
if cookie and cookie ~= "" then
  wrk.headers["Cookie"] = cookie
end
-- as a browser asks for a page; ACCEPT=application/json for the JSON API (a Qute page answers 406 to that)
wrk.headers["Accept"] = os.getenv("ACCEPT") or "text/html"

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

not200 = 0

function response(status, headers, body)
  if status ~= 200 then
    not200 = not200 + 1
  end
end

function done(summary, latency, requests)
  local n = 0
  for _, thread in ipairs(threads) do
    n = n + (thread:get("not200") or 0)
  end
  report.done(summary, latency, requests)
  io.write(string.format("NOT200 %d\n", n))
end
