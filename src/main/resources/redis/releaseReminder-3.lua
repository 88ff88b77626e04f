--[[
  releaseReminder: give back a claim that was not delivered (on shutdown), due at once.

  KEYS[1]  pending, cb:{due:<n>}:pending, sorted set: member <userId>:<id>, score due epoch millis
  KEYS[2]  leased,  cb:{due:<n>}:leased,  sorted set: member <userId>:<id>, score lease end millis
  KEYS[3]  dues,    cb:{due:<n>}:dues,    hash: member -> due epoch millis, while leased
  ARGV[1]  the member, <userId>:<id>
  ARGV[2]  the claim's lease end, epoch millis (its token, as in ackReminder)
  ARGV[3]  the claim's due time, epoch millis: in the past, so due at once

  If the reminder was rescheduled meanwhile, the sooner of the two times wins (ZADD LT).

  Returns
    1   released
    0   the lease is no longer this claim's: nothing changed
]]
local score = redis.call('ZSCORE', KEYS[2], ARGV[1])
if score and tonumber(score) == tonumber(ARGV[2]) then
  redis.call('ZREM', KEYS[2], ARGV[1])
  redis.call('HDEL', KEYS[3], ARGV[1])
  redis.call('ZADD', KEYS[1], 'LT', ARGV[3], ARGV[1])
  return 1
end
return 0
