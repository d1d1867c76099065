-- SPDX-License-Identifier: Apache-2.0
-- wrk script for bench/serve-load.sh: random customers/items/segments/queries per scene, an optional target
-- rate (per-connection delay; wrk is closed-loop, so latencies under saturation understate queueing), and one
-- RESULT line with counts and p50/p99/p99.9/max latency in milliseconds.
-- Arguments after "--": scene ids-dir target-rate(0 = as fast as possible) connections api-key
local scene, key
local users, items, segments, queries = {}, {}, {}, {}
local delay_ms = 0

local function lines(path)
  local t = {}
  local f = io.open(path, "r")
  if f then
    for l in f:lines() do
      if #l > 0 then t[#t + 1] = l end
    end
    f:close()
  end
  return t
end

function init(args)
  scene = args[1]
  local dir = args[2]
  local rate = tonumber(args[3])
  local connections = tonumber(args[4])
  key = args[5]
  users = lines(dir .. "/users.txt")
  items = lines(dir .. "/items.txt")
  segments = lines(dir .. "/segments.txt")
  queries = lines(dir .. "/queries.txt")
  -- Rounded down: the time a request takes adds to the delay, so pacing errs towards the target.
  if rate > 0 then delay_ms = math.floor(1000 * connections / rate) end
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

function delay()
  return delay_ms
end

local function pick(t) return t[math.random(#t)] end

function request()
  local path
  if scene == "similar" then
    path = "/v1/items/" .. pick(items) .. "/similar"
  elseif scene == "bought-together" then
    path = "/v1/items/" .. pick(items) .. "/bought-together"
  elseif scene == "home" then
    path = "/v1/users/" .. pick(users) .. "/home"
  elseif scene == "search" then
    path = "/v1/users/" .. pick(users) .. "/search?q=" .. pick(queries)
  elseif scene == "promotions" then
    path = "/v1/segments/" .. pick(segments) .. "/promotions"
  else
    path = "/health"
  end
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. key })
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %.2f %.2f %.2f %.2f\n", summary.requests, summary.duration,
    e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
    latency.max / 1000))
end
