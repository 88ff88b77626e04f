--[[
  commitSession: compare-and-set write of one user's session, with a replay check; once committed,
  optionally takes one flood token for the user's private chat, since the step's message goes there
  next. That saves the message its own round trip to acquireChatFlood-2, whose token-bucket lines
  this script repeats (Lua scripts cannot share code): change both together.

  KEYS[1]  the session hash, cb:{u:<userId>}:session, fields ver, upd, data
  KEYS[2]  the private chat's flood bucket, cb:{u:<userId>}:flood (see acquireChatFlood-2)
  KEYS[3]  the private chat's pause, cb:{u:<userId>}:pause
  ARGV[1]  expected version (0: no session yet)
  ARGV[2]  the Telegram update id being applied (0: our own event, no replay check)
  ARGV[3]  the new session data (bytes)
  ARGV[4]  time to live in seconds, refreshed on every write
  ARGV[5]  1: take a flood token once committed; 0: leave the flood keys alone
  ARGV[6]  now, ms since the epoch, by the flood gate's clock (when ARGV[5] is 1)
  ARGV[7]  refill, tokens a second
  ARGV[8]  capacity (the burst)

  Returns
    {1, newVersion}              committed (no token asked)
    {1, newVersion, wait}        committed; wait 0: a token was taken, n > 0: none was (the chat is
                                 paused or its bucket empty; the sender waits as usual)
    {2, ver, upd, data}          replay: this update, or a later one, was applied already
    {3, ver, upd, data}          conflict: the stored version is not the expected one
    {3}                          conflict: nothing is stored, yet a version was expected

  Numbers are kept as the caller's decimal strings: Lua 5.1 would print large ones as 1e+15.
]]
local current = redis.call('HMGET', KEYS[1], 'ver', 'upd', 'data')
local ver = tonumber(current[1]) or 0
local upd = tonumber(current[2]) or 0
local updateId = tonumber(ARGV[2])

if updateId > 0 and upd >= updateId then
  return {2, ver, upd, current[3]}
end
if ver ~= tonumber(ARGV[1]) then
  if current[1] == false then
    return {3}
  end
  return {3, ver, upd, current[3]}
end

local newVersion = ver + 1
local newUpd = current[2] or '0'
if updateId > upd then
  newUpd = ARGV[2]
end
redis.call('HSET', KEYS[1], 'ver', string.format('%d', newVersion), 'upd', newUpd, 'data', ARGV[3])
redis.call('EXPIRE', KEYS[1], ARGV[4])
if ARGV[5] ~= '1' then
  return {1, newVersion}
end

-- acquireChatFlood-2, on KEYS[2] and KEYS[3]
local state = redis.call('HMGET', KEYS[2], 'tokens', 'ts', 'paused')
if state[3] then
  local paused = redis.call('PTTL', KEYS[3])
  if paused > 0 then
    return {1, newVersion, paused}
  end
  redis.call('HDEL', KEYS[2], 'paused')
end
local now = tonumber(ARGV[6])
local rate = tonumber(ARGV[7])
local capacity = tonumber(ARGV[8])
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
if tokens < 1 - 1e-6 then
  return {1, newVersion, math.max(1, math.ceil((1 - tokens) * 1000 / rate - 1e-3))}
end
tokens = math.max(0, tokens - 1)
redis.call('HSET', KEYS[2], 'tokens', string.format('%.6f', tokens), 'ts', string.format('%d', ts))
redis.call('PEXPIRE', KEYS[2], math.ceil((capacity - tokens) * 1000 / rate) + 1000)
return {1, newVersion, 0}
