-- wrk script for bench/mail: posts a new reply per request from a new address with "Notify me of replies" ticked,
-- so each reply (held for a moderator) also writes a confirmation mail and a moderator notice to the outbox.
local counter = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  accepted = 0
  other = 0
end

request = function()
  counter = counter + 1
  local body = "comment=" .. "Benchmark+reply+number+" .. id .. "-" .. counter .. "+about+the+ferry+timetable+and+the+new+harbour+stop."
    .. "&notify=yes"
    .. "&author=Bench+Reader+" .. id .. "&email=reader" .. id .. "-" .. counter .. "%40example.org&url="
    .. "&form_token=" .. os.getenv("FORM_TOKEN") .. "&phone=&comment_parent="
  return wrk.format("POST", os.getenv("POST_PATH"), {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Sec-Fetch-Site"] = "same-origin",
  }, body)
end

response = function(status, headers, body)
  if status == 303 and headers["Location"] and string.find(headers["Location"], "#comment-", 1, true) then
    accepted = accepted + 1
  else
    other = other + 1
  end
end

done = function(summary, latency, requests)
  local a, o = 0, 0
  for _, t in ipairs(threads) do
    a = a + t:get("accepted")
    o = o + t:get("other")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("ACCEPTED %d OTHER %d SECONDS %.1f ACCEPTED_PER_SECOND %.0f P50_MS %.1f P99_MS %.1f\n",
    a, o, seconds, a / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
