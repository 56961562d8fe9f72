-- wrk script: posts a new reply per request, as a reader's browser sends the form, and counts the replies the site
-- accepted (a redirect to "#comment-N") apart from anything else. One script for every bench, set by environment:
--   TARGET=gazette (default): POST_PATH and FORM_TOKEN (the form's real time token); bench/replies, bench/cluster.
--     NOTIFY=yes also ticks "Notify me of replies" from a new address per reply, so each one writes mail to the
--     outbox as well (bench/mail). MIX=typical instead: every 5th reply carries the words "hold for moderation" (the
--     bench sets them as a moderation key, so it is held) and every 10th, another one, ticks "Notify me" from a new
--     address.
--   TARGET=wordpress: POST_ID, and RUN to keep texts new across runs (WordPress refuses a duplicate comment);
--     posts to wp-comments-post.php (akismet.WordPressBench, bench/wordpress).
local counter = 0
-- Each wrk run writes new words: a text sent twice to one story is refused (422) as already said.
local run = os.getenv("RUN") or tostring(os.time())
local threads = {}
local wordpress = os.getenv("TARGET") == "wordpress"
local notify = os.getenv("NOTIFY") == "yes"
local mix = os.getenv("MIX") == "typical"

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  accepted = 0
  other = 0
  statuses = {} -- what the answers that were not an accepted reply were, by status
end

local about = "+about+the+ferry+timetable+and+the+new+harbour+stop."

request = function()
  counter = counter + 1
  if wordpress then
    local body = "comment_post_ID=" .. os.getenv("POST_ID") .. "&comment_parent=0"
      .. "&comment=Bench+comment+" .. run .. "-" .. id .. "-" .. counter .. about
      .. "&author=Bench+Reader+" .. id .. "&email=reader" .. id .. "%40example.org&url="
    return wrk.format("POST", "/wp-comments-post.php", {
      ["Content-Type"] = "application/x-www-form-urlencoded",
      ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/128.0",
    }, body)
  end
  local ticks = mix and counter % 10 == 3 or (not mix and notify)
  local held = mix and counter % 5 == 0
  local email = ticks and ("reader" .. id .. "-" .. counter .. "%40example.org") or ("reader" .. id .. "%40example.org")
  local body = "comment=Benchmark+reply+number+" .. run .. "-" .. id .. "-" .. counter .. about
    .. (held and "+Please+hold+for+moderation." or "")
    .. (ticks and "&notify=yes" or "")
    .. "&author=Bench+Reader+" .. id .. "&email=" .. email .. "&url="
    .. "&form_token=" .. os.getenv("FORM_TOKEN") .. "&phone=&comment_parent="
  return wrk.format("POST", os.getenv("POST_PATH"), {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Sec-Fetch-Site"] = "same-origin",
  }, body)
end

response = function(status, headers, body)
  local redirect = wordpress and 302 or 303
  -- HAProxy hands header names on in lower case; wrk's table is case-sensitive.
  local location = headers["Location"] or headers["location"]
  if status == redirect and location and string.find(location, "#comment-", 1, true) then
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
  io.write(string.format("ACCEPTED %d OTHER %d SECONDS %.1f ACCEPTED_PER_SECOND %.1f P50_MS %.1f P99_MS %.1f%s\n",
    a, o, seconds, a / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    #codes > 0 and (" OTHER_BY_STATUS " .. table.concat(codes, ",")) or ""))
end
