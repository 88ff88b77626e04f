--[[
  reserveGlobalFlood: take n tokens from the bucket all chats and all instances share, for the
  caller to spend locally within a short window.

  KEYS[1]  the global bucket, cb:{flood}:global, fields tokens, ts (ms, the callers' clocks)
  ARGV[1]  now, ms since the epoch, by the caller's clock
  ARGV[2]  refill, tokens a second
  ARGV[3]  capacity (the burst)
  ARGV[4]  n, the tokens wanted, at least 1 (more than the capacity counts as the capacity)

  Returns
    {n, nextMs}        n tokens were taken; n more will be there in nextMs (0: already are)
    {0, waitMs}        the bucket holds fewer than n: wait waitMs (until it holds n) and ask again

  All or nothing: a busy caller asks for a batch and, when the bucket runs dry, waits for a whole
  batch instead of coming back for every single token, so a saturated sender still makes one
  global call per batch; nextMs lets it sleep until then without asking. A wait is at most a
  lease's worth of the rate.
  Time is the caller's (see acquireChatFlood); the key expires once the bucket would be full.
]]
local now = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local capacity = tonumber(ARGV[3])
local wanted = math.min(tonumber(ARGV[4]), capacity)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1])
local ts = tonumber(state[2])
if tokens == nil or ts == nil then
  tokens = capacity
  ts = now
end
if now > ts then
  tokens = math.min(capacity, tokens + (now - ts) * rate / 1000)
  ts = now
end
-- tokens are stored to six decimals: forgive that much rounding
if tokens < wanted - 1e-6 then
  return {0, math.max(1, math.ceil((wanted - tokens) * 1000 / rate - 1e-3))}
end

tokens = math.max(0, tokens - wanted)
redis.call('HSET', KEYS[1], 'tokens', string.format('%.6f', tokens), 'ts', string.format('%d', ts))
redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) * 1000 / rate) + 1000)
local nextMs = 0
if tokens < wanted - 1e-6 then
  nextMs = math.max(1, math.ceil((wanted - tokens) * 1000 / rate - 1e-3))
end
return {wanted, nextMs}
