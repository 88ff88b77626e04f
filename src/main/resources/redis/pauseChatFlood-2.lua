--[[
  pauseChatFlood: Telegram answered 429 for a chat; no instance sends to it for a while.

  KEYS[1]  the chat's pause, cb:{c:<chatId>}:pause
  KEYS[2]  the chat's bucket, cb:{c:<chatId>}:flood: its field paused tells acquireChatFlood to
           look at the pause, so the bucket is kept at least as long as the pause
  ARGV[1]  retry_after in ms

  Returns the pause left in ms: an earlier, longer pause is kept, never shortened.
]]
local wanted = tonumber(ARGV[1])
local left = redis.call('PTTL', KEYS[1])
if left >= wanted then
  return left
end
redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
redis.call('HSET', KEYS[2], 'paused', '1')
if redis.call('PTTL', KEYS[2]) < wanted then
  redis.call('PEXPIRE', KEYS[2], ARGV[1])
end
return wanted
