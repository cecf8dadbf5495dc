-- wrk script: cycles through a file of requests, one per line: METHOD <tab> PATH [<tab> JSON BODY].
-- Usage: wrk ... -s bench/search-perf/requests.lua URL -- requests-file
local requests = {}
local next_index = 1

function init(args)
  for line in io.lines(args[1]) do
    local method, path, body = line:match("^([^\t]+)\t([^\t]+)\t?(.*)$")
    if body ~= nil and body ~= "" then
      -- "@@NL@@" stands for a newline inside an NDJSON body (_msearch).
      body = body:gsub("@@NL@@", "\n")
      local type = path:find("_msearch") and "application/x-ndjson" or "application/json"
      requests[#requests + 1] = wrk.format(method, path, { ["Content-Type"] = type }, body)
    else
      requests[#requests + 1] = wrk.format(method, path)
    end
  end
  next_index = math.random(#requests)
end

function request()
  next_index = next_index % #requests + 1
  return requests[next_index]
end

function response(status, headers, body)
  if status ~= 200 then
    print("status " .. status .. ": " .. body:sub(1, 200))
  end
end
