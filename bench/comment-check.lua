-- wrk script: Akismet comment-check calls with varied comments, as a busy blog network would send them.
local n = 0
local texts = {
  "Thanks for the clear explanation of the budget vote.",
  "Great article, check out my site for cheap watches http://watches.example/buy",
  "I disagree with the second point, the data shows the opposite.",
  "Earn money from home!!! Click http://cash.example now",
}
request = function()
  n = n + 1
  local body = "api_key=" .. os.getenv("KEY") .. "&blog=https%3A%2F%2Fblog.example&user_ip=198.51.100." .. (n % 250)
    .. "&user_agent=Mozilla%2F5.0&comment_type=comment&comment_author=Reader+" .. (n % 97)
    .. "&comment_author_email=reader" .. (n % 97) .. "%40example.org&comment_content="
    .. string.gsub(texts[(n % #texts) + 1] .. " " .. n, " ", "+")
  return wrk.format("POST", "/1.1/comment-check", { ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end
