-- wrk script: POST /api/v1/decisions with the eight worked examples in turn, each with a case id of its own, signed
-- in as the demo client. Used by benchmarks/http-ratio.sh and benchmarks/cpu-profile.sh; the bodies are read from
-- the file named by the WRK_BODIES environment variable (one JSON request a line).
local bodies = {}
for line in io.lines(os.getenv("WRK_BODIES")) do
    bodies[#bodies + 1] = line
end
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Basic Y2xpZW50OmNsaWVudC1kZW1vLXB3"

request = function()
    n = n + 1
    local body = bodies[(n % #bodies) + 1]
    body = body:gsub('"caseId":"[^"]*"', '"caseId":"WRK-' .. n .. '"', 1)
    return wrk.format(nil, "/api/v1/decisions", nil, body)
end

-- Prints the answers other than 2xx or 3xx, so a run that failed is never read as a rate.
done = function(summary, latency, requests)
    io.write(string.format("non2xx\t%d\n", summary.errors.status))
end
