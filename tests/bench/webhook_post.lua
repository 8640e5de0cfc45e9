-- wrk script for receive_bench.sh: POSTs a ~1 KB JSON webhook whose id ("<thread>-<n>") is both
-- in an X-Bench-Id header and inside the body, so the store can be checked request by request.
-- Usage: wrk ... -s webhook_post.lua URL -- /path/to/webhook_body.json
-- The body file holds the JSON with {{ID}} wherever the id goes.

local threads = {}

function setup(thread)
    table.insert(threads, thread)
    thread:set("thread_id", #threads)
end

function init(args)
    local file = assert(io.open(args[1], "rb"), "cannot open the body template " .. tostring(args[1]))
    local template = file:read("*a")
    file:close()
    -- Split once around the placeholders; each request then costs one table.concat.
    pieces = {}
    local start = 1
    while true do
        local first, last = string.find(template, "{{ID}}", start, true)
        if not first then
            break
        end
        table.insert(pieces, string.sub(template, start, first - 1))
        start = last + 1
    end
    table.insert(pieces, string.sub(template, start))
    sent = 0
    acknowledged = 0
    other = 0
end

function request()
    sent = sent + 1
    local id = thread_id .. "-" .. sent
    local headers = {
        ["Content-Type"] = "application/json",
        ["User-Agent"] = "hookbench-bench/1 (wrk)",
        ["X-Bench-Id"] = id,
    }
    return wrk.format("POST", "/hooks/bench", headers, table.concat(pieces, id))
end

function response(status, headers, body)
    if status >= 200 and status < 300 then
        acknowledged = acknowledged + 1
    else
        other = other + 1
    end
end

function done(summary, latency, requests)
    local totalSent, totalAcknowledged, totalOther = 0, 0, 0
    for _, thread in ipairs(threads) do
        totalSent = totalSent + thread:get("sent")
        totalAcknowledged = totalAcknowledged + thread:get("acknowledged")
        totalOther = totalOther + thread:get("other")
    end
    local seconds = summary.duration / 1e6
    local errors = summary.errors
    io.write(string.format(
        "BENCH requests=%d rps=%.1f p50_us=%d p99_us=%d sent=%d acknowledged=%d other=%d "
            .. "connect_errors=%d read_errors=%d write_errors=%d timeouts=%d threads=%d\n",
        summary.requests, summary.requests / seconds, latency:percentile(50),
        latency:percentile(99), totalSent, totalAcknowledged, totalOther, errors.connect,
        errors.read, errors.write, errors.timeout, #threads))
end
