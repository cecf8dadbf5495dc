local n = 0
request = function()
  n = n + 1
  local body = string.format('{"body":"Answer number %d from the write benchmark, with enough words %d."}', n, math.random(1, 1000000000))
  return wrk.format("POST", THREAD_PATH, {["Content-Type"]="application/json", ["Authorization"]="Bearer " .. TOKEN}, body)
end
