--[[
  pauseChatFlood: Telegram answered 429 for a chat; no instance sends to it for a while.

  KEYS[1]  the chat's pause, cb:{c:<chatId>}:pause
  ARGV[1]  retry_after in ms

  Returns the pause left in ms: an earlier, longer pause is kept, never shortened.
]]
local wanted = tonumber(ARGV[1])
local left = redis.call('PTTL', KEYS[1])
if left >= wanted then
  return left
end
redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
return wanted
