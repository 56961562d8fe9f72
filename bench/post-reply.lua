-- wrk script: posts a new reply per request with the form's real time token, as a reader's browser would, and counts
-- the replies the site accepted (a 303 to "#comment-N") apart from anything else.
local counter = 0
-- Each wrk run writes new words: a text sent twice to one story is refused (422) as already said.
local run = os.getenv("RUN") or tostring(os.time())
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  accepted = 0
  other = 0
  statuses = {} -- what the answers that were not an accepted reply were, by status
end

request = function()
  counter = counter + 1
  local body = "comment=" .. "Benchmark+reply+number+" .. run .. "-" .. id .. "-" .. counter .. "+about+the+ferry+timetable+and+the+new+harbour+stop."
    .. "&author=Bench+Reader+" .. id .. "&email=reader" .. id .. "%40example.org&url="
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
    statuses[status] = (statuses[status] or 0) + 1
  end
end

done = function(summary, latency, requests)
  local a, o, by = 0, 0, {}
  for _, t in ipairs(threads) do
    a = a + t:get("accepted")
    o = o + t:get("other")
    for code, n in pairs(t:get("statuses")) do by[code] = (by[code] or 0) + n end
  end
  local codes = {}
  for code, n in pairs(by) do table.insert(codes, code .. ":" .. n) end
  table.sort(codes)
  local seconds = summary.duration / 1e6
  io.write(string.format("ACCEPTED %d OTHER %d SECONDS %.1f ACCEPTED_PER_SECOND %.0f P50_MS %.1f P99_MS %.1f%s\n",
    a, o, seconds, a / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    #codes > 0 and (" OTHER_BY_STATUS " .. table.concat(codes, ",")) or ""))
end
