--[[
  acquireChatFlood: take one token from a chat's flood bucket, unless Telegram paused the chat.

  commitSession-3 repeats these lines for a user's private chat: change both together.

  KEYS[1]  the chat's bucket, cb:{c:<chatId>}:flood (a private chat's under the user's tag,
           cb:{u:<id>}:flood), fields tokens, ts (ms, the callers' clocks), and paused, set by pauseChatFlood: only then is the pause key looked at, which saves
           a command on every message
  KEYS[2]  the chat's pause, cb:{c:<chatId>}:pause (or {u:<id>}), present while a 429's retry_after runs
  ARGV[1]  now, ms since the epoch, by the caller's clock
  ARGV[2]  refill, tokens a second
  ARGV[3]  capacity (the burst)

  Returns
    0        a token was taken: send now
    n > 0    wait n ms and ask again; nothing was taken

  Time is the caller's so that tests can move it; instances' clocks differ by a little, and a
  clock behind the stored ts simply refills nothing (ts never moves back). A pause, by contrast,
  is timed by Redis itself (PTTL), as Telegram's retry_after is a duration, not a moment. The
  bucket expires once it would be full again, so an idle chat leaves nothing behind.
]]
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts', 'paused')
if state[3] then
  local paused = redis.call('PTTL', KEYS[2])
  if paused > 0 then
    return paused
  end
  redis.call('HDEL', KEYS[1], 'paused')
end

local now = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local capacity = tonumber(ARGV[3])
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
if tokens < 1 - 1e-6 then
  return math.max(1, math.ceil((1 - tokens) * 1000 / rate - 1e-3))
end

tokens = math.max(0, tokens - 1)
redis.call('HSET', KEYS[1], 'tokens', string.format('%.6f', tokens), 'ts', string.format('%d', ts))
redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) * 1000 / rate) + 1000)
return 0
