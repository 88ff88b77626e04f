--[[
  refundChatFlood: give back a token taken by acquireChatFlood for a message that was not sent
  (the global budget said no at the same moment).

  KEYS[1]  the chat's bucket, cb:{c:<chatId>}:flood, fields tokens, ts
  ARGV[1]  capacity (the burst)

  Returns 1 when a token was given back, 0 when the bucket is gone (it was full anyway).
]]
local tokens = tonumber(redis.call('HGET', KEYS[1], 'tokens'))
if tokens == nil then
  return 0
end
tokens = math.min(tonumber(ARGV[1]), tokens + 1)
redis.call('HSET', KEYS[1], 'tokens', string.format('%.6f', tokens))
return 1
