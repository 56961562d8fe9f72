-- wrk script: posts a new comment per request to WordPress's wp-comments-post.php, as a reader's browser sends the
-- form, and counts the comments WordPress accepted (a 302 to "#comment-N") apart from anything else.
local counter = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  accepted = 0
  other = 0
  run = os.getenv("RUN") or "0"
end

request = function()
  counter = counter + 1
  -- Each text is new: WordPress refuses a duplicate comment.
  local body = "comment_post_ID=" .. os.getenv("POST_ID") .. "&comment_parent=0"
    .. "&comment=Bench+comment+" .. run .. "-" .. id .. "-" .. counter .. "+about+the+ferry+timetable+and+the+new+harbour+stop."
    .. "&author=Bench+Reader+" .. id .. "&email=reader" .. id .. "%40example.org&url="
  return wrk.format("POST", "/wp-comments-post.php", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/128.0",
  }, body)
end

response = function(status, headers, body)
  if status == 302 and headers["Location"] and string.find(headers["Location"], "#comment-", 1, true) then
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
  io.write(string.format("ACCEPTED %d OTHER %d SECONDS %.1f ACCEPTED_PER_SECOND %.1f P50_MS %.1f P99_MS %.1f\n",
    a, o, seconds, a / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
